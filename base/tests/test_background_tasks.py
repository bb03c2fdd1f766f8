"""Wagtail's own tasks off the request: the database queue, ``manage.py task_worker``, ``/healthz``'s backlog."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

WORD = "zarzaparrilla"


@pytest.fixture
def background_tasks(settings, monkeypatch):
    """Wagtail's tasks on the database queue, as in production.py."""
    settings.TASKS = {**settings.TASKS, "default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker runs in the test's transaction: it must not close the test's connection.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    return settings


def run_worker():
    call_command("task_worker", "--batch", "--interval", "0", verbosity=0)


def test_publishing_enqueues_the_index_updates_and_the_worker_applies_them(background_tasks, home):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import Page

    page = home.get_children().live().first().specific
    page.title = f"{page.title} {WORD}"
    page.save_revision().publish()

    queued = DBTaskResult.objects.filter(backend_name="default", status=TaskResultStatus.READY)
    paths = set(queued.values_list("task_path", flat=True))
    assert "modelsearch.tasks.insert_or_update_object_task" in paths
    assert "wagtail.tasks.update_reference_index_task" in paths
    # Nothing ran during the request: the search index does not know the new title yet.
    assert not list(Page.objects.live().search(WORD))

    run_worker()

    assert not queued.exists()
    assert DBTaskResult.objects.filter(backend_name="default", status=TaskResultStatus.SUCCESSFUL).exists()
    assert [result.pk for result in Page.objects.live().search(WORD)] == [page.pk]


def test_the_worker_works_the_mail_queue_too(background_tasks, mailoutbox):
    from contacto.mail import deliver_mail
    from contacto.models import OutgoingMail

    mail = OutgoingMail.objects.create(recipients="vecina@example.cl", subject="Prueba de cola", body="Hola.")
    deliver_mail.enqueue(mail.pk)
    assert not mailoutbox
    run_worker()
    assert [message.subject for message in mailoutbox] == ["Prueba de cola"]
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT


def test_the_worker_sends_mail_a_dead_worker_left_running(background_tasks, mailoutbox):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from contacto.mail import deliver_mail
    from contacto.models import OutgoingMail

    mail = OutgoingMail.objects.create(recipients="vecina@example.cl", subject="Abandonado", body="Hola.")
    task = deliver_mail.enqueue(mail.pk)
    # A worker claimed it and died (PostgreSQL restarted) six minutes ago.
    DBTaskResult.objects.filter(pk=task.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=6), worker_ids=["muerto"]
    )
    run_worker()
    assert [message.subject for message in mailoutbox] == ["Abandonado"]
    assert DBTaskResult.objects.get(pk=task.id).status == TaskResultStatus.SUCCESSFUL


def enqueue_index_task(enqueued_ago):
    from django_tasks_db.models import DBTaskResult
    from wagtail.tasks import update_reference_index_task

    result = update_reference_index_task.enqueue("wagtailcore", "page", "1")
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - enqueued_ago)


def test_healthz_reports_the_backlog_of_every_queue(background_tasks, client):
    enqueue_index_task(timedelta(seconds=30))
    enqueue_index_task(timedelta(seconds=5))

    response = client.get("/healthz")
    assert response.status_code == 200
    queues = json.loads(response.content)["checks"]["tasks"]["queues"]
    assert queues["default"]["backend"] == "default"
    assert queues["default"]["pending"] == 2
    assert 30 <= queues["default"]["oldest_wait_s"] < 60
    assert queues["mail"] == {"backend": "mail", "pending": 0, "oldest_wait_s": 0}


def test_healthz_answers_503_when_wagtails_queue_is_not_worked(background_tasks, client):
    enqueue_index_task(timedelta(minutes=20))

    response = client.get("/healthz")
    assert response.status_code == 503
    tasks = json.loads(response.content)["checks"]["tasks"]
    assert tasks["ok"] is False
    assert tasks["queues"]["default"]["pending"] == 1
    assert "task_worker" in tasks["reason"]
