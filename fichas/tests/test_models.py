"""The sheet and index models on a tree of their own: what they compute from the sheets a test creates."""

from decimal import Decimal

import pytest
from django.test import RequestFactory

from fichas.models import FichasIndexPage

from .factories import FichaCiudadanaPageFactory, budget_body, component, line

pytestmark = pytest.mark.django_db


def test_a_sheet_budget_is_computed_from_its_table(sheet_index):
    sheet = FichaCiudadanaPageFactory(parent=sheet_index, body=budget_body(line("21", 100, 80), line("22", 50, 50)))
    budget = sheet.budget
    assert (budget.approved, budget.executed) == (150, 130)
    assert budget.execution_rate == Decimal("86.66")  # 130 / 150, truncated, never rounded up to 86,67
    assert budget.differences == [] and budget.over_executed_lines == []
    assert not budget.headline.official


def test_a_sheet_flags_over_execution_and_totals_that_do_not_add_up(sheet_index):
    body = budget_body(
        line("21", 100, 120),
        line("33", 30, None, component("33.03.125", 10, 5), component("33.03.150", 15, 15)),
        official_approved=160,
        official_executed=140,
    )
    budget = FichaCiudadanaPageFactory(parent=sheet_index, body=body).budget
    assert (budget.approved, budget.executed) == (125, 140)
    assert [(over.code, over.excess) for over in budget.over_executed_lines] == [("21", 20)]
    # The official approved total and the typed amount of line 33 disagree with their sums; 140 agrees.
    assert [(d.line.code if d.line else None, d.measure, d.difference) for d in budget.differences] == [
        (None, "approved", -35),
        ("33", "approved", -5),
    ]
    headline = budget.headline
    assert (headline.approved, headline.executed, headline.official) == (160, 140, True)
    assert headline.execution_rate == Decimal("87.50")


def test_a_sheet_without_a_budget_table_has_no_budget(sheet_index):
    assert FichaCiudadanaPageFactory(parent=sheet_index, body=[]).budget is None


def test_the_index_lists_its_live_sheets_newest_year_first_then_by_programme(sheet_index):
    made = {
        (year, number): FichaCiudadanaPageFactory(parent=sheet_index, year=year, programme_number=number)
        for year, number in [(2022, "02"), (2023, "02"), (2022, "01"), (2023, "01")]
    }
    FichaCiudadanaPageFactory(parent=sheet_index, year=2024, programme_number="01", live=False)
    assert sheet_index.get_sheets() == [made[2023, "01"], made[2023, "02"], made[2022, "01"], made[2022, "02"]]


def test_the_home_task_summary_is_the_latest_year_and_its_number_of_sheets(sheet_index):
    assert sheet_index.home_task_summary() == {"template": "fichas/includes/home_task.html", "year": None, "count": 0}
    for year, number in [(2022, "01"), (2023, "01"), (2023, "02")]:
        FichaCiudadanaPageFactory(parent=sheet_index, year=year, programme_number=number)
    summary = sheet_index.home_task_summary()
    assert (summary["year"], summary["count"]) == (2023, 2)


def test_the_year_filter_keeps_that_year_and_offers_every_year_with_sheets(sheet_index):
    for year in (2021, 2022, 2023):
        FichaCiudadanaPageFactory(parent=sheet_index, year=year)
    index = FichasIndexPage.objects.get(pk=sheet_index.pk)

    context = index.get_context(RequestFactory().get("/", {"anio": "2022"}))
    assert context["selected_year"] == 2022 and context["sheet_count"] == 1
    assert [year for year, _sheets in context["sheets_by_year"]] == [2022]
    assert context["year_choices"] == [2023, 2022, 2021]

    context = index.get_context(RequestFactory().get("/", {"anio": "2001"}))
    assert (context["sheet_count"], context["sheets_by_year"]) == (0, [])
    assert context["year_choices"] == [2023, 2022, 2021, 2001]  # the chosen year stays selectable

    context = index.get_context(RequestFactory().get("/", {"anio": "1999"}))
    assert context["filter_form"].errors and context["sheet_count"] == 3
