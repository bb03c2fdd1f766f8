"""Two-step sign-in in a real browser: password, then a real TOTP code, then the admin.

A second server runs on the live site's database with ``TWO_FACTOR_ENFORCED=1`` (the
shared live site has the second step off, like every other test). The codes are computed
the way an authenticator app does: from the secret the enrolment page shows, or from the
device's key, with django-otp's own TOTP function.
"""

import base64
import secrets
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django_otp.oath import totp

from .conftest import LIVE_SITE_ENV, ROOT, live_site_manage, serve

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "two_factor_screens"


@pytest.fixture(scope="module")
def two_factor_site(live_site):
    """Base URL of a server on the live site's database that enforces the second step."""
    env = {**LIVE_SITE_ENV, "TWO_FACTOR_ENFORCED": "1"}
    with tempfile.TemporaryDirectory() as tmpdir:
        manage = [sys.executable, str(ROOT / "manage.py")]
        with serve(manage, env, Path(tmpdir) / "server.log", probe="/robots.txt") as base_url:
            yield base_url


def shell(code):
    """Run Python in a shell on the live site's database; its last printed line (the shell may print a banner)."""
    return live_site_manage("shell", "-c", code).strip().splitlines()[-1]


def create_superuser(username, with_device):
    """A superuser with a random password; with ``with_device``, a confirmed TOTP device whose key is returned."""
    password = secrets.token_urlsafe(16)
    code = (
        "from django.contrib.auth import get_user_model; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        f"u = get_user_model().objects.create_superuser('{username}', '{username}@example.org', '{password}'); "
    )
    if with_device:
        code += "d = TOTPDevice.objects.create(user=u, name='app', confirmed=True); print(d.key)"
    key = shell(code)
    return password, (bytes.fromhex(key) if with_device else None)


def current_code(key):
    return f"{totp(key, step=30, digits=6):06d}"


def watch(page):
    """Record every response (URL, status, Location, resource type) the page gets."""
    page.seen = []
    page.on(
        "response",
        lambda response: page.seen.append(
            (response.url, response.status, response.headers.get("location", ""), response.request.resource_type)
        ),
    )
    return page


def assert_one_page(page):
    """One <main>, no duplicate ids: the code form was not injected into itself."""
    assert page.locator("main").count() == 1
    duplicates = page.evaluate(
        """() => {
            const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
            return ids.filter((id, index) => ids.indexOf(id) !== index);
        }"""
    )
    assert duplicates == []


def assert_no_asset_sent_to_the_code_page(page):
    """Only page navigations may be redirected to the second step; never the sprite, scripts or styles."""
    redirected = [
        (url, resource_type)
        for url, status, location, resource_type in page.seen
        if 300 <= status < 400 and "/dos-pasos/" in location and resource_type != "document"
    ]
    assert redirected == []
    sprites = [(url, status) for url, status, _, _ in page.seen if "/admin/sprite" in url]
    assert sprites and all(status == 200 for _, status in sprites)


def submit(page, button="form.login-form button[type=submit]"):
    """Click a form's button and wait for the page it leads to (and that page's own requests)."""
    with page.expect_navigation():
        page.click(button)
    page.wait_for_load_state("networkidle")


def sign_in(page, base_url, username, password, next_path=None):
    url = base_url + "/admin/login/"
    if next_path:
        url += "?next=" + quote(next_path, safe="/")
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    submit(page, "button[type=submit]")


def test_superuser_with_a_device_types_a_real_code_and_lands_on_the_dashboard(two_factor_site, new_page):
    password, key = create_superuser("aprobadora2fa", with_device=True)
    for width in (375, 1280):
        page = watch(new_page(width=width))
        sign_in(page, two_factor_site, "aprobadora2fa", password)
        assert page.url.startswith(two_factor_site + "/admin/dos-pasos/verificar/")
        assert_one_page(page)
        assert page.locator("h1").inner_text() == "Verificación en dos pasos"
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"verificar-{width}.png"), full_page=True)
        if width == 375:
            continue  # the code is used once, at the wider size
        page.fill("#id_token", current_code(key))
        submit(page)
        assert page.url == two_factor_site + "/admin/"
        assert page.locator("main").count() == 1
        assert page.get_by_role("heading", level=1).count() >= 1
        assert_no_asset_sent_to_the_code_page(page)


def test_superuser_enrols_with_the_shown_secret_and_keeps_next_with_its_query_string(two_factor_site, new_page):
    password, _ = create_superuser("jefa2fa", with_device=False)
    page_id = shell("from wagtail.models import Page; print(Page.objects.filter(depth=2).first().pk)")
    next_path = f"/admin/pages/{page_id}/?ordering=title"
    page = watch(new_page(width=1280))
    sign_in(page, two_factor_site, "jefa2fa", password, next_path=next_path)

    assert page.url.startswith(two_factor_site + "/admin/dos-pasos/configurar/?next=")
    assert_one_page(page)
    assert page.locator("main svg").count() == 1  # the QR code
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "configurar-1280.png"), full_page=True)
    # What a person types into their app when the QR code cannot be scanned.
    secret = page.locator("main code").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))

    page.fill("#id_token", current_code(key))
    submit(page)
    assert page.url == two_factor_site + next_path
    assert page.locator("main").count() == 1
    assert_no_asset_sent_to_the_code_page(page)


def test_a_wrong_code_is_refused_in_spanish_on_the_same_single_page(two_factor_site, new_page):
    password, _ = create_superuser("revisora2fa", with_device=True)
    page = watch(new_page(width=1280))
    sign_in(page, two_factor_site, "revisora2fa", password)
    page.fill("#id_token", "000000")
    submit(page)
    assert "/admin/dos-pasos/verificar/" in page.url
    assert "El código no es válido" in page.locator("main").inner_text()
    assert_one_page(page)
    # Still locked out of the admin.
    page.goto(two_factor_site + "/admin/pages/")
    assert "/admin/dos-pasos/verificar/" in page.url
