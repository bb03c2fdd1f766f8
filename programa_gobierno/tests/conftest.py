"""Fixtures of the programa_gobierno tests: the demo index pages and a commitment factory."""

import datetime
import itertools

import pytest
from wagtail.models import Locale

_counter = itertools.count(1)


@pytest.fixture
def programa(home):
    """The Spanish Programa de Gobierno index page of the demo site."""
    from programa_gobierno.models import ProgramaIndexPage

    return ProgramaIndexPage.objects.get(locale=home.locale)


@pytest.fixture
def programa_en(programa):
    """Its English translation."""
    return programa.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def make_commitment(programa):
    """Create and publish a commitment under the index: milestones as (weight, completed_on) pairs.

    Completed milestones get a link as evidence, as the rules require.
    """
    from programa_gobierno.models import CompromisoPage, Hito, Tema

    def make(milestones=(), tema_slug="agua", publish=True, **fields):
        number = next(_counter)
        tema = Tema.objects.get(locale=programa.locale, slug=tema_slug)
        page = CompromisoPage(
            title=fields.pop("title", f"Compromiso de prueba {number}"),
            slug=fields.pop("slug", f"compromiso-de-prueba-{number}"),
            tema=tema,
            problem=fields.pop("problem", "Un problema público de prueba."),
            lead_institution=fields.pop("lead_institution", "Unidad de prueba"),
            start_date=fields.pop("start_date", datetime.date(2024, 1, 1)),
            end_date=fields.pop("end_date", datetime.date(2026, 12, 31)),
            locale=programa.locale,
            **fields,
        )
        page.hitos = [
            Hito(
                title=f"Hito {position}",
                due_date=datetime.date(2025, 1, 1),
                completed_on=done,
                weight=weight,
                evidence_url="https://example.org/evidencia" if done else "",
                evidence_date=done,
                sort_order=position,
                locale=programa.locale,
            )
            for position, (weight, done) in enumerate(milestones)
        ]
        programa.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page

    return make
