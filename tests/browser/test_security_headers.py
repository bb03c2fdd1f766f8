"""The Content Security Policy in a real browser: public pages and the Wagtail admin work under it.

These tests use their own browser contexts WITHOUT ``bypass_csp`` (the ``new_page`` fixture
bypasses the CSP to inject axe-core), so Chromium enforces the policy and reports every
violation on the console.
"""

import secrets
import urllib.request

import pytest

from .conftest import live_site_manage

pytestmark = pytest.mark.browser

PUBLIC_PATHS = ["/", "/en/", "/buscar/?q=gobierno", "/pagina-que-no-existe/"]
ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/home/eje/",
    "/admin/snippets/home/iniciativa/add/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
]


def is_csp_problem(text):
    lowered = text.lower()
    return "content security policy" in lowered or "content-security-policy" in lowered


@pytest.fixture
def strict_page(browser):
    """A page whose context enforces the CSP; collects console errors and page errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on(
        "console", lambda message: page.problems.append((page.url, message.text)) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: page.problems.append((page.url, str(error))))
    yield page
    context.close()


@pytest.fixture(scope="module")
def admin_credentials(live_site):
    """A superuser in the live site's database, with a random password."""
    password = secrets.token_urlsafe(16)
    live_site_manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; U = get_user_model(); "
        "u, _ = U.objects.get_or_create(username='seguridad', defaults={'email': 'seguridad@example.org'}); "
        f"u.is_superuser = u.is_staff = True; u.set_password('{password}'); u.save()",
    )
    return "seguridad", password


def test_public_pages_send_a_strict_csp(live_site):
    for path in PUBLIC_PATHS:
        try:
            response = urllib.request.urlopen(live_site + path)
        except urllib.error.HTTPError as error:  # the 404 page
            response = error
        policy = response.headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy, path
        assert "'unsafe-eval'" not in policy, path
        assert "object-src 'none'" in policy, path
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize("width", [320, 1280])
def test_public_pages_have_no_csp_errors(live_site, strict_page, width):
    strict_page.set_viewport_size({"width": width, "height": 900})
    for path in PUBLIC_PATHS:
        strict_page.goto(live_site + path)
        strict_page.wait_for_load_state("networkidle")
        # The site's own script ran: it marks the document as scripted.
        assert strict_page.evaluate("document.documentElement.classList.contains('js')"), path
    # The only console error allowed is the deliberate 404's status line.
    problems = [(url, text) for url, text in strict_page.problems if "status of 404" not in text]
    assert problems == []


def test_the_csp_really_blocks_an_injected_inline_script(live_site, strict_page):
    """The policy is enforced: an inline script without the nonce does not run and is reported."""
    strict_page.goto(live_site + "/")
    strict_page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.pwned = true';"
        " document.body.appendChild(s); }"
    )
    assert strict_page.evaluate("window.pwned === undefined")
    assert any(is_csp_problem(text) for _, text in strict_page.problems)


def home_page_ids():
    """Ids of the Spanish home page and of its English translation in the live site's database."""
    output = live_site_manage(
        "shell",
        "-c",
        "from home.models import HomePage; "
        "[print(f'{code}={pk}') for code, pk in HomePage.objects.values_list('locale__language_code', 'id')]",
    )
    ids = dict(line.split("=") for line in output.split() if "=" in line)
    return ids["es-cl"], ids["en"]


def log_in(page, live_site, credentials):
    page.goto(live_site + "/admin/login/")
    page.fill("#id_username", credentials[0])
    page.fill("#id_password", credentials[1])
    page.click("button[type=submit]")
    page.wait_for_url(live_site + "/admin/")


def test_admin_works_under_the_csp(live_site, strict_page, admin_credentials):
    login_policy = urllib.request.urlopen(live_site + "/admin/login/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in login_policy  # the sign-in page keeps the strict policy
    log_in(strict_page, live_site, admin_credentials)
    for path in ADMIN_PATHS:
        strict_page.goto(live_site + path)
        strict_page.wait_for_load_state("networkidle")
        assert strict_page.locator("main, #main").first.is_visible(), path

    # The page editor of the Spanish home page, then its English translation (wagtail-localize's editor).
    spanish_id, english_id = home_page_ids()
    strict_page.goto(f"{live_site}/admin/pages/{spanish_id}/edit/")
    strict_page.wait_for_load_state("networkidle")
    assert strict_page.locator("form#page-edit-form").is_visible()
    # Inline scripts ran: the scheduling dialog's date-time fields got their picker.
    assert strict_page.evaluate("typeof window.initDateTimeChooser === 'function'")
    assert strict_page.locator("#id_go_live_at").count() == 1
    strict_page.goto(f"{live_site}/admin/pages/{english_id}/edit/")
    strict_page.wait_for_load_state("networkidle")
    # The React translation editor rendered (its styled-components styles are allowed in the admin).
    assert strict_page.get_by_text("Open Government", exact=True).first.is_visible()

    # A snippet form with choosers (their inline initialisation scripts must run).
    strict_page.goto(live_site + "/admin/snippets/home/iniciativa/add/")
    strict_page.wait_for_load_state("networkidle")
    assert strict_page.locator("form").first.is_visible()

    csp_errors = [(url, text) for url, text in strict_page.problems if is_csp_problem(text)]
    assert csp_errors == []
    # Other errors: none either, except media files (404s): the live site runs with DEBUG off and
    # serves no media, and other browser tests add images to it; they are not CSP problems.
    assert [(url, text) for url, text in strict_page.problems if "status of 404" not in text] == []


def test_public_pages_signed_in_have_no_csp_errors(live_site, strict_page, admin_credentials):
    """The Wagtail user bar shown to signed-in editors on public pages also respects the CSP."""
    log_in(strict_page, live_site, admin_credentials)
    for path in ["/", "/en/"]:
        strict_page.goto(live_site + path)
        strict_page.wait_for_load_state("networkidle")
        assert strict_page.locator("wagtail-userbar").count() == 1
    assert strict_page.problems == []
