"""Two-step sign-in (TOTP, django-otp) for the Wagtail admin.

Required for administrators (superusers): after their password they must set up an
authenticator app (first time) or type its current code. Optional for editors: they can
turn it on from their account page, and from then on it is required for them too.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_URL_NAME = "dos_pasos_configurar"
VERIFY_URL_NAME = "dos_pasos_verificar"


def two_factor_required(user):
    """Administrators always; editors once they have confirmed a device of their own."""
    return user.is_superuser or user_has_device(user, confirmed=True)


def exempt_path(path):
    """Admin paths reachable before the second step: sign-in/out, password reset, the 2FA views."""
    prefix = getattr(settings, "WAGTAILADMIN_PATH_PREFIX", "/admin/")
    allowed = ("login/", "logout/", "password_reset/", "jsi18n/", "dos-pasos/")
    return not path.startswith(prefix) or path[len(prefix) :].startswith(allowed)


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or default
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if ok else default


class AdminTwoFactorMiddleware:
    """Sends signed-in admin users who need the second step to set it up or to verify a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            getattr(settings, "TWO_FACTOR_ENFORCED", True)
            and user is not None
            and user.is_authenticated
            and not exempt_path(request.path_info)
            and not user.is_verified()
            and two_factor_required(user)
        ):
            name = VERIFY_URL_NAME if user_has_device(user, confirmed=True) else SETUP_URL_NAME
            return redirect(f"{reverse(name)}?next={request.get_full_path()}")
        return self.get_response(request)


class TokenForm(forms.Form):
    """The six-digit code of the authenticator app."""

    token = forms.CharField(
        label=_("Código de verificación"),
        help_text=_("Los 6 dígitos que muestra su aplicación de autenticación."),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("El código tiene solo dígitos."))
        return token


def qr_svg(uri):
    """The provisioning URI as an inline SVG QR code (no image request, no third party)."""
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#1f2933", light="#ffffff", title="Código QR")


def setup(request):
    """First step of enrolment: show the secret as a QR code; a valid code confirms the device."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Aplicación de autenticación", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            otp_login(request, device)
            return redirect(safe_next(request, reverse("wagtailadmin_home")))
        form.add_error("token", _("El código no es válido. Revise la hora de su teléfono e intente de nuevo."))
    secret_b32 = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "mode": "setup",
        "form": form,
        "qr": qr_svg(device.config_url),
        "secret": " ".join(secret_b32[i : i + 4] for i in range(0, len(secret_b32), 4)),
        "next": safe_next(request, reverse("wagtailadmin_home")),
        "required": user.is_superuser,
    }
    return render(request, "base/two_factor.html", context)


def verify(request):
    """Second step of every sign-in for users with a device: check the current code."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices_for_user(request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(safe_next(request, reverse("wagtailadmin_home")))
        form.add_error("token", _("El código no es válido. Revise la hora de su teléfono e intente de nuevo."))
    context = {"mode": "verify", "form": form, "next": safe_next(request, reverse("wagtailadmin_home"))}
    return render(request, "base/two_factor.html", context)
