from django.apps import AppConfig


class BaseConfig(AppConfig):
    """Shared layout, blocks, site settings, editor roles and the demo-content command."""

    name = "base"
    verbose_name = "Base del sitio"

    def ready(self):
        from . import catalog, signals  # noqa: F401

        catalog.autodiscover()  # each app's datasets.py registers its open data

        from wagtail_localize.models import StringTranslation

        from .translation_editor import translation_comment

        # wagtail-localize dates its editor's comments with strftime: English months (translation_editor.py).
        StringTranslation.get_comment = translation_comment
