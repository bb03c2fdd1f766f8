"""Overdue commitments and milestones: marked with their date on cards and pages, and filterable."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from programa_gobierno.models import CompromisoPage, Hito, Status

pytestmark = pytest.mark.django_db

MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
DAY = datetime.timedelta(days=1)


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


def test_card_of_a_commitment_past_its_end_date_says_overdue_with_the_date(client, programa, make_commitment):
    yesterday = timezone.localdate() - DAY
    make_commitment(title="Compromiso vencido", end_date=yesterday, milestones=[(1, None)])
    notice = card(client.get(programa.url), "Compromiso vencido").select_one(".pg-overdue")
    assert notice.get_text(" ", strip=True) == f"! Atrasado: debía cumplirse el {spanish_date(yesterday)}"
    assert notice.select_one(".pg-overdue-icon")["aria-hidden"] == "true"
    assert notice.time["datetime"] == yesterday.isoformat()


def test_cards_due_today_or_completed_are_not_marked_overdue(client, programa, make_commitment):
    today = timezone.localdate()
    make_commitment(title="Vence hoy", end_date=today, milestones=[(1, None)])
    make_commitment(title="Cumplido a tiempo", end_date=today - DAY, milestones=[(1, datetime.date(2025, 1, 1))])
    response = client.get(programa.url)
    assert card(response, "Vence hoy").select_one(".pg-overdue") is None
    assert card(response, "Cumplido a tiempo").select_one(".pg-overdue") is None


def test_card_counts_the_overdue_milestones(client, programa, make_commitment):
    # The factory's milestones were due on 1 January 2025: the pending ones are late.
    make_commitment(title="Con hitos atrasados", milestones=[(1, None), (1, None), (1, datetime.date(2025, 1, 1))])
    facts = card(client.get(programa.url), "Con hitos atrasados").select_one(".pg-card-facts").get_text(" ", strip=True)
    assert "· 2 hitos atrasados ·" in facts


def test_filter_lists_only_overdue_commitments_and_counts_them(client, programa, make_commitment):
    today = timezone.localdate()
    make_commitment(title="Compromiso vencido", end_date=today - DAY, milestones=[(1, None)])
    make_commitment(title="Vence hoy", end_date=today, milestones=[(1, None)])
    expected = overdue_in_db(programa, today)
    assert expected.count() >= 2  # the demo's late water plan and the one made here
    response = client.get(programa.url, {"atrasados": "1"})
    assert response.status_code == 200
    page = soup(response)
    titles = [a.get_text(strip=True) for a in page.select(".pg-card h3 a")]
    assert sorted(titles) == sorted(expected.values_list("title", flat=True))
    assert "Vence hoy" not in titles
    assert page.select_one(".pg-result-count").get_text(" ", strip=True) == (
        f"{expected.count()} compromisos con los filtros elegidos"
    )
    assert all(item.select_one(".pg-overdue") for item in page.select(".pg-card"))
    assert page.select_one("#id_atrasados").has_attr("checked")


def test_overdue_filter_combines_and_is_kept_across_pages(client, programa, make_commitment, monkeypatch):
    monkeypatch.setattr(type(programa), "COMMITMENTS_PER_PAGE", 1)
    today = timezone.localdate()
    for number in range(3):
        make_commitment(title=f"Vencido {number}", end_date=today - DAY, milestones=[(1, None)], tema_slug="vivienda")
    page = soup(client.get(programa.url, {"atrasados": "1", "tema": "vivienda"}))
    assert page.select_one("nav.pagination a[rel=next]")["href"] == "?atrasados=1&tema=vivienda&page=2"
    second = soup(client.get(programa.url, {"atrasados": "1", "tema": "vivienda", "page": 2}))
    assert [a.get_text(strip=True) for a in second.select(".pg-card h3 a")][0].startswith("Vencido")
    assert "3 compromisos" in second.select_one(".pg-result-count").get_text()


def test_commitment_page_marks_the_commitment_and_each_late_milestone(client, make_commitment):
    today = timezone.localdate()
    page = make_commitment(end_date=today - DAY, milestones=[(1, None), (1, None), (1, datetime.date(2025, 1, 1))])
    late, due_today, done = Hito.objects.filter(page=page).order_by("sort_order")
    Hito.objects.filter(pk=due_today.pk).update(due_date=today)
    html = soup(client.get(page.url))
    status = html.select_one(".pg-status-panel .pg-overdue").get_text(" ", strip=True)
    assert status == f"! Atrasado: debía cumplirse el {spanish_date(today - DAY)}"
    assert html.select_one(".pg-overdue-count").get_text(strip=True) == "1 hito atrasado"
    states = [li.select_one(".pg-milestone-state").get_text(" ", strip=True) for li in html.select(".pg-milestone")]
    assert states == [f"! Atrasado: debía cumplirse el {spanish_date(late.due_date)}", "Pendiente", "Cumplido"]


def test_commitment_on_time_is_not_marked(client, make_commitment):
    page = make_commitment(end_date=timezone.localdate(), milestones=[(1, datetime.date(2025, 1, 1))])
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
