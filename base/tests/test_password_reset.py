"""The admin's password-reset mail is queued like all other mail, so an SMTP outage loses nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from contacto.mail import deliver_mail
from contacto.models import OutgoingMail

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_reset_mail_survives_an_smtp_outage_in_the_queue_and_is_delivered_later(client, settings):
    from django_tasks_db.models import DBTaskResult

    get_user_model().objects.create_user("olvidadiza", "olvidadiza@example.org", "una-clave-larga-1")
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    response = client.post("/admin/password_reset/", {"email": "olvidadiza@example.org"})
    assert response.status_code == 302
    assert response["Location"].endswith("/admin/password_reset/done/")
    queued = OutgoingMail.objects.get(recipients="olvidadiza@example.org")
    assert queued.status == OutgoingMail.Status.PENDING
    assert "/admin/password_reset/confirm/" in queued.body
    assert DBTaskResult.objects.ready().filter(backend_name="mail").exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_mail.call(queued.pk) == "sent"
    assert [message.to for message in mail.outbox] == [["olvidadiza@example.org"]]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body
