"""What happens to a request: receipt, assignment, answer, forwarding, closing.

Each operation runs in one transaction that changes the request, writes its
history entry and puts the mail it causes in the outbox (and on the mail queue),
so either all of it is stored or none of it.
"""

import hashlib

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import deadlines, tracking
from .mail import deliver_mail
from .records import (
    Attachment,
    CitizenRequest,
    OutgoingMail,
    RequestEvent,
    RequestStatus,
    RoutingSettings,
)
from .storage import files_removed_on_failure


def submission_digest(email, subject, message):
    """A fingerprint of a submission's content, to spot the same request sent twice."""
    normalised = "\x1f".join(" ".join(part.split()).lower() for part in (email, subject, message))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def is_repeated_submission(digest, window_minutes=30, now=None):
    """True if a request with the same fingerprint arrived within the last ``window_minutes``."""
    now = now or timezone.now()
    since = now - timezone.timedelta(minutes=window_minutes)
    return CitizenRequest.objects.filter(submission_digest=digest, created_at__gte=since).exists()


def request_language(language=None):
    """The site language closest to ``language`` (default: the active one), e.g. "en" or "es-cl"."""
    try:
        return translation.get_supported_language_variant(language or translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def citizen_language(request):
    """The language of the mails to the citizen who sent ``request``: the one they wrote in."""
    return request_language(request.language)


def staff_language():
    """Mail to staff and other institutions, and the request history, are always in Spanish."""
    return settings.LANGUAGE_CODE


def queue_mail(recipients, subject, template, context, request=None, language=None):
    """Store a message in the outbox and enqueue its delivery (inside the caller's transaction).

    ``subject`` may be a callable: it is then called, like the template is rendered, with
    ``language`` active, so the whole message is written in that language.
    """
    with translation.override(language or staff_language()):
        subject = subject() if callable(subject) else subject
        body = render_to_string(template, context)
    mail = OutgoingMail.objects.create(request=request, recipients=", ".join(recipients), subject=subject, body=body)
    deliver_mail.enqueue(mail.pk)
    return mail


def submit_request(*, data, files=(), page=None, site=None, now=None, language=None):
    """Store a citizen's request with a fresh tracking code, its files, history and mail. Returns it.

    ``data`` holds the form's cleaned values (request_type, name, email, phone,
    comuna, subject, message). ``language`` is the language the citizen wrote in
    (default: the active one); the receipt is written in it, the staff notice in
    Spanish. Everything happens in one transaction; if it fails, the attachment files
    already written are deleted too (no orphans on disk).
    """
    now = now or timezone.now()
    language = request_language(language)
    received_on = timezone.localdate(now)
    with files_removed_on_failure([]) as stored_files, transaction.atomic():
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
            language=language,
            submission_digest=submission_digest(data["email"], data["subject"], data["message"]),
            page=page,
            created_at=now,
            received_on=received_on,
            due_on=deadlines.due_date(received_on, data["request_type"]),
        )
        for upload, kind in files:
            attachment = Attachment.objects.create(
                request=request, file=upload, original_name=upload.name[:255], kind=kind, size=upload.size
            )
            stored_files.append(attachment.file.name)
        RequestEvent.objects.create(
            request=request,
            created_at=now,
            action=RequestEvent.Action.CREATED,
            description=_in_spanish(lambda: _("Solicitud recibida por el formulario web.")),
        )
        context = {"request_obj": request}
        queue_mail(
            [request.email],
            lambda: _("Recibimos su solicitud %(code)s") % {"code": request.code},
            "contacto/mail/citizen_receipt.txt",
            context,
            request=request,
            language=citizen_language(request),
        )
        routing = RoutingSettings.for_site(site) if site is not None else RoutingSettings.objects.first()
        recipients = routing.recipients_for(request.request_type) if routing else []
        if recipients:
            queue_mail(
                recipients,
                lambda: _("Nueva solicitud %(code)s: %(subject)s") % {"code": request.code, "subject": request.subject},
                "contacto/mail/staff_notice.txt",
                context,
                request=request,
                language=staff_language(),
            )
    return request


def _in_spanish(text):
    """``text()`` evaluated in the staff language: what is stored for the office reads the same for everyone."""
    with translation.override(staff_language()):
        return text()


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
    entry per change and queues the mail an answer or a forwarding causes. The
    history is written in Spanish whatever the admin's language; the citizen's
    mails in the citizen's language.
    """
    now = now or timezone.now()
    with transaction.atomic(), translation.override(staff_language()):
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
                lambda: _("Respuesta a su solicitud %(code)s") % {"code": request.code},
                "contacto/mail/citizen_answer.txt",
                context,
                request=request,
                language=citizen_language(request),
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
                lambda: _("Derivación de la solicitud %(code)s") % {"code": request.code},
                "contacto/mail/institution_forward.txt",
                context,
                request=request,
                language=staff_language(),
            )
            queue_mail(
                [request.email],
                lambda: _("Su solicitud %(code)s fue derivada") % {"code": request.code},
                "contacto/mail/citizen_forward_notice.txt",
                context,
                request=request,
                language=citizen_language(request),
            )
        if note.strip():
            _log(request, actor, RequestEvent.Action.NOTE, note.strip(), now)
    return request
