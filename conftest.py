"""Project-wide pytest fixtures.

The demo site is loaded once per test session into the test database (by
``load_demo_content``, the same command ``make run`` uses); every test then runs
in a transaction on top of it and is rolled back, so tests see the real demo
content and cannot leak into each other.
"""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def home(db):
    """The Spanish home page of the demo site."""
    from home.models import HomePage
    from wagtail.models import Locale

    return HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def home_en(home):
    """The English home page (a wagtail-localize translation of the Spanish one)."""
    from wagtail.models import Locale

    return home.get_translation(Locale.objects.get(language_code="en"))
