"""Following by e-mail end to end, mail captured: subscribe, confirm, change, digest, unsubscribe."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from programa_gobierno.models import CompromisoPage
from suscripciones.models import Change, QueuedMail, Subscriber, Subscription

from .conftest import html_of, link_in

pytestmark = pytest.mark.django_db
EMAIL = "vecina@example.org"


def subscribe(client, page, email=EMAIL, prefix=""):
    return client.post(f"{prefix}/seguir/{page.pk}/", {"email": email})


def move_progress(commitment):
    """Publish ``commitment`` with one more milestone completed (with evidence): one progress record."""
    page = CompromisoPage.objects.get(pk=commitment.pk)
    milestones = list(page.hitos.all())
    milestone = next(m for m in milestones if m.completed_on is None)
    milestone.completed_on = timezone.localdate()
    milestone.evidence_url = "https://example.org/evidencia"
    milestone.evidence_date = milestone.completed_on
    page.hitos = milestones
    page.save_revision().publish()
    return CompromisoPage.objects.get(pk=commitment.pk)


def confirm_from(client, message):
    confirm_path = link_in(message, "/seguir/confirmar/")
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 200
    return response


def test_full_round_trip_subscribe_confirm_digest_unsubscribe(commitment, run_mail_worker):
    client = Client(enforce_csrf_checks=False)
    response = subscribe(client, commitment)
    assert response.status_code == 303
    assert response["Location"] == f"/seguir/{commitment.pk}/solicitado/"
    assert "Revise su correo" in client.get(response["Location"]).content.decode()
    run_mail_worker()

    # The confirmation mail, and nothing else until confirmed.
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == [EMAIL]
    assert commitment.title in confirmation.subject
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    move_progress(commitment)
    call_command("send_digests")
    run_mail_worker()
    assert len(mail.outbox) == 1

    response = confirm_from(client, confirmation)
    assert "Suscripción confirmada" in response.content.decode()
    assert Subscription.objects.get(subscriber__email=EMAIL).confirmed_at is not None

    # A published progress change after confirming: one digest with it and the unsubscribe headers.
    page = move_progress(commitment)
    call_command("send_digests")
    run_mail_worker()
    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.to == [EMAIL]
    assert commitment.title in digest.body
    assert page.get_status_display() in digest.body
    assert "Avance registrado el" in digest.body
    html = html_of(digest)
    assert commitment.title in html and "<img" not in html and "src=" not in html
    unsubscribe_path = link_in(digest, "/seguir/baja/")
    header = digest.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(f"{unsubscribe_path}>")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not QueuedMail.objects.exists()  # sent mail is not kept

    # One-click unsubscribe as a mail client does it (RFC 8058): a POST without a CSRF token.
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(unsubscribe_path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email=EMAIL).exists()
    assert not Subscription.objects.exists()

    # The next change sends nothing, even on another day.
    move_progress(commitment)
    call_command("send_digests")
    later = timezone.now() + timedelta(days=2)
    from suscripciones.digests import send_digests

    assert send_digests(now=later) == 0
    run_mail_worker()
    assert len(mail.outbox) == 2
    assert strict.post(unsubscribe_path).status_code == 404


def test_at_most_one_digest_a_day(commitment, run_mail_worker):
    from suscripciones.digests import send_digests

    client = Client()
    subscribe(client, commitment)
    run_mail_worker()
    confirm_from(client, mail.outbox[0])
    move_progress(commitment)
    assert send_digests() == 1
    move_progress(commitment)  # a second change the same day waits for tomorrow
    assert send_digests() == 0
    assert send_digests() == 0
    run_mail_worker()
    assert len(mail.outbox) == 2
    tomorrow = timezone.now() + timedelta(days=1)
    assert send_digests(now=tomorrow) == 1
    run_mail_worker()
    assert len(mail.outbox) == 3
    assert "Avance registrado el" in mail.outbox[2].body
    assert send_digests(now=tomorrow + timedelta(hours=1)) == 0  # nothing new


def test_english_subscriber_gets_english_mail(commitment, run_mail_worker):
    from wagtail.models import Locale

    english = commitment.get_translation(Locale.objects.get(language_code="en"))
    client = Client()
    response = subscribe(client, english, prefix="/en")
    assert response.status_code == 303
    assert response["Location"].startswith("/en/seguir/")
    run_mail_worker()
    confirmation = mail.outbox[0]
    assert confirmation.subject.startswith("Confirm")
    assert "/en/seguir/confirmar/" in confirmation.body
    confirm_from(client, confirmation)
    move_progress(commitment)
    call_command("send_digests")
    run_mail_worker()
    digest = mail.outbox[1]
    assert english.title in digest.body
    assert "Progress recorded on" in digest.body
    assert "/en/seguir/baja/" in digest.extra_headers["List-Unsubscribe"]


def test_body_followers_hear_of_a_new_session(body, run_mail_worker):
    from participacion.models import InstanciaPage, InstanciaSession

    client = Client()
    subscribe(client, body)
    run_mail_worker()
    confirm_from(client, mail.outbox[0])
    page = InstanciaPage.objects.get(pk=body.pk)
    page.sessions.add(
        InstanciaSession(
            title="Sesión extraordinaria de prueba", starts_at=timezone.now() + timedelta(days=7), locale=page.locale
        )
    )
    page.save_revision().publish()
    assert Change.objects.filter(kind=Change.Kind.SESSION_NEW).count() == 1
    page = InstanciaPage.objects.get(pk=body.pk)
    page.save_revision().publish()  # publishing again without changes is no news
    assert Change.objects.count() == 1
    call_command("send_digests")
    run_mail_worker()
    assert len(mail.outbox) == 2
    assert "Sesión nueva: Sesión extraordinaria de prueba" in mail.outbox[1].body
    assert body.title in mail.outbox[1].body


def test_same_answer_and_no_second_mail_for_an_address_already_following(commitment, run_mail_worker):
    client = Client()
    subscribe(client, commitment)
    run_mail_worker()
    confirm_from(client, mail.outbox[0])
    again = subscribe(client, commitment, email=EMAIL.upper())
    assert again.status_code == 303
    assert again["Location"] == f"/seguir/{commitment.pk}/solicitado/"
    run_mail_worker()
    assert len(mail.outbox) == 1
    assert Subscriber.objects.count() == 1


def test_unconfirmed_requests_are_purged_after_three_days(commitment, run_mail_worker):
    from suscripciones.digests import send_digests

    subscribe(Client(), commitment)
    run_mail_worker()
    send_digests(now=timezone.now() + timedelta(days=2))
    assert Subscriber.objects.filter(email=EMAIL).exists()
    send_digests(now=timezone.now() + timedelta(days=3, minutes=1))
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()


def test_unsubscribe_page_shows_a_button_and_deletes_on_post(commitment, run_mail_worker):
    client = Client(enforce_csrf_checks=True)
    subscribe(Client(), commitment)
    run_mail_worker()
    unsubscribe_path = link_in(mail.outbox[0], "/seguir/baja/")
    response = client.get(unsubscribe_path)
    assert response.status_code == 200 and "Darme de baja" in response.content.decode()
    assert Subscriber.objects.exists()  # opening the link deletes nothing
    response = client.post(unsubscribe_path)
    assert response.status_code == 200 and "Dirección eliminada" in response.content.decode()
    assert not Subscriber.objects.exists()
