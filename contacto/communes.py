"""The 52 communes of the Región Metropolitana de Santiago, grouped by province.

Used for the form's comuna field and the staff inbox filter. Stored values are
slugs so that a comuna's spelling can be corrected without touching old requests.
"""

from django.utils.text import slugify

PROVINCES = {
    "Santiago": [
        "Cerrillos",
        "Cerro Navia",
        "Conchalí",
        "El Bosque",
        "Estación Central",
        "Huechuraba",
        "Independencia",
        "La Cisterna",
        "La Florida",
        "La Granja",
        "La Pintana",
        "La Reina",
        "Las Condes",
        "Lo Barnechea",
        "Lo Espejo",
        "Lo Prado",
        "Macul",
        "Maipú",
        "Ñuñoa",
        "Pedro Aguirre Cerda",
        "Peñalolén",
        "Providencia",
        "Pudahuel",
        "Quilicura",
        "Quinta Normal",
        "Recoleta",
        "Renca",
        "San Joaquín",
        "San Miguel",
        "San Ramón",
        "Santiago",
        "Vitacura",
    ],
    "Cordillera": ["Pirque", "Puente Alto", "San José de Maipo"],
    "Chacabuco": ["Colina", "Lampa", "Tiltil"],
    "Maipo": ["Buin", "Calera de Tango", "Paine", "San Bernardo"],
    "Melipilla": ["Alhué", "Curacaví", "María Pinto", "Melipilla", "San Pedro"],
    "Talagante": ["El Monte", "Isla de Maipo", "Padre Hurtado", "Peñaflor", "Talagante"],
}

COMMUNES = sorted((name for names in PROVINCES.values() for name in names), key=lambda n: slugify(n))
COMMUNE_CHOICES = [(slugify(name), name) for name in COMMUNES]


def commune_name(value):
    """The display name of a stored comuna slug (the slug itself when unknown)."""
    return dict(COMMUNE_CHOICES).get(value, value)
