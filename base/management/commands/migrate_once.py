"""``manage.py migrate_once``: ``migrate --noinput``, by one node at a time.

Every application node runs it before it starts serving (``scripts/serve.sh``, the cluster's start
script, a rolling deploy). On PostgreSQL it holds a session-level advisory lock
(``pg_advisory_lock``) on a connection of its own for the whole migration: when several nodes start
together, one migrates and the others wait for it, then find nothing left to apply. On SQLite (one
machine, development) it is plain ``migrate``.
"""

import time
import zlib

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections

# One number for "this site's schema", the same in every node (any 64-bit integer would do).
LOCK_KEY = zlib.crc32(b"gobierno-abierto:migrate")


class Command(BaseCommand):
    help = "Aplica las migraciones pendientes; en PostgreSQL, un solo nodo a la vez (bloqueo consultivo)."

    def add_arguments(self, parser):
        parser.add_argument("app_label", nargs="?", help="Como en migrate: solo esta aplicación.")
        parser.add_argument("migration_name", nargs="?", help="Como en migrate: hasta esta migración.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, app_label, migration_name, database, **options):
        targets = [label for label in (app_label, migration_name) if label]
        verbosity = options["verbosity"]

        def migrate():
            call_command("migrate", *targets, database=database, interactive=False, verbosity=verbosity)

        if connections[database].vendor != "postgresql":
            migrate()
            return
        # The lock lives on its own connection, so nothing migrate does to its connection releases it.
        lock = connections.create_connection(database)
        try:
            with lock.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                acquired = cursor.fetchone()[0]
                if not acquired:
                    self.stdout.write("migrate_once: otro nodo está migrando; se espera a que termine.")
                    start = time.monotonic()
                    cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
                    self.stdout.write(f"migrate_once: el otro nodo terminó ({time.monotonic() - start:.1f} s).")
                try:
                    migrate()
                finally:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        finally:
            lock.close()
