"""Overdue commitments and milestones: marked with their date on cards and pages, and filterable.

Each test builds its own programme (``fresh_programa``) with the commitments it needs, their
dates chosen relative to today.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from programa_gobierno.models import CompromisoPage, Status

from .factories import CompromisoPageFactory, TemaFactory, milestones

pytestmark = pytest.mark.django_db

MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
DAY = datetime.timedelta(days=1)
DONE = datetime.date(2025, 1, 1)  # the factory's milestones were due that day too


def spanish_date(day):
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card(response, title):
    for item in soup(response).select(".pg-card"):
        if item.h3.get_text(strip=True) == title:
            return item
    raise AssertionError(f"no card for {title!r}")


def overdue_in_db(programa, today):
    """Commitments past their end date and not completed, counted by the ORM on its own terms."""
    return CompromisoPage.objects.child_of(programa).live().filter(end_date__lt=today).exclude(status=Status.COMPLETE)


def assert_overdue_notice(notice, due):
    """``notice`` is the overdue mark of something due on ``due``: the word, a hidden icon, the date."""
    assert notice is not None
    assert notice.strong.get_text(strip=True) == "Atrasado:"
    assert notice.select_one(".pg-overdue-icon")["aria-hidden"] == "true"
    assert notice.time["datetime"] == due.isoformat()
    assert notice.time.get_text(strip=True) == spanish_date(due)


def commitment(programa, pairs=(), **fields):
    return CompromisoPageFactory(parent=programa, hitos=milestones(*pairs), publish=True, **fields)


def test_card_of_a_commitment_past_its_end_date_says_overdue_with_the_date(client, fresh_programa):
    yesterday = timezone.localdate() - DAY
    commitment(fresh_programa, [(1, None)], title="Compromiso vencido", end_date=yesterday)
    notice = card(client.get(fresh_programa.url), "Compromiso vencido").select_one(".pg-overdue")
    assert_overdue_notice(notice, yesterday)


def test_cards_due_today_or_completed_are_not_marked_overdue(client, fresh_programa):
    today = timezone.localdate()
    commitment(fresh_programa, [(1, None)], title="Vence hoy", end_date=today)
    commitment(fresh_programa, [(1, DONE)], title="Cumplido a tiempo", end_date=today - DAY)
    response = client.get(fresh_programa.url)
    assert card(response, "Vence hoy").select_one(".pg-overdue") is None
    assert card(response, "Cumplido a tiempo").select_one(".pg-overdue") is None


def test_card_counts_the_overdue_milestones(client, fresh_programa):
    # Milestones due on 1 January 2025: the two pending ones are late, the completed one is not.
    commitment(fresh_programa, [(1, None), (1, None), (1, DONE)], title="Con hitos atrasados")
    count = card(client.get(fresh_programa.url), "Con hitos atrasados").select_one(".pg-card-overdue-count")
    assert count.get_text(strip=True).split()[0] == "2"


def test_filter_lists_only_overdue_commitments_and_counts_them(client, fresh_programa):
    today = timezone.localdate()
    commitment(fresh_programa, [(1, None)], title="Compromiso vencido", end_date=today - DAY)
    commitment(fresh_programa, [(1, None)], title="Vencido hace un año", end_date=today - 365 * DAY)
    commitment(fresh_programa, [(1, None)], title="Vence hoy", end_date=today)
    commitment(fresh_programa, [(1, DONE)], title="Cumplido tarde", end_date=today - DAY)
    assert overdue_in_db(fresh_programa, today).count() == 2  # the ORM agrees with the two chosen here
    response = client.get(fresh_programa.url, {"atrasados": "1"})
    assert response.status_code == 200
    page = soup(response)
    titles = [a.get_text(strip=True) for a in page.select(".pg-card h3 a")]
    assert sorted(titles) == ["Compromiso vencido", "Vencido hace un año"]
    assert page.select_one(".pg-result-count").get_text(" ", strip=True).split()[0] == "2"
    assert all(item.select_one(".pg-overdue") for item in page.select(".pg-card"))
    assert page.select_one("#id_atrasados").has_attr("checked")


def test_overdue_filter_combines_and_is_kept_across_pages(client, fresh_programa, monkeypatch):
    monkeypatch.setattr(type(fresh_programa), "COMMITMENTS_PER_PAGE", 1)
    today = timezone.localdate()
    vivienda = TemaFactory(name="Vivienda", slug="vivienda-de-prueba")
    for number in range(3):
        commitment(fresh_programa, [(1, None)], title=f"Vencido {number}", end_date=today - DAY, tema=vivienda)
    commitment(fresh_programa, [(1, None)], title="Vencido de otro tema", end_date=today - DAY)
    query = {"atrasados": "1", "tema": "vivienda-de-prueba"}
    page = soup(client.get(fresh_programa.url, query))
    assert page.select_one("nav.pagination a[rel=next]")["href"] == "?atrasados=1&tema=vivienda-de-prueba&page=2"
    second = soup(client.get(fresh_programa.url, {**query, "page": 2}))
    assert [a.get_text(strip=True) for a in second.select(".pg-card h3 a")][0].startswith("Vencido ")
    assert second.select_one(".pg-result-count").get_text(" ", strip=True).split()[0] == "3"


def test_commitment_page_marks_the_commitment_and_each_late_milestone(client, fresh_programa):
    today = timezone.localdate()
    page = commitment(fresh_programa, [(1, None), (1, None), (1, DONE)], end_date=today - DAY)
    late, due_today, _done = page.hitos.order_by("sort_order")
    type(due_today).objects.filter(pk=due_today.pk).update(due_date=today)
    html = soup(client.get(page.url))
    assert_overdue_notice(html.select_one(".pg-status-panel .pg-overdue"), today - DAY)
    assert html.select_one(".pg-overdue-count").get_text(strip=True).split()[0] == "1"
    assert html.select_one(".pg-overdue-count a")["href"] == "#pg-hitos"
    items = html.select(".pg-milestone")
    assert [item["class"][1:] for item in items] == [["is-overdue"], [], ["is-completed"]]
    assert_overdue_notice(items[0].select_one(".pg-overdue"), late.due_date)
    assert items[1].select_one(".pg-overdue") is None


def test_commitment_on_time_is_not_marked(client, fresh_programa):
    page = commitment(fresh_programa, [(1, DONE)], end_date=timezone.localdate())
    assert soup(client.get(page.url)).select_one(".pg-overdue") is None


def test_english_index_filter_and_commitment_page_say_overdue(client, programa, programa_en):
    today = timezone.localdate()
    response = client.get(programa_en.url, {"atrasados": "1"})
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("label[for=id_atrasados]").get_text(strip=True) == "Overdue commitments only"
    expected = overdue_in_db(programa_en, today)
    assert expected.exists()
    assert len(page.select(".pg-card")) == expected.count()
    english = expected.first()
    notice = soup(client.get(english.url)).select_one(".pg-status-panel .pg-overdue")
    text = notice.get_text(" ", strip=True)
    assert text.startswith("! Overdue: was due on ")
    assert "debía" not in text
    assert notice.time["datetime"] == english.end_date.isoformat()
