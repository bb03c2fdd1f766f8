"""Demo content of the Programa de Gobierno: illustrative commitments on the seed's themes.

The seed describes this section but lists no commitments, so these twelve are examples,
and every one says so in its summary and description. Their themes are the topics of the
advisory councils and round tables of the seed (movilidad, acción climática, emergencia
hídrica, seguridad, vivienda, género, medio ambiente, transparencia, modernización,
desarrollo económico). Milestones sit at different stages so that every status of the OGP
scale appears, one status is overridden with its reason, and one commitment has no
milestones yet. Evidence documents and images are generated here (small PDFs and PNG
charts), so the demo needs no file from outside.

Everything is get-or-create: a second run changes nothing.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from base.demo import get_or_create_page, translate

from . import progress as rules
from .models import CompromisoPage, EnlaceCompromiso, Hito, ImagenCompromiso, ProgramaIndexPage, RegistroAvance, Tema

D = datetime.date
ILLUSTRATIVE = (
    "Ejemplo ilustrativo: este compromiso fue redactado para mostrar cómo funciona esta sección "
    "y no corresponde a un compromiso oficial del Programa de Gobierno.",
    "Illustrative example: this commitment was written to show how this section works and is not "
    "an official commitment of the Government Programme.",
)
SUMMARY_PREFIX = ("Ejemplo ilustrativo. ", "Illustrative example. ")

INDEX = {
    "title": ("Programa de Gobierno", "Government Programme"),
    "introduction": (
        "Los compromisos del programa del Gobernador, cada uno con sus hitos, su avance calculado y la "
        "evidencia que lo respalda, para que cualquier persona pueda revisar qué se prometió, cuánto se "
        "ha avanzado y reutilizar estos datos.",
        "The commitments of the Governor's programme, each with its milestones, its computed progress and "
        "the evidence behind it, so that anyone can check what was promised, how far it has come and "
        "reuse this data.",
    ),
    "examples": (
        "Los compromisos publicados en esta versión de demostración son ejemplos ilustrativos.",
        "The commitments published in this demo version are illustrative examples.",
    ),
}

TEMAS = [
    (
        "movilidad",
        ("Movilidad", "Mobility"),
        ("Transporte público, ciclovías y calles seguras.", "Public transport, cycle lanes and safe streets."),
    ),
    (
        "accion-climatica",
        ("Acción climática", "Climate action"),
        ("Mitigación y adaptación al cambio climático.", "Climate change mitigation and adaptation."),
    ),
    (
        "agua",
        ("Agua y emergencia hídrica", "Water and water emergency"),
        ("Seguridad hídrica de la región.", "Water security for the region."),
    ),
    (
        "seguridad",
        ("Seguridad", "Security"),
        ("Prevención del delito y espacios públicos seguros.", "Crime prevention and safe public spaces."),
    ),
    (
        "vivienda",
        ("Vivienda y desarrollo urbano", "Housing and urban development"),
        (
            "Vivienda, ordenamiento territorial y desarrollo urbano.",
            "Housing, land-use planning and urban development.",
        ),
    ),
    (
        "genero",
        ("Género", "Gender"),
        ("Igualdad de género y vidas libres de violencia.", "Gender equality and lives free from violence."),
    ),
    (
        "medio-ambiente",
        ("Medio ambiente y biodiversidad", "Environment and biodiversity"),
        ("Áreas verdes, biodiversidad y residuos.", "Green areas, biodiversity and waste."),
    ),
    (
        "transparencia",
        ("Transparencia y probidad", "Transparency and integrity"),
        (
            "Gobierno abierto, probidad y acceso a la información.",
            "Open government, integrity and access to information.",
        ),
    ),
    (
        "modernizacion",
        ("Modernización y transformación digital", "Modernisation and digital transformation"),
        ("Trámites simples y digitales.", "Simple, digital procedures."),
    ),
    (
        "desarrollo-economico",
        ("Desarrollo económico", "Economic development"),
        ("Empleo, emprendimiento e innovación.", "Employment, entrepreneurship and innovation."),
    ),
]

# Evidence kinds: ("doc", description) a generated PDF; ("img", description) a generated
# picture whose description is its alt text; ("url", description, address) a link.
ACTA = ("Acta de aprobación (documento ilustrativo)", "Approval minutes (illustrative document)")
INFORME = ("Informe de avance (documento ilustrativo)", "Progress report (illustrative document)")
FOTO = (
    "Imagen ilustrativa del hito cumplido (ejemplo generado)",
    "Illustrative image of the completed milestone (generated example)",
)
SITIO = (
    "Publicación en el sitio del Gobierno de Santiago (enlace de ejemplo)",
    "Publication on the Gobierno de Santiago website (example link)",
)
GORE_URL = "https://www.gobiernosantiago.cl/"


def m(title, due, done=None, weight=1, evidence=None):
    """One milestone: (title pair, due date, completion date, weight, evidence)."""
    return {"title": title, "due": due, "done": done, "weight": weight, "evidence": evidence}


COMMITMENTS = [
    {
        "slug": "red-regional-de-ciclovias",
        "tema": "movilidad",
        "title": ("Red regional de ciclovías conectadas", "Connected regional cycle-lane network"),
        "summary": (
            "Conectar las ciclovías comunales en una red continua y segura.",
            "Connect the municipal cycle lanes into one continuous, safe network.",
        ),
        "problem": (
            "Las ciclovías de la región están fragmentadas entre comunas, lo que desincentiva el uso "
            "de la bicicleta y expone a ciclistas a tramos sin protección.",
            "The region's cycle lanes are fragmented between municipalities, which discourages cycling "
            "and exposes cyclists to unprotected stretches.",
        ),
        "description": (
            "Diseñar y construir los tramos que faltan para unir las ciclovías existentes, junto a la "
            "Mesa Santiago Pedaleable y Caminable.",
            "Design and build the missing stretches that join the existing cycle lanes, together with "
            "the Walkable and Cyclable Santiago round table.",
        ),
        "lead": ("División de Infraestructura y Transporte", "Infrastructure and Transport Division"),
        "actors": (
            "Mesa Santiago Pedaleable y Caminable; municipios",
            "Walkable and Cyclable Santiago round table; municipalities",
        ),
        "start": D(2023, 3, 1),
        "end": D(2026, 12, 31),
        "milestones": [
            m(
                ("Diagnóstico de la red existente", "Diagnosis of the existing network"),
                D(2023, 6, 30),
                D(2023, 6, 20),
                2,
                ("doc", INFORME),
            ),
            m(
                ("Diseño de 50 km de nuevos tramos", "Design of 50 km of new stretches"),
                D(2024, 3, 31),
                D(2024, 4, 15),
                3,
                ("doc", ACTA),
            ),
            m(
                ("Licitación de las obras", "Tender for the works"),
                D(2024, 9, 30),
                D(2024, 10, 5),
                2,
                ("url", SITIO, GORE_URL),
            ),
            m(("Construcción del primer tramo", "Construction of the first stretch"), D(2026, 6, 30), None, 3),
        ],
        "gallery": True,
    },
    {
        "slug": "electromovilidad-transporte-publico",
        "tema": "movilidad",
        "title": ("Buses eléctricos en corredores regionales", "Electric buses on regional corridors"),
        "summary": (
            "Incorporar buses eléctricos en los recorridos rurales de la región.",
            "Bring electric buses to the region's rural routes.",
        ),
        "problem": (
            "Los servicios rurales usan buses diésel antiguos, más contaminantes y menos accesibles.",
            "Rural services run old diesel buses, which pollute more and are less accessible.",
        ),
        "description": (
            "Cofinanciar la renovación de flota y los cargadores en terminales rurales.",
            "Co-finance fleet renewal and chargers at rural terminals.",
        ),
        "lead": ("División de Infraestructura y Transporte", "Infrastructure and Transport Division"),
        "actors": ("Ministerio de Transportes; operadores", "Ministry of Transport; operators"),
        "start": D(2024, 1, 1),
        "end": D(2027, 6, 30),
        "milestones": [
            m(
                ("Estudio de demanda y rutas", "Demand and route study"),
                D(2024, 8, 31),
                D(2024, 8, 20),
                1,
                ("doc", INFORME),
            ),
            m(("Convenio de cofinanciamiento", "Co-financing agreement"), D(2025, 3, 31), None, 2),
            m(("Instalación de cargadores", "Installation of chargers"), D(2026, 6, 30), None, 3),
            m(("Entrada en operación de 40 buses", "40 buses in service"), D(2027, 6, 30), None, 4),
        ],
    },
    {
        "slug": "plan-regional-de-accion-climatica",
        "tema": "accion-climatica",
        "title": ("Plan regional de acción climática", "Regional climate action plan"),
        "summary": (
            "Aprobar y publicar el plan de mitigación y adaptación de la región.",
            "Approve and publish the region's mitigation and adaptation plan.",
        ),
        "problem": (
            "La región no contaba con metas propias de reducción de emisiones ni con medidas de "
            "adaptación al calor extremo.",
            "The region had no targets of its own to cut emissions nor measures to adapt to extreme heat.",
        ),
        "description": (
            "Elaborar el plan con el Consejo Asesor de Acción Climática y someterlo a consulta.",
            "Draft the plan with the Climate Action Advisory Council and put it to public consultation.",
        ),
        "lead": ("División de Planificación y Desarrollo Regional", "Regional Planning and Development Division"),
        "actors": ("Consejo Asesor de Acción Climática", "Climate Action Advisory Council"),
        "start": D(2023, 1, 1),
        "end": D(2025, 6, 30),
        "milestones": [
            m(("Inventario de emisiones", "Emissions inventory"), D(2023, 9, 30), D(2023, 9, 15), 2, ("doc", INFORME)),
            m(
                ("Consulta ciudadana del borrador", "Public consultation on the draft"),
                D(2024, 6, 30),
                D(2024, 6, 28),
                1,
                ("url", SITIO, GORE_URL),
            ),
            m(
                ("Aprobación del plan por el Consejo Regional", "Approval of the plan by the Regional Council"),
                D(2025, 3, 31),
                D(2025, 3, 20),
                2,
                ("doc", ACTA),
            ),
        ],
        "gallery": True,
    },
    {
        "slug": "plan-de-emergencia-hidrica",
        "tema": "agua",
        "title": ("Plan de emergencia hídrica", "Water emergency plan"),
        "summary": (
            "Asegurar agua potable a sectores rurales en años de sequía.",
            "Secure drinking water for rural areas in drought years.",
        ),
        "problem": (
            "La megasequía deja a localidades rurales abastecidas con camiones aljibe.",
            "The megadrought leaves rural localities supplied by water trucks.",
        ),
        "description": (
            "Financiar pozos, estanques y mejoramiento de sistemas de agua potable rural, con la Mesa "
            "de Emergencia Hídrica.",
            "Fund wells, tanks and upgrades to rural drinking-water systems, with the Water Emergency round table.",
        ),
        "lead": ("División de Desarrollo Social y Humano", "Social and Human Development Division"),
        "actors": (
            "Mesa de Emergencia Hídrica; comités de agua potable rural",
            "Water Emergency round table; rural drinking-water committees",
        ),
        "start": D(2023, 4, 1),
        "end": D(2026, 3, 31),
        "related": ["fichas-ciudadanas"],
        "milestones": [
            m(
                ("Catastro de sectores sin abastecimiento", "Survey of areas without supply"),
                D(2023, 8, 31),
                D(2023, 8, 30),
                1,
                ("doc", INFORME),
            ),
            m(
                ("Financiamiento de 12 sistemas de agua potable rural", "Funding for 12 rural water systems"),
                D(2024, 6, 30),
                D(2024, 7, 10),
                3,
                ("doc", ACTA),
            ),
            m(
                ("Obras terminadas en 6 localidades", "Works finished in 6 localities"),
                D(2025, 6, 30),
                D(2025, 7, 1),
                2,
                ("img", FOTO),
            ),
            m(
                ("Obras terminadas en las 12 localidades", "Works finished in all 12 localities"),
                D(2026, 3, 31),
                None,
                2,
            ),
        ],
    },
    {
        "slug": "fondo-del-agua-cuencas",
        "tema": "agua",
        "title": ("Recuperación de cuencas con el Fondo del Agua", "Watershed recovery with the Water Fund"),
        "summary": (
            "Proteger las cabeceras de cuenca que abastecen a la región.",
            "Protect the headwaters that supply the region.",
        ),
        "problem": (
            "La degradación de las cuencas altas reduce la recarga de agua y aumenta la turbiedad.",
            "The degradation of upper watersheds reduces water recharge and increases turbidity.",
        ),
        "description": (
            "Restaurar humedales y bosque nativo junto a la Corporación Fondo de Agua de Santiago.",
            "Restore wetlands and native forest together with the Santiago Water Fund Corporation.",
        ),
        "lead": ("División de Fomento e Industria", "Development and Industry Division"),
        "actors": ("Corporación Fondo de Agua de Santiago", "Santiago Water Fund Corporation"),
        "start": D(2024, 1, 1),
        "end": D(2027, 12, 31),
        "milestones": [
            m(
                ("Priorización de cuencas", "Prioritisation of watersheds"),
                D(2024, 6, 30),
                D(2024, 6, 25),
                1,
                ("doc", INFORME),
            ),
            m(("Restauración de 100 hectáreas", "Restoration of 100 hectares"), D(2026, 6, 30), None, 3),
            m(("Restauración de 300 hectáreas", "Restoration of 300 hectares"), D(2027, 12, 31), None, 4),
        ],
    },
    {
        "slug": "plan-regional-de-prevencion-del-delito",
        "tema": "seguridad",
        "title": ("Plan regional de prevención del delito", "Regional crime prevention plan"),
        "summary": (
            "Iluminar y recuperar espacios públicos en barrios prioritarios.",
            "Light and recover public spaces in priority neighbourhoods.",
        ),
        "problem": (
            "Plazas y paraderos mal iluminados concentran la percepción de inseguridad.",
            "Poorly lit squares and bus stops concentrate the perception of insecurity.",
        ),
        "description": (
            "Financiar luminarias y recuperación de espacios públicos con los municipios de la Red "
            "Municipal de Seguridad.",
            "Fund street lighting and the recovery of public spaces with the municipalities of the "
            "Municipal Security Network.",
        ),
        "lead": ("División de Desarrollo Social y Humano", "Social and Human Development Division"),
        "actors": (
            "Consejo Asesor de Seguridad; Red Municipal de Seguridad",
            "Security Advisory Council; Municipal Security Network",
        ),
        "start": D(2023, 6, 1),
        "end": D(2026, 12, 31),
        "milestones": [
            m(("Mapa de puntos críticos", "Map of hot spots"), D(2023, 12, 31), D(2023, 12, 15), 1, ("doc", INFORME)),
            m(
                ("Convenios con 20 municipios", "Agreements with 20 municipalities"),
                D(2024, 12, 31),
                D(2025, 2, 10),
                1,
                ("doc", ACTA),
            ),
            m(("Instalación de 5.000 luminarias", "Installation of 5,000 street lights"), D(2025, 12, 31), None, 4),
            m(("Evaluación de resultados", "Evaluation of results"), D(2026, 12, 31), None, 2),
        ],
    },
    {
        "slug": "banco-de-suelo-para-vivienda",
        "tema": "vivienda",
        "title": ("Banco de suelo para vivienda social", "Land bank for social housing"),
        "summary": (
            "Reservar terrenos bien ubicados para vivienda social.",
            "Reserve well-located land for social housing.",
        ),
        "problem": (
            "La falta de suelo bien ubicado empuja la vivienda social a la periferia.",
            "The lack of well-located land pushes social housing to the outskirts.",
        ),
        "description": (
            "Identificar y adquirir terrenos cercanos a transporte y servicios.",
            "Identify and acquire land close to transport and services.",
        ),
        "lead": ("División de Planificación y Desarrollo Regional", "Regional Planning and Development Division"),
        "actors": (
            "Consejo Asesor de Vivienda, Ordenamiento Territorial y Desarrollo Urbano",
            "Advisory Council on Housing, Land-Use Planning and Urban Development",
        ),
        "start": D(2025, 1, 1),
        "end": D(2028, 12, 31),
        "milestones": [
            m(("Catastro de terrenos disponibles", "Survey of available land"), D(2026, 12, 31), None, 1),
            m(("Adquisición de los primeros terrenos", "Acquisition of the first plots"), D(2027, 12, 31), None, 3),
            m(("Traspaso a proyectos habitacionales", "Transfer to housing projects"), D(2028, 12, 31), None, 3),
        ],
    },
    {
        "slug": "red-regional-de-atencion-a-mujeres",
        "tema": "genero",
        "title": ("Red regional de atención a mujeres", "Regional support network for women"),
        "summary": (
            "Centros de atención para mujeres que viven violencia en todas las provincias.",
            "Support centres for women experiencing violence in every province.",
        ),
        "problem": (
            "Las provincias rurales no tenían centros de atención especializada cercanos.",
            "Rural provinces had no specialised support centres nearby.",
        ),
        "description": (
            "Abrir un centro por provincia y coordinarlos con la Red Municipal Mujer y Género.",
            "Open one centre per province and coordinate them with the Municipal Women and Gender Network.",
        ),
        "lead": ("División de Desarrollo Social y Humano", "Social and Human Development Division"),
        "actors": (
            "Consejo Asesor de Género; Red Municipal Mujer y Género",
            "Gender Advisory Council; Municipal Women and Gender Network",
        ),
        "start": D(2023, 1, 1),
        "end": D(2025, 12, 31),
        "milestones": [
            m(("Modelo de atención aprobado", "Care model approved"), D(2023, 6, 30), D(2023, 6, 1), 1, ("doc", ACTA)),
            m(("Tres centros abiertos", "Three centres open"), D(2024, 6, 30), D(2024, 5, 30), 2, ("img", FOTO)),
            m(
                ("Seis centros abiertos", "Six centres open"),
                D(2025, 6, 30),
                D(2025, 6, 16),
                2,
                ("url", SITIO, GORE_URL),
            ),
        ],
    },
    {
        "slug": "bosques-de-bolsillo",
        "tema": "medio-ambiente",
        "title": (
            "Bosques de bolsillo en barrios con déficit de áreas verdes",
            "Pocket forests in neighbourhoods short of green space",
        ),
        "summary": (
            "Plantar pequeños bosques nativos en barrios con pocas áreas verdes.",
            "Plant small native forests in neighbourhoods with little green space.",
        ),
        "problem": (
            "Muchos barrios tienen menos áreas verdes por habitante que lo recomendado y sufren islas de calor.",
            "Many neighbourhoods have less green space per inhabitant than recommended and suffer heat islands.",
        ),
        "description": (
            "Plantar bosques de bolsillo con especies nativas y participación de vecinas y vecinos.",
            "Plant pocket forests with native species and the participation of residents.",
        ),
        "lead": ("División de Medio Ambiente", "Environment Division"),
        "actors": (
            "Mesa de Biodiversidad y Medio Ambiente; juntas de vecinos",
            "Biodiversity and Environment round table; neighbourhood associations",
        ),
        "start": D(2023, 5, 1),
        "end": D(2026, 9, 30),
        "milestones": [
            m(
                ("Selección de 30 terrenos", "Selection of 30 sites"),
                D(2023, 10, 31),
                D(2023, 10, 20),
                1,
                ("doc", INFORME),
            ),
            m(
                ("Plantación de 15 bosques", "Planting of 15 forests"),
                D(2024, 10, 31),
                D(2024, 11, 5),
                2,
                ("img", FOTO),
            ),
            m(("Plantación de 30 bosques", "Planting of 30 forests"), D(2026, 9, 30), None, 2),
        ],
        "gallery": True,
    },
    {
        "slug": "caracterizacion-del-programa-de-gobierno",
        "tema": "transparencia",
        "title": ("Seguimiento público del Programa de Gobierno", "Public monitoring of the Government Programme"),
        "summary": (
            "Publicar cada compromiso con sus hitos, avance y evidencia como datos abiertos.",
            "Publish every commitment with its milestones, progress and evidence as open data.",
        ),
        "problem": (
            "La ciudadanía no podía verificar el cumplimiento del programa con datos reutilizables.",
            "Citizens had no reusable data to check how the programme was being delivered.",
        ),
        "description": (
            "Caracterizar los compromisos y publicar su avance en este sitio y en datos abiertos.",
            "Describe each commitment and publish its progress on this site and as open data.",
        ),
        "lead": ("Unidad de Gobierno Abierto", "Open Government Unit"),
        "actors": (
            "Consejo Asesor de Transparencia, Probidad y Gobierno Abierto",
            "Advisory Council on Transparency, Integrity and Open Government",
        ),
        "start": D(2024, 1, 1),
        "end": D(2026, 6, 30),
        "related": ["fichas-ciudadanas"],
        "milestones": [
            m(
                ("Metodología de seguimiento aprobada", "Monitoring methodology approved"),
                D(2024, 6, 30),
                D(2024, 6, 20),
                2,
                ("doc", ACTA),
            ),
            m(
                ("Publicación de los compromisos en el sitio", "Commitments published on the website"),
                D(2025, 3, 31),
                D(2025, 3, 31),
                3,
                ("url", SITIO, GORE_URL),
            ),
            m(
                ("Primera rendición de cuentas con datos abiertos", "First accountability report with open data"),
                D(2026, 6, 30),
                None,
                2,
            ),
        ],
    },
    {
        "slug": "tramites-digitales",
        "tema": "modernizacion",
        "title": ("Trámites digitales del Gobierno de Santiago", "Digital procedures of the Gobierno de Santiago"),
        "summary": (
            "Que los trámites con el Gobierno de Santiago se puedan hacer en línea.",
            "Make procedures with the Gobierno de Santiago available online.",
        ),
        "problem": (
            "Muchas postulaciones y solicitudes aún exigen papel y presencia.",
            "Many applications and requests still require paper and an in-person visit.",
        ),
        "description": (
            "Digitalizar las postulaciones a fondos y las solicitudes ciudadanas.",
            "Digitise fund applications and citizens' requests.",
        ),
        "lead": ("Departamento de Tecnologías de la Información", "Information Technology Department"),
        "actors": (
            "Consejo Asesor de Modernización y Transformación Digital",
            "Modernisation and Digital Transformation Advisory Council",
        ),
        "start": D(2023, 3, 1),
        "end": D(2026, 3, 31),
        "milestones": [
            m(
                ("Plataforma de postulación en línea", "Online application platform"),
                D(2023, 12, 31),
                D(2023, 12, 1),
                3,
                ("url", SITIO, GORE_URL),
            ),
            m(
                ("Firma electrónica en resoluciones", "Electronic signature on resolutions"),
                D(2024, 6, 30),
                D(2024, 6, 30),
                2,
                ("doc", INFORME),
            ),
            m(("80 % de las postulaciones en línea", "80 % of applications online"), D(2026, 3, 31), None, 3),
        ],
        "override": (
            "limitado",
            (
                "La plataforma está disponible, pero solo un tercio de las postulaciones se hace en línea: el equipo "
                "considera que el cumplimiento real es limitado hasta alcanzar la meta de uso.",
                "The platform is available, but only a third of applications are made online: the team considers "
                "actual fulfilment limited until the usage target is met.",
            ),
        ),
    },
    {
        "slug": "apoyo-a-emprendimientos-locales",
        "tema": "desarrollo-economico",
        "title": ("Programa de apoyo a emprendimientos locales", "Local entrepreneurship support programme"),
        "summary": (
            "Capital semilla y asesoría para emprendimientos de barrio.",
            "Seed capital and advice for neighbourhood businesses.",
        ),
        "problem": (
            "Los emprendimientos pequeños tienen poco acceso a financiamiento y a redes.",
            "Small businesses have little access to finance and networks.",
        ),
        "description": (
            "Entregar capital semilla y acompañamiento, y medir la supervivencia de los negocios.",
            "Provide seed capital and mentoring, and measure business survival.",
        ),
        "lead": ("División de Fomento e Industria", "Development and Industry Division"),
        "actors": (
            "Consejo Asesor de Desarrollo Económico, Emprendimiento e Innovación; Mesa de Empleo",
            "Advisory Council on Economic Development, Entrepreneurship and Innovation; Employment round table",
        ),
        "start": D(2024, 3, 1),
        "end": D(2027, 3, 31),
        "milestones": [],
    },
]


def english_mapping():
    """Spanish -> English for every text of the section."""
    mapping = {}
    for key in ("title", "introduction", "examples"):
        mapping[INDEX[key][0]] = INDEX[key][1]
    mapping[ILLUSTRATIVE[0]] = ILLUSTRATIVE[1]
    for _slug, name, description in TEMAS:
        mapping[name[0]] = name[1]
        mapping[description[0]] = description[1]
    for evidence in (ACTA, INFORME, FOTO, SITIO):
        mapping[evidence[0]] = evidence[1]
    for item in COMMITMENTS:
        for key in ("title", "problem", "description", "lead", "actors"):
            mapping[item[key][0]] = item[key][1]
        mapping[SUMMARY_PREFIX[0] + item["summary"][0]] = SUMMARY_PREFIX[1] + item["summary"][1]
        for milestone in item["milestones"]:
            mapping[milestone["title"][0]] = milestone["title"][1]
        if item.get("override"):
            mapping[item["override"][1][0]] = item["override"][1][1]
        if item.get("gallery"):
            alt, caption = gallery_texts(item)
            mapping[alt[0]] = alt[1]
            mapping[caption[0]] = caption[1]
    return mapping


def gallery_texts(item):
    """Alt text and caption (Spanish, English) of a commitment's generated chart."""
    done = sum(1 for milestone in item["milestones"] if milestone["done"])
    total = len(item["milestones"])
    alt = (
        f"Gráfico de barras ilustrativo: {done} de {total} hitos de «{item['title'][0]}» cumplidos.",
        f"Illustrative bar chart: {done} of {total} milestones of “{item['title'][1]}” completed.",
    )
    caption = (
        "Material gráfico ilustrativo generado para la demostración.",
        "Illustrative graphic material generated for the demo.",
    )
    return alt, caption


# Generated files ---------------------------------------------------------------------------


def minimal_pdf(text):
    """A one-page PDF showing ``text`` (ASCII), written by hand so the demo needs no PDF library."""
    text = text.encode("ascii", "replace").decode().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 60 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def chart_png(values, width=800, height=400):
    """A plain bar chart (one bar per value, 0-100) as PNG bytes, drawn with Pillow."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    draw.line([(40, height - 40), (width - 20, height - 40)], fill="#0a132d", width=2)
    count = max(len(values), 1)
    slot = (width - 80) // count
    for position, value in enumerate(values):
        left = 50 + position * slot
        top = height - 40 - int((height - 80) * value / 100)
        draw.rectangle([left, top, left + slot - 20, height - 41], fill="#006fb3" if value >= 100 else "#9fb7d0")
    return picture


def png_bytes(picture):
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def get_document(title):
    """The generated evidence document titled ``title`` (created once)."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=Collection.get_first_root_node())
        slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:40].strip("-")
        content = minimal_pdf(f"{title} - ejemplo ilustrativo")
        document.file_size = len(content)  # links state format and size (WCAG); the admin upload sets it too
        document.file.save(f"programa-{slug}.pdf", ContentFile(content))
        document.save()
    return document


def get_image(title, values, description):
    """A generated chart image titled ``title`` (created once), with ``description`` as alt text."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        content = png_bytes(chart_png(values))
        slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:40].strip("-")
        image = Image(title=title, description=description[:255], collection=Collection.get_first_root_node())
        image.file = ImageFile(io.BytesIO(content), name=f"programa-{slug}.png")
        image.save()
    return image


# Loading ----------------------------------------------------------------------------------


def load_temas(locale):
    """The themes in Spanish, by slug (created once)."""
    temas = {}
    for order, (slug, name, description) in enumerate(TEMAS):
        temas[slug], _ = Tema.objects.get_or_create(
            locale=locale, slug=slug, defaults={"name": name[0], "description": description[0], "sort_order": order}
        )
    return temas


def build_commitment(item, temas, home=None):
    """An unsaved CompromisoPage with its milestones, gallery and related pages, from one entry of COMMITMENTS.

    Related pages are the site's sections named by slug in ``item["related"]`` that already exist.
    """
    description = f"<p>{item['description'][0]}</p><p>{ILLUSTRATIVE[0]}</p>"
    page = CompromisoPage(
        title=item["title"][0],
        slug=item["slug"],
        summary=SUMMARY_PREFIX[0] + item["summary"][0],
        tema=temas[item["tema"]],
        problem=item["problem"][0],
        description=description,
        lead_institution=item["lead"][0],
        supporting_actors=item["actors"][0],
        start_date=item["start"],
        end_date=item["end"],
        locale=temas[item["tema"]].locale,
    )
    if item.get("override"):
        page.status_override = item["override"][0]
        page.status_override_reason = item["override"][1][0]
    hitos = []
    for order, milestone in enumerate(item["milestones"]):
        hito = Hito(
            title=milestone["title"][0],
            due_date=milestone["due"],
            completed_on=milestone["done"],
            weight=milestone["weight"],
            sort_order=order,
            locale=page.locale,
        )
        evidence = milestone["evidence"]
        if evidence:
            kind, text = evidence[0], evidence[1]
            hito.evidence_description = text[0]
            hito.evidence_date = milestone["done"]
            if kind == "doc":
                hito.evidence_document = get_document(text[0])
            elif kind == "img":
                hito.evidence_image = get_image(text[0], [100, 100, 100], text[0])
            else:
                hito.evidence_url = evidence[2]
        hitos.append(hito)
    page.hitos = hitos
    if home is not None and item.get("related"):
        related = list(home.get_children().filter(slug__in=item["related"]))
        page.enlaces = [EnlaceCompromiso(related_page=p, sort_order=n) for n, p in enumerate(related)]
    if item.get("gallery"):
        alt, caption = gallery_texts(item)
        values = [100 if milestone["done"] else 15 for milestone in item["milestones"]]
        image = get_image(f"Gráfico ilustrativo: {item['title'][0]}", values, alt[0])
        page.imagenes = [
            ImagenCompromiso(image=image, alt_text=alt[0], caption=caption[0], sort_order=0, locale=page.locale)
        ]
    return page


def backdate_history(page, item):
    """Replace the entry written on publication by a dated history rebuilt from the milestones."""
    RegistroAvance.objects.filter(commitment_key=page.translation_key).delete()
    pairs = [(milestone["weight"], milestone["done"]) for milestone in item["milestones"]]
    total = len(pairs)
    override = item.get("override")
    timeline = rules.progress_timeline(pairs, start=item["start"])
    entries = []
    for index, (day, progress, completed) in enumerate(timeline):
        status = rules.derive_status(progress)
        if override and index == len(timeline) - 1:
            status = rules.effective_status(progress, override[0], override[1][0])
        entries.append(
            RegistroAvance(
                commitment_key=page.translation_key,
                page=page,
                recorded_at=datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=datetime.UTC),
                progress=progress,
                status=status,
                completed_milestones=completed,
                total_milestones=total,
            )
        )
    RegistroAvance.objects.bulk_create(entries)


def load(home):
    """Build the Programa de Gobierno section under ``home``, in Spanish and English."""
    locale = home.locale
    mapping = english_mapping()
    temas = load_temas(locale)
    for tema in temas.values():
        translate(tema, mapping)
    index = get_or_create_page(
        home,
        ProgramaIndexPage,
        "programa-de-gobierno",
        title=INDEX["title"][0],
        introduction=f"<p>{INDEX['introduction'][0]}</p><p>{INDEX['examples'][0]}</p>",
        show_in_menus=True,
    )
    translate(index, mapping)
    for item in COMMITMENTS:
        if index.get_children().filter(slug=item["slug"]).exists():
            page = index.get_children().get(slug=item["slug"]).specific
        else:
            page = build_commitment(item, temas, home)
            index.add_child(instance=page)
            page.save_revision().publish()
            backdate_history(page, item)
        translate(page, mapping)
