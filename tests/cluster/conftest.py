"""The cluster of ``make cluster``, started for real by ``scripts/cluster.sh`` on free loopback ports.

Varnish in front of two gunicorn nodes with production settings, one task worker, Redis, and a
database of the suite's kind: a sibling PostgreSQL database ``<name>_clustertest`` when DATABASE_URL
names PostgreSQL, else one SQLite file both nodes open. Redis is ``REDIS_TEST_URL`` (a database
the tests own: it is emptied first, so limits and cached pages of an earlier run are gone).
The tests talk to it over HTTP only, as visitors and editors do; ``cluster_manage`` runs a
management command with the nodes' environment when a test needs the database.
"""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import browser_database_url, free_port

ROOT = Path(__file__).resolve().parents[2]
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
EDITOR = ("publicadora-cluster", "Clave-de-prueba-del-cluster-2026")


class Cluster:
    def __init__(self, state, env, ports):
        self.state = state
        self.env = env
        self.varnish, self.node1, self.node2 = (f"http://127.0.0.1:{port}" for port in ports)
        self.process = None

    def manage(self, *args, stdin=None):
        """Run ``manage.py`` with the nodes' settings and database; its stdout.

        On SQLite one writer at a time: a write that meets the nodes' or the worker's is refused
        with "database is locked" and is tried again (PostgreSQL, production's database, waits).
        """
        for attempt in range(5):
            result = subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), *args],
                env=self.env,
                cwd=ROOT,
                input=stdin,
                capture_output=True,
                text=True,
            )
            if result.returncode == 0:
                return result.stdout
            if "database is locked" not in result.stderr or attempt == 4:
                raise AssertionError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
            time.sleep(1)

    def python(self, code):
        """Run ``code`` in ``manage.py shell`` with the nodes' settings; what it prints as JSON."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def node_pid(self, number):
        return int((self.state / f"node{number}.pid").read_text())

    def log(self, name):
        path = self.state / name
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def wait_for(url, timeout, process=None, state=None):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"scripts/cluster.sh exited with {process.returncode}; see {state}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the cluster did not answer at {url}; see {state}")
        time.sleep(1)


@pytest.fixture(scope="session")
def cluster():
    """A running cluster (``Cluster``); stopped with Ctrl-C's signal at the end of the session."""
    if not shutil.which("varnishd"):
        pytest.fail("varnishd is missing: make browser-deps installs Debian's varnish package")
    subprocess.run(["redis-cli", "-u", REDIS_TEST_URL, "flushdb"], check=True, capture_output=True)
    tmp = tempfile.TemporaryDirectory()
    state = Path(tmp.name)
    ports = [free_port() for _ in range(4)]
    env = dict(os.environ)
    env.update(
        CLUSTER_PORT=str(ports[0]),
        NODE1_PORT=str(ports[1]),
        NODE2_PORT=str(ports[2]),
        OBJECTSTORE_PORT=str(ports[3]),
        CLUSTER_STATE=str(state),
        DATABASE_URL=browser_database_url(state, suffix="clustertest"),
        REDIS_URL=REDIS_TEST_URL,
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="4",
        PYTHONUNBUFFERED="1",
        # Only 127.0.0.1 (the nodes) may purge; tests send as 127.0.0.2 to be refused.
        CLUSTER_PURGERS="127.0.0.1",
        # What cluster.sh gives the nodes, given here so that cluster.manage() runs as a node does.
        SECRET_KEY=secrets.token_urlsafe(64),
        WAGTAILFRONTENDCACHE=json.dumps(
            {"varnish": {"BACKEND": "pagecache.varnish.VarnishBackend", "LOCATION": f"http://127.0.0.1:{ports[0]}"}}
        ),
        PAGE_CACHE_SHARED_MAX_AGE="300",
        SECURE_SSL_REDIRECT="0",
        RECAPTCHA_REQUIRED="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "cluster.sh")],
        env=env,
        cwd=ROOT,
        stdout=open(state / "cluster.out", "w"),  # noqa: SIM115 - closed with the directory
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    instance = Cluster(state, {**env, "DJANGO_SETTINGS_MODULE": "config.settings.production"}, ports[:3])
    instance.process = process
    try:
        wait_for(instance.varnish + "/", timeout=1200, process=process, state=state)
        for node in (instance.node1, instance.node2):
            wait_for(node + "/healthz", timeout=120, process=process, state=state)
        yield instance
    finally:
        process.send_signal(signal.SIGTERM)  # the script's trap (Ctrl-C, TERM) stops what it started
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        tmp.cleanup()


@pytest.fixture(scope="session")
def editor(cluster):
    """An editor who may publish (Editors and Approvers groups), as (user name, password)."""
    cluster.python(
        "import json; from django.contrib.auth import get_user_model; from django.contrib.auth.models import Group; "
        "from base.roles import APPROVERS, EDITORS; "
        f"user, _ = get_user_model().objects.get_or_create(username={EDITOR[0]!r}, "
        "defaults={'email': 'publicadora@example.org', 'first_name': 'Publicadora'}); "
        f"user.set_password({EDITOR[1]!r}); user.save(); "
        "user.groups.set(Group.objects.filter(name__in=[EDITORS, APPROVERS])); print(json.dumps(user.pk))"
    )
    return EDITOR
