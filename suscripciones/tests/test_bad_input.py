"""Refusals: clear Spanish (or English) messages with a 4xx, never a 500; rate limit; privacy of the admin report."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client

from suscripciones import services
from suscripciones.models import QueuedMail, Subscriber, Subscription

pytestmark = pytest.mark.django_db


def test_invalid_email_is_a_400_in_spanish_and_stores_nothing(commitment):
    response = Client().post(f"/seguir/{commitment.pk}/", {"email": "no-es-un-correo"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Escriba un correo válido" in body
    assert 'aria-invalid="true"' in body
    assert not Subscriber.objects.exists() and not QueuedMail.objects.exists()


def test_empty_email_is_a_400(commitment):
    response = Client().post(f"/seguir/{commitment.pk}/", {"email": ""})
    assert response.status_code == 400
    assert "Escriba su correo electrónico" in response.content.decode()


def test_invalid_email_in_english_is_explained_in_english(commitment):
    from wagtail.models import Locale

    english = commitment.get_translation(Locale.objects.get(language_code="en"))
    response = Client().post(f"/en/seguir/{english.pk}/", {"email": "nope"})
    assert response.status_code == 400
    assert "valid email" in response.content.decode()


def test_honeypot_is_refused_and_nothing_stored(commitment):
    response = Client().post(f"/seguir/{commitment.pk}/", {"email": "bot@example.org", "website": "spam"})
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("page_id", ["999999", "2147483648", "99999999999999999999"])
def test_unknown_object_is_a_404_in_spanish(page_id):
    for method in ("get", "post"):
        response = getattr(Client(), method)(f"/seguir/{page_id}/", {"email": "a@example.org"})
        assert response.status_code == 404
        assert "No se puede seguir esta página" in response.content.decode()


def test_a_page_that_is_neither_commitment_nor_body_cannot_be_followed(home):
    response = Client().get(f"/seguir/{home.pk}/")
    assert response.status_code == 404
    assert "Solo se pueden seguir compromisos" in response.content.decode()


@pytest.mark.parametrize("token", ["abc", "MQ:1xYmH4:falsificado", signing.dumps("1", salt="otra.cosa")])
def test_bad_confirmation_token_is_a_400_in_spanish(token):
    for method in ("get", "post"):
        response = getattr(Client(), method)(f"/seguir/confirmar/{token}/")
        assert response.status_code == 400
        assert "Enlace no válido" in response.content.decode()


def test_expired_confirmation_token_is_a_410_and_confirms_nothing(commitment, monkeypatch):
    services.request_subscription("tarde@example.org", commitment, "es")
    subscription = Subscription.objects.get()
    token = services.confirmation_token(subscription)
    later = signing.time.time() + timedelta(days=services.PENDING_DAYS, minutes=1).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = Client().post(f"/seguir/confirmar/{token}/")
    assert response.status_code == 410
    assert "El enlace venció" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_unknown_unsubscribe_token_is_a_404(db):
    for method in ("get", "post"):
        response = getattr(Client(), method)("/seguir/baja/no-existe/")
        assert response.status_code == 404
        assert "Enlace sin suscripción" in response.content.decode()


def test_rate_limit_is_a_429_with_retry_after_and_keeps_the_address(commitment, settings):
    settings.SUSCRIPCIONES_RATE_LIMITS = {"follow": (2, 600), "follow_any": (30, 600)}
    client = Client()
    for number in range(2):
        assert client.post(f"/seguir/{commitment.pk}/", {"email": f"p{number}@example.org"}).status_code == 303
    response = client.post(f"/seguir/{commitment.pk}/", {"email": "tercera@example.org"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.content.decode()
    assert "Demasiados envíos" in body and 'value="tercera@example.org"' in body
    assert Subscriber.objects.count() == 2


def test_flood_of_invalid_posts_is_a_429_too(commitment, settings):
    settings.SUSCRIPCIONES_RATE_LIMITS = {"follow": (5, 600), "follow_any": (3, 600)}
    client = Client()
    statuses = [client.post(f"/seguir/{commitment.pk}/", {"email": "x"}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]


def test_a_second_request_within_the_hour_sends_no_second_confirmation(commitment):
    client = Client()
    for _ in range(2):
        assert client.post(f"/seguir/{commitment.pk}/", {"email": "dos@example.org"}).status_code == 303
    assert QueuedMail.objects.count() == 1
    assert mail.outbox == []  # nothing is sent during the request: the mail worker sends it


def test_followers_report_shows_counts_not_addresses(commitment, admin_client, django_user_model):
    services.request_subscription("secreta@example.org", commitment, "es")
    services.confirm(Subscription.objects.get())
    services.request_subscription("pendiente@example.org", commitment, "es")
    response = admin_client.get("/admin/reports/seguidores/")
    assert response.status_code == 200
    body = response.content.decode()
    assert commitment.title in body
    assert "secreta@example.org" not in body and "pendiente@" not in body
    assert "<td>1</td><td>1</td>" in body.replace("\n", "")

    editor = django_user_model.objects.create_user("sinpermiso", password="x", is_staff=False)
    from django.contrib.auth.models import Group, Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/reports/seguidores/").status_code in (302, 403)
    editor.groups.add(Group.objects.get(name="Atención Ciudadana"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get("/admin/reports/seguidores/").status_code == 200
