"""Site search: every live page of the visitor's language, paginated, query kept in the URL."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    """Search pages in the active language; promoted results first."""
    query_string = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_number = request.GET.get("page", 1)
    results = Page.objects.none()
    promotions = []
    if query_string:
        locale = Locale.get_active()
        results = Page.objects.live().public().filter(locale=locale).specific().search(query_string)
        query = Query.get(query_string)
        query.add_hit()
        promotions = [p for p in query.editors_picks.select_related("page") if p.page and p.page.live]
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query_string, "search_results": page, "promotions": promotions},
    )
