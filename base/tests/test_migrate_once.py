"""Migrations run once (``manage.py migrate_once``) and no node serves with pending migrations (``/healthz``)."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from base.management.commands.migrate_once import LOCK_KEY

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_503_while_the_database_is_behind_the_code(client, monkeypatch):
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    from base import health

    monkeypatch.setattr(health, "_schema_current", False)
    assert client.get("/healthz").status_code == 200
    # The database as a node with newer code finds it: the latest migration not applied yet.
    monkeypatch.setattr(health, "_schema_current", False)
    app, name = next(node for node in MigrationLoader(connection).graph.leaf_nodes() if node[0] == "contacto")
    MigrationRecorder.Migration.objects.filter(app=app, name=name).delete()

    response = client.get("/healthz")
    assert response.status_code == 503
    data = json.loads(response.content)
    assert data["reason"] == "migrations pending"
    assert data["checks"]["migrations"] == {**data["checks"]["migrations"], "ok": False, "pending": 1}


@pytest.fixture
def scratch_database(django_db_blocker):
    """An empty PostgreSQL database beside the test database; its URL."""
    import psycopg

    with django_db_blocker.unblock():
        settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_migrate_once"[:63]
    params = {
        "host": settings_dict["HOST"] or "127.0.0.1",
        "port": settings_dict["PORT"] or 5432,
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = settings_dict["USER"] + (f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else "")
    yield f"postgres://{auth}@{params['host']}:{params['port']}/{name}", {**params, "dbname": name}
    with psycopg.connect(**params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_two_nodes_starting_together_migrate_once(scratch_database):
    """Two ``migrate_once`` in parallel on one database: one applies, the other waits and finds nothing to do."""
    import psycopg

    url, params = scratch_database
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    with psycopg.connect(**params) as holder:
        # Hold the lock while both start, so they are really in parallel whatever the machine's speed.
        holder.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        nodes = [
            subprocess.Popen(
                [sys.executable, "manage.py", "migrate_once", "auth"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        deadline = time.monotonic() + 120
        while waiting_for_lock(holder) < 2:
            assert time.monotonic() < deadline, "the two nodes never both waited for the lock"
            assert all(node.poll() is None for node in nodes), [node.communicate()[0] for node in nodes]
            time.sleep(0.2)
        holder.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        outputs = [node.communicate(timeout=300)[0] for node in nodes]

    assert [node.returncode for node in nodes] == [0, 0], outputs
    applied = [output for output in outputs if "Applying auth.0001_initial... OK" in output]
    idle = [output for output in outputs if "No migrations to apply." in output]
    assert len(applied) == 1 and len(idle) == 1, outputs
    assert "otro nodo está migrando" in idle[0]
    with psycopg.connect(**params) as scratch:
        (count,) = scratch.execute(
            "SELECT count(*) FROM django_migrations WHERE app = 'auth' AND name = '0001_initial'"
        ).fetchone()
    assert count == 1


def waiting_for_lock(holder):
    """How many sessions wait for the advisory lock ``LOCK_KEY``."""
    (count,) = holder.execute(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = %s",
        [LOCK_KEY & 0xFFFFFFFF],
    ).fetchone()
    return count
