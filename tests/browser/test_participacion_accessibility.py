"""axe-core finds nothing on the participation pages, in both languages, at phone and desktop widths."""

import pytest

from .conftest import describe, run_axe

pytestmark = pytest.mark.browser

PAGES = [
    "/participacion/",
    "/en/participacion/",
    "/participacion/consejo-regional-de-la-sociedad-civil/",
    "/en/participacion/consejo-regional-de-la-sociedad-civil/",
    "/participacion/tipo/mesas-tematicas/",
    "/participacion/sesiones/",
    "/en/participacion/sesiones/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [320, 1280])
def test_participation_pages_have_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    response = page.goto(live_site + path)
    assert response.status == 200
    violations = run_axe(page)
    assert violations == [], describe(violations)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_filters_work_with_the_keyboard_and_without_javascript(live_site, new_page):
    page = new_page(width=1280, java_script_enabled=False)
    page.goto(live_site + "/participacion/")
    page.locator("#filtro-q").focus()
    page.keyboard.type("personas")
    page.keyboard.press("Tab")
    page.locator("#filtro-tipo").select_option("redes-municipales")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/participacion/?q=personas&tipo=redes-municipales")
    titles = page.locator(".body-card h3").all_inner_texts()
    assert titles == ["Red Municipal de Personas Mayores", "Red Municipal de Migrantes"]
    assert page.locator("#filtro-q").input_value() == "personas"


def test_bad_filter_page_has_no_axe_violations(live_site, new_page):
    page = new_page(width=320)
    response = page.goto(live_site + "/participacion/?tipo=comites")
    assert response.status == 400
    violations = run_axe(page)
    assert violations == [], describe(violations)
