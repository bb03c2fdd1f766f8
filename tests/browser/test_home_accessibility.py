"""axe-core finds nothing on the home page, in both languages, at phone and desktop widths."""

import pytest

from .conftest import describe, run_axe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/en/"])
@pytest.mark.parametrize("width", [320, 1280])
def test_home_has_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    response = page.goto(live_site + path)
    assert response.status == 200
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_axe_check_fails_on_a_deliberate_violation(live_site, new_page):
    """The check can fail: an image without alt text added to the page is reported."""
    page = new_page()
    page.goto(live_site + "/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/img/logo-gs.svg';"
        " document.querySelector('main').appendChild(img); }"
    )
    ids = {v["id"] for v in run_axe(page)}
    assert "image-alt" in ids


def test_skip_link_moves_focus_to_main_content(live_site, new_page):
    page = new_page()
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "contenido"


def test_menu_opens_and_closes_with_keyboard_on_a_phone(live_site, new_page):
    page = new_page(width=375)
    page.goto(live_site + "/")
    toggle = page.locator(".menu-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#main-menu-list").is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#main-menu-list").is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.classList.contains('menu-toggle')")


def test_no_horizontal_scroll_at_320px(live_site, new_page):
    page = new_page(width=320)
    page.goto(live_site + "/")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
