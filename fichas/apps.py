from django.apps import AppConfig


class FichasConfig(AppConfig):
    """Budget sheets (fichas ciudadanas) and their section page."""

    name = "fichas"
    # Short address -> the page model it leads to (see base/demo_redirects.py).
    short_addresses = {"/fichas": "FichasIndexPage"}
