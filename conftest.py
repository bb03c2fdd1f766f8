"""Project-wide pytest fixtures.

The demo site is loaded once per test session into the test database (by
``load_demo_content``, the same command ``make run`` uses); every test then runs
in a transaction on top of it and is rolled back, so tests see the real demo
content and cannot leak into each other.
"""

import os

import pytest
from django.core.management import call_command

POSTGRES_ONLY = (
    "deselected on SQLite: these tests need PostgreSQL itself (its stemming and accent folding, its server "
    "binaries, its connections); "
    "they run in CI's PostgreSQL pass (DATABASE_URL=postgres://...)"
)


def pytest_collection_modifyitems(config, items):
    """Deselect the tests marked ``postgres`` when the database is not PostgreSQL, and say why."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    deselected = [item for item in items if item.get_closest_marker("postgres")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
        config.stash[postgres_deselected_key] = len(deselected)


postgres_deselected_key = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter, config):
    count = config.stash.get(postgres_deselected_key, 0)
    if count:
        terminalreporter.write_line(f"{count} PostgreSQL-only tests {POSTGRES_ONLY}")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in Spanish: a request to /en/ leaves English active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    """The Spanish home page of the demo site."""
    from wagtail.models import Locale

    from home.models import HomePage

    return HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def home_en(home):
    """The English home page (a wagtail-localize translation of the Spanish one)."""
    from wagtail.models import Locale

    return home.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def own_home(db):
    """A home page of the test's own beside the demo's, root of the site on ``testserver`` (the test client's host).

    Factory-made (``home.tests.factories``): ``client.get(page.url)`` reaches pages under it, not the demo.
    The rollback after the test does not reach Wagtail's cached site root paths, so they are cleared.
    """
    from wagtail.models import Site

    from home.tests.factories import HomePageFactory

    yield HomePageFactory(site=True)
    Site.clear_site_root_paths_cache()


@pytest.fixture
def page_cache(settings):
    """The full-page cache switched on over a fresh local-memory cache."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_ALIAS = "default"
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


# The S3-compatible object store of the media tests: scripts/objectstore.sh (moto's server, from
# requirements-dev.txt, as `make cluster` runs it), started once per session on a free loopback port
# (two suites on one machine, SQLite's and PostgreSQL's, must not meet on a fixed one).
OBJECTSTORE_KEYS = {"AWS_ACCESS_KEY_ID": "objectstore-test", "AWS_SECRET_ACCESS_KEY": "objectstore-test-secret"}


@pytest.fixture(scope="session")
def objectstore(tmp_path_factory):
    """``http://127.0.0.1:PORT`` of a running object store with the public and private buckets made."""
    import signal
    import subprocess
    import time
    from pathlib import Path

    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    from tests.browser.conftest import free_port

    port = int(os.environ.get("OBJECTSTORE_TEST_PORT") or free_port())
    endpoint = f"http://127.0.0.1:{port}"
    script = Path(__file__).resolve().parent / "scripts" / "objectstore.sh"
    process = subprocess.Popen(
        [str(script), str(port), str(tmp_path_factory.mktemp("objectstore"))],
        env={**os.environ, **OBJECTSTORE_KEYS},
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **s3_client_keys())
    deadline = time.monotonic() + 60
    while True:
        try:
            s3.head_bucket(Bucket="gobierno-abierto-private")
            s3.get_bucket_policy(Bucket="gobierno-abierto-media")
            break
        except (BotoCoreError, ClientError):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("scripts/objectstore.sh did not start") from None
            time.sleep(0.2)
    yield endpoint
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=10)


def s3_client_keys():
    return {
        "aws_access_key_id": OBJECTSTORE_KEYS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": OBJECTSTORE_KEYS["AWS_SECRET_ACCESS_KEY"],
    }


@pytest.fixture
def s3(objectstore):
    """A boto3 client of the test object store (to look into the buckets behind the site's back)."""
    import boto3

    return boto3.client("s3", endpoint_url=objectstore, region_name="us-east-1", **s3_client_keys())


@pytest.fixture
def s3_media(settings, objectstore):
    """Media on the object store, configured as config/settings/base.py does for AWS_S3_ENDPOINT_URL."""
    from base.storage import public_media_url

    settings.AWS_S3_ENDPOINT_URL = objectstore
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = OBJECTSTORE_KEYS["AWS_ACCESS_KEY_ID"]
    settings.AWS_SECRET_ACCESS_KEY = OBJECTSTORE_KEYS["AWS_SECRET_ACCESS_KEY"]
    settings.MEDIA_URL = public_media_url(objectstore, settings.AWS_STORAGE_BUCKET_NAME)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "base.storage.PublicMediaStorage"},
        "private": {"BACKEND": "base.storage.PrivateMediaStorage"},
    }
    return settings


@pytest.fixture
def run_mail_worker(monkeypatch):
    """Run the real `db_worker` command over the mail queue until nothing is ready.

    The worker normally closes stale connections between tasks; inside a test's
    transaction that would drop the test's connection, so it is a no-op here.
    """
    from django.core.management import call_command

    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run():
        call_command(
            "db_worker",
            "--backend",
            "mail",
            "--queue-name",
            "mail",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0",
            verbosity=0,
        )

    return run
