"""axe-core finds nothing on the budget sheets and their index, in both languages, at phone and desktop widths."""

import pytest

from .conftest import describe, run_axe

pytestmark = pytest.mark.browser

SHEET = "/fichas-ciudadanas/2023-programa-02-inversion-regional/"
PAGES = ["/fichas-ciudadanas/", SHEET, "/en/fichas-ciudadanas/", "/en" + SHEET]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [320, 1280])
def test_fichas_have_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    response = page.goto(live_site + path)
    assert response.status == 200
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_bad_year_filter_page_has_no_axe_violations(live_site, new_page):
    page = new_page(width=320)
    response = page.goto(live_site + "/fichas-ciudadanas/?anio=1999")
    assert response.status == 400
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("path", ["/fichas-ciudadanas/", SHEET])
def test_no_horizontal_scroll_at_320px(live_site, new_page, path):
    page = new_page(width=320)
    page.goto(live_site + path)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    # The table itself fits too: nothing hides behind a horizontal scroll bar.
    assert page.evaluate(
        "() => { const w = document.querySelector('.budget-table-wrap'); return !w || w.scrollWidth <= w.clientWidth; }"
    )


def test_the_table_keeps_its_row_and_column_headers_on_a_phone(live_site, new_page):
    """The narrow layout changes how rows look, not what a screen reader hears."""
    page = new_page(width=320)
    page.goto(live_site + SHEET)
    snapshot = page.locator("table.budget-table").aria_snapshot()
    assert 'table "Ejecución presupuestaria 2023, Programa 02.' in snapshot
    assert 'rowheader "22 Bienes y Servicios de Consumo"' in snapshot
    assert 'columnheader "Presupuesto vigente (M$)"' in snapshot


def test_year_filter_works_with_keyboard_and_without_javascript(live_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(live_site + "/fichas-ciudadanas/")
    page.select_option("#id_anio", "2023")
    page.focus("#id_anio")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Filtrar"
    page.keyboard.press("Enter")
    page.wait_for_url("**/fichas-ciudadanas/?anio=2023")
    assert page.locator(".ficha-card").count() == 2
