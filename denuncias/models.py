"""Reports, their messages and attachments, the audit log and the login throttle.

Everything a reporter writes (texts, identity, messages, file names and
contents) is held in encrypted fields (``denuncias.fields``). What stays in
clear is what handlers need to sort and time reports: category, status and
dates. No model has a field for a client address or browser data.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import deadlines
from .fields import EncryptedBinaryField, EncryptedTextField


class Category(models.TextChoices):
    """What a report is about (Ley 21.592 and the institution's integrity code)."""

    CORRUPTION = "corrupcion", _("Corrupción, soborno o cohecho")
    CONFLICT = "conflicto_interes", _("Conflicto de intereses")
    MISUSE = "mal_uso_recursos", _("Mal uso de recursos o bienes públicos")
    HARASSMENT = "acoso", _("Acoso laboral o sexual, o maltrato")
    DISCRIMINATION = "discriminacion", _("Discriminación arbitraria")
    PROBITY = "probidad", _("Falta a la probidad o a la transparencia")
    RETALIATION = "represalias", _("Represalias contra un denunciante")
    OTHER = "otra", _("Otra conducta contraria a la ética")


class Status(models.TextChoices):
    """Where a report is in its handling."""

    RECEIVED = "recibida", _("Recibida")
    ANALYSIS = "en_analisis", _("En análisis")
    INVESTIGATION = "en_investigacion", _("En investigación")
    CLOSED = "cerrada", _("Cerrada")


class Report(models.Model):
    """A report filed through the channel; its reporter is known only by the receipt."""

    category = models.CharField(_("categoría"), max_length=32, choices=Category.choices)
    status = models.CharField(_("estado"), max_length=32, choices=Status.choices, default=Status.RECEIVED)
    description = EncryptedTextField(_("qué ocurrió"))
    when_where = EncryptedTextField(_("cuándo y dónde"), blank=True, default="")
    people_involved = EncryptedTextField(_("personas involucradas"), blank=True, default="")
    identity = EncryptedTextField(
        _("identidad del denunciante"), blank=True, default="", help_text=_("Vacío si la denuncia es anónima.")
    )
    receipt_hash = models.CharField(_("hash del código de recibo"), max_length=255)
    receipt_hint = models.PositiveIntegerField(_("pista del código"), db_index=True)
    submission_key = models.CharField(
        _("clave de envío"),
        max_length=64,
        unique=True,
        help_text=_("Hash del identificador del formulario: evita registrar dos veces el mismo envío."),
    )
    received_at = models.DateTimeField(_("recibida el"), default=timezone.now, db_index=True)
    acknowledged_at = models.DateTimeField(_("acuse de recibo"), null=True, blank=True)
    feedback_given_at = models.DateTimeField(_("retroalimentación entregada"), null=True, blank=True)
    closed_at = models.DateTimeField(_("cerrada el"), null=True, blank=True)

    class Meta:
        verbose_name = _("denuncia")
        verbose_name_plural = _("denuncias")
        ordering = ["-received_at"]

    def __str__(self):
        return f"Denuncia {self.pk}"

    @property
    def is_anonymous(self):
        """True when the reporter gave no identity."""
        return not self.identity.strip()

    @property
    def is_closed(self):
        return self.status == Status.CLOSED

    def deadline_state(self, today=None):
        """The report's acknowledgement and feedback deadlines (``denuncias.deadlines``)."""

        def local(moment):
            return timezone.localdate(moment) if moment else None

        return deadlines.deadline_state(
            received=local(self.received_at),
            acknowledged=local(self.acknowledged_at),
            feedback_given=local(self.feedback_given_at),
            closed=self.is_closed,
            today=today or timezone.localdate(),
        )

    def set_status(self, status, now=None):
        """Change the status, keeping ``closed_at`` and the acknowledgement consistent."""
        now = now or timezone.now()
        self.status = status
        self.closed_at = now if status == Status.CLOSED else None
        if status != Status.RECEIVED and self.acknowledged_at is None:
            self.acknowledged_at = now


class Author(models.TextChoices):
    """Who wrote a message."""

    REPORTER = "denunciante", _("Denunciante")
    HANDLER = "gestor", _("Comité de Ética")


class Message(models.Model):
    """A message in a report's conversation between the reporter and the handlers."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages", verbose_name=_("denuncia"))
    author = models.CharField(_("autor"), max_length=16, choices=Author.choices)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gestor"),
    )
    body = EncryptedTextField(_("mensaje"))
    is_feedback = models.BooleanField(
        _("es retroalimentación"), default=False, help_text=_("Informa al denunciante de las medidas adoptadas.")
    )
    created_at = models.DateTimeField(_("enviado el"), default=timezone.now)

    class Meta:
        verbose_name = _("mensaje")
        verbose_name_plural = _("mensajes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Mensaje {self.pk} de la denuncia {self.report_id}"


class Attachment(models.Model):
    """A file added by the reporter; name and content are encrypted."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("denuncia"))
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments", verbose_name=_("mensaje")
    )
    filename = EncryptedTextField(_("nombre del archivo"))
    content_type = models.CharField(_("tipo de contenido"), max_length=100)
    size = models.PositiveIntegerField(_("tamaño en bytes"))
    content = EncryptedBinaryField(_("contenido"))
    created_at = models.DateTimeField(_("subido el"), default=timezone.now)

    class Meta:
        verbose_name = _("archivo adjunto")
        verbose_name_plural = _("archivos adjuntos")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Archivo {self.pk} de la denuncia {self.report_id}"


class AuditQuerySet(models.QuerySet):
    """Refuses bulk changes: the audit log is append-only."""

    def update(self, **kwargs):
        raise PermissionDenied("The audit log is append-only.")

    def delete(self):
        raise PermissionDenied("The audit log is append-only.")


class AuditEntry(models.Model):
    """One line of the append-only audit log: who did what to which report, and when.

    ``report_id`` is a plain number, not a foreign key, so purging a report
    keeps its history. Rows can be added, never changed or removed (also
    enforced by database triggers, see migration 0002).
    """

    class Action(models.TextChoices):
        OPENED = "abrio", _("Abrió la denuncia")
        DOWNLOADED = "descargo", _("Descargó un archivo")
        STATUS = "estado", _("Cambió el estado")
        MESSAGE = "mensaje", _("Envió un mensaje")
        PURGED = "purgo", _("Eliminó por plazo de retención")

    created_at = models.DateTimeField(_("fecha"), default=timezone.now, db_index=True)
    username = models.CharField(_("usuario"), max_length=150, help_text=_("Vacío para procesos automáticos."))
    action = models.CharField(_("acción"), max_length=16, choices=Action.choices)
    report_id = models.PositiveBigIntegerField(_("número de denuncia"), db_index=True)
    detail = models.CharField(_("detalle"), max_length=200, blank=True, default="")

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("registro de auditoría")
        verbose_name_plural = _("registros de auditoría")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action} {self.report_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit log is append-only.")

    @classmethod
    def record(cls, user, action, report_id, detail=""):
        """Append one entry; ``user`` may be None for automatic processes."""
        return cls.objects.create(
            username=getattr(user, "get_username", lambda: "")(), action=action, report_id=report_id, detail=detail
        )


class ReceiptLoginFailure(models.Model):
    """A failed receipt login, kept only to throttle guessing: a time, nothing else."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("intento fallido de ingreso")
        verbose_name_plural = _("intentos fallidos de ingreso")

    def __str__(self):
        return f"Intento fallido {self.created_at:%Y-%m-%d %H:%M}"


class HandlerLoginFailure(models.Model):
    """A failed handler sign-in: the account typed, as a keyed hash, and a time; nothing about the client."""

    account = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("intento fallido de ingreso de gestión")
        verbose_name_plural = _("intentos fallidos de ingreso de gestión")

    def __str__(self):
        return f"Intento fallido de gestión {self.created_at:%Y-%m-%d %H:%M}"
