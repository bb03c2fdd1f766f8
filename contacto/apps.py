from django.apps import AppConfig


class ContactoConfig(AppConfig):
    """The citizen attention office (OAC) and the ethics channel's public page."""

    name = "contacto"
    verbose_name = "Atención Ciudadana"
