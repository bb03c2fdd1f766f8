"""Admin URLs and the account-menu entry of the two-step sign-in (base/twofactor.py)."""

from django.urls import path, reverse
from django_otp import user_has_device
from wagtail import hooks

from base import twofactor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("dos-pasos/configurar/", twofactor.setup, name=twofactor.SETUP_URL_NAME),
        path("dos-pasos/verificar/", twofactor.verify, name=twofactor.VERIFY_URL_NAME),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """Editors can turn the second step on from their account page (administrators must)."""
    if user_has_device(request.user, confirmed=True):
        return None
    return {
        "url": reverse(twofactor.SETUP_URL_NAME),
        "label": "Verificación en dos pasos",
        "help_text": "Proteja su cuenta con un código de su teléfono además de la contraseña.",
    }
