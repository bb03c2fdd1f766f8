"""Fixtures of the participacion tests: the demo index pages and factories for bodies and sessions."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

_counter = itertools.count(1)


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

    return ParticipacionIndexPage.objects.get(locale=home.locale)


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
def make_body(index):
    """Create and publish a body under the index (or ``parent``, in its language); ``sessions`` and
    ``members`` are unsaved child objects."""
    from participacion.models import InstanciaPage

    def make(type="mesa_tematica", title=None, parent=None, **fields):
        parent = parent or index
        number = next(_counter)
        for child in [*fields.get("sessions", []), *fields.get("members", [])]:
            child.locale = parent.locale
        page = InstanciaPage(
            title=title or f"Instancia de prueba {number}",
            slug=f"instancia-de-prueba-{number}",
            type=type,
            locale=parent.locale,
            summary=fields.pop("summary", "Una instancia creada por una prueba."),
            **fields,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def session_at():
    """An unsaved session starting ``days`` from now, with an agreement or two."""
    from participacion.models import InstanciaAgreement, InstanciaSession

    def make(days, title="", agreements=(), **fields):
        return InstanciaSession(
            title=title,
            starts_at=timezone.now() + timedelta(days=days),
            agreements=[InstanciaAgreement(text=text, commitment=page) for text, page in agreements],
            **fields,
        )

    return make
