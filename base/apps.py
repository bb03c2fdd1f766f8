from django.apps import AppConfig


class BaseConfig(AppConfig):
    """Shared layout, blocks, site settings, editor roles and the demo-content command."""

    name = "base"
    verbose_name = "Base del sitio"

    def ready(self):
        from . import catalog, signals  # noqa: F401

        catalog.autodiscover()  # each app's datasets.py registers its open data
