"""The admin's password-reset mail goes through the mail queue, like every other message (issue #18).

Django's ``PasswordResetForm.send_mail`` talks to SMTP during the request: with the mail server
down the message was lost silently (the page still said it was sent). Here the message is
stored in this app's outbox and delivered by the ``mail`` task backend's worker, with the same
retries as the citizens' mail (``mail.py``). Requests are rate limited per client and
per address (``RateLimitedPasswordResetView``, routed in ``config/urls.py`` ahead of Wagtail's).
"""

import hashlib
import math

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from . import ratelimit
from .services import queue_mail


class QueuedPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form whose message is queued instead of sent during the request."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        # Like Django: the subject is a template whose output must be a single line.
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        queue_mail([to_email], subject, email_template_name, context, language=translation.get_language())


# How many reset requests one client, and one e-mail address, may make per hour. The address is
# counted whether or not an account has it, so the limit tells nothing about who has an account.
RESET_LIMITS = {"client": (5, 3600), "address": (3, 3600)}


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's reset page, refusing with a 429 and a Spanish message once a limit is used up.

    Without a limit the form sends a mail to any address typed, as often as asked: a way to
    flood an editor's inbox through the site.
    """

    def form_valid(self, form):
        limits = getattr(settings, "PASSWORD_RESET_LIMITS", RESET_LIMITS)
        address = hashlib.sha256(form.cleaned_data["email"].strip().lower().encode()).hexdigest()[:32]
        waits = [
            ratelimit.consume("password_reset_client", ratelimit.client_key(self.request), *limits["client"]),
            ratelimit.consume("password_reset_address", address, *limits["address"]),
        ]
        wait = max((seconds for seconds in waits if seconds is not None), default=None)
        if wait is None:
            return super().form_valid(form)
        minutes = max(1, math.ceil(wait / 60))
        form.add_error(
            None,
            ngettext(
                "Se pidieron demasiados cambios de contraseña. Puede intentarlo de nuevo en %(minutes)d minuto.",
                "Se pidieron demasiados cambios de contraseña. Puede intentarlo de nuevo en %(minutes)d minutos.",
                minutes,
            )
            % {"minutes": minutes},
        )
        response = self.form_invalid(form)
        response.status_code = 429
        response["Retry-After"] = str(int(wait))
        return response
