"""``manage.py mail_worker``: django-tasks-db's ``db_worker`` on the mail queue, recovering abandoned tasks.

It takes ``db_worker``'s options (``--interval``, ``--max-tasks``...), with the backend and queue
``mail`` by default. When it starts, and every ``RECOVERY_INTERVAL`` seconds while it runs, it puts
back in the queue the mail tasks a worker that died left "running" (``contacto.mail``). Run it
supervised (``scripts/supervise.sh`` in ``make run``/``make serve``, systemd's ``Restart=always``
in a deployment): it exits when the database goes away.
"""

import logging
import threading

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from contacto.mail import recover_abandoned_tasks

logger = logging.getLogger(__name__)
RECOVERY_INTERVAL = 60


def recover_periodically(stop, interval=RECOVERY_INTERVAL):
    """Run ``recover_abandoned_tasks`` every ``interval`` seconds until ``stop`` is set (own connection)."""
    while not stop.wait(interval):
        try:
            recover_abandoned_tasks()
        except Exception:  # noqa: BLE001 - the database may be restarting; try again next round
            logger.warning("could not check for abandoned mail tasks", exc_info=True)
        finally:
            close_old_connections()
    connection.close()


class Command(DBWorkerCommand):
    help = "Envía el correo en cola (db_worker de la cola «mail») y recupera tareas abandonadas."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(backend_name="mail", queue_name="mail")

    def handle(self, *args, **options):
        recover_abandoned_tasks()
        stop = threading.Event()
        recovery = threading.Thread(target=recover_periodically, args=(stop,), name="mail-recovery", daemon=True)
        recovery.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
