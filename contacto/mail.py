"""Mail delivery through the task queue, with retries.

``deliver_mail`` runs on the "mail" task backend (django-tasks-db: a database
queue worked by ``manage.py db_worker --backend mail --queue-name mail``). When
the SMTP server refuses or is unreachable the message stays in the outbox and the
task re-enqueues itself with a growing delay, so nothing is lost.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 12


def retry_delay(attempts, base_seconds=None):
    """Seconds to wait before attempt ``attempts + 1``: base × 2^(attempts-1), at most six hours."""
    base = getattr(settings, "CONTACTO_MAIL_RETRY_BASE_SECONDS", 30) if base_seconds is None else base_seconds
    return min(base * 2 ** max(attempts - 1, 0), 6 * 60 * 60)


@task(backend="mail", queue_name="mail")
def deliver_mail(mail_id):
    """Send outbox message ``mail_id`` once; on failure schedule another try. Returns the outcome."""
    from django.utils import timezone

    from .models import OutgoingMail

    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status == OutgoingMail.Status.SENT:
            return "nothing to do"
        message = EmailMessage(
            subject=mail.subject, body=mail.body, from_email=settings.DEFAULT_FROM_EMAIL, to=mail.recipient_list
        )
        try:
            get_connection(fail_silently=False).send_messages([message])
        except Exception as error:  # any SMTP or socket failure: keep the message and retry later
            mail.attempts += 1
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts >= MAX_ATTEMPTS:
                mail.status = OutgoingMail.Status.FAILED
                mail.save(update_fields=["attempts", "last_error", "status"])
                logger.error("mail %s failed for good after %s attempts: %s", mail.pk, mail.attempts, error)
                return "failed"
            mail.save(update_fields=["attempts", "last_error"])
            delay = retry_delay(mail.attempts)
            deliver_mail.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(mail.pk)
            logger.warning("mail %s not sent (attempt %s), retrying in %ss: %s", mail.pk, mail.attempts, delay, error)
            return "retry"
        mail.attempts += 1
        mail.status = OutgoingMail.Status.SENT
        mail.sent_at = timezone.now()
        mail.last_error = ""
        mail.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return "sent"


def requeue_unsent():
    """Enqueue every message still pending or failed (for an operator after a long outage). Returns how many."""
    from .models import OutgoingMail

    count = 0
    for mail in OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT):
        if mail.status == OutgoingMail.Status.FAILED:
            mail.status = OutgoingMail.Status.PENDING
            mail.attempts = 0
            mail.save(update_fields=["status", "attempts"])
        deliver_mail.enqueue(mail.pk)
        count += 1
    return count
