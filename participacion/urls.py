"""The sessions feeds at stable file-like URLs: ``<index URL>sesiones.ics``, ``<index or body URL>sesiones.atom``.

Wagtail's page URLs cannot contain a dot, so this pattern catches the file
name and hands the request back to Wagtail's own ``serve`` view, which routes
it to the index page's ``sesiones.ics/`` or ``[<body>/]sesiones.atom/`` route with all
of Wagtail's checks.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

from .listing import ATOM_FEED_FILE, FEED_FILE


def serve_feed(request, page_path):
    """Serve the iCalendar feed of the participation index at ``page_path``."""
    return wagtail_views.serve(request, f"{page_path}{FEED_FILE}/")


def serve_atom_feed(request, page_path):
    """Serve the Atom feed of upcoming sessions of the index or body page at ``page_path``."""
    return wagtail_views.serve(request, f"{page_path}{ATOM_FEED_FILE}/")


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)sesiones\.ics$", serve_feed, name="participacion_sessions_feed"),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)sesiones\.atom$", serve_atom_feed, name="participacion_upcoming_feed"),
]
