"""``/healthz``: is this app server able to serve? Database, schema, cache and task queues, as JSON.

200 when every component answers, 503 otherwise, so a load balancer or a monitor can
act on the status code alone and an operator can read which component failed. The
response never contains personal data, credentials or exception messages (which may
include host names): only the component, ``ok`` and, on failure, the exception's class.
"""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

# A task still waiting this long after it became due means no worker is consuming the queue.
DEFAULT_TASK_MAX_DELAY = 15 * 60
# A task marked running for this long was abandoned by a worker that died (mail takes seconds).
DEFAULT_TASK_MAX_RUNNING = 10 * 60


def timed(check):
    """Run ``check()`` and return its result dict with ``ok`` and the time it took in ms."""
    start = time.perf_counter()
    try:
        result = {"ok": True, **(check() or {})}
    except Exception as error:  # noqa: BLE001 - any failure is a failed check, reported by class only
        result = {"ok": False, "error": type(error).__name__}
    result["ms"] = round((time.perf_counter() - start) * 1000, 1)
    return result


def check_database(alias="default"):
    """Run ``SELECT 1`` on the database; raises if it cannot."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def check_cache(alias="default"):
    """Write, read back and delete a unique key; ``ping()`` first where the backend has one."""
    cache = caches[alias]
    ping = getattr(cache, "ping", None)
    if ping is not None:
        ping()
    key = f"healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, 10)
    stored = cache.get(key)
    cache.delete(key)
    if stored != value:
        raise LookupError("the cache did not return what was stored")
    return {"backend": type(cache).__name__}


def stale_task_summary(due_times, now, max_delay):
    """Pending tasks and how many are overdue.

    ``due_times`` are the ``run_after`` datetimes of tasks waiting in the queue. A task is
    overdue when it has been due for more than ``max_delay`` seconds: a healthy worker
    would have taken it by then. Returns ``{"pending", "overdue", "oldest_wait_s"}``.
    """
    waits = [(now - due).total_seconds() for due in due_times]
    waits = [wait for wait in waits if wait > 0]
    return {
        "pending": len(due_times),
        "overdue": sum(1 for wait in waits if wait > max_delay),
        "oldest_wait_s": round(max(waits), 1) if waits else 0,
    }


def check_task_queue(now=None, max_delay=None):
    """The database task queue is reachable and no task waits longer than ``max_delay``.

    Backends that run tasks immediately (development, tests) have no queue and pass.
    """
    now = now or timezone.now()
    max_delay = (
        max_delay if max_delay is not None else getattr(settings, "HEALTHZ_TASK_MAX_DELAY", DEFAULT_TASK_MAX_DELAY)
    )
    queued = [
        name
        for name, config in getattr(settings, "TASKS", {}).items()
        if "django_tasks_db" in config.get("BACKEND", "")
    ]
    if not queued:
        return {"backend": "immediate"}
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.ready().filter(backend_name__in=queued).values_list("run_after", "enqueued_at")
    # run_after is the maximum date for tasks with no delay: those are due since enqueued.
    due_times = [enqueued if run_after.year == 9999 else run_after for run_after, enqueued in rows[:1000]]
    summary = stale_task_summary(due_times, now, max_delay)
    # A task "running" for longer than any task takes was left by a worker that died.
    max_running = getattr(settings, "HEALTHZ_TASK_MAX_RUNNING", DEFAULT_TASK_MAX_RUNNING)
    summary["stuck"] = (
        DBTaskResult.objects.running()
        .filter(backend_name__in=queued, started_at__lt=now - timedelta(seconds=max_running))
        .count()
    )
    summary["queues"] = queue_backlog(queued, now)
    # Overdue or stuck tasks mean no worker is consuming the queue: the check fails, with the reason.
    result = {"ok": not (summary["overdue"] or summary["stuck"]), "backend": "database", **summary}
    reason = task_queue_problem(summary, max_delay, max_running)
    if reason:
        result["reason"] = reason
    return result


def queue_backlog(backends, now):
    """The backlog of every queue of the database ``backends``: tasks ready to run and the oldest one's wait.

    ``{"default": {"backend": "default", "pending": 3, "oldest_wait_s": 1.5}, "mail": {...}}``: one entry
    per queue the settings declare (empty ones too), keyed by queue name.
    """
    from django.db.models import Count, Min, Q
    from django_tasks_db.compat import task_backends
    from django_tasks_db.models import DBTaskResult, get_date_max

    queues = {}
    for backend in backends:
        for queue in sorted(task_backends[backend].queues):
            queues[queue] = {"backend": backend, "pending": 0, "oldest_wait_s": 0}
    no_delay = Q(run_after=get_date_max())
    groups = (
        DBTaskResult.objects.ready()
        .filter(backend_name__in=backends)
        .values("backend_name", "queue_name")
        .annotate(
            pending=Count("id"),
            # A task with no delay is due since it was enqueued; a delayed one since its run_after.
            oldest_immediate=Min("enqueued_at", filter=no_delay),
            oldest_delayed=Min("run_after", filter=~no_delay),
        )
    )
    for group in groups:
        due = [time for time in (group["oldest_immediate"], group["oldest_delayed"]) if time is not None]
        entry = queues.setdefault(group["queue_name"], {"backend": group["backend_name"], "pending": 0})
        entry["pending"] += group["pending"]
        entry["oldest_wait_s"] = round(max(0.0, (now - min(due)).total_seconds()), 1) if due else 0
    return queues


def task_queue_problem(summary, max_delay, max_running):
    """Why the queue is unhealthy, in Spanish for the operator reading ``/healthz``, or ``""``."""
    problems = []
    if summary["overdue"]:
        problems.append(
            f"{summary['overdue']} tarea(s) en cola hace más de {max_delay // 60} min: "
            "¿está detenido el proceso de tareas (task_worker)?"
        )
    if summary["stuck"]:
        problems.append(
            f"{summary['stuck']} tarea(s) «en curso» hace más de {max_running // 60} min: "
            "las dejó un proceso de tareas que se detuvo."
        )
    return " ".join(problems)


# Set once this process has seen the database schema up to date with its code: a schema does not
# go back, so the migration graph is not loaded again on every probe.
_schema_current = False


def check_migrations(alias="default"):
    """Does the database have every migration this code has? ``{"pending": n}``, not ok when n > 0."""
    global _schema_current
    if _schema_current:
        return {"pending": 0}
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        return {"ok": False, "pending": len(plan), "reason": "migrations pending"}
    _schema_current = True
    return {"pending": 0}


def health_report():
    """``(all_ok, {"database": {...}, "migrations": {...}, "cache": {...}, "tasks": {...}})``."""
    checks = {
        "database": timed(check_database),
        "migrations": timed(check_migrations),
        "cache": timed(check_cache),
        "tasks": timed(check_task_queue),
    }
    if not checks["database"]["ok"]:
        for name in ("migrations", "tasks"):
            if checks[name].get("error"):
                checks[name]["error"] = "DatabaseUnavailable"
    return all(check["ok"] for check in checks.values()), checks


@never_cache
@require_GET
def healthz(request):
    """JSON health report; 200 when database, schema, cache and task queue all work, else 503.

    A node whose database is behind its code (a deployment that has not run ``migrate_once`` yet)
    answers 503 with ``"reason": "migrations pending"``, so the load balancer sends it nothing.
    """
    ok, checks = health_report()
    body = {"status": "ok" if ok else "error", "checks": checks}
    if checks["migrations"].get("pending"):
        body["reason"] = "migrations pending"
    return JsonResponse(body, status=200 if ok else 503)


class DatabaseUnavailableMiddleware:
    """A database outage (e.g. PostgreSQL restarting) answers 503 with ``Retry-After``, not a 500.

    The page is static (no database, no context processors). Nothing else changes: the next
    request opens a fresh connection (``CONN_HEALTH_CHECKS``), so the site recovers by itself
    as soon as the database is back, without restarting the app.
    """

    RETRY_AFTER = 15

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError
        from django.http import HttpResponse
        from django.template.loader import render_to_string

        if not isinstance(exception, OperationalError | InterfaceError) or not is_connection_error(exception):
            return None
        logger.warning("Database unavailable (%s); answered 503.", type(exception.__cause__ or exception).__name__)
        response = HttpResponse(render_to_string("base/503.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response


def is_connection_error(exception):
    """True when a database error means the server is unreachable, not that a query was wrong."""
    from django.db import InterfaceError

    if isinstance(exception, InterfaceError):
        return True
    cause = exception.__cause__
    name = type(cause).__name__ if cause is not None else ""
    message = str(exception).lower()
    markers = ("connection", "server closed", "terminating", "shutting down", "starting up", "could not connect")
    return name in {"OperationalError", "InterfaceError", "AdminShutdown"} and any(m in message for m in markers)
