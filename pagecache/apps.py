from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Connects the purge signals (``pagecache.signals``) when Django starts."""

    name = "pagecache"
    verbose_name = "Caché de páginas"

    def ready(self):
        from . import signals  # noqa: F401
