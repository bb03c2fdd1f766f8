"""Mail goes through the database task queue; with the SMTP server down nothing is lost.

A real SMTP server (aiosmtpd) runs on loopback: first it refuses every message
(451), then it accepts; the outbox keeps the messages and the worker delivers
each one exactly once when the server is back.
"""

import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import connection
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


class AtomicDepthBackend(locmem.EmailBackend):
    """The test mail backend, noting how many transactions were open when each message was sent."""

    depths = []

    def send_messages(self, messages):
        AtomicDepthBackend.depths.append(len(connection.atomic_blocks))
        return super().send_messages(messages)


def test_mail_is_sent_outside_any_transaction_or_row_lock(settings):
    settings.EMAIL_BACKEND = f"{__name__}.AtomicDepthBackend"
    AtomicDepthBackend.depths = []
    request = submit()
    baseline = len(connection.atomic_blocks)  # the test's own transaction
    for outgoing in OutgoingMail.objects.filter(request=request):
        assert mail.deliver_mail.call(outgoing.pk) == "sent"
    assert AtomicDepthBackend.depths and set(AtomicDepthBackend.depths) == {baseline}
    statuses = set(OutgoingMail.objects.filter(request=request).values_list("status", flat=True))
    assert statuses == {OutgoingMail.Status.SENT}


def run_mail_worker_command(monkeypatch):
    """``manage.py mail_worker`` until the queue is empty (``--batch``), as make run/serve start it."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    call_command("mail_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)


def test_a_task_left_running_by_a_dead_worker_is_retried_and_the_mail_sent(monkeypatch):
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus

    request = submit()
    tasks = DBTaskResult.objects.filter(backend_name="mail", status=TaskResultStatus.READY)
    abandoned = tasks.first()
    # A worker claimed it and died (PostgreSQL restarted) six minutes ago.
    DBTaskResult.objects.filter(pk=abandoned.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=6), worker_ids=["muerto"]
    )
    run_mail_worker_command(monkeypatch)
    statuses = set(OutgoingMail.objects.filter(request=request).values_list("status", flat=True))
    assert statuses == {OutgoingMail.Status.SENT}
    assert not DBTaskResult.objects.filter(backend_name="mail", status=TaskResultStatus.RUNNING).exists()


def test_a_task_running_for_less_than_the_limit_is_left_to_its_worker():
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus

    submit()
    task = DBTaskResult.objects.filter(backend_name="mail").first()
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=1)
    )
    assert mail.recover_abandoned_tasks() == 0
    assert mail.recover_abandoned_tasks(now=timezone.now() + timedelta(minutes=5)) == 1
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.READY


def test_make_run_and_make_serve_restart_the_task_worker_whenever_it_stops(tmp_path):
    import os
    import signal
    import subprocess
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for script in ("dev.sh", "serve.sh"):
        # task_worker works the mail queue (and Wagtail's), with mail_worker's abandoned-task recovery.
        assert "scripts/supervise.sh $BIN/python manage.py task_worker" in (root / "scripts" / script).read_text()
    runs = tmp_path / "runs"
    # A worker that dies at once, as the mail worker does when PostgreSQL restarts.
    loop = subprocess.Popen(
        [str(root / "scripts" / "supervise.sh"), "sh", "-c", f"echo x >> {runs}; exit 1"],
        env={**os.environ, "SUPERVISE_DELAY": "0.2"},
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (not runs.exists() or len(runs.read_text().split()) < 3):
            time.sleep(0.1)
        assert len(runs.read_text().split()) >= 3
    finally:
        loop.send_signal(signal.SIGTERM)
        assert loop.wait(timeout=10) == 0
