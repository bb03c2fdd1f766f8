"""Site search, its autocomplete suggestions and the "not translated yet" notice.

Search covers every live, public page of the visitor's language (``/buscar/``
Spanish, ``/en/buscar/`` English) and the site's public documents; promoted
results (Wagtail's search promotions, edited in the admin) come first. The query
stays in the URL (``?q=…&page=2``) so results can be shared and bookmarked.
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from modelsearch.utils import get_descendants_content_types_pks
from wagtail import blocks
from wagtail.contrib.search_promotions.models import Query
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import CollectionViewRestriction, Locale, Page, Site
from wagtail.search import index
from wagtail.search.models import IndexEntry

from .kinds import DOCUMENTO, kind_label, result_kind
from .text import did_you_mean, snippet

MAX_QUERY_LENGTH = 200
# The search backend nests one query node per word: ~150 words overflow Python's
# recursion limit, and nobody searches with more than a few dozen.
MAX_QUERY_WORDS = 32
RESULTS_PER_PAGE = 10
MAX_DOCUMENTS = 5
MAX_SUGGESTIONS = 8
MIN_SUGGESTION_LENGTH = 2


@dataclass
class SearchResult:
    """One line of the result list: what it is, where it is, and why it matched."""

    title: str
    url: str
    kind: str
    kind_label: str
    snippet: list = field(default_factory=list)
    detail: str = ""


def read_query(request):
    """The visitor's query from ``?q=``, trimmed and cut to ``MAX_QUERY_WORDS`` words and
    ``MAX_QUERY_LENGTH`` characters, without an unpaired double quote (SQLite's full-text
    syntax fails on one, and a stray quote means nothing to the visitor)."""
    query = " ".join(request.GET.get("q", "").split()[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH]
    if query.count('"') % 2:
        query = " ".join(query.replace('"', " ").split())
    return query


def has_control_characters(text):
    """Whether ``text`` holds a control character (a NUL byte above all), which no one types
    and which the database refuses in a search (a 500 if it got there)."""
    return any(ord(char) < 32 or ord(char) == 127 for char in text)


def searchable_pages(locale):
    """Live, public pages of ``locale`` (the root and the site's invisible root excluded)."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


def is_relation(search_field, model):
    """Whether a search field reads a related object (which would cost a query per result)."""
    try:
        return search_field.get_field(model).is_relation
    except FieldDoesNotExist:
        return False


def block_text(block, value):
    """The words people read in a StreamField value, as a list of strings, for snippets.

    Wagtail's searchable content of a choice block is its label: a heading's level
    reads "H2", which means nothing in a snippet. Choices are settings of a block, not
    its text, so they are left out; every other block gives its own searchable content
    (rich text without tags, plain text; amounts, pages and documents give none).
    """
    if isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [text for name, child in block.child_blocks.items() for text in block_text(child, value.get(name))]
    return block.get_searchable_content(value)


def field_text(search_field, page):
    """The text of one search field of ``page`` (a StreamField's words only), or None."""
    try:
        model_field = search_field.get_field(type(page))
    except FieldDoesNotExist:
        model_field = None
    if isinstance(model_field, StreamField):
        value = getattr(page, model_field.attname)
        return " ".join(block_text(model_field.stream_block, value)) if value else None
    try:
        return search_field.get_value(page)
    except (AttributeError, ValueError):
        return None


def page_text(page):
    """The searchable text of a page other than its title, for its snippet.

    Reads the page's own search fields (introduction, body, summary…) in order,
    after its search description; related objects are left out so showing a
    result never costs a query.
    """
    parts = [page.search_description]
    for search_field in page.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            if is_relation(search_field, type(page)):
                continue
            value = field_text(search_field, page)
            if isinstance(value, (list, tuple)):
                value = " ".join(str(item) for item in value)
            parts.append(value)
    return " ".join(str(part) for part in parts if part)


def page_result(page, query, request):
    """A ``SearchResult`` for a (specific) page."""
    kind = result_kind(type(page))
    return SearchResult(
        title=page.title,
        url=page.get_url(request),
        kind=kind,
        kind_label=kind_label(kind),
        snippet=snippet(page_text(page), query),
    )


def document_result(document):
    """A ``SearchResult`` for a document: its title, with its file type as the detail."""
    return SearchResult(
        title=document.title,
        url=document.url,
        kind=DOCUMENTO,
        kind_label=kind_label(DOCUMENTO),
        detail=document.file_extension.upper(),
    )


def public_documents():
    """Documents outside collections that have a view restriction."""
    restricted = CollectionViewRestriction.objects.values("collection")
    return get_document_model().objects.exclude(collection__in=restricted)


def section_links(request):
    """The home page's menu sections in the active language, for the no-results page."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized
    return list(home.get_children().live().public().in_menu())


def suggestion_corpus(locale):
    """Texts whose words can correct a misspelt query: titles and descriptions of the
    language's pages, then the indexed text of those pages where the backend keeps it
    (PostgreSQL stores it for fuzzy search; SQLite does not)."""
    pages = searchable_pages(locale)
    texts = [f"{title} {description}" for title, description in pages.values_list("title", "search_description")]
    if not any(field.name == "body_text" for field in IndexEntry._meta.get_fields()):
        return texts
    object_ids = pages.annotate(object_id=Cast("pk", CharField())).values("object_id")
    entries = IndexEntry.objects.filter(
        content_type_id__in=get_descendants_content_types_pks(Page), object_id__in=object_ids
    ).values_list("body_text", flat=True)
    texts.extend(text for text in entries if text)
    return texts


def promoted_results(query_string, locale):
    """The editors' picks for the query: (page, description) in the visitor's language.

    A pick names one page; the visitor sees its translation. The editor's
    description is written in the pick page's language, so it is shown only there.
    """
    query = Query.get(query_string)
    query.add_hit()
    picks = []
    for pick in query.editors_picks.select_related("page").order_by("sort_order"):
        page = pick.page.get_translation_or_none(locale) if pick.page else None
        if page is not None and page.live:
            picks.append((page, pick.description if page.pk == pick.page_id else ""))
    return picks


def search(request):
    """The search page: promoted results, then pages by relevance, then matching documents."""
    query_string = read_query(request)
    locale = Locale.get_active()
    context = {"search_query": query_string, "max_query_length": MAX_QUERY_LENGTH}
    if has_control_characters(query_string):
        context["search_query"] = ""
        context["query_error"] = _("La búsqueda contiene caracteres no válidos. Escríbala de nuevo.")
        return TemplateResponse(request, "search/search.html", context, status=400)
    if query_string:
        results = searchable_pages(locale).specific().search(query_string)
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context["search_results"] = page_obj
        context["results"] = [page_result(page, query_string, request) for page in page_obj]
        context["promotions"] = [
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                kind=result_kind(page.specific_class),
                kind_label=kind_label(result_kind(page.specific_class)),
                snippet=[(description, False)] if description else [],
            )
            for page, description in promoted_results(query_string, locale)
        ]
        if page_obj.number == 1:
            documents = public_documents().search(query_string)[:MAX_DOCUMENTS]
            context["documents"] = [document_result(document) for document in documents]
        nothing_found = not (context["results"] or context["promotions"] or context.get("documents"))
        if nothing_found:
            suggestion = did_you_mean(query_string, suggestion_corpus(locale))
            if suggestion:
                context["suggestion"] = suggestion
                context["suggestion_url"] = f"{reverse('search')}?{urlencode({'q': suggestion})}"
            context["sections"] = section_links(request)
        context["nothing_found"] = nothing_found
    return TemplateResponse(request, "search/search.html", context)


def suggestions(request):
    """JSON autocomplete: titles of pages in the active language that start like the query.

    ``{"query": "presu", "results": [{"title": …, "url": …, "kind": …}]}``; fewer
    than two letters give an empty list.
    """
    query_string = read_query(request)
    if has_control_characters(query_string):
        message = _("La búsqueda contiene caracteres no válidos. Escríbala de nuevo.")
        return JsonResponse({"query": "", "results": [], "error": str(message)}, status=400)
    results = []
    if len(query_string) >= MIN_SUGGESTION_LENGTH:
        pages = searchable_pages(Locale.get_active()).autocomplete(query_string)[:MAX_SUGGESTIONS]
        results = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "kind": str(kind_label(result_kind(page.specific_class))),
            }
            for page in pages
        ]
    response = JsonResponse({"query": query_string, "results": results})
    response["Cache-Control"] = "public, max-age=300"
    return response


def translation_missing(request):
    """The notice a visitor sees after choosing a language a page has not been translated into.

    ``?pagina=<id>`` names the page; the notice links to it in the languages it
    exists in and to this language's home page. Without a valid id it still
    explains and links home (status 404 so it is not indexed as content). When
    the page exists in the visitor's language after all, it redirects there.
    """
    page = None
    raw_id = request.GET.get("pagina", "")
    if raw_id.isascii() and raw_id.isdigit() and len(raw_id) <= 9:  # beyond that, no page (and no overflow)
        page = Page.objects.live().public().filter(pk=int(raw_id), depth__gt=1).first()
    available = []
    if page is not None:
        versions = list(page.get_translations(inclusive=True).live().select_related("locale"))
        active = Locale.get_active()
        for version in versions:
            url = version.get_url(request)
            if version.locale_id == active.pk and url:
                # Translated meanwhile (or a stale link): go straight to it.
                return redirect(url)
        available = [
            {
                "title": version.title,
                "name": version.locale.get_display_name(),
                "code": version.locale.language_code,
                "url": version.get_url(request),
            }
            for version in versions
        ]
    site = Site.find_for_request(request)
    home = site.root_page.localized if site else None
    context = {"original": page, "available_versions": available, "home": home}
    status = 200 if page is not None else 404
    response = TemplateResponse(request, "search/translation_missing.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
