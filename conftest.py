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
    "deselected on SQLite: these tests need PostgreSQL's stemming and accent folding; "
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
def page_cache(settings):
    """The full-page cache switched on over a fresh local-memory cache."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_ALIAS = "default"
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()
