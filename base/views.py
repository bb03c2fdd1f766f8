"""Site-wide views: robots.txt, the Spanish error pages, the editor's readability check and the DCAT catalogue."""

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from base.readability import paragraphs_readability

from . import catalog
from .models import SiteSettings


def robots_txt(request):
    """Allow everything public; keep crawlers out of the admin and point to the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """404 in the site's layout, in the visitor's language."""
    return render(request, "404.html", status=404)


def server_error(request):
    """500 without touching the database or context processors: it must render even when they fail."""
    return HttpResponse(render_to_string("500.html"), status=500)


#: The longest text the admin's readability check accepts (characters): a long report, not a book.
READABILITY_MAX_CHARACTERS = 200_000


@require_POST
def readability_check(request):
    """The plain-language score of the text in the page editor, as JSON (base/readability.py).

    The editor's checks panel posts the paragraphs of the form (``paragraph``, repeated) and
    the page's language; only people who can use the admin reach it (``register_admin_urls``).
    """
    paragraphs = request.POST.getlist("paragraph")
    if sum(len(paragraph) for paragraph in paragraphs) > READABILITY_MAX_CHARACTERS:
        return JsonResponse({"error": gettext("El texto es demasiado largo para medirlo.")}, status=400)
    if any("\x00" in paragraph for paragraph in paragraphs):
        return JsonResponse({"error": gettext("El texto contiene caracteres no válidos.")}, status=400)
    result = paragraphs_readability(paragraphs, request.POST.get("language", "es"))
    if result is None:
        return JsonResponse({"score": None, "summary": gettext("Sin texto que medir todavía."), "hint": ""})
    return JsonResponse(result.as_dict())


# The DCAT catalogue ------------------------------------------------------------------------

CATALOG_FORMATS = {
    "ttl": ("turtle", "text/turtle; charset=utf-8"),
    "jsonld": ("json-ld", "application/ld+json; charset=utf-8"),
}


def catalog_info(request):
    """The catalogue's own description: its address, texts, publisher, contact point and licence."""
    site_settings = SiteSettings.for_request(request)
    with translation.override("es"):
        publisher = site_settings.localized_texts.institution_name or "Gobierno de Santiago"
    return catalog.CatalogInfo(
        uri=request.build_absolute_uri(reverse("catalog")),
        title=catalog.in_both_languages(
            gettext_lazy("Catálogo de datos abiertos del %(publisher)s"), publisher=publisher
        ),
        description=catalog.in_both_languages(
            gettext_lazy(
                "Todos los datos que publica el sitio: fichas ciudadanas de presupuesto, compromisos del "
                "programa de gobierno, calendario de sesiones de participación y estadísticas de atención "
                "ciudadana, con sus formatos de descarga."
            )
        ),
        homepage=request.build_absolute_uri("/"),
        publisher_name=publisher,
        licence=site_settings.data_licence,
        email=site_settings.email,
        phone=site_settings.phone,
    )


def catalog_document(request, fmt):
    """One page of the catalogue (``?page=N``, from 1) as Turtle or JSON-LD; a bad page number is a 400/404."""
    raw_page = request.GET.get("page", "1")
    # ASCII digits only, and few of them: "²" is a digit to str.isdigit, and int() refuses huge strings.
    if not (raw_page.isascii() and raw_page.isdigit() and len(raw_page) <= 6) or int(raw_page) < 1:
        return HttpResponseBadRequest(
            _("El número de página debe ser un entero positivo, por ejemplo ?page=2."),
            content_type="text/plain; charset=utf-8",
        )
    datasets = catalog.collect_datasets(request)
    page = int(raw_page)
    if page > catalog.page_count(len(datasets), catalog.DATASETS_PER_PAGE):
        return HttpResponseNotFound(
            _("El catálogo no tiene la página %(page)s.") % {"page": page}, content_type="text/plain; charset=utf-8"
        )
    serializer, content_type = CATALOG_FORMATS[fmt]
    graph = catalog.build_catalog(
        catalog_info(request),
        datasets,
        page=page,
        per_page=catalog.DATASETS_PER_PAGE,
        document_url=request.build_absolute_uri(reverse("catalog_file", args=[fmt])),
    )
    options = {"context": catalog.JSONLD_CONTEXT, "auto_compact": True} if fmt == "jsonld" else {}
    return HttpResponse(graph.serialize(format=serializer, **options), content_type=content_type)


def catalog_negotiate(request):
    """``/catalogo/``: 303 to the Turtle or JSON-LD document the client asks for (JSON-LD by default).

    A redirect, not the document itself: the page cache keys on the URL alone, so each
    format lives at its own cacheable address and only this small answer varies on Accept.
    """
    preferred = request.get_preferred_type(["application/ld+json", "text/turtle"])
    fmt = "ttl" if preferred == "text/turtle" else "jsonld"
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    response = HttpResponseRedirect(reverse("catalog_file", args=[fmt]) + query, status=303)
    response["Vary"] = "Accept"
    return response
