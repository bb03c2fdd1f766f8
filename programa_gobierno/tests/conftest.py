"""Fixtures of the programa_gobierno tests: the demo index pages, a fresh index, and demo commitments."""

import pytest
from wagtail.models import Locale


@pytest.fixture
def programa(home):
    """The Spanish Programa de Gobierno index page of the demo site."""
    from programa_gobierno.models import ProgramaIndexPage

    # By its slug: a test may add an index of its own (``fresh_programa``) beside it.
    return ProgramaIndexPage.objects.get(locale=home.locale, slug="programa-de-gobierno")


@pytest.fixture
def programa_en(programa):
    """Its English translation."""
    return programa.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def fresh_programa(home):
    """A programme index of its own under the demo's home page: pages with addresses, no demo commitments."""
    from .factories import ProgramaIndexPageFactory

    return ProgramaIndexPageFactory(parent=home)


@pytest.fixture
def make_commitment(programa):
    """Create and publish a commitment under the demo index: milestones as (weight, completed_on) pairs.

    Completed milestones get a link as evidence, as the rules require (``factories.HitoFactory``).
    """
    from programa_gobierno.models import Tema

    from .factories import CompromisoPageFactory
    from .factories import milestones as built_milestones

    def make(milestones=(), tema_slug="agua", publish=True, **fields):
        tema = Tema.objects.get(locale=programa.locale, slug=tema_slug)
        return CompromisoPageFactory(
            parent=programa, tema=tema, hitos=built_milestones(*milestones), publish=publish, **fields
        )

    return make
