"""Password-reset mail is queued like all other mail (an SMTP outage loses nothing), and requests are limited."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend

from contacto.mail import deliver_mail
from contacto.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits(monkeypatch):
    """Limits live in the cache (and its in-process fallback); hold the clock inside one window."""
    from contacto import ratelimit

    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000 + 130)
    cache.clear()
    ratelimit.local_counts.clear()
    yield
    cache.clear()
    ratelimit.local_counts.clear()


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


def test_one_address_gets_three_resets_an_hour_then_a_spanish_429(client):
    get_user_model().objects.create_user("olvidadiza", "olvidadiza@example.org", "una-clave-larga-1")
    for _ in range(3):
        assert client.post("/admin/password_reset/", {"email": "Olvidadiza@example.org"}).status_code == 302
    response = client.post("/admin/password_reset/", {"email": "olvidadiza@example.org"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Puede intentarlo de nuevo en" in response.content.decode()
    assert OutgoingMail.objects.filter(recipients="olvidadiza@example.org").count() == 3


def test_one_client_gets_five_resets_an_hour_whatever_the_addresses(client):
    for number in range(5):
        response = client.post("/admin/password_reset/", {"email": f"nadie{number}@example.org"})
        assert response.status_code == 302
    assert client.post("/admin/password_reset/", {"email": "otra@example.org"}).status_code == 429
    # Another client is not affected.
    other = client_class_for_address("203.0.113.9")
    assert other.post("/admin/password_reset/", {"email": "otra@example.org"}).status_code == 302


def client_class_for_address(address):
    from django.test import Client

    return Client(REMOTE_ADDR=address)
