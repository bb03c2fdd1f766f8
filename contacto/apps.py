from django.apps import AppConfig


class ContactoConfig(AppConfig):
    """The citizen attention office (OAC) and the ethics channel's public page."""

    name = "contacto"
    verbose_name = "Atención Ciudadana"
    # Short address -> the page model it leads to (see base/demo_redirects.py).
    short_addresses = {"/contacto": "ContactoPage", "/denuncias": "CanalDenunciasPage"}
