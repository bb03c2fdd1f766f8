"""Mail goes through the database task queue; with the SMTP server down nothing is lost.

A real SMTP server (aiosmtpd) runs on loopback: first it refuses every message
(451), then it accepts; the outbox keeps the messages and the worker delivers
each one exactly once when the server is back.
"""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from contacto import mail, services
from contacto.models import OutgoingMail

pytestmark = pytest.mark.django_db


class FlakySMTPHandler:
    """Refuses messages while ``refusing`` is true, then records them."""

    def __init__(self):
        self.refusing = True
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            return "451 4.3.0 Servidor ocupado, intente más tarde"
        self.received.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    handler = FlakySMTPHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=controller.port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=5,
        CONTACTO_MAIL_RETRY_BASE_SECONDS=60,
    ):
        yield handler
    controller.stop()


def time_passes():
    """The retry delays elapse: queued retries become ready to run."""
    from django.utils import timezone

    DBTaskResult.objects.filter(status="READY", run_after__isnull=False).update(run_after=timezone.now())


def submit():
    return services.submit_request(
        data={
            "request_type": "reclamo",
            "name": "Ana Rojas",
            "email": "ana@example.org",
            "phone": "",
            "comuna": "renca",
            "subject": "Paradero sin techo",
            "message": "El paradero de la calle Principal no tiene techo.",
        }
    )


def test_submission_enqueues_mail_on_the_database_backend():
    request_obj = submit()
    mails = list(OutgoingMail.objects.filter(request=request_obj))
    assert len(mails) == 2
    tasks = DBTaskResult.objects.filter(backend_name="mail", queue_name="mail", task_path="contacto.mail.deliver_mail")
    assert sorted(task.args_kwargs["args"][0] for task in tasks) == sorted(m.pk for m in mails)
    assert all(m.status == "pendiente" for m in mails)


def test_nothing_is_lost_while_the_mail_server_refuses(smtp_server, run_mail_worker):
    request_obj = submit()
    run_mail_worker()
    mails = OutgoingMail.objects.filter(request=request_obj)
    assert {m.status for m in mails} == {"pendiente"}
    assert all(m.attempts == 1 and "451" in m.last_error for m in mails)
    assert smtp_server.received == []
    # A retry is waiting in the queue for each message, a minute later.
    assert DBTaskResult.objects.filter(backend_name="mail", status="READY", run_after__isnull=False).count() == 2
    run_mail_worker()  # too early: nothing runs
    assert {m.attempts for m in mails.all()} == {1}

    time_passes()
    run_mail_worker()  # still refusing: a second attempt each, still nothing lost
    assert {m.attempts for m in mails.all()} == {2}

    smtp_server.refusing = False
    time_passes()
    run_mail_worker()
    assert {m.status for m in mails.all()} == {"enviado"}
    recipients = sorted(rcpt for rcpts, _ in smtp_server.received for rcpt in rcpts)
    assert recipients == ["ana@example.org", "calidad@gobiernosantiago.cl", "oac@gobiernosantiago.cl"]
    citizen_mail = next(content for rcpts, content in smtp_server.received if rcpts == ["ana@example.org"])
    assert request_obj.code in citizen_mail

    time_passes()
    run_mail_worker()  # nothing left: each message went out exactly once
    assert len(smtp_server.received) == 2


def test_unreachable_server_is_retried_then_delivered(run_mail_worker):
    port = free_port()  # nothing listens here yet: connection refused
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=5,
        CONTACTO_MAIL_RETRY_BASE_SECONDS=60,
    ):
        request_obj = submit()
        run_mail_worker()
        assert {m.status for m in request_obj.mails.all()} == {"pendiente"}
        assert all("Connection" in m.last_error or "refused" in m.last_error for m in request_obj.mails.all())
        handler = FlakySMTPHandler()
        handler.refusing = False
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            time_passes()
            run_mail_worker()
        finally:
            controller.stop()
    assert {m.status for m in request_obj.mails.all()} == {"enviado"}
    assert len(handler.received) == 2


def test_a_message_is_given_up_after_max_attempts(smtp_server, run_mail_worker, monkeypatch):
    monkeypatch.setattr(mail, "MAX_ATTEMPTS", 2)
    request_obj = submit()
    run_mail_worker()
    time_passes()
    run_mail_worker()
    assert {m.status for m in request_obj.mails.all()} == {"fallido"}
    # An operator re-queues them once the server is fixed.
    smtp_server.refusing = False
    assert mail.requeue_unsent() == 2
    run_mail_worker()
    assert {m.status for m in request_obj.mails.all()} == {"enviado"}


@pytest.mark.parametrize("attempts, expected", [(1, 30), (2, 60), (3, 120), (6, 960), (20, 6 * 60 * 60)])
def test_retry_delay_grows_and_is_capped(attempts, expected):
    assert mail.retry_delay(attempts, base_seconds=30) == expected
