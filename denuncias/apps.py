from django.apps import AppConfig


class DenunciasConfig(AppConfig):
    """The ethics-reporting channel, deployed apart from the public site."""

    name = "denuncias"
    verbose_name = "Canal de Denuncias"
