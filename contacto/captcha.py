"""reCAPTCHA through django-recaptcha, usable offline with Google's documented test keys.

Google documents that its test keys pass every verification. With them (in
development and tests) the field neither loads Google's script nor calls Google:
it behaves as Google would, so the site works on a machine without network. With
real keys it is django-recaptcha's checkbox, verified by Google's server.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_recaptcha.constants import TEST_PRIVATE_KEY
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox


def using_test_keys():
    """True when the configured private key is Google's documented test key."""
    return getattr(settings, "RECAPTCHA_PRIVATE_KEY", TEST_PRIVATE_KEY) == TEST_PRIVATE_KEY


class OfflineTestKeyWidget(ReCaptchaV2Checkbox):
    """Renders nothing: with the test keys there is no challenge to show."""

    template_name = "contacto/includes/captcha_test_keys.html"


class OfficeCaptchaField(ReCaptchaField):
    """django-recaptcha's field, with Spanish messages and the offline behaviour of the test keys."""

    default_error_messages = {
        "required": _("Marque la casilla «No soy un robot»."),
        "captcha_invalid": _("No pudimos comprobar que no es un robot. Inténtelo de nuevo."),
        "captcha_error": _("No pudimos comprobar que no es un robot. Inténtelo de nuevo."),
    }

    def __init__(self, *args, **kwargs):
        self.test_keys = using_test_keys()
        if self.test_keys:
            kwargs["widget"] = OfflineTestKeyWidget()
        super().__init__(*args, **kwargs)
        if self.test_keys:
            self.required = False

    def validate(self, value):
        if self.test_keys:
            return
        super().validate(value)
