"""The search page in a real browser: axe-core finds nothing, suggestions appear as the visitor types."""

import pytest

from .conftest import describe, run_axe

pytestmark = pytest.mark.browser

SEARCH_PAGES = [
    "/buscar/",
    "/buscar/?q=gobierno",  # results
    "/buscar/?q=transparensia+zzzz",  # nothing found: suggestion and sections
    "/en/buscar/",
    "/en/buscar/?q=government",
    "/en/buscar/?q=transparensy+zzzz",
    "/sin-traduccion/?pagina=1",  # the "not translated yet" notice (404 variant: no such page)
]


@pytest.mark.parametrize("path", SEARCH_PAGES)
@pytest.mark.parametrize("width", [320, 1280])
def test_search_pages_have_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    response = page.goto(live_site + path)
    assert response.status in (200, 404)
    violations = run_axe(page)
    assert violations == [], describe(violations)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_results_page_shows_labelled_results_with_marks(live_site, new_page):
    page = new_page()
    page.goto(live_site + "/buscar/?q=gobierno")
    assert page.locator(".search-result").count() >= 1
    assert page.locator(".result-kind").first.is_visible()
    assert page.locator("h1").inner_text().startswith("Resultados para")


def test_typing_fills_the_suggestion_list(live_site, new_page):
    page = new_page()
    page.goto(live_site + "/buscar/")
    page.locator("#search-q").fill("gobi")
    page.wait_for_function("() => document.querySelectorAll('#search-suggestions option').length > 0", timeout=5000)
    values = page.eval_on_selector_all("#search-suggestions option", "options => options.map(o => o.value)")
    assert any("Gobierno" in value for value in values)


def test_search_works_without_javascript(live_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(live_site + "/buscar/")
    page.locator("#search-q").fill("gobierno")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_url("**/buscar/?q=gobierno")
    assert page.locator(".search-result").count() >= 1
