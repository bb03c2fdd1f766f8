"""Site-wide views: robots.txt, the Spanish error pages and the editor's readability check."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from base.readability import paragraphs_readability


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
