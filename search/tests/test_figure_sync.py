"""Figures published in Spanish reach the English pages at once; the English words stay as translated."""

import datetime
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from search import figure_sync
from search.translation_status import outdated_translations

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def publish(page):
    page.save_revision().publish()


def english_html(client, page, english):
    """The English page of ``page`` as a visitor reads it, and the page object."""
    translation = Page.objects.get(translation_key=page.translation_key, locale=english).specific
    response = client.get(translation.url)
    assert response.status_code == 200
    return response.content.decode(), translation


def budget_table(page):
    return next(child for child in json.loads(json.dumps(list(page.body.raw_data))) if child["type"] == "budget_table")


@pytest.fixture
def sheet(home):
    from fichas.models import FichaCiudadanaPage

    return FichaCiudadanaPage.objects.get(locale=home.locale, year=2023, programme_number="01")


@pytest.fixture
def commitment(home):
    from programa_gobierno.models import CompromisoPage

    return CompromisoPage.objects.get(locale=home.locale, slug="red-regional-de-ciclovias")


@pytest.fixture
def council(home):
    from participacion.models import InstanciaPage

    return InstanciaPage.objects.get(locale=home.locale, slug="consejo-regional-de-la-sociedad-civil")


def test_a_budget_correction_reaches_the_english_sheet_with_its_words_intact(client, sheet, english):
    translated = budget_table(sheet.get_translation(english).specific)["value"]
    english_names = {line["value"]["code"]: line["value"]["name"] for line in translated["lines"]}
    raw = json.loads(json.dumps(list(sheet.body.raw_data)))
    table = next(child for child in raw if child["type"] == "budget_table")["value"]
    table["lines"][0]["value"]["approved"] = 9_123_456
    table["official_approved"] = 98_765_432
    table["official_executed"] = 87_654_321
    first = table["lines"][0]["value"]
    table["lines"].reverse()  # ordering of lines
    sheet.body = json.dumps(raw)
    sheet.year = 2024
    sheet.programme_number = "03"
    publish(sheet)

    html, translation = english_html(client, sheet, english)
    assert "9,123,456" in html
    assert "98,765,432" in html
    assert "87,654,321" in html
    # The English words as the translator left them: the table's title and the line names.
    assert translated["title"] != table["title"] and escape(translated["title"]) in html
    assert english_names[first["code"]] != first["name"]
    assert escape(english_names[first["code"]]) in html and escape(first["name"]) not in html
    english_table = budget_table(translation)["value"]
    assert english_table["title"] == translated["title"]
    assert [(line["value"]["code"], line["value"]["name"]) for line in english_table["lines"]] == [
        (line["value"]["code"], english_names[line["value"]["code"]]) for line in table["lines"]
    ]
    assert (translation.year, translation.programme_number) == (2024, "03")
    spanish = client.get(sheet.url).content.decode()
    assert "9.123.456" in spanish and "98.765.432" in spanish


def test_a_new_spanish_budget_line_arrives_in_spanish_and_a_removed_one_leaves(client, sheet, english):
    raw = json.loads(json.dumps(list(sheet.body.raw_data)))
    table = next(child for child in raw if child["type"] == "budget_table")["value"]
    removed = table["lines"].pop(1)["value"]["code"]
    kept_english_name = budget_table(sheet.get_translation(english).specific)["value"]["lines"][0]["value"]["name"]
    table["lines"].append(
        {
            "type": "item",
            "id": "6f1b7c1e-0000-4000-8000-000000000001",
            "value": {
                "code": "35",
                "name": "Saldo final de caja",
                "description": "",
                "who_may_apply": "",
                "approved": 1000,
                "executed": 0,
                "components": [],
            },
        }
    )
    sheet.body = json.dumps(raw)
    publish(sheet)

    html, translation = english_html(client, sheet, english)
    codes = [line["value"]["code"] for line in budget_table(translation)["value"]["lines"]]
    assert removed not in codes
    assert codes[-1] == "35"
    assert "Saldo final de caja" in html  # for a translator to translate
    assert escape(kept_english_name) in html
    assert sheet.pk in [row.object.pk for row in outdated_translations()]  # new words: a translator is needed


def test_a_completed_milestone_gives_the_english_commitment_the_same_progress_and_status(client, commitment, english):
    document = get_document_model().objects.create(title="Acta de recepción")
    document.file.save("acta.pdf", ContentFile(b"%PDF-1.4 prueba"), save=True)
    hitos = list(commitment.hitos.all())
    english_titles = [hito.title for hito in commitment.get_translation(english).specific.hitos.all()]
    assert english_titles != [hito.title for hito in hitos]  # translated, so "untouched" means something
    last = hitos[-1]
    last.completed_on = timezone.localdate() - datetime.timedelta(days=3)
    last.evidence_date = last.completed_on
    last.evidence_url = "https://example.org/evidencia-tramo"
    last.evidence_document = document
    hitos[0].weight = 7
    hitos[0].due_date = datetime.date(2023, 7, 1)
    commitment.hitos = hitos
    publish(commitment)
    commitment.refresh_from_db()
    assert (commitment.progress, commitment.status) == (100, "completo")

    html, translation = english_html(client, commitment, english)
    assert (translation.progress, translation.status) == (commitment.progress, commitment.status)
    assert "Complete" in html
    assert "pg-status-completo" in html
    assert document.url in html
    english_hitos = list(translation.hitos.all())
    assert [hito.title for hito in english_hitos] == english_titles  # the milestones' English titles, untouched
    assert all(escape(title) in html for title in english_titles)
    assert [(h.weight, h.due_date, h.completed_on, h.evidence_document_id) for h in english_hitos] == [
        (h.weight, h.due_date, h.completed_on, h.evidence_document_id) for h in hitos
    ]
    spanish = client.get(commitment.url).content.decode()
    assert calculation(spanish) == calculation(html) == ["15", "15", "100.0"]


def calculation(html):
    """The figures of a commitment's "100 × done / total = progress" line, with a decimal point."""
    match = re.search(r"100 × (\S+) / (\S+) = (\S+)", html)
    return [figure.replace(",", ".") for figure in match.groups()]


def test_a_new_image_reaches_the_english_commitment(client, commitment, english):
    from wagtail.images import get_image_model

    from programa_gobierno.models import ImagenCompromiso

    image = get_image_model().objects.create(title="Mapa de ciclovías", file=get_test_image_file())
    commitment.imagenes = list(commitment.imagenes.all()) + [
        ImagenCompromiso(image=image, alt_text="Mapa de la red de ciclovías", locale=commitment.locale)
    ]
    publish(commitment)

    _html, translation = english_html(client, commitment, english)
    assert image.pk in [item.image_id for item in translation.imagenes.all()]


def test_a_session_date_reaches_the_english_body_page(client, council, english):
    sessions = list(council.sessions.all())
    english_title = (
        council.get_translation(english).specific.sessions.get(translation_key=sessions[0].translation_key).title
    )
    assert english_title != sessions[0].title
    new_start = datetime.datetime(2023, 3, 14, 18, 30, tzinfo=datetime.UTC)
    sessions[0].starts_at = new_start
    sessions[0].date_precision = "exact"
    council.sessions = sessions
    publish(council)

    html, translation = english_html(client, council, english)
    first = translation.sessions.get(translation_key=sessions[0].translation_key)
    assert first.starts_at == new_start
    assert first.title == english_title
    assert escape(english_title) in html
    assert "2023-03-14" in html


def test_a_draft_english_translation_stays_a_draft(commitment, english):
    translation = commitment.get_translation(english).specific
    english_title = translation.hitos.all()[0].title
    translation.unpublish()
    hitos = list(commitment.hitos.all())
    hitos[0].weight = 9
    commitment.hitos = hitos
    publish(commitment)

    translation.refresh_from_db()
    assert not translation.live
    draft = translation.get_latest_revision_as_object()
    assert draft.hitos.all()[0].weight == 9
    assert draft.hitos.all()[0].title == english_title != hitos[0].title


def test_the_sync_is_idempotent_and_adds_no_revision_when_nothing_changed(sheet, english):
    translation = sheet.get_translation(english)
    revisions = translation.revisions.count()
    publish(sheet)  # nothing changed
    assert translation.revisions.count() == revisions
    assert figure_sync.sync_page(sheet) == {"en": ""}
    assert translation.revisions.count() == revisions


def test_an_english_publish_with_old_figures_gets_todays_figures(client, commitment, english):
    """Publishing from the translation editor rebuilds the page from an older copy of Spanish."""
    translation = commitment.get_translation(english).specific
    hitos = list(translation.hitos.all())
    hitos[0].weight = 1
    translation.hitos = hitos
    publish(translation)

    translation = type(translation).objects.get(pk=translation.pk)
    assert translation.hitos.all()[0].weight == commitment.hitos.all()[0].weight


def test_a_figure_change_does_not_make_the_translation_out_of_date_but_new_words_do(sheet, commitment):
    hitos = list(commitment.hitos.all())
    hitos[1].weight = 4
    commitment.hitos = hitos
    publish(commitment)
    sheet.year = 2022
    publish(sheet)
    listed = [row.object.pk for row in outdated_translations()]
    assert commitment.pk not in listed
    assert sheet.pk not in listed

    commitment.summary = "Una bajada nueva que hay que traducir."
    publish(commitment)
    assert commitment.pk in [row.object.pk for row in outdated_translations()]


def test_an_initiative_status_reaches_english_when_published_not_while_a_draft(client, home, english):
    from home.models import Iniciativa

    initiative = Iniciativa.objects.filter(locale=home.locale).exclude(status="cumplida").first()
    english_initiative = initiative.get_translation(english)
    english_name = english_initiative.name
    initiative.status = "cumplida"
    revision = initiative.save_revision()  # a draft: waits for approval in Spanish too

    english_initiative.refresh_from_db()
    assert english_initiative.status != "cumplida"

    revision.publish()
    english_initiative.refresh_from_db()
    assert english_initiative.live and not english_initiative.has_unpublished_changes
    assert english_initiative.status == "cumplida"
    assert english_initiative.name == english_name
    assert [row.object for row in outdated_translations() if row.object == initiative] == []


def test_a_draft_english_theme_gets_the_figures_in_a_draft_revision(home, english):
    from programa_gobierno.models import Tema

    tema = Tema.objects.filter(locale=home.locale).first()
    english_tema = tema.get_translation(english)
    english_tema.live = False  # e.g. a new translation, not approved yet
    english_tema.save()
    tema.sort_order += 5
    tema.save_revision().publish()

    english_tema.refresh_from_db()
    assert not english_tema.live
    assert english_tema.get_latest_revision_as_object().sort_order == tema.sort_order


def test_english_changes_waiting_for_approval_keep_their_words_and_get_the_figures(client, commitment, english):
    translation = commitment.get_translation(english).specific
    translation.summary = "A new English summary waiting for approval."
    translation.save_revision()
    hitos = list(commitment.hitos.all())
    hitos[0].weight = 8
    commitment.hitos = hitos
    publish(commitment)

    translation = type(translation).objects.get(pk=translation.pk)
    assert translation.live and translation.has_unpublished_changes
    assert translation.hitos.all()[0].weight == 8  # live at once
    draft = translation.get_latest_revision_as_object()
    assert draft.summary == "A new English summary waiting for approval."
    assert draft.hitos.all()[0].weight == 8
    html, _translation = english_html(client, commitment, english)
    assert "A new English summary waiting for approval." not in html


def test_a_status_override_with_its_reason_reaches_the_live_english_commitment(client, commitment, english):
    """The override is a figure; its reason a text the English page does not have yet.

    Publishing in Spanish must succeed, and the English page must carry the override with a
    reason (the Spanish words until a translator writes them), never an override without one.
    """
    commitment.status_override = "limitado"
    commitment.status_override_reason = "La licitación del segundo tramo quedó desierta."
    publish(commitment)
    commitment.refresh_from_db()
    assert commitment.is_status_overridden

    html, translation = english_html(client, commitment, english)
    assert translation.live and not translation.has_unpublished_changes
    assert translation.status_override == "limitado"
    assert translation.status == commitment.status
    assert translation.status_override_reason == "La licitación del segundo tramo quedó desierta."
    assert "La licitación del segundo tramo quedó desierta." in html
