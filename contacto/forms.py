"""Public forms of the citizen attention office: the request form and the tracking look-up."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .attachments import MAX_FILES, validate_attachment
from .captcha import OfficeCaptchaField
from .communes import COMMUNE_CHOICES
from .tracking import normalise_code

# Markup that has no place in a plain-text message: script-capable tags, javascript: URLs, event handlers.
SCRIPT_PATTERN = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|svg|style|link|meta|img|form|input|button)\b|javascript\s*:|\bon[a-z]+\s*=",
    re.IGNORECASE,
)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()-]{8,20}$")


def clean_text(value):
    """Reject text with broken encoding, control characters or embedded scripts (Spanish messages)."""
    if "\ufffd" in value:
        raise ValidationError(
            _("El texto tiene caracteres que no se pudieron leer. Revise la codificación y vuelva a escribirlo."),
            code="encoding",
        )
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("El texto tiene caracteres de control no permitidos."), code="control")
    if SCRIPT_PATTERN.search(value):
        raise ValidationError(
            _("El texto no puede contener código HTML ni scripts. Escríbalo como texto simple."), code="script"
        )
    return value


def clean_single_line(value):
    """``clean_text`` for one-line fields (name, subject), which go into mail headers: no line breaks."""
    if "\n" in value or "\r" in value:
        raise ValidationError(_("Escríbalo en una sola línea."), code="newline")
    return clean_text(value)


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that accepts several files."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several optional files, each checked by ``validate_attachment``; cleans to ``[(file, kind)]``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data or []) if item]
        if not isinstance(data, (list, tuple)) and data:
            files = [data]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Puede adjuntar hasta %(max)s archivos.") % {"max": MAX_FILES}, code="too_many")
        errors, cleaned = [], []
        for upload in files:
            try:
                cleaned.append((upload, validate_attachment(upload)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class AccessibleErrorsMixin:
    """Ties help texts and errors to their inputs (aria-describedby, aria-invalid) after validation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}_ayuda"

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described = []
            if name in self.errors:
                described.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if field.help_text:
                described.append(f"{bound.auto_id}_ayuda")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def visible_fields_for_summary(self):
        """The fields with errors, in form order, for the error summary (the honeypot never)."""
        return [field for field in self if field.errors and field.name != "website"]

    def error_count(self):
        """How many errors the summary lists."""
        return len(self.non_field_errors()) + sum(len(field.errors) for field in self.visible_fields_for_summary())


def citizen_email_field(help_text):
    """A citizen's e-mail address, with the site's Spanish messages (the contact and follow forms)."""
    return forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": _("Escriba su correo electrónico."),
            "invalid": _("Escriba un correo válido, por ejemplo nombre@ejemplo.cl."),
            "max_length": _("El correo puede tener hasta %(limit_value)d caracteres."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ContactForm(AccessibleErrorsMixin, forms.Form):
    """A citizen's request: type, identity, comuna, subject, message, files, consent, anti-abuse fields."""

    request_type = forms.ChoiceField(
        label=_("Tipo de solicitud"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Elija el tipo de solicitud."),
            "invalid_choice": _("Elija un tipo de solicitud de la lista."),
        },
    )
    name = forms.CharField(
        label=_("Nombre completo"),
        max_length=150,
        error_messages={
            "required": _("Escriba su nombre."),
            "max_length": _("El nombre puede tener hasta %(limit_value)d caracteres (tiene %(show_value)d)."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = citizen_email_field(_("Le enviaremos el código de seguimiento y la respuesta a esta dirección."))
    phone = forms.CharField(
        label=_("Teléfono (opcional)"),
        max_length=20,
        required=False,
        help_text=_("Por ejemplo +56 9 1234 5678."),
        error_messages={"max_length": _("El teléfono puede tener hasta %(limit_value)d caracteres.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    comuna = forms.ChoiceField(
        label=_("Comuna"),
        choices=[("", _("Elija su comuna"))] + COMMUNE_CHOICES,
        error_messages={"required": _("Elija su comuna."), "invalid_choice": _("Elija una comuna de la lista.")},
    )
    subject = forms.CharField(
        label=_("Asunto"),
        max_length=200,
        error_messages={
            "required": _("Escriba el asunto."),
            "max_length": _("El asunto puede tener hasta %(limit_value)d caracteres (tiene %(show_value)d)."),
        },
    )
    message = forms.CharField(
        label=_("Mensaje"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hasta 5.000 caracteres."),
        error_messages={
            "required": _("Escriba su mensaje."),
            "max_length": _("El mensaje puede tener hasta %(limit_value)d caracteres (tiene %(show_value)d)."),
        },
    )
    attachments = MultipleFileField(
        label=_("Archivos adjuntos (opcional)"),
        required=False,
        help_text=_(
            "Hasta 3 archivos PDF, JPG o PNG de 5 MB cada uno. Si el formulario muestra errores, vuelva a adjuntarlos."
        ),
    )
    consent = forms.BooleanField(
        label=_("Acepto el aviso de privacidad y el tratamiento de mis datos para responder esta solicitud."),
        error_messages={"required": _("Debe aceptar el aviso de privacidad para enviar la solicitud.")},
    )
    # Honeypot: hidden from people (and from assistive technology) by CSS; bots fill it in.
    website = forms.CharField(
        label=_("No complete este campo"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    captcha = OfficeCaptchaField(label=_("Verificación"))  # rebuilt per form: keys are read from settings

    # What a citizen typed and gets back when a request is refused unread (rate limit): not the
    # files (browsers cannot be given them back), nor the honeypot or the captcha.
    TYPED_FIELDS = ("request_type", "name", "email", "phone", "comuna", "subject", "message", "consent")

    def __init__(self, *args, request_types=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["captcha"] = OfficeCaptchaField(label=_("Verificación"))
        if request_types is not None:
            self.fields["request_type"].choices = request_types

    def clean_name(self):
        return clean_single_line(self.cleaned_data["name"].strip())

    def clean_subject(self):
        return clean_single_line(self.cleaned_data["subject"].strip())

    def clean_message(self):
        return clean_text(self.cleaned_data["message"].strip())

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise ValidationError(_("Escriba un teléfono válido: solo números, espacios y el signo +."), code="phone")
        return phone

    @property
    def is_bot(self):
        """True if the honeypot was filled in."""
        return bool(self.data.get("website"))


class LookupForm(AccessibleErrorsMixin, forms.Form):
    """Tracking look-up: the code and the e-mail the request was sent from."""

    code = forms.CharField(
        label=_("Código de seguimiento"),
        max_length=20,
        help_text=_("Por ejemplo OAC-2026-000123."),
        error_messages={
            "required": _("Escriba el código de seguimiento."),
            "max_length": _("El código tiene el formato OAC-2026-000123."),
        },
    )
    email = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        error_messages={
            "required": _("Escriba el correo con que envió la solicitud."),
            "invalid": _("Escriba un correo válido, por ejemplo nombre@ejemplo.cl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not re.fullmatch(r"OAC-\d{4}-\d{6}", code):
            raise ValidationError(_("El código tiene el formato OAC-2026-000123."), code="format")
        return code
