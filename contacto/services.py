"""What happens to a request: receipt, assignment, answer, forwarding, closing.

Each operation runs in one transaction that changes the request, writes its
history entry and puts the mail it causes in the outbox (and on the mail queue),
so either all of it is stored or none of it.
"""

import hashlib

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from . import deadlines, tracking
from .models import (
    Attachment,
    CitizenRequest,
    OutgoingMail,
    RequestEvent,
    RequestStatus,
    RoutingSettings,
)


def submission_digest(email, subject, message):
    """A fingerprint of a submission's content, to spot the same request sent twice."""
    normalised = "\x1f".join(" ".join(part.split()).lower() for part in (email, subject, message))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def is_repeated_submission(digest, window_minutes=30, now=None):
    """True if a request with the same fingerprint arrived within the last ``window_minutes``."""
    now = now or timezone.now()
    since = now - timezone.timedelta(minutes=window_minutes)
    return CitizenRequest.objects.filter(submission_digest=digest, created_at__gte=since).exists()


def queue_mail(recipients, subject, template, context, request=None):
    """Store a message in the outbox and enqueue its delivery (inside the caller's transaction)."""
    from .mail import deliver_mail

    body = render_to_string(template, context)
    mail = OutgoingMail.objects.create(request=request, recipients=", ".join(recipients), subject=subject, body=body)
    deliver_mail.enqueue(mail.pk)
    return mail


def submit_request(*, data, files=(), page=None, site=None, now=None):
    """Store a citizen's request with a fresh tracking code, its files, history and mail. Returns it.

    ``data`` holds the form's cleaned values (request_type, name, email, phone,
    comuna, subject, message). Everything happens in one transaction.
    """
    now = now or timezone.now()
    received_on = timezone.localdate(now)
    with transaction.atomic():
        number = tracking.next_number(received_on.year)
        request = CitizenRequest.objects.create(
            code=tracking.format_code(received_on.year, number),
            year=received_on.year,
            number=number,
            request_type=data["request_type"],
            name=data["name"],
            email=data["email"],
            phone=data.get("phone", ""),
            comuna=data["comuna"],
            subject=data["subject"],
            message=data["message"],
            consent_at=now,
            submission_digest=submission_digest(data["email"], data["subject"], data["message"]),
            page=page,
            created_at=now,
            received_on=received_on,
            due_on=deadlines.due_date(received_on, data["request_type"]),
        )
        for upload, kind in files:
            Attachment.objects.create(
                request=request, file=upload, original_name=upload.name[:255], kind=kind, size=upload.size
            )
        RequestEvent.objects.create(
            request=request,
            created_at=now,
            action=RequestEvent.Action.CREATED,
            description=_("Solicitud recibida por el formulario web."),
        )
        context = {"request_obj": request}
        queue_mail(
            [request.email],
            _("Recibimos su solicitud %(code)s") % {"code": request.code},
            "contacto/mail/citizen_receipt.txt",
            context,
            request=request,
        )
        routing = RoutingSettings.for_site(site) if site is not None else RoutingSettings.objects.first()
        recipients = routing.recipients_for(request.request_type) if routing else []
        if recipients:
            queue_mail(
                recipients,
                _("Nueva solicitud %(code)s: %(subject)s") % {"code": request.code, "subject": request.subject},
                "contacto/mail/staff_notice.txt",
                context,
                request=request,
            )
    return request


def find_request(code, email):
    """The request with ``code`` whose citizen's e-mail is ``email`` (case-insensitive), or None."""
    code = tracking.normalise_code(code)
    return CitizenRequest.objects.filter(code=code, email__iexact=(email or "").strip()).first()


def _log(request, actor, action, description, now):
    RequestEvent.objects.create(request=request, actor=actor, action=action, description=description, created_at=now)


def apply_staff_changes(request, previous, actor, note="", now=None):
    """Record and act on what a staff member changed in the admin.

    ``previous`` is a dict of the request's field values before the edit
    (status, assigned_to_id, public_answer, forwarded_institution, forwarded_email).
    The changes are already set on ``request``; this saves it, writes one history
    entry per change and queues the mail an answer or a forwarding causes.
    """
    now = now or timezone.now()
    with transaction.atomic():
        answer_sent = bool(request.public_answer.strip()) and request.public_answer != previous["public_answer"]
        forwarded = bool(request.forwarded_institution and request.forwarded_email) and (
            request.forwarded_institution != previous["forwarded_institution"]
            or request.forwarded_email != previous["forwarded_email"]
        )
        if answer_sent:
            request.answered_at = now
            if request.status == previous["status"]:
                request.status = RequestStatus.RESPONDIDA
        if forwarded:
            request.forwarded_at = now
            if request.status == previous["status"]:
                request.status = RequestStatus.DERIVADA
        if request.status == RequestStatus.CERRADA and previous["status"] != RequestStatus.CERRADA:
            request.closed_at = now
        request.save()

        if request.assigned_to_id != previous["assigned_to_id"]:
            who = (
                request.assigned_to.get_full_name() or request.assigned_to.get_username() if request.assigned_to else ""
            )
            _log(
                request,
                actor,
                RequestEvent.Action.ASSIGNED,
                _("Asignada a %(who)s.") % {"who": who} if who else _("Sin asignar."),
                now,
            )
        if request.status != previous["status"]:
            _log(
                request,
                actor,
                RequestEvent.Action.STATUS,
                _("De «%(old)s» a «%(new)s».")
                % {"old": RequestStatus(previous["status"]).label, "new": request.get_status_display()},
                now,
            )
        context = {"request_obj": request}
        if answer_sent:
            _log(request, actor, RequestEvent.Action.ANSWERED, request.public_answer, now)
            queue_mail(
                [request.email],
                _("Respuesta a su solicitud %(code)s") % {"code": request.code},
                "contacto/mail/citizen_answer.txt",
                context,
                request=request,
            )
        if forwarded:
            _log(
                request,
                actor,
                RequestEvent.Action.FORWARDED,
                _("Derivada a %(name)s <%(email)s>.")
                % {"name": request.forwarded_institution, "email": request.forwarded_email},
                now,
            )
            queue_mail(
                [request.forwarded_email],
                _("Derivación de la solicitud %(code)s") % {"code": request.code},
                "contacto/mail/institution_forward.txt",
                context,
                request=request,
            )
            queue_mail(
                [request.email],
                _("Su solicitud %(code)s fue derivada") % {"code": request.code},
                "contacto/mail/citizen_forward_notice.txt",
                context,
                request=request,
            )
        if note.strip():
            _log(request, actor, RequestEvent.Action.NOTE, note.strip(), now)
    return request
