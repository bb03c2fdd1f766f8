"""Subscription mail through the task queue, as ``contacto.mail`` does, with the RFC 8058 headers.

``queue`` stores the message (``QueuedMail``) and enqueues ``deliver`` on the ``mail`` backend,
which the mail worker (``manage.py mail_worker``) runs. The task carries only the row's id, never
the address. A sent message is deleted; a failure is retried with contacto's growing delays.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from contacto.mail import MAX_ATTEMPTS, retry_delay

logger = logging.getLogger(__name__)


def unsubscribe_headers(url):
    """The one-click unsubscribe headers of RFC 2369 and RFC 8058 for ``url``."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def queue(subscriber, subject, template, context, unsubscribe_url, language=None):
    """Render ``template`` (.txt and .html) in ``language`` (the subscriber's), store and enqueue it."""
    from .models import QueuedMail

    context = {**context, "unsubscribe_url": unsubscribe_url}
    with translation.override(language or subscriber.language):
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
        subject = str(subject)
    mail = QueuedMail.objects.create(
        subscriber=subscriber, subject=subject, text_body=text, html_body=html, unsubscribe_url=unsubscribe_url
    )
    deliver.enqueue(mail.pk)  # in the caller's transaction: the row and its task commit together
    return mail


def build_message(mail):
    """The ``EmailMultiAlternatives`` of a queued mail: plain text, HTML, unsubscribe headers."""
    from django.conf import settings

    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.subscriber.email],
        headers=unsubscribe_headers(mail.unsubscribe_url),
    )
    message.attach_alternative(mail.html_body, "text/html")
    return message


@task(backend="mail", queue_name="mail")
def deliver(mail_id):
    """Send queued mail ``mail_id`` and delete it; on failure schedule another try. Returns the outcome."""
    from .models import QueuedMail

    mail = QueuedMail.objects.select_related("subscriber").filter(pk=mail_id).first()
    if mail is None:
        return "nothing to do"  # sent already, or the address unsubscribed meanwhile
    try:
        get_connection(fail_silently=False).send_messages([build_message(mail)])
    except Exception as error:  # any SMTP or socket failure: keep the message and retry later
        return _record_failure(mail_id, error)
    QueuedMail.objects.filter(pk=mail_id).delete()
    return "sent"


def _record_failure(mail_id, error):
    from .models import QueuedMail

    with transaction.atomic():
        mail = QueuedMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None:
            return "nothing to do"
        mail.attempts += 1
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        if mail.attempts >= MAX_ATTEMPTS:
            mail.delete()
            logger.error("subscription mail %s dropped after %s attempts: %s", mail_id, mail.attempts, error)
            return "failed"
        mail.save(update_fields=["attempts", "last_error"])
        delay = retry_delay(mail.attempts)
        deliver.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(mail.pk)
    logger.warning("subscription mail %s not sent (attempt %s), retrying in %ss", mail_id, mail.attempts, delay)
    return "retry"
