"""/healthz, the resilient Redis cache and the 503 answer to a database outage."""

import datetime as dt
import json
import os
import socket

import pytest
from django.db import OperationalError, ProgrammingError
from django.test import RequestFactory, override_settings

from base.health import DatabaseUnavailableMiddleware, is_connection_error, stale_task_summary

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)


def closed_port():
    """A loopback port nobody listens on: a Redis that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cache(url):
    return {
        "default": {
            "BACKEND": "base.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "ga-test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.mark.parametrize(
    ("due_minutes_ago", "expected"),
    [
        ([], {"pending": 0, "overdue": 0, "oldest_wait_s": 0}),
        ([1], {"pending": 1, "overdue": 0, "oldest_wait_s": 60.0}),
        ([1, 14], {"pending": 2, "overdue": 0, "oldest_wait_s": 840.0}),
        ([16], {"pending": 1, "overdue": 1, "oldest_wait_s": 960.0}),
        ([2, 20, 30], {"pending": 3, "overdue": 2, "oldest_wait_s": 1800.0}),
        ([-5], {"pending": 1, "overdue": 0, "oldest_wait_s": 0}),  # scheduled for later: not waiting yet
    ],
)
def test_stale_task_summary(due_minutes_ago, expected):
    due = [NOW - dt.timedelta(minutes=minutes) for minutes in due_minutes_ago]
    assert stale_task_summary(due, NOW, max_delay=15 * 60) == expected


@pytest.mark.django_db
def test_healthz_reports_every_component(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "migrations", "cache", "tasks"}
    assert all(check["ok"] for check in data["checks"].values())
    assert data["checks"]["tasks"]["overdue"] == 0
    assert data["checks"]["migrations"]["pending"] == 0
    assert "reason" not in data


@pytest.mark.django_db
def test_healthz_fails_when_the_worker_is_not_consuming_the_queue(client):
    from django_tasks_db.models import DBTaskResult

    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="contacto.tasks.enviar",
        backend_name="mail",
        queue_name="mail",
        run_after=long_ago,
    )
    DBTaskResult.objects.update(enqueued_at=long_ago)
    response = client.get("/healthz")
    assert response.status_code == 503
    tasks = json.loads(response.content)["checks"]["tasks"]
    assert tasks["ok"] is False
    assert tasks["overdue"] == 1
    assert "en cola hace más de 15 min" in tasks["reason"]


@pytest.mark.django_db
def test_healthz_fails_when_a_dead_worker_left_a_task_running(client):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    started = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=11)
    DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="contacto.mail.deliver_mail",
        backend_name="mail",
        queue_name="mail",
        status=TaskResultStatus.RUNNING,
        started_at=started,
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    tasks = json.loads(response.content)["checks"]["tasks"]
    assert tasks["stuck"] == 1
    assert "«en curso» hace más de 10 min" in tasks["reason"]


@pytest.mark.django_db
def test_a_task_running_for_a_short_while_is_healthy(client):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="contacto.mail.deliver_mail",
        backend_name="mail",
        queue_name="mail",
        status=TaskResultStatus.RUNNING,
        started_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=20),
    )
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "reason" not in json.loads(response.content)["checks"]["tasks"]


@pytest.mark.django_db
def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_redis_down_pages_still_render_and_healthz_says_so(client, home, caplog):
    """Fault: Redis unreachable. Pages render from the database; /healthz answers 503 naming the cache."""
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/0")):
        from django.core.cache import cache

        cache.set("clave", "valor")  # no exception
        assert cache.get("clave", "ausente") == "ausente"
        assert cache.get_or_set("otra", lambda: 42) == 42
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("clave", 1) is False
        with pytest.raises(ValueError):
            cache.incr("contador")
        for path in ["/", "/en/", "/robots.txt"]:
            assert client.get(path).status_code == 200, path
        response = client.get("/healthz")
        assert response.status_code == 503
        checks = json.loads(response.content)["checks"]
        assert checks["cache"] == {"ok": False, "error": "ConnectionError", "ms": checks["cache"]["ms"]}
        assert checks["database"]["ok"] is True
    assert "Cache unavailable" in caplog.text


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_with_a_real_redis(client):
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        pytest.skip("REDIS_TEST_URL is not set (CI sets it: redis://127.0.0.1:6379/15)")
    with override_settings(CACHES=redis_cache(url)):
        from django.core.cache import cache

        cache.set("clave", "valor", 30)
        assert cache.get("clave") == "valor"
        cache.delete("clave")
        response = client.get("/healthz")
        assert response.status_code == 200, response.content
        assert json.loads(response.content)["checks"]["cache"]["backend"] == "ResilientRedisCache"


def outage(message):
    error = OperationalError(message)
    error.__cause__ = type("OperationalError", (Exception,), {})(message)
    return error


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (outage('connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused'), True),
        (outage("terminating connection due to administrator command"), True),
        (outage("server closed the connection unexpectedly"), True),
        (outage("the database system is shutting down"), True),
        (outage("the database system is starting up"), True),
        (outage("division by zero"), False),
        (OperationalError("no such table: foo"), False),
    ],
)
def test_is_connection_error(exception, expected):
    assert is_connection_error(exception) is expected


def test_a_database_outage_answers_503_with_retry_after():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    response = middleware.process_exception(request, outage("server closed the connection unexpectedly"))
    assert response.status_code == 503
    assert response["Retry-After"] == "15"
    assert "Volvemos en un momento" in response.content.decode()
    # Programming errors are not hidden: they still reach the 500 handler and the logs.
    assert middleware.process_exception(request, ProgrammingError("syntax error")) is None
