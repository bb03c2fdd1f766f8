"""Forms of the reporter and the handlers; every message in Spanish."""

import secrets

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import receipts, uploads
from .models import Category, Status

HEAD_BYTES = 2048


class AccessibleFormMixin:
    """Ties help texts and errors to their inputs (``aria-describedby``, ``aria-invalid``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self._describe_fields()

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self):
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_ayuda")
            if self._errors and name in self._errors:
                ids.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that accepts several files."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero or more files, each checked by ``denuncias.uploads``; returns a list."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > settings.DENUNCIAS_MAX_FILES:
            raise forms.ValidationError(
                _("Puede adjuntar como máximo %(max)s archivos.") % {"max": settings.DENUNCIAS_MAX_FILES}
            )
        errors = []
        for upload in files:
            upload.seek(0)
            head = upload.read(HEAD_BYTES)
            upload.seek(0)
            error = uploads.file_error(upload.name, upload.size, head, settings.DENUNCIAS_MAX_FILE_SIZE)
            if error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return files


def files_help():
    """The help text under every file field."""
    return _(
        "Opcional. Hasta %(count)s archivos de %(size)s cada uno: %(types)s. Los documentos y fotos pueden "
        "contener datos que lo identifiquen (autor, fecha, ubicación): revíselos antes de enviarlos."
    ) % {
        "count": settings.DENUNCIAS_MAX_FILES,
        "size": filesizeformat(settings.DENUNCIAS_MAX_FILE_SIZE),
        "types": uploads.ALLOWED_LABEL,
    }


class ReportForm(AccessibleFormMixin, forms.Form):
    """The report a reporter files: anonymous unless they choose to give an identity."""

    IDENTITY_CHOICES = [
        ("anonima", gettext_lazy("Quiero hacer la denuncia de forma anónima")),
        ("identificada", gettext_lazy("Quiero identificarme (mi identidad se mantendrá reservada)")),
    ]

    category = forms.ChoiceField(
        label=gettext_lazy("¿Qué tipo de conducta quiere denunciar?"),
        choices=[("", gettext_lazy("Elija una categoría"))] + list(Category.choices),
    )
    description = forms.CharField(
        label=gettext_lazy("¿Qué ocurrió?"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Describa los hechos con el mayor detalle posible."),
    )
    when_where = forms.CharField(
        label=gettext_lazy("¿Cuándo y dónde ocurrió?"),
        max_length=2_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Opcional. Fechas aproximadas, lugar, unidad o servicio."),
    )
    people_involved = forms.CharField(
        label=gettext_lazy("¿Quiénes participaron o presenciaron los hechos?"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Opcional. Nombres, cargos o cómo identificarlos."),
    )
    identity_choice = forms.ChoiceField(
        label=gettext_lazy("Identidad"),
        choices=IDENTITY_CHOICES,
        initial="anonima",
        widget=forms.RadioSelect,
    )
    identity = forms.CharField(
        label=gettext_lazy("Su nombre y cómo contactarle"),
        max_length=1_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Solo si eligió identificarse. Solo el Comité de Ética podrá verlo."),
    )
    files = MultipleFileField(label=gettext_lazy("Archivos de respaldo"))
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = files_help()
        self._describe_fields()
        if not self.is_bound:
            self.initial["submission_key"] = secrets.token_urlsafe(24)

    def clean_submission_key(self):
        key = self.cleaned_data["submission_key"]
        if len(key) < 20:
            raise forms.ValidationError(_("El formulario no es válido; cárguelo de nuevo."))
        return key

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("identity_choice") == "identificada":
            if not cleaned.get("identity", "").strip():
                self.add_error("identity", _("Escriba su nombre y cómo contactarle, o elija la denuncia anónima."))
        else:
            # An identity typed and then withdrawn is not kept.
            cleaned["identity"] = ""
        return cleaned


class ReceiptLoginForm(AccessibleFormMixin, forms.Form):
    """The reporter's receipt code (spaces and dashes allowed)."""

    receipt = forms.CharField(
        label=gettext_lazy("Código de recibo"),
        max_length=40,
        help_text=gettext_lazy("Los 16 dígitos que recibió al enviar su denuncia."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_receipt(self):
        receipt = receipts.normalize(self.cleaned_data["receipt"])
        if not receipts.is_well_formed(receipt):
            raise forms.ValidationError(_("El código tiene 16 dígitos; revise que lo haya copiado completo."))
        return receipt


class ReporterMessageForm(AccessibleFormMixin, forms.Form):
    """A reporter's answer to the handlers, with optional files."""

    body = forms.CharField(
        label=gettext_lazy("Su mensaje"), max_length=10_000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    files = MultipleFileField(label=gettext_lazy("Agregar archivos"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = files_help()
        self._describe_fields()

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("body", "").strip() and not cleaned.get("files"):
            self.add_error("body", _("Escriba un mensaje o adjunte al menos un archivo."))
        return cleaned


class HandlerLoginForm(AccessibleFormMixin, forms.Form):
    """A handler's user name, password and current TOTP code."""

    username = forms.CharField(
        label=gettext_lazy("Usuario"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=gettext_lazy("Contraseña"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    otp_token = forms.CharField(
        label=gettext_lazy("Código de verificación"),
        max_length=8,
        help_text=gettext_lazy("Los 6 dígitos que muestra su aplicación de autenticación."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class HandlerMessageForm(AccessibleFormMixin, forms.Form):
    """A handler's message to the reporter."""

    body = forms.CharField(
        label=gettext_lazy("Mensaje al denunciante"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    is_feedback = forms.BooleanField(
        label=gettext_lazy("Este mensaje informa las medidas adoptadas o previstas (retroalimentación)"),
        required=False,
    )


class StatusForm(AccessibleFormMixin, forms.Form):
    """A report's new status."""

    status = forms.ChoiceField(label=gettext_lazy("Estado"), choices=Status.choices)
