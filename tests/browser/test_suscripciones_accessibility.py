"""Follow by e-mail in a real browser: axe-core on the form, its errors, and every page of the round trip."""

import pytest

from .conftest import describe, live_site_manage, run_axe

pytestmark = pytest.mark.browser

COMMITMENT = "/programa-de-gobierno/red-regional-de-ciclovias/"
COMMITMENT_EN = "/en/programa-de-gobierno/red-regional-de-ciclovias/"


def assert_clean(page):
    violations = run_axe(page)
    assert violations == [], describe(violations)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def open_follow_form(page, base, commitment_path):
    """From a commitment page, follow its "follow by e-mail" link, as a citizen would."""
    page.goto(base + commitment_path)
    page.click(".follow-by-mail a")
    page.wait_for_selector("form.contacto-form")


@pytest.mark.parametrize("path, width", [(COMMITMENT, 320), (COMMITMENT, 1280), (COMMITMENT_EN, 1280)])
def test_follow_form_and_check_your_mail_pages_have_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    open_follow_form(page, live_site, path)
    assert_clean(page)
    page.fill("#id_email", "no-es-correo")
    page.click("form.contacto-form button[type=submit]")
    page.wait_for_selector("#resumen-errores")
    assert_clean(page)
    page.fill("#id_email", f"axe{width}@example.org")
    page.click("form.contacto-form button[type=submit]")
    page.wait_for_url("**/solicitado/")
    assert_clean(page)


@pytest.mark.parametrize("language", ["es-cl", "en"])
def test_confirm_and_unsubscribe_pages_have_no_axe_violations(live_site, new_page, language):
    output = live_site_manage(
        "shell",
        "-c",
        "from suscripciones import services; from programa_gobierno.models import CompromisoPage; "
        "from suscripciones.models import Subscription; "
        f"p = CompromisoPage.objects.live().get(slug='red-regional-de-ciclovias', locale__language_code='{language}'); "
        f"services.request_subscription('navegador-{language}@example.org', p, '{language}'); "
        f"s = Subscription.objects.get(subscriber__email='navegador-{language}@example.org'); "
        "print(services.confirmation_token(s), s.subscriber.token)",
    )
    confirm_token, unsubscribe_token = output.split()[-2:]
    prefix = "/en" if language == "en" else ""
    page = new_page(width=375)
    page.goto(f"{live_site}{prefix}/seguir/confirmar/{confirm_token}/")
    assert_clean(page)
    page.click("form.contacto-form button[type=submit]")
    page.wait_for_selector("h1")
    assert "confirm" in page.inner_text("h1").lower()
    assert_clean(page)
    page.goto(f"{live_site}{prefix}/seguir/baja/{unsubscribe_token}/")
    assert_clean(page)
    page.click("form.contacto-form button[type=submit]")
    page.wait_for_selector("h1")
    assert_clean(page)
    response = page.goto(f"{live_site}{prefix}/seguir/baja/{unsubscribe_token}/")
    assert response.status == 404
    assert_clean(page)
