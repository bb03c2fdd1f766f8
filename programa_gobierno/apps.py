"""App configuration of the programa_gobierno area."""

from django.apps import AppConfig


class ProgramaGobiernoConfig(AppConfig):
    """Connects the progress-history signal handler when Django starts."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "programa_gobierno"
    verbose_name = "Programa de Gobierno"
    # Short address -> the page model it leads to (see base/demo_redirects.py).
    short_addresses = {"/programa": "ProgramaIndexPage"}

    def ready(self):
        from . import signals  # noqa: F401
