"""Site-wide views: robots.txt and the Spanish error pages."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse


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
