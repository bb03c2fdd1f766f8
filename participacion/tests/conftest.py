"""Fixtures of the participacion tests: the demo index pages, a fresh index, bodies and sessions (from factories)."""

import pytest
from wagtail.models import Locale


@pytest.fixture(autouse=True)
def default_language():
    """Leave Spanish active after each test: a request to /en/ activates English for the whole thread."""
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def index(home):
    """The Spanish Participación Ciudadana index page of the demo site."""
    from participacion.models import ParticipacionIndexPage

    # By its slug: a test may add an index of its own (``fresh_index``) beside it.
    return ParticipacionIndexPage.objects.get(locale=home.locale, slug="participacion")


@pytest.fixture
def index_en(index):
    """Its English translation."""
    return index.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def council(index):
    """The Consejo Regional de la Sociedad Civil page (Spanish)."""
    from participacion.models import InstanciaPage

    return InstanciaPage.objects.child_of(index).get(type="consejo_sociedad_civil")


@pytest.fixture
def fresh_index(home):
    """A participation index of its own under the demo's home page: pages with addresses, no demo bodies."""
    from .factories import ParticipacionIndexPageFactory

    return ParticipacionIndexPageFactory(parent=home, publish=True)


@pytest.fixture
def make_body(index):
    """Create and publish a body under the demo index (or ``parent``, in its language); ``sessions`` and
    ``members`` are unsaved child objects."""
    from .factories import InstanciaPageFactory

    def make(type="mesa_tematica", title=None, parent=None, **fields):
        if title is not None:
            fields["title"] = title
        return InstanciaPageFactory(parent=parent or index, type=type, publish=True, **fields)

    return make


@pytest.fixture
def session_at():
    """An unsaved session starting ``days`` from now, with an agreement or two as (text, commitment) pairs."""
    from .factories import InstanciaAgreementFactory, InstanciaSessionFactory

    def make(days, title="", agreements=(), **fields):
        return InstanciaSessionFactory.build(
            days=days,
            title=title,
            agreements=[InstanciaAgreementFactory.build(text=text, commitment=page) for text, page in agreements],
            **fields,
        )

    return make
