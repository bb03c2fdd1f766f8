from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuscripcionesConfig(AppConfig):
    """Follow a commitment or a participation body by e-mail (double opt-in, daily digest)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "suscripciones"
    verbose_name = _("Suscripciones")

    def ready(self):
        from . import signals  # noqa: F401 - connects the change recorders
