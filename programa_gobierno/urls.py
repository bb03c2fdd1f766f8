"""The progress feed at a stable file-like URL: ``<programme URL>avances.atom``.

Wagtail's page URLs cannot contain a dot, so this pattern catches the file name and
hands the request back to Wagtail's own ``serve`` view, which routes it to the
programme page's ``avances.atom/`` route with all of Wagtail's checks.
"""

from django.urls import re_path
from wagtail import views as wagtail_views


def serve_feed(request, page_path):
    """Serve the Atom feed of the programme page at ``page_path``."""
    return wagtail_views.serve(request, f"{page_path}avances.atom/")


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)avances\.atom$", serve_feed, name="programa_progress_feed"),
]
