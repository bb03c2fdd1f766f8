"""Faults the production stack survives, on a disposable PostgreSQL cluster of its own.

The cluster (initdb + pg_ctl on a free loopback port, in a temporary directory) is started
for this module only, so restarting it never disturbs the shared PostgreSQL other test runs
use. The site is served by gunicorn, as in production, with persistent connections
(CONN_MAX_AGE=60) and CONN_HEALTH_CHECKS.

1. A backup taken with ``pg_dump`` and restored with ``pg_restore`` into a fresh database
   serves the same pages as the original.
2. PostgreSQL restarted while serving: requests fail cleanly (503 + Retry-After, /healthz 503)
   during the outage and the site recovers by itself, without restarting gunicorn.

These need PostgreSQL's server binaries and run in the PostgreSQL pass of CI
(DATABASE_URL=postgres://...); on the SQLite pass they are skipped with that reason.
"""

import glob
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
PG_BINS = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2]))
PG_BIN = Path(PG_BINS[-1]) if PG_BINS else None

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not ON_POSTGRES or PG_BIN is None,
        reason="PostgreSQL fault tests run in the PostgreSQL pass (DATABASE_URL=postgres://...), with server binaries",
    ),
]

PAGES = ["/", "/en/", "/robots.txt", "/api/v2/pages/?fields=title&limit=20"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A throw-away PostgreSQL cluster owned by the ``postgres`` system user when run as root."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ga-pg-faults-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.dir.chmod(0o755)

    def run(self, binary, *args, **kwargs):
        command = [*self.as_postgres, str(PG_BIN / binary), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120, **kwargs)

    def init(self):
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")

    def stop(self, mode="fast"):
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def psql(self, sql):
        return self.run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-tAc", sql, "postgres")

    def remove(self):
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def manage(env, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )


def site_env(database_url, media_root):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        CONN_MAX_AGE="60",
        MEDIA_ROOT=str(media_root),
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    return env


class Server:
    """gunicorn serving the site from one database, as production does."""

    def __init__(self, env, log_path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                str(ROOT / "config" / "gunicorn.py"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "1",
                "--no-control-socket",
                "config.wsgi:application",
            ],
            env=env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.base + "/robots.txt", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: {Path(log_path).read_text()}") from None
                time.sleep(0.3)

    def get(self, path, timeout=10):
        """(status, headers, body) of a GET, for any status."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=15)
        self.log.close()


def comparable(body):
    """Page content without what legitimately differs per response (CSP nonces, CSRF tokens, host:port)."""
    body = re.sub(r'nonce="[^"]*"', 'nonce=""', body)
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    return re.sub(r"127\.0\.0\.1:\d+", "HOST", body)


@pytest.fixture(scope="module")
def cluster():
    cluster = Cluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="module")
def original(cluster):
    """The demo site in the disposable cluster, built as a deployment would: migrate, load content."""
    cluster.psql("CREATE DATABASE original")
    env = site_env(cluster.url("original"), cluster.dir / "media")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content", "-v0")
    server = Server(env, cluster.dir / "original.log")
    yield server
    server.close()


@pytest.fixture(scope="module")
def restored(cluster, original):
    """A fresh database restored from a ``pg_dump`` of the original, served by its own gunicorn."""
    dump = cluster.dir / "backup.dump"
    host = ["-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres"]
    cluster.run("pg_dump", *host, "--format=custom", "--no-owner", "--file", str(dump), "original")
    cluster.psql("CREATE DATABASE restaurada")
    cluster.run("pg_restore", *host, "--no-owner", "--exit-on-error", "--dbname", "restaurada", str(dump))
    server = Server(site_env(cluster.url("restaurada"), cluster.dir / "media"), cluster.dir / "restored.log")
    yield server
    server.close()


def test_a_pg_dump_backup_restored_into_a_fresh_database_serves_the_same_pages(original, restored):
    for path in PAGES:
        status, _, body = original.get(path)
        assert status == 200, path
        restored_status, _, restored_body = restored.get(path)
        assert restored_status == 200, path
        assert comparable(restored_body) == comparable(body), path
    pages = json.loads(restored.get("/api/v2/pages/?fields=title&limit=20")[2])
    assert pages["meta"]["total_count"] >= 2  # the Spanish and English home pages, at least
    # Site search works on the restored database too (its text-search configurations came along).
    assert restored.get("/buscar/?q=gobierno")[0] == 200


def test_postgresql_restart_while_serving_fails_cleanly_then_recovers(cluster, restored):
    assert restored.get("/")[0] == 200
    assert restored.get("/healthz")[0] == 200  # the persistent connection is now open

    cluster.stop("fast")  # terminates the server's open connection, then refuses new ones
    try:
        started = time.monotonic()
        status, headers, body = restored.get("/")
        assert status == 503
        assert headers["Retry-After"] == "15"
        assert "Volvemos en un momento" in body
        assert time.monotonic() - started < 5  # fails fast, does not hang the worker
        status, _, body = restored.get("/healthz")
        assert status == 503
        checks = json.loads(body)["checks"]
        assert checks["database"]["ok"] is False
        assert checks["database"]["error"] == "OperationalError"
        # Pages with no database access keep working during the outage.
        assert restored.get("/robots.txt")[0] == 200
    finally:
        cluster.start()

    # Same gunicorn process, no restart: the next requests reconnect by themselves.
    assert restored.get("/")[0] == 200
    assert restored.get("/en/")[0] == 200
    status, _, body = restored.get("/healthz")
    assert status == 200, body
    assert restored.process.poll() is None
