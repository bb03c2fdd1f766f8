"""Who follows what by e-mail, what changed, and the mail waiting to be sent.

Privacy by construction: an address lives only in ``Subscriber``; deleting it (unsubscribe, or
the purge of requests never confirmed) deletes its subscriptions and any mail still queued for
it. Sent mail is not kept.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    """A random, URL-safe secret for the one-click unsubscribe link."""
    return secrets.token_urlsafe(32)


class FollowedKind(models.TextChoices):
    COMMITMENT = "compromiso", _("Compromiso")
    BODY = "instancia", _("Instancia de participación")


class Subscriber(models.Model):
    """An e-mail address that asked to follow something; kept only while it follows anything.

    ``last_digest_at`` bounds the digest to one a day; ``token`` is the secret of the
    unsubscribe link (random, so the link reveals nothing and cannot be guessed).
    """

    email = models.EmailField(_("correo electrónico"), max_length=254, unique=True)
    language = models.CharField(_("idioma"), max_length=10, default="es")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("creado"), default=timezone.now)
    last_digest_at = models.DateTimeField(_("último resumen"), null=True, blank=True)

    class Meta:
        verbose_name = _("suscriptor")
        verbose_name_plural = _("suscriptores")

    def __str__(self):
        return f"suscriptor {self.pk}"  # never the address: this string can reach logs


class Subscription(models.Model):
    """One address following one commitment or body (all its translations, by ``page_key``).

    Unconfirmed until the link of the confirmation mail is used (``confirmed_at``); nothing but
    that mail is sent before. ``notified_until`` is the time up to which changes were mailed.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    kind = models.CharField(_("tipo"), max_length=20, choices=FollowedKind.choices)
    page_key = models.UUIDField(_("página seguida"), db_index=True)
    language = models.CharField(_("idioma"), max_length=10, default="es")
    created_at = models.DateTimeField(_("solicitada"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmada"), null=True, blank=True)
    notified_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("suscripción")
        verbose_name_plural = _("suscripciones")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "page_key"], name="suscripciones_one_per_page"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.page_key}"


class Change(models.Model):
    """Something a follower should hear about: a progress record, a new or changed session, a new document.

    Only a reference (``item_key``) is stored; the digest describes it in the follower's language.
    """

    class Kind(models.TextChoices):
        PROGRESS = "avance", _("Avance registrado")
        SESSION_NEW = "sesion_nueva", _("Sesión nueva")
        SESSION_CHANGED = "sesion_modificada", _("Sesión modificada")
        DOCUMENT_NEW = "documento_nuevo", _("Documento nuevo")

    page_key = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    item_key = models.CharField(max_length=64)
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = _("cambio")
        verbose_name_plural = _("cambios")

    def __str__(self):
        return f"{self.kind} {self.item_key}"


class BodySnapshot(models.Model):
    """A body's sessions and documents as last published, to tell what a new publication changed."""

    page_key = models.UUIDField(unique=True)
    sessions = models.JSONField(default=dict)  # session translation_key -> fingerprint
    documents = models.JSONField(default=list)  # document ids

    def __str__(self):
        return str(self.page_key)


class QueuedMail(models.Model):
    """A message waiting for the mail worker; deleted once sent, or with its subscriber."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="queued_mail")
    subject = models.CharField(max_length=255)
    text_body = models.TextField()
    html_body = models.TextField()
    unsubscribe_url = models.URLField(max_length=500)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.subject
