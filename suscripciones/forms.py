"""The follow form: an e-mail address, with contacto's honeypot and reCAPTCHA."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contacto.captcha import OfficeCaptchaField
from contacto.forms import AccessibleErrorsMixin, citizen_email_field


class FollowForm(AccessibleErrorsMixin, forms.Form):
    """The address that will receive the confirmation link and, once confirmed, the daily digest."""

    email = citizen_email_field(_("Le enviaremos un enlace para confirmar. Sin confirmar no le enviaremos nada más."))
    # Honeypot: hidden from people (and from assistive technology) by CSS; bots fill it in.
    website = forms.CharField(
        label=_("No complete este campo"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    captcha = OfficeCaptchaField(label=_("Verificación"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["captcha"] = OfficeCaptchaField(label=_("Verificación"))  # keys are read from settings

    @property
    def is_bot(self):
        """True if the honeypot was filled in."""
        return bool(self.data.get("website"))
