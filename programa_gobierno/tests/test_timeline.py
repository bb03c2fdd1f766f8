"""The progress timeline of a commitment: the page, its Atom feed and the downloads tell the same history.

The Spanish tests build a commitment with a history of dates and figures they choose; the English
one reads the demo's water plan and its translation.
"""

import datetime
import io
import json
from decimal import Decimal

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Locale

from programa_gobierno.history import timeline
from programa_gobierno.models import CompromisoPage, RegistroAvance, Status

from .factories import CompromisoPageFactory, RegistroAvanceFactory, milestones

pytestmark = pytest.mark.django_db


def page_steps(client, url):
    """(entry id, datetime, progress, status label, evidence href) of each step of the page's timeline."""
    html = BeautifulSoup(client.get(url).content, "html.parser")
    section = html.select_one('section[aria-labelledby="pg-historial"]')
    assert section.h2.get_text(strip=True) in {"Historial de avance", "Progress history"}
    steps = []
    for item in section.select("ol.pg-history > li"):
        facts = {div.dt.get_text(strip=True): div.dd for div in item.select("dl > div")}
        evidence = next((dd.a["href"] for label, dd in facts.items() if label in {"Evidencia", "Evidence"}), "")
        progress = (facts.get("Avance") or facts.get("Progress")).get_text(strip=True)
        status = (facts.get("Estado") or facts.get("Status")).get_text(strip=True)
        steps.append((item["id"], item.h3.time["datetime"], progress, status, evidence))
    return steps


def feed_steps(client, url):
    feed = feedparser.parse(client.get(url).content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    steps = []
    for entry in feed.entries:
        related = [link.href for link in entry.links if link.rel == "related"]
        steps.append((entry.id.rsplit("#", 1)[1], entry.updated, entry.title, related[0] if related else ""))
    return steps


@pytest.fixture
def water(programa):
    """The demo's water plan (it has an English translation)."""
    return CompromisoPage.objects.get(locale=programa.locale, slug="plan-de-emergencia-hidrica")


def noon(day):
    return datetime.datetime.combine(day, datetime.time(12), timezone.get_current_timezone())


@pytest.fixture
def recorded(fresh_programa):
    """A commitment of four milestones (three met in 2025) and a history of three steps, newest on 1 July 2025."""
    met = [datetime.date(2025, 3, 1), datetime.date(2025, 5, 1), datetime.date(2025, 6, 15)]
    hitos = milestones(*[(1, day) for day in met], (1, None))
    for hito in hitos[:3]:
        hito.evidence_url = f"https://example.org/evidencia-{hito.completed_on:%m-%d}"
    page = CompromisoPageFactory(parent=fresh_programa, hitos=hitos, publish=True)
    RegistroAvance.objects.filter(commitment_key=page.translation_key).delete()
    for day, progress, completed in [
        (datetime.date(2025, 1, 10), "0.0", 0),
        (datetime.date(2025, 3, 1), "25.0", 1),
        (datetime.date(2025, 7, 1), "75.0", 3),
    ]:
        RegistroAvanceFactory(
            page=page,
            recorded_at=noon(day),
            progress=Decimal(progress),
            completed_milestones=completed,
            total_milestones=4,
        )
    return page


def test_timeline_is_an_ordered_list_of_dated_steps_with_headings(client, recorded):
    html = BeautifulSoup(client.get(recorded.url).content, "html.parser")
    section = html.select_one('section[aria-labelledby="pg-historial"]')
    items = section.select("ol.pg-history > li")
    assert len(items) == 3
    first = items[0]
    assert first.h3.time["datetime"].startswith("2025-07-01T")
    assert first.h3.get_text(strip=True) == "1 de julio de 2025"
    facts = {div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True) for div in first.select("dl > div")}
    assert facts["Avance"] == "75,0 %"
    assert facts["Estado"] == "Sustancial"
    assert facts["Hitos"] == "3 hitos cumplidos de 4"
    # The evidence of a step is that of the last milestone met by its day (15 June).
    evidence = {div.dt.get_text(strip=True): div.dd for div in first.select("dl > div")}["Evidencia"]
    assert evidence.a["href"] == "https://example.org/evidencia-06-15"
    # Newest first; the oldest step (before any milestone was met) has no evidence.
    assert [item.h3.time["datetime"][:10] for item in items] == ["2025-07-01", "2025-03-01", "2025-01-10"]
    assert "Evidencia" not in {div.dt.get_text(strip=True) for div in items[-1].select("dl > div")}
    assert section.select_one(f'a[href="{recorded.url}avances.atom"][type="application/atom+xml"]')


def test_page_feed_and_exports_show_the_same_history(client, fresh_programa, recorded):
    programa, water = fresh_programa, recorded
    on_page = page_steps(client, water.url)
    in_feed = feed_steps(client, f"{water.url}avances.atom")
    assert [step[0] for step in on_page] == [f"avance-{step.pk}" for step in timeline([water])]
    assert [step[0] for step in on_page] == [step[0] for step in in_feed]
    # Same moment, progress, status and evidence, step by step.
    for (_id, when, progress, status, evidence), (_fid, updated, title, related) in zip(on_page, in_feed, strict=True):
        assert datetime.datetime.fromisoformat(when) == datetime.datetime.fromisoformat(updated)
        assert title == f"{water.title}: {progress.replace(',0 %', ' %')} · {status}"
        assert evidence == related
    document = json.loads(client.get(programa.url + programa.reverse_subpage("datos_json")).content)
    exported = next(c for c in document["compromisos"] if c["id"] == water.pk)["historial"]
    assert [
        (
            datetime.datetime.fromisoformat(step["fecha"]),
            f"{Decimal(str(step['avance_porcentaje'])):.1f} %".replace(".", ","),
            step["nivel_cumplimiento_texto"],
            step["evidencia_enlace"],
        )
        for step in exported
    ] == [(datetime.datetime.fromisoformat(when), p, s, e) for _id, when, p, s, e in on_page]
    workbook = load_workbook(io.BytesIO(client.get(programa.url + programa.reverse_subpage("datos_xlsx")).content))
    sheet = workbook["Historial"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    mine = [row for row in rows if row["id_compromiso"] == water.pk]
    assert [(row["fecha"], row["nivel_cumplimiento"], row["evidencia_enlace"] or "") for row in mine] == [
        (step["fecha"], step["nivel_cumplimiento"], step["evidencia_enlace"]) for step in exported
    ]


def test_english_timeline_feed_and_exports_speak_english(client, programa_en, water):
    water_en = water.get_translation(Locale.objects.get(language_code="en"))
    on_page = page_steps(client, water_en.url)
    assert on_page[0][2:4] == ("75.0 %", "Substantial")
    in_feed = feed_steps(client, f"{water_en.url}avances.atom")
    assert [step[0] for step in on_page] == [step[0] for step in in_feed]
    assert [step[4] for step in on_page] == [step[3] for step in in_feed]
    html = BeautifulSoup(client.get(water_en.url).content, "html.parser")
    assert html.select_one('section[aria-labelledby="pg-historial"] h3').get_text(strip=True) == "July 1, 2025"
    document = json.loads(client.get(programa_en.url + programa_en.reverse_subpage("datos_json")).content)
    exported = next(c for c in document["compromisos"] if c["id"] == water_en.pk)["historial"]
    assert exported[0]["nivel_cumplimiento_texto"] == "Substantial"
    workbook = load_workbook(
        io.BytesIO(client.get(programa_en.url + programa_en.reverse_subpage("datos_xlsx")).content)
    )
    assert "History" in workbook.sheetnames


def test_a_steps_evidence_is_the_last_milestone_met_by_that_day():
    page = CompromisoPageFactory(
        hitos=milestones((1, datetime.date(2025, 2, 1)), (1, datetime.date(2025, 5, 1)), (1, None)), publish=True
    )
    first, second, _third = page.hitos.order_by("sort_order")
    first.evidence_url, second.evidence_url = "https://example.org/primero", "https://example.org/segundo"
    first.save()
    second.save()
    RegistroAvance.objects.filter(commitment_key=page.translation_key).delete()
    for day, progress in [
        (datetime.date(2025, 1, 15), "0"),
        (datetime.date(2025, 3, 1), "33.3"),
        (datetime.date(2025, 6, 1), "66.6"),
    ]:
        RegistroAvanceFactory(page=page, recorded_at=noon(day), progress=Decimal(progress), status=Status.LIMITED)
    steps = timeline([page])
    assert [step.evidence_url for step in steps] == ["https://example.org/segundo", "https://example.org/primero", ""]
    assert [step.evidence_title for step in steps] == ["Hito 1", "Hito 0", ""]
    assert [str(step.progress) for step in steps] == ["66.6", "33.3", "0.0"]
