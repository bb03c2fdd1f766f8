from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search and languages; connects the figure sync (``search.signals``) when Django starts."""

    name = "search"
    verbose_name = "Búsqueda e idiomas"

    def ready(self):
        from . import signals  # noqa: F401
