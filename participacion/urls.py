"""The sessions feed at a stable file-like URL: ``<index URL>sesiones.ics``.

Wagtail's page URLs cannot contain a dot, so this pattern catches the file
name and hands the request back to Wagtail's own ``serve`` view, which routes
it to the index page's ``sesiones.ics/`` route with all of Wagtail's checks.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

from .listing import FEED_FILE


def serve_feed(request, page_path):
    """Serve the iCalendar feed of the participation index at ``page_path``."""
    return wagtail_views.serve(request, f"{page_path}{FEED_FILE}/")


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)sesiones\.ics$", serve_feed, name="participacion_sessions_feed"),
]
