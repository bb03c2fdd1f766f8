"""Two-step sign-in (TOTP, django-otp) for the Wagtail admin.

Required for administrators (superusers): after their password they must set up an
authenticator app (first time) or type its current code. Optional for editors: they can
turn it on from their account page, and from then on it is required for them too. Until
the code is typed, the session sees only what the public sees (``TwoFactorMiddleware``).
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

SETUP_URL_NAME = "dos_pasos_configurar"
VERIFY_URL_NAME = "dos_pasos_verificar"


def two_factor_required(user):
    """Administrators always; editors once they have confirmed a device of their own."""
    return user.is_superuser or user_has_device(user, confirmed=True)


# Admin views that must answer before the second step: the ones Wagtail serves without
# authentication (sign-in, password reset, the icon sprite, the JS translation catalogue), signing
# out, and the second step's own pages. The sign-in and code pages fetch the sprite and catalogue
# themselves; Wagtail's icons.js injects whatever the sprite URL returns into the page, so a
# redirected sprite put a second copy of the code page (a second <main>) inside the first.
EXEMPT_URL_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        SETUP_URL_NAME,
        VERIFY_URL_NAME,
    }
)


def admin_prefix():
    return getattr(settings, "WAGTAILADMIN_PATH_PREFIX", "/admin/")


def is_admin_path(path):
    return path.startswith(admin_prefix())


def exempt_path(path):
    """True for admin URLs that must work before the second step (see ``EXEMPT_URL_NAMES``).

    Decided by the resolved URL name rather than by path prefix, so a query string
    (``/admin/sprite/?h=…``) or a new admin URL that merely starts like an exempt one can
    neither be caught by mistake nor slip through.
    """
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name in EXEMPT_URL_NAMES


def safe_next(request, default):
    """The ``next`` target if it stays on this site; the default (the dashboard) otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or default
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if ok else default


def second_step_url(request, user):
    """The code page (or enrolment page), with the current address as URL-encoded ``next``.

    Only GET requests come back to where they were: replaying a POST's URL with GET would
    land on a different view than the one the person was using.
    """
    name = VERIFY_URL_NAME if user_has_device(user, confirmed=True) else SETUP_URL_NAME
    url = reverse(name)
    if request.method in ("GET", "HEAD"):
        url += "?" + urlencode({"next": request.get_full_path()})
    return url


def pending_second_step(request):
    """True when the session is signed in with a password but still owes its second step."""
    user = getattr(request, "user", None)
    return (
        getattr(settings, "TWO_FACTOR_ENFORCED", True)
        and user is not None
        and user.is_authenticated
        and not user.is_verified()
        and two_factor_required(user)
    )


def anonymous_user():
    """An anonymous user that answers ``is_verified()`` as django-otp's middleware would."""
    user = AnonymousUser()
    user.is_verified = lambda: False
    return user


class TwoFactorMiddleware:
    """Nothing beyond what the public sees until the second step is done.

    In the admin, a session that owes its second step is sent to the code page (except for
    the views in ``EXEMPT_URL_NAMES``). Everywhere else (login-restricted pages, private
    documents, the API) it is treated as an anonymous visitor: the password alone grants
    nothing the public does not already have.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if pending_second_step(request):
            if not is_admin_path(request.path_info):
                anonymous = anonymous_user()
                request.user = anonymous

                async def auser():
                    return anonymous

                request.auser = auser
            elif not exempt_path(request.path_info):
                return redirect(second_step_url(request, request.user))
        return self.get_response(request)


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form with a translated "Password" label.

    Wagtail 8 declares the field without a label, so Django derives an untranslated
    "Password" from its name; the label comes from the catalogues like every other string.
    """

    password = forms.CharField(label=_("Password"), widget=WagtailLoginForm.base_fields["password"].widget)


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
