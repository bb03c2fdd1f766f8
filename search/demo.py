"""Demo content of the search area: promoted results for everyday words.

Editors manage these under *Configuración → Resultados de búsqueda promocionados*
(Wagtail's search promotions). The promotions are in ``demo/content.toml``.
Idempotent: a pick is created once and never duplicated; pages that do not exist
(yet) are skipped.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from base.demo import load_content

CONTENT = load_content(__file__)


def load(home):
    """Create the demo's promoted results (skipping pages that are not in the demo site)."""
    orders = {}
    for promotion in CONTENT["promotions"]:
        query = Query.get(promotion["query"])
        order = orders[promotion["query"]] = orders.get(promotion["query"], -1) + 1
        page = home.get_descendants().filter(slug=promotion["page"]).first()
        if page is None:
            continue
        SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": promotion["description"], "sort_order": order}
        )
