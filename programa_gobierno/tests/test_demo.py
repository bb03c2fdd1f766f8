"""The demo content: twelve illustrative commitments, every status, English versions, idempotent."""

import pytest
from wagtail.models import Locale

from programa_gobierno import demo
from programa_gobierno.models import CompromisoPage, Hito, RegistroAvance, Tema

pytestmark = pytest.mark.django_db


def test_twelve_illustrative_commitments_each_marked_as_an_example(programa):
    commitments = CompromisoPage.objects.child_of(programa).live()
    assert commitments.count() == 12
    for page in commitments:
        assert page.summary.startswith("Ejemplo ilustrativo")
        assert "Ejemplo ilustrativo" in page.description


def test_themes_are_the_seed_topics_and_translated(programa):
    slugs = set(Tema.objects.filter(locale=programa.locale).values_list("slug", flat=True))
    assert {"movilidad", "accion-climatica", "agua", "seguridad", "vivienda", "genero", "transparencia"} <= slugs
    english = Locale.objects.get(language_code="en")
    assert Tema.objects.filter(locale=english).count() == len(slugs)


def test_every_spanish_text_has_an_english_translation(programa):
    from base.demo import untranslated_strings

    mapping = demo.english_mapping()
    for page in CompromisoPage.objects.child_of(programa):
        missing = [s for s in untranslated_strings(page, mapping) if s != page.slug]
        assert missing == [], page.slug
    assert [s for s in untranslated_strings(programa, mapping) if s != programa.slug] == []


def test_completed_demo_milestones_all_have_evidence(programa):
    for milestone in Hito.objects.filter(page__locale=programa.locale, completed_on__isnull=False):
        assert milestone.has_evidence and milestone.evidence_date
        milestone.clean()


def test_the_water_plan_has_a_dated_history_shared_with_its_translation(programa):
    """The seed's water plan: four recorded steps, the latest on 1 July 2025 at 75 %, the same in English."""
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from programa_gobierno.history import history_for

    spanish = CompromisoPage.objects.get(locale=programa.locale, slug="plan-de-emergencia-hidrica")
    english = spanish.get_translation(Locale.objects.get(language_code="en"))
    entries = history_for(spanish)
    assert len(entries) == 4
    assert timezone.localdate(entries[0].recorded_at) == datetime.date(2025, 7, 1)
    assert (entries[0].progress, entries[0].status) == (Decimal("75.0"), "sustancial")
    assert (entries[0].completed_milestones, entries[0].total_milestones) == (3, 4)
    assert [e.pk for e in history_for(english)] == [e.pk for e in entries]


def test_loading_twice_changes_nothing(home):
    counts = (
        CompromisoPage.objects.count(),
        Hito.objects.count(),
        RegistroAvance.objects.count(),
        Tema.objects.count(),
    )
    demo.load(home)
    assert (
        CompromisoPage.objects.count(),
        Hito.objects.count(),
        RegistroAvance.objects.count(),
        Tema.objects.count(),
    ) == counts
