"""Stable download URLs without a trailing slash: ``<sheet URL>datos.csv`` and friends, ``<index URL>fichas.atom``.

Wagtail's page URLs cannot contain a dot, so these patterns catch the file
names and hand the request back to Wagtail's own ``serve`` view, which routes
it to the page and its ``RoutablePageMixin`` route (e.g. ``datos.csv/``) with
all of Wagtail's checks (live pages, privacy, hooks).
"""

from django.urls import re_path
from wagtail import views as wagtail_views

EXPORT_FILES = r"datos\.csv|datos\.json|datos\.xlsx|datapackage\.json|fichas\.atom"


def serve_export(request, page_path, file_name):
    """Serve ``file_name`` of the page at ``page_path`` through the page's route."""
    return wagtail_views.serve(request, f"{page_path}{file_name}/")


urlpatterns = [
    re_path(rf"^(?P<page_path>(?:[\w\-]+/)+)(?P<file_name>{EXPORT_FILES})$", serve_export, name="fichas_export"),
]
