"""Citizen attention office in a real browser: a keyboard-only journey and axe-core on every public page."""

import re

import pytest

from .conftest import describe, run_axe

pytestmark = pytest.mark.browser

OFFICE = "/oficina-de-atencion-ciudadana/"
OFFICE_EN = "/en/oficina-de-atencion-ciudadana/"


def active_id(page):
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def tab_to(page, element_id, limit=80):
    """Press Tab until the element with ``element_id`` has focus (fails if it never does)."""
    for _ in range(limit):
        if active_id(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} never received focus with the keyboard")


def assert_no_violations(page):
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize(
    "path",
    [
        OFFICE,
        OFFICE_EN,
        OFFICE + "seguimiento/",
        OFFICE_EN + "seguimiento/",
        OFFICE + "estadisticas/",
        OFFICE_EN + "estadisticas/",
        OFFICE + "canal-de-denuncias/",
        OFFICE_EN + "canal-de-denuncias/",
    ],
)
@pytest.mark.parametrize("width", [320, 1280])
def test_contacto_pages_have_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    response = page.goto(live_site + path)
    assert response.status == 200
    assert_no_violations(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("path, width", [(OFFICE, 320), (OFFICE_EN, 1280)])
def test_form_with_errors_has_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    page.goto(live_site + path)
    page.click("#contacto-submit")
    page.wait_for_selector("#resumen-errores")
    assert active_id(page) == "resumen-errores"
    assert_no_violations(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_keyboard_only_journey_with_errors_fixed_from_the_summary(live_site, new_page):
    page = new_page(width=1280)
    page.goto(live_site + OFFICE)
    keyboard = page.keyboard

    # Fill the form with the keyboard alone, leaving two mistakes: a bad e-mail and no consent.
    tab_to(page, "id_request_type_0")
    keyboard.press("ArrowDown")  # Reclamo
    assert page.is_checked("#id_request_type_1")
    tab_to(page, "id_name")
    keyboard.type("Camila Fuentes")
    keyboard.press("Tab")
    keyboard.type("camila@")
    tab_to(page, "id_comuna")
    keyboard.type("Maip")
    assert page.input_value("#id_comuna") == "maipu"
    tab_to(page, "id_subject")
    keyboard.type("Semáforo sin funcionar")
    keyboard.press("Tab")
    keyboard.type("El semáforo de la avenida principal no funciona desde el lunes.")
    tab_to(page, "contacto-submit")
    keyboard.press("Enter")

    # Errors: the summary has focus and lists both problems; what was typed is kept.
    page.wait_for_selector("#resumen-errores")
    assert active_id(page) == "resumen-errores"
    links = page.locator("#resumen-errores a")
    assert links.count() == 2
    assert page.input_value("#id_name") == "Camila Fuentes"
    assert page.input_value("#id_message").startswith("El semáforo")

    # Fix the e-mail from the summary's first link.
    keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#id_email"
    keyboard.press("Enter")
    assert active_id(page) == "id_email"
    keyboard.press("Control+A")
    keyboard.type("camila@example.org")

    # Fix the consent: back to the summary and follow its second link.
    page.focus("#resumen-errores")
    keyboard.press("Tab")
    keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#id_consent"
    keyboard.press("Enter")
    assert active_id(page) == "id_consent"
    keyboard.press("Space")
    assert page.is_checked("#id_consent")
    tab_to(page, "contacto-submit")
    keyboard.press("Enter")

    # Confirmation with the tracking code.
    page.wait_for_selector(".tracking-code")
    code = page.text_content(".tracking-code").strip()
    assert re.fullmatch(r"OAC-\d{4}-\d{6}", code)
    assert_no_violations(page)

    # Look it up by keyboard: code + e-mail.
    page.goto(live_site + OFFICE + "seguimiento/")
    tab_to(page, "id_code")
    keyboard.type(code)
    keyboard.press("Tab")
    keyboard.type("camila@example.org")
    keyboard.press("Enter")
    page.wait_for_selector(".lookup-result")
    assert "Recibida" in page.text_content(".lookup-result")
    assert "Camila" not in page.content()
    assert_no_violations(page)
