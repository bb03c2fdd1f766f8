from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and the open-government model: axes, ámbitos and initiatives."""

    name = "home"
    verbose_name = "Inicio y modelo de Gobierno Abierto"
