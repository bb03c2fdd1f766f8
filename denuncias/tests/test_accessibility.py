"""axe-core on the channel's pages, in headless Chromium against a real server of this deployment.

The server is a separate ``runserver`` process with ``config.settings.denuncias_test``
and its own database (an SQLite file, or ``<name>_denuncias_browser`` on
PostgreSQL). A reporter files a report, keeps the receipt and follows it up;
a handler signs in with password and TOTP. Every page is checked at 1280 and
320 px. The reporter's pages are checked in Spanish and in English (/en/); the
handlers' area is Spanish only.
"""

import base64
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django_otp.oath import totp

from tests.browser.conftest import describe, run_axe, serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
HANDLER_PASSWORD = "clave-del-navegador-2026"
WIDTHS = (1280, 320)


def channel_database_url(tmpdir):
    """A fresh database for the server process, of the same kind as the suite's."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{Path(tmpdir) / 'denuncias-browser.sqlite3'}"
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    name = f"{config['NAME']}_denuncias_browser"
    admin = psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="module")
def channel():
    """(base URL, handler TOTP secret) of a running channel with one handler."""
    with tempfile.TemporaryDirectory() as tmpdir:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.denuncias_test",
            DENUNCIAS_DATABASE_URL=channel_database_url(tmpdir),
            DENUNCIAS_GESTOR_PASSWORD=HANDLER_PASSWORD,
            PYTHONUNBUFFERED="1",
        )
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
        created = subprocess.run(
            [*manage, "denuncias_crear_gestor", "comite"], env=env, check=True, cwd=ROOT, capture_output=True, text=True
        )
        secret = re.search(r"clave: ([A-Z2-7=]+)", created.stdout).group(1)
        log_path = Path(tmpdir) / "server.log"
        with serve(manage, env, log_path) as base_url:
            yield base_url, secret, log_path


def submit(page, name, exact=False):
    """Click a submit button and wait for the page it leads to."""
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=exact).click()


def assert_accessible(page, label):
    """axe finds nothing at every width (the page is re-laid out, not reloaded)."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        violations = run_axe(page)
        assert not violations, f"{label} at {width}px:\n{describe(violations)}"
        # 320 px reflow: nothing wider than the viewport.
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{label} scrolls sideways at {width}px"


def test_reporter_pages_have_no_axe_violations(channel, new_page):
    base_url, _secret, log_path = channel
    page = new_page(1280)
    page.goto(base_url + "/")
    assert_accessible(page, "inicio")

    page.goto(base_url + "/denunciar/")
    assert_accessible(page, "formulario")
    submit(page, "Enviar denuncia")
    assert page.locator(".error-summary").is_visible(), page.content()[:3000]
    assert_accessible(page, "formulario con errores")

    page.get_by_label("¿Qué tipo de conducta quiere denunciar?").select_option("probidad")
    page.get_by_label("¿Qué ocurrió?").fill("Se ocultaron declaraciones de patrimonio.")
    page.get_by_label("¿Cuándo y dónde ocurrió?").fill("Septiembre de 2026")
    submit(page, "Enviar denuncia")
    receipt = page.locator(".receipt strong").inner_text()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", receipt)
    assert_accessible(page, "recibo")

    page.goto(base_url + "/ingresar/")
    assert_accessible(page, "ingreso")
    page.get_by_label("Código de recibo").fill("1234")
    submit(page, "Ingresar")
    assert_accessible(page, "ingreso con error")
    page.get_by_label("Código de recibo").fill(receipt)
    submit(page, "Ingresar")
    page.wait_for_url("**/mi-denuncia/")
    assert page.get_by_text("Se ocultaron declaraciones de patrimonio.").is_visible()
    assert_accessible(page, "mi denuncia")

    page.get_by_label("Su mensaje").fill("Agrego un antecedente.")
    submit(page, "Enviar", exact=True)
    assert page.get_by_text("Agrego un antecedente.").is_visible()
    assert_accessible(page, "mi denuncia con mensaje")

    # The server's own log holds no client address.
    assert "127.0.0.1 -" not in log_path.read_text() and "HeadlessChrome" not in log_path.read_text()


def test_english_reporter_pages_have_no_axe_violations(channel, new_page):
    base_url, _secret, _log = channel
    page = new_page(1280)
    page.goto(base_url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page, "home (en)")
    with page.expect_navigation():
        page.get_by_role("link", name="Make a report").first.click()
    assert page.url == base_url + "/en/denunciar/"
    submit(page, "Send report")
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page, "form with errors (en)")
    page.get_by_label("What kind of conduct do you want to report?").select_option("probidad")
    page.get_by_label("What happened?").fill("Asset declarations were hidden.")
    submit(page, "Send report")
    receipt = page.locator(".receipt strong").inner_text()
    assert_accessible(page, "receipt (en)")
    page.goto(base_url + "/en/ingresar/")
    page.get_by_label("Receipt code").fill(receipt)
    submit(page, "Sign in")
    page.wait_for_url("**/en/mi-denuncia/")
    assert page.get_by_text("Asset declarations were hidden.").is_visible()
    assert_accessible(page, "my report (en)")
    # The switch leads to the same page in Spanish, still signed in with the receipt.
    with page.expect_navigation():
        page.get_by_role("link", name="Español").click()
    assert page.url == base_url + "/mi-denuncia/"
    assert page.locator("html").get_attribute("lang") == "es-CL"


def test_handler_pages_have_no_axe_violations(channel, new_page):
    base_url, secret, _log = channel
    page = new_page(1280)
    page.goto(base_url + "/denunciar/")
    page.get_by_label("¿Qué tipo de conducta quiere denunciar?").select_option("acoso")
    page.get_by_label("¿Qué ocurrió?").fill("Gritos e insultos en reuniones.")
    page.get_by_text("Quiero identificarme").click()
    page.get_by_label("Su nombre y cómo contactarle").fill("Rosa Díaz")
    submit(page, "Enviar denuncia")
    page.goto(base_url + "/gestion/ingresar/")
    assert_accessible(page, "ingreso del comité")
    page.get_by_label("Usuario").fill("comite")
    page.get_by_label("Contraseña").fill(HANDLER_PASSWORD)
    page.get_by_label("Código de verificación").fill(f"{totp(base64.b32decode(secret)):06d}")
    submit(page, "Ingresar")
    page.wait_for_url("**/gestion/")
    assert_accessible(page, "lista de denuncias")
    with page.expect_navigation():
        page.locator("table a").last.click()
    assert page.get_by_text("Rosa Díaz").is_visible()
    assert_accessible(page, "detalle de denuncia")
    page.get_by_label("Mensaje al denunciante").fill("Acusamos recibo de su denuncia.")
    submit(page, "Enviar mensaje")
    page.get_by_label("Estado").select_option("en_analisis")
    submit(page, "Guardar estado")
    assert page.get_by_text("Acusamos recibo de su denuncia.").is_visible()
    assert_accessible(page, "detalle con mensaje y estado")
    page.goto(base_url + "/gestion/auditoria/")
    assert_accessible(page, "registro de auditoría")
