"""The admin's password-reset mail goes through the mail queue, like every other message (issue #18).

Django's ``PasswordResetForm.send_mail`` talks to SMTP during the request: with the mail server
down the message was lost silently (the page still said it was sent). Here the message is
stored in contacto's outbox and delivered by the ``mail`` task backend's worker, with the same
retries as the citizens' mail (``contacto/mail.py``).
"""

from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.forms.auth import PasswordResetForm


class QueuedPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form whose message is queued instead of sent during the request."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        from contacto.services import queue_mail

        # Like Django: the subject is a template whose output must be a single line.
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        queue_mail([to_email], subject, email_template_name, context, language=translation.get_language())
