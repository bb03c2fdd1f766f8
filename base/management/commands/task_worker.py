"""``manage.py task_worker``: the one worker for every database task queue of the site.

It runs django-tasks-db's own ``Worker`` (the loop of ``db_worker``) for each backend in ``TASKS``
that is a ``DatabaseBackend``, on all its queues: Wagtail's ``default`` (search and reference index,
front-end cache purges, deleting replaced files; a database queue in production) and contacto's
``mail``. Like ``mail_worker`` it puts back in the queue, at start and every minute, the mail tasks
a worker that died left "running" (``contacto.mail.recover_abandoned_tasks``).

Run it supervised (``scripts/supervise.sh`` in ``make run``/``make serve``, systemd's
``Restart=always`` in a deployment): it exits when the database goes away. TERM or INT lets the
task in hand finish, then stops. ``--batch`` works every queue until nothing is ready, then exits.
"""

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils.crypto import get_random_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import task_backends
from django_tasks_db.management.commands.db_worker import Worker, valid_interval

from contacto.mail import recover_abandoned_tasks
from contacto.management.commands.mail_worker import recover_periodically

logger = logging.getLogger(__name__)


def database_backends():
    """The aliases of the ``TASKS`` backends that keep their tasks in the database, in settings order."""
    from django.conf import settings

    return [alias for alias in settings.TASKS if isinstance(task_backends[alias], DatabaseBackend)]


class Command(BaseCommand):
    help = "Ejecuta las tareas en cola de todas las colas de la base de datos (Wagtail y correo)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=valid_interval,
            default=1.0,
            help="Segundos de espera cuando una cola está vacía (por omisión 1).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Ejecuta lo que está listo en cada cola y termina.",
        )

    def handle(self, *args, interval, batch, **options):
        backends = database_backends()
        worker_id = get_random_string(24)
        workers = [
            Worker(
                queue_names=["*"],
                interval=interval,
                batch=batch,
                backend_name=alias,
                startup_delay=False,
                max_tasks=None,
                worker_id=f"{worker_id}-{alias}"[:64],
                excluded_queue_names=[],
            )
            for alias in backends
        ]
        recover_abandoned_tasks()
        if batch:
            # One queue after the other, in this thread (and this database connection).
            for worker in workers:
                worker.run()
            return
        self.run_forever(workers)

    def run_forever(self, workers):
        """Each backend's worker in a thread of its own; TERM/INT stop them after the task in hand."""
        stop = threading.Event()
        recovery = threading.Thread(target=recover_periodically, args=(stop,), name="mail-recovery", daemon=True)
        recovery.start()

        def shutdown(signum, frame):
            logger.warning("task_worker: %s received, stopping after the running task", signal.strsignal(signum))
            for worker in workers:
                worker.running = False
            stop.set()

        signal.signal(signal.SIGTERM, shutdown)
        signal.signal(signal.SIGINT, shutdown)
        failed = threading.Event()

        def work(worker):
            try:
                worker.run()
            except Exception:
                # The database went away: stop everything, so the supervisor starts a fresh worker.
                logger.exception("task_worker: the %s queue's worker stopped", worker.backend_name)
                failed.set()
                shutdown(signal.SIGTERM, None)
            finally:
                connection.close()

        threads = [
            threading.Thread(target=work, args=(worker,), name=f"tasks-{worker.backend_name}") for worker in workers
        ]
        for thread in threads:
            thread.start()
        logger.info("task_worker: working the queues of %s", ", ".join(w.backend_name for w in workers))
        while any(thread.is_alive() for thread in threads):
            for thread in threads:
                thread.join(timeout=0.5)
        stop.set()
        if failed.is_set():
            raise SystemExit(1)
