"""Browser tests: headless Debian Chromium driven by Playwright against a real server.

The server is a separate process (``manage.py runserver`` with the test
settings) on a free loopback port, with its own database built by ``migrate``
and ``load_demo_content``: an SQLite file, or, when DATABASE_URL points to
PostgreSQL, a sibling database named ``<name>_browser``. Pages are reached over
real HTTP, as a citizen's browser would.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


# Environment of the running live_site server (its DATABASE_URL, MEDIA_ROOT...), for live_site_manage.
LIVE_SITE_ENV = {}


def live_site_manage(*args):
    """Run a manage.py command against the live_site server's database; returns its stdout."""
    assert LIVE_SITE_ENV, "use the live_site fixture first"
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=LIVE_SITE_ENV,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(manage, env, log_path, probe="/"):
    """Run ``manage.py runserver`` on a free loopback port until the block ends; yield its base URL.

    Waits (up to 60 s) until ``probe`` answers, and fails early if the server process dies.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(base_url + probe, timeout=2)
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"the test server did not start (see {log_path})") from None
                    time.sleep(0.3)
            yield base_url
        finally:
            server.terminate()
            server.wait(timeout=10)


def browser_database_url(tmpdir, suffix="browser"):
    """A database of its own for the server process, of the same kind as the suite's (``<name>_<suffix>``)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg
        from dj_database_url import parse

        config = parse(url)
        name = f"{config['NAME']}_{suffix}"
        admin = psycopg.connect(
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )
        with admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        return url.rsplit("/", 1)[0] + "/" + name
    return f"sqlite:///{Path(tmpdir) / f'{suffix}.sqlite3'}"


@pytest.fixture(scope="session")
def live_site():
    """Base URL of a running demo site (e.g. http://127.0.0.1:54321)."""
    with tempfile.TemporaryDirectory() as tmpdir:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.browser_test",
            DATABASE_URL=browser_database_url(tmpdir),
            MEDIA_ROOT=str(Path(tmpdir) / "media"),
            PYTHONUNBUFFERED="1",
        )
        LIVE_SITE_ENV.clear()
        LIVE_SITE_ENV.update(env)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run([*manage, "load_demo_content", "-v0"], env=env, check=True, cwd=ROOT)
        with serve(manage, env, Path(tmpdir) / "server.log", probe="/robots.txt") as base_url:
            yield base_url


@pytest.fixture
def new_page(browser):
    """Factory for pages at a given viewport width; every page is closed after the test."""
    contexts = []

    def make(width=1280, height=900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def run_axe(page):
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA, plus best practices) and return its violations."""
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return result["violations"]


def describe(violations):
    """A readable failure message: rule, impact and the first offending nodes."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}")
    return "\n".join(lines)
