"""The citizen attention office's records: requests, attachments, events, the outbox and the routing settings.

A citizen's request (``CitizenRequest``) is stored with its tracking code, its
attachments and a history of every change (``RequestEvent``). Mail is written to
an outbox (``OutgoingMail``) in the same transaction and delivered by a task
worker, so nothing is lost while the mail server is down.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from . import deadlines
from .communes import COMMUNE_CHOICES, commune_name
from .storage import attachment_storage


class RequestType(models.TextChoices):
    """The kinds of request the office receives."""

    CONSULTA = "consulta", _("Consulta o solicitud")
    RECLAMO = "reclamo", _("Reclamo")
    SUGERENCIA = "sugerencia", _("Sugerencia")
    FELICITACION = "felicitacion", _("Felicitación")


class RequestStatus(models.TextChoices):
    """Where a request stands in the office's process."""

    RECIBIDA = "recibida", _("Recibida")
    EN_PROCESO = "en_proceso", _("En proceso")
    DERIVADA = "derivada", _("Derivada")
    RESPONDIDA = "respondida", _("Respondida")
    CERRADA = "cerrada", _("Cerrada")


# Statuses after which the office no longer owes an answer: the deadline stops running.
SETTLED_STATUSES = {RequestStatus.DERIVADA, RequestStatus.RESPONDIDA, RequestStatus.CERRADA}


def validate_email_list(value):
    """Validate a comma- or line-separated list of e-mail addresses."""
    for address in split_addresses(value):
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                _("«%(address)s» no es una dirección de correo válida."), params={"address": address}
            ) from None


def split_addresses(value):
    """The addresses in a comma-, semicolon- or line-separated text."""
    return [part.strip() for part in (value or "").replace(";", ",").replace("\n", ",").split(",") if part.strip()]


@register_setting(icon="mail")
class RoutingSettings(BaseSiteSetting):
    """Where each type of citizen request is sent inside the institution (edited in the admin)."""

    consulta_recipients = models.TextField(
        _("destinatarios de consultas o solicitudes"),
        blank=True,
        validators=[validate_email_list],
        help_text=_("Direcciones separadas por comas."),
    )
    reclamo_recipients = models.TextField(
        _("destinatarios de reclamos"),
        blank=True,
        validators=[validate_email_list],
        help_text=_("Direcciones separadas por comas."),
    )
    sugerencia_recipients = models.TextField(
        _("destinatarios de sugerencias"),
        blank=True,
        validators=[validate_email_list],
        help_text=_("Direcciones separadas por comas."),
    )
    felicitacion_recipients = models.TextField(
        _("destinatarios de felicitaciones"),
        blank=True,
        validators=[validate_email_list],
        help_text=_("Direcciones separadas por comas."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("consulta_recipients"),
                FieldPanel("reclamo_recipients"),
                FieldPanel("sugerencia_recipients"),
                FieldPanel("felicitacion_recipients"),
            ],
            heading=_("Derivación interna por tipo de solicitud"),
        )
    ]

    class Meta:
        verbose_name = _("derivación de Atención Ciudadana")

    def recipients_for(self, request_type):
        """The internal addresses that receive requests of ``request_type``."""
        return split_addresses(getattr(self, f"{request_type}_recipients", ""))


class TrackingSequence(models.Model):
    """The last tracking number handed out in a year (one row per year, locked while incremented)."""

    year = models.PositiveIntegerField(_("año"), primary_key=True)
    last_number = models.PositiveIntegerField(_("último número"), default=0)

    class Meta:
        verbose_name = _("secuencia de códigos")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class CitizenRequest(models.Model):
    """A consulta, reclamo, sugerencia or felicitación sent by a citizen, with its tracking code."""

    code = models.CharField(_("código de seguimiento"), max_length=20, unique=True, editable=False)
    year = models.PositiveIntegerField(_("año"), editable=False)
    number = models.PositiveIntegerField(_("número"), editable=False)
    request_type = models.CharField(_("tipo"), max_length=20, choices=RequestType.choices)
    status = models.CharField(_("estado"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECIBIDA)
    name = models.CharField(_("nombre"), max_length=150)
    email = models.EmailField(_("correo electrónico"), max_length=254)
    phone = models.CharField(_("teléfono"), max_length=30, blank=True)
    comuna = models.CharField(_("comuna"), max_length=40, choices=COMMUNE_CHOICES)
    subject = models.CharField(_("asunto"), max_length=200)
    message = models.TextField(_("mensaje"), max_length=5000)
    consent_at = models.DateTimeField(_("aceptó el aviso de privacidad"))
    # The language of the page the citizen wrote from: the mails to the citizen are written in it.
    language = models.CharField(
        _("idioma"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        editable=False,
    )
    submission_digest = models.CharField(max_length=64, db_index=True, editable=False)
    page = models.ForeignKey(
        "contacto.ContactoPage",
        verbose_name=_("oficina"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("recibida el"), default=timezone.now, editable=False, db_index=True)
    received_on = models.DateField(_("fecha de recepción"), editable=False)
    due_on = models.DateField(_("plazo"), editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asignada a"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_answer = models.TextField(
        _("respuesta"),
        blank=True,
        max_length=10000,
        help_text=_("Se envía por correo a la persona y se muestra en el seguimiento."),
    )
    answered_at = models.DateTimeField(_("respondida el"), null=True, blank=True, editable=False)
    forwarded_institution = models.CharField(_("institución de destino"), max_length=200, blank=True)
    forwarded_email = models.EmailField(_("correo de la institución"), blank=True)
    forwarded_at = models.DateTimeField(_("derivada el"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("cerrada el"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("solicitud ciudadana")
        verbose_name_plural = _("solicitudes ciudadanas")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="contacto_unique_year_number")]
        # The staff inbox filters by status and sorts or flags by deadline (open and overdue requests).
        indexes = [models.Index(fields=["status", "due_on"], name="contacto_request_status_due")]
        permissions = [("export_citizenrequest", _("Puede exportar solicitudes"))]

    def __str__(self):
        return f"{self.code} · {self.subject}"

    @classmethod
    def on_time_counts(cls):
        """How many requests were answered and how many of them on or before their due date: one query."""
        answered_on = TruncDate("answered_at", tzinfo=timezone.get_current_timezone())
        return (
            cls.objects.order_by()
            .filter(answered_at__isnull=False)
            .annotate(answered_on=answered_on)
            .aggregate(answered=Count("pk"), on_time=Count("pk", filter=Q(answered_on__lte=F("due_on"))))
        )

    @property
    def comuna_name(self):
        """The comuna's display name."""
        return commune_name(self.comuna)

    @property
    def settled_on(self):
        """The date the office stopped owing an answer (answered, forwarded or closed), or None."""
        moments = [moment for moment in (self.answered_at, self.forwarded_at, self.closed_at) if moment]
        if not moments:
            return None
        return timezone.localdate(min(moments))

    def is_overdue(self, today=None):
        """True if still open after its due date."""
        today = today or timezone.localdate()
        return deadlines.is_overdue(self.due_on, today, self.settled_on)

    def deadline(self):
        """The due date for the inbox list, marked «Vencida» when overdue."""
        from django.utils.formats import date_format
        from django.utils.html import format_html

        text = date_format(self.due_on)
        if self.is_overdue():
            return format_html('<strong class="contacto-overdue">{} · {}</strong>', text, _("Vencida"))
        return text

    deadline.short_description = _("plazo")
    deadline.admin_order_field = "due_on"

    def overdue_text(self):
        """«Sí» or «No», for the CSV export."""
        return _("Sí") if self.is_overdue() else _("No")


def attachment_path(instance, filename):
    """Attachments are stored under a random name: the original name is kept in the database only."""
    import uuid

    return f"contacto/adjuntos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{instance.kind}"


class Attachment(models.Model):
    """A file attached by the citizen (PDF, JPG or PNG, checked by content)."""

    request = models.ForeignKey(CitizenRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("archivo"), upload_to=attachment_path, storage=attachment_storage)
    original_name = models.CharField(_("nombre original"), max_length=255)
    kind = models.CharField(_("tipo"), max_length=5)
    size = models.PositiveIntegerField(_("tamaño (bytes)"))

    class Meta:
        verbose_name = _("adjunto")
        verbose_name_plural = _("adjuntos")

    def __str__(self):
        return self.original_name


class RequestEvent(models.Model):
    """One entry in a request's history: who changed what and when. Never edited."""

    class Action(models.TextChoices):
        CREATED = "creada", _("Recibida")
        STATUS = "estado", _("Cambio de estado")
        ASSIGNED = "asignada", _("Asignación")
        ANSWERED = "respondida", _("Respuesta enviada")
        FORWARDED = "derivada", _("Derivación")
        NOTE = "nota", _("Nota interna")

    request = models.ForeignKey(CitizenRequest, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(_("fecha"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persona"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("acción"), max_length=20, choices=Action.choices)
    description = models.TextField(_("detalle"), blank=True)

    class Meta:
        verbose_name = _("evento de la solicitud")
        verbose_name_plural = _("historial de la solicitud")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.description}"


class OutgoingMail(models.Model):
    """A message waiting to be sent, or sent: the outbox that makes mail survive a mail-server outage."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("Pendiente")
        SENT = "enviado", _("Enviado")
        FAILED = "fallido", _("Fallido")

    request = models.ForeignKey(CitizenRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="mails")
    recipients = models.TextField(_("destinatarios"))
    subject = models.CharField(_("asunto"), max_length=255)
    body = models.TextField(_("cuerpo"))
    status = models.CharField(_("estado"), max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("intentos"), default=0)
    last_error = models.TextField(_("último error"), blank=True)
    created_at = models.DateTimeField(_("creado"), default=timezone.now)
    sent_at = models.DateTimeField(_("enviado"), null=True, blank=True)

    class Meta:
        verbose_name = _("correo saliente")
        verbose_name_plural = _("correos salientes")

    def __str__(self):
        return f"{self.subject} → {self.recipients}"

    @property
    def recipient_list(self):
        """The recipients as a list."""
        return split_addresses(self.recipients)
