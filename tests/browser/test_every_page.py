"""Every page of the demo site, in both languages, in a real browser (WCAG 2.2 AA).

The pages come from the site itself: the Wagtail API v2 lists every live page with
its type, and one page of each type per language is audited, plus the states a
citizen reaches by acting (filtered listings, search with and without results, the
contact form with errors, its confirmation, the request look-up, bad filters and
the 404 page). A test checks that every page model of the project has a demo page
in both languages, so a new page type cannot slip past the suite.

Each state gets axe-core (WCAG 2.0/2.1/2.2 A and AA plus best practices) at 320
and 1280 px, a horizontal-scroll check, and the Nu HTML checker (vnu-jar, one JVM
run for all pages). One browser context per width is reused for all pages.
"""

import json
import subprocess
import tempfile
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from .conftest import ROOT, describe, run_axe

pytestmark = pytest.mark.browser

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = {"es": ("es-cl", ""), "en": ("en", "/en")}  # API locale code, URL prefix
WIDTHS = [320, 1280]
OFFICE = "/oficina-de-atencion-ciudadana/"

# States beyond "one page of each type": (label, path without the language prefix, expected status).
EXTRA_STATES = [
    ("fichas: filtered by year", "/fichas-ciudadanas/?anio=2023", 200),
    ("fichas: invalid year (400)", "/fichas-ciudadanas/?anio=1999", 400),
    ("programa: filtered and sorted", "/programa-de-gobierno/?tema=agua&estado=sustancial&orden=avance_desc", 200),
    ("programa: filtered, no results", "/programa-de-gobierno/?tema=genero&estado=no_iniciado", 200),
    ("programa: invalid theme (400)", "/programa-de-gobierno/?tema=inventado", 400),
    ("participacion: one type", "/participacion/tipo/mesas-tematicas/", 200),
    ("participacion: type and text", "/participacion/?tipo=consejos-asesores&q=consejo", 200),
    ("participacion: no results", "/participacion/?q=zzzqxw", 200),
    ("participacion: sessions", "/participacion/sesiones/", 200),
    ("contacto: look-up form", OFFICE + "seguimiento/", 200),
    ("contacto: statistics", OFFICE + "estadisticas/", 200),
    ("search: empty", "/buscar/", 200),
    ("search: results", "/buscar/?q=gobierno", 200),
    ("search: no results", "/buscar/?q=zzzqxw", 200),
    ("404", "/esta-pagina-no-existe/", 404),
]

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


# --- Discovery ------------------------------------------------------------------


def api_pages(live_site):
    """Every live page as (type, locale, path), read page by page from the Wagtail API v2."""
    pages, offset = [], 0
    while True:
        url = f"{live_site}/api/v2/pages/?limit=20&offset={offset}&fields=locale,html_url"
        with urllib.request.urlopen(url, timeout=30) as response:
            data = json.load(response)
        for item in data["items"]:
            meta = item["meta"]
            pages.append((meta["type"], meta["locale"], urllib.parse.urlsplit(meta["html_url"]).path))
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return pages


@pytest.fixture(scope="module")
def site_pages(live_site):
    """One page of each type per language: {"es": {"app.Model": path}, "en": {...}}."""
    by_language = {language: {} for language in LANGUAGES}
    locales = {locale: language for language, (locale, _prefix) in LANGUAGES.items()}
    for page_type, locale, path in api_pages(live_site):
        by_language[locales[locale]].setdefault(page_type, path)
    return by_language


@pytest.fixture(scope="module")
def pages_by_width(browser):
    """One browser context and tab per viewport width, reused across this module's tests."""
    contexts = {}

    def page_at(width, **options):
        key = (width, tuple(sorted(options.items())))
        if key not in contexts:
            contexts[key] = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True, **options)
            contexts[key].new_page()
        return contexts[key].pages[0]

    yield page_at
    for context in contexts.values():
        context.close()


# --- Walking the site ------------------------------------------------------------


def visit(page, url, label, status=200):
    """Open ``url``; return (label, HTML source as served)."""
    response = page.goto(url)
    assert response.status == status, f"{label}: {url} answered {response.status}, expected {status}"
    return f"{label} {url}", response.text()


def submit(page, selector):
    """Click a submit button and return the HTML source of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.click(selector)
    return navigation.value.text()


def contact_states(page, live_site, prefix):
    """The contact form sent with errors, sent correctly (confirmation) and the look-up of the request."""
    office = live_site + prefix + OFFICE
    page.goto(office)
    html = submit(page, "#contacto-submit")
    page.wait_for_selector("#resumen-errores")
    yield f"contacto: form with errors {office}", html

    email = f"prueba-{uuid.uuid4().hex[:8]}@example.org"
    page.check("#id_request_type_0")
    page.fill("#id_name", "Camila Fuentes")
    page.fill("#id_email", email)
    page.select_option("#id_comuna", "maipu")
    page.fill("#id_subject", f"Consulta de prueba {uuid.uuid4().hex[:6]}")
    page.fill("#id_message", "Quisiera saber el horario de atención de la oficina.")
    page.check("#id_consent")
    html = submit(page, "#contacto-submit")
    code = page.text_content(".tracking-code").strip()
    yield f"contacto: confirmation {page.url}", html

    page.goto(office + "seguimiento/")
    page.fill("#id_code", code)
    page.fill("#id_email", email)
    html = submit(page, "form.contacto-form button[type=submit]")
    page.wait_for_selector(".lookup-result")
    yield f"contacto: look-up result {page.url}", html


def site_states(page, live_site, site_pages, language):
    """Show every audited state of the site in ``language`` in ``page``, yielding (label, HTML source) for each.

    The caller checks the page while it shows the state, before asking for the next one.
    """
    prefix = LANGUAGES[language][1]
    for page_type, path in sorted(site_pages[language].items()):
        yield visit(page, live_site + path, page_type)
    for label, path, status in EXTRA_STATES:
        yield visit(page, live_site + prefix + path, label, status)
    yield from contact_states(page, live_site, prefix)


# --- Checks ----------------------------------------------------------------------


def audit(page, label, width):
    """axe-core and reflow on the page as shown: a list of readable failures (empty when it passes)."""
    failures = []
    violations = run_axe(page)
    if violations:
        failures.append(f"{label} at {width}px:\n{describe(violations)}")
    if width <= 320 and not page.evaluate(NO_HORIZONTAL_SCROLL):
        failures.append(f"{label} at {width}px: scrolls horizontally")
    return failures


def validate_html(documents):
    """Run the Nu HTML checker once over ``documents`` ({label: html}); return {label: [error messages]}."""
    with tempfile.TemporaryDirectory() as tmpdir:
        files = {}
        for index, (label, html) in enumerate(documents.items()):
            path = Path(tmpdir) / f"page{index:03d}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = (path, label)
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[str(p) for p, _ in files.values()]],
            capture_output=True,
            text=True,
            timeout=600,
        )
    report = json.loads(result.stderr or result.stdout)  # vnu writes its JSON report to stderr
    errors = {}
    for message in report["messages"]:
        name = message.get("url", "").rsplit("/", 1)[-1]
        label = files[name][1] if name in files else message.get("url", "?")
        lines = errors.setdefault(label, {})
        lines.setdefault(message["message"], []).append(str(message.get("lastLine")))
    # One line per distinct message, with the lines where it occurs (a table repeats one mistake per cell).
    return {
        label: [f"{text} (lines {', '.join(where[:5])}{'…' * (len(where) > 5)})" for text, where in lines.items()]
        for label, lines in errors.items()
    }


# --- Tests -----------------------------------------------------------------------


def test_every_page_type_has_a_demo_page_in_both_languages(site_pages):
    """The suite covers every page model: a new type without demo pages in both languages fails here."""
    from wagtail.models import Page, get_page_models

    page_types = {model._meta.label for model in get_page_models() if model is not Page}
    for language in LANGUAGES:
        assert page_types <= set(site_pages[language]), (language, page_types - set(site_pages[language]))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_and_state_has_no_axe_violations(live_site, site_pages, pages_by_width, language, width):
    page = pages_by_width(width)
    failures, audited = [], 0
    for label, _html in site_states(page, live_site, site_pages, language):
        failures += audit(page, label, width)
        audited += 1
    assert audited >= len(site_pages[language]) + len(EXTRA_STATES) + 3
    assert failures == [], "\n".join(failures)


def test_audit_fails_on_a_deliberate_violation(live_site, pages_by_width):
    """The runner can fail: an image without alt text and a too-wide box added to a page are both reported."""
    page = pages_by_width(320)
    page.goto(live_site + "/")
    assert audit(page, "home", 320) == []
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/img/logo-gs.svg';"
        " const wide = document.createElement('div'); wide.style.width = '600px'; wide.textContent = 'ancho';"
        " document.querySelector('main').append(img, wide); }"
    )
    failures = "\n".join(audit(page, "home", 320))
    assert "image-alt" in failures
    assert "scrolls horizontally" in failures


def test_every_page_and_state_is_valid_html(live_site, site_pages, pages_by_width):
    """The HTML as served (not the browser's repaired DOM) passes the Nu HTML checker, in both languages."""
    page = pages_by_width(1280)
    documents = {}
    for language in LANGUAGES:
        documents.update(site_states(page, live_site, site_pages, language))
    errors = validate_html(documents)
    assert errors == {}, "\n".join(f"{label}:\n  " + "\n  ".join(lines) for label, lines in errors.items())


def test_html_validation_fails_on_invalid_markup():
    """The validator check can fail: a stray block inside a paragraph and a duplicate id are reported."""
    html = (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p id="a">uno</p><p id="a">dos</p><ul><div>tres</div></ul></body></html>'
    )
    errors = validate_html({"invalid": html})
    assert "invalid" in errors
    assert any("Duplicate ID" in line for line in errors["invalid"])
