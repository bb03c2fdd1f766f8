"""Mail delivery through the task queue, with retries.

``deliver_mail`` runs on the "mail" task backend (django-tasks-db: a database
queue worked by ``manage.py db_worker --backend mail --queue-name mail``). When
the SMTP server refuses or is unreachable the message stays in the outbox and the
task re-enqueues itself with a growing delay, so nothing is lost.

A worker that dies mid-task (a database restart kills it) leaves its task "running" for ever:
django-tasks-db has no recovery of its own. ``recover_abandoned_tasks`` puts mail tasks running
for longer than any delivery can take back in the queue; ``manage.py mail_worker`` (the worker
``make run``/``make serve`` supervise) does it when it starts and every minute after. Delivering
twice is harmless: ``deliver_mail`` does nothing for a message already sent.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django_tasks import task

from .records import OutgoingMail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 12
# A delivery takes seconds (EMAIL_TIMEOUT is 10 s): a task "running" this long has no worker left.
ABANDONED_AFTER_SECONDS = 5 * 60


def retry_delay(attempts, base_seconds=None):
    """Seconds to wait before attempt ``attempts + 1``: base × 2^(attempts-1), at most six hours."""
    base = getattr(settings, "CONTACTO_MAIL_RETRY_BASE_SECONDS", 30) if base_seconds is None else base_seconds
    return min(base * 2 ** max(attempts - 1, 0), 6 * 60 * 60)


@task(backend="mail", queue_name="mail")
def deliver_mail(mail_id):
    """Send outbox message ``mail_id`` once; on failure schedule another try. Returns the outcome.

    The SMTP conversation happens outside any transaction and row lock (it can take the whole
    ``EMAIL_TIMEOUT``); only the short bookkeeping before and after touches the database.
    """
    from django.utils import timezone

    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None or mail.status == OutgoingMail.Status.SENT:
        return "nothing to do"
    message = EmailMessage(
        subject=mail.subject, body=mail.body, from_email=settings.DEFAULT_FROM_EMAIL, to=mail.recipient_list
    )
    try:
        get_connection(fail_silently=False).send_messages([message])
    except Exception as error:  # any SMTP or socket failure: keep the message and retry later
        return _record_failure(mail_id, error)
    OutgoingMail.objects.filter(pk=mail_id).update(
        attempts=F("attempts") + 1, status=OutgoingMail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def _record_failure(mail_id, error):
    """Count a failed attempt of ``mail_id``; give up after ``MAX_ATTEMPTS``, else enqueue a later try."""
    from django.utils import timezone

    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().get(pk=mail_id)
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
    logger.warning("mail %s not sent (attempt %s), retrying in %ss: %s", mail_id, mail.attempts, delay, error)
    return "retry"


def requeue_unsent():
    """Enqueue every message still pending or failed (for an operator after a long outage). Returns how many."""
    count = 0
    for mail in OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT):
        if mail.status == OutgoingMail.Status.FAILED:
            mail.status = OutgoingMail.Status.PENDING
            mail.attempts = 0
            mail.save(update_fields=["status", "attempts"])
        deliver_mail.enqueue(mail.pk)
        count += 1
    return count


def abandoned_after():
    """Seconds after which a running mail task counts as abandoned (``CONTACTO_MAIL_ABANDONED_SECONDS``)."""
    return int(getattr(settings, "CONTACTO_MAIL_ABANDONED_SECONDS", ABANDONED_AFTER_SECONDS))


def abandoned_tasks(now=None):
    """Mail tasks still marked running although they started more than ``abandoned_after()`` ago."""
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = (now or timezone.now()) - timedelta(seconds=abandoned_after())
    return DBTaskResult.objects.filter(backend_name="mail", status=TaskResultStatus.RUNNING, started_at__lt=cutoff)


def recover_abandoned_tasks(now=None):
    """Put mail tasks a dead worker left running back in the queue. Returns how many."""
    from django_tasks.base import TaskResultStatus

    count = abandoned_tasks(now).update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("re-queued %s mail task(s) abandoned by a worker that stopped", count)
    return count
