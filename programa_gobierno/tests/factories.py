"""Factories of the programme's models: small trees built by each test, independent of the demo.

``CompromisoPageFactory()`` makes a commitment under a fresh ``ProgramaIndexPageFactory``
page, itself right under the tree's root and outside every site: no address, enough for the
models. A test that requests pages passes ``parent=`` an index placed under the demo's home
page (the conftest's ``fresh_programa``). Milestones go in as unsaved ``Hito`` objects, so the
page computes its progress from them when it is first saved::

    page = CompromisoPageFactory(hitos=milestones((1, DONE), (3, None)), publish=True)

``publish=True`` publishes a revision, as an editor does: that is what records the public
history (``history.record_progress``).
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page

from programa_gobierno import progress as rules
from programa_gobierno.models import CompromisoPage, Hito, ProgramaIndexPage, RegistroAvance, Tema
from tests.factories import PublishingPageFactory

#: What a completed milestone of these factories links to as its evidence.
EVIDENCE_URL = "https://example.org/evidencia"


class TemaFactory(DjangoModelFactory):
    """A theme of the programme, in Spanish unless ``locale`` says otherwise."""

    name = factory.Sequence(lambda n: f"Tema de prueba {n}")
    slug = factory.Sequence(lambda n: f"tema-de-prueba-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Tema


class ProgramaIndexPageFactory(PublishingPageFactory):
    """A programme index page; without ``parent``, right under the tree's root, outside every site."""

    parent = factory.LazyFunction(Page.get_first_root_node)

    title = "Programa de Gobierno de prueba"
    slug = factory.Sequence(lambda n: f"programa-de-prueba-{n}")

    class Meta:
        model = ProgramaIndexPage


class HitoFactory(DjangoModelFactory):
    """A milestone due on 1 January 2025, pending; completed ones get a link and a date as evidence."""

    title = factory.Sequence(lambda n: f"Hito {n}")
    due_date = datetime.date(2025, 1, 1)
    completed_on = None
    weight = 1
    evidence_url = factory.LazyAttribute(lambda hito: EVIDENCE_URL if hito.completed_on else "")
    evidence_date = factory.LazyAttribute(lambda hito: hito.completed_on)

    class Meta:
        model = Hito


def milestones(*pairs):
    """Unsaved milestones from ``(weight, completed_on)`` pairs, titled and ordered by position.

    For ``CompromisoPageFactory(hitos=...)``: ``milestones((1, DONE), (3, None))`` is a completed
    milestone of weight 1 ("Hito 0") and a pending one of weight 3 ("Hito 1").
    """
    return [
        HitoFactory.build(title=f"Hito {position}", weight=weight, completed_on=done, sort_order=position)
        for position, (weight, done) in enumerate(pairs)
    ]


class CompromisoPageFactory(PublishingPageFactory):
    """A commitment from 1 January 2024 to 31 December 2026, with its own theme and no milestones."""

    parent = factory.SubFactory(ProgramaIndexPageFactory)
    title = factory.Sequence(lambda n: f"Compromiso de prueba {n}")
    slug = factory.Sequence(lambda n: f"compromiso-de-prueba-{n}")
    tema = factory.SubFactory(TemaFactory)
    problem = "Un problema público de prueba."
    lead_institution = "Unidad de prueba"
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2026, 12, 31)

    class Meta:
        model = CompromisoPage


class RegistroAvanceFactory(DjangoModelFactory):
    """A history entry of ``page``'s commitment; its status is the one its progress gives."""

    page = factory.SubFactory(CompromisoPageFactory)
    commitment_key = factory.LazyAttribute(lambda entry: entry.page.translation_key)
    recorded_at = factory.LazyFunction(timezone.now)
    progress = Decimal("0.0")
    status = factory.LazyAttribute(lambda entry: rules.derive_status(entry.progress))

    class Meta:
        model = RegistroAvance
