"""Demo content of the search area: promoted results for everyday words.

Editors manage these under *Configuración → Resultados de búsqueda promocionados*
(Wagtail's search promotions). Idempotent: a pick is created once and never
duplicated; pages that do not exist (yet) are skipped.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

# query -> [(slug of a page under the Spanish home, description)]
PROMOTIONS = {
    "reclamo": [("oficina-de-atencion-ciudadana", "Envíe su reclamo o consulta y siga su estado en línea.")],
    "denuncia": [("canal-de-denuncias", "Canal confidencial para denunciar faltas a la probidad.")],
    "presupuesto": [("fichas-ciudadanas", "Cuánto dinero tuvo el Gobierno de Santiago y en qué lo gastó.")],
    "programa de gobierno": [("programa-de-gobierno", "El avance de cada compromiso del Gobernador.")],
}


def load(home):
    """Create the demo's promoted results (skipping pages that are not in the demo site)."""
    for query_string, picks in PROMOTIONS.items():
        query = Query.get(query_string)
        for order, (slug, description) in enumerate(picks):
            page = home.get_descendants().filter(slug=slug).first()
            if page is None:
                continue
            SearchPromotion.objects.get_or_create(
                query=query, page=page, defaults={"description": description, "sort_order": order}
            )
