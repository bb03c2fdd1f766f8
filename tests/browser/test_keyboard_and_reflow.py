# ruff: noqa: E501, F811  (long lines are JavaScript run in the page; fixtures are imported from test_every_page)
"""Keyboard, reflow, text spacing, motion and content checks on one page of every type, in a real browser.

Complements test_every_page.py (axe-core and HTML validation on every state) with
what axe cannot judge: where focus goes and whether it shows, whether the layout
survives 200 % zoom and the WCAG 1.4.12 text-spacing overrides, whether motion
stops when the user asks, and whether tables, charts, progress bars, document
links and links in text carry their meaning without sight or colour.
The contact form's keyboard journey is in test_contacto_accessibility.py; the
basic skip-link and menu checks are in test_home_accessibility.py.
"""

import re

import pytest

from .conftest import live_site_manage
from .test_every_page import LANGUAGES, NO_HORIZONTAL_SCROLL, pages_by_width, site_pages, site_states  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

# The standard text-spacing bookmarklet (WCAG 1.4.12): line height 1.5, paragraph spacing 2 em,
# letter spacing 0.12 em, word spacing 0.16 em.
TEXT_SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) { return null; }
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const previous = window.__a11yPrevious;
    window.__a11yPrevious = el;
    return {
        name: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.value || '').trim().slice(0, 40)}"`,
        indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
        tabIndex: el.tabIndex,
        isSkipLink: el.classList.contains('skip-link'),
        inDomOrder: !previous || previous === el || !document.contains(previous)
            || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
}"""

CLIPPED = """() => {
    const clipped = [];
    for (const el of document.querySelectorAll('body *')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden' || el.closest('.visually-hidden, .skip-link')) { continue; }
        if (el.clientWidth <= 1 || el.clientHeight <= 1) { continue; }
        if (style.position === 'absolute' && (style.clip !== 'auto' || style.clipPath !== 'none')) { continue; }  // visually hidden on purpose
        const hidesY = ['hidden', 'clip'].includes(style.overflowY);
        const hidesX = ['hidden', 'clip'].includes(style.overflowX);
        if ((hidesY && el.scrollHeight > el.clientHeight + 1) || (hidesX && el.scrollWidth > el.clientWidth + 1)) {
            clipped.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}"`);
        }
    }
    return clipped;
}"""

MOVING = """() => {
    const moving = [];
    const seconds = (value) => Math.max(...value.split(',').map((part) => parseFloat(part) || 0));
    for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
            const style = getComputedStyle(el, pseudo);
            if ((style.animationName !== 'none' && seconds(style.animationDuration) > 0.01) || seconds(style.transitionDuration) > 0.01) {
                moving.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo || ''}`);
            }
        }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') { moving.push('html: smooth scrolling'); }
    return moving;
}"""

CONTENT_PROBLEMS = r"""() => {
    const problems = [];
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
    const main = document.querySelector('main');
    for (const table of main.querySelectorAll('table')) {
        const labelledBy = table.getAttribute('aria-labelledby');
        const named = text(table.querySelector(':scope > caption')) || (labelledBy && text(document.getElementById(labelledBy)));
        if (!named) { problems.push(`table without caption: "${text(table).slice(0, 60)}"`); }
        const headers = table.querySelectorAll('th');
        if (!headers.length) { problems.push(`table without headers: "${text(table.caption)}"`); }
        for (const th of headers) {
            if (!th.getAttribute('scope') && !th.closest('thead')) { problems.push(`th without scope: "${text(th)}"`); }
        }
    }
    for (const svg of main.querySelectorAll('svg')) {
        if (svg.closest('[aria-hidden="true"]')) { continue; }
        const named = svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector('title');
        if (svg.getAttribute('role') !== 'img' || !named) { problems.push(`chart (svg) without role="img" and a name: ${svg.outerHTML.slice(0, 80)}`); }
    }
    for (const bar of main.querySelectorAll('progress, meter, [role="progressbar"], [role="meter"]')) {
        const named = bar.getAttribute('aria-label') || bar.getAttribute('aria-labelledby') || (bar.labels && bar.labels.length);
        const shown = /\d/.test(text(bar.parentElement).replace(text(bar), ''));
        if (!named || !shown) { problems.push(`progress bar without a name or a visible figure: ${bar.outerHTML.slice(0, 80)}`); }
    }
    for (const link of main.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href');
        const label = text(link);
        if (/\/documents\//.test(href)) {
            if (!/\b(PDF|DOCX?|XLSX?|ODT|ODS|CSV|ZIP|PPTX?)\b/.test(label) || !/\d\s*(bytes|[KMG]B)\b/i.test(label)) {
                problems.push(`document link without format and size: "${label}"`);
            }
        } else if (/\.(csv|json|xlsx|ics)\/?$/.test(href) && !/(CSV|JSON|XLSX|Excel|iCalendar|\.ics|Data Package)/i.test(label)) {
            problems.push(`data link without its format: "${label}"`);
        }
        const style = getComputedStyle(link);
        const inText = style.display === 'inline' && link.parentElement && text(link.parentElement) !== label;
        if (inText && !style.textDecorationLine.includes('underline') && !link.closest('nav')) {
            problems.push(`link in text not underlined: "${label}"`);
        }
    }
    return problems;
}"""


def type_pages(site_pages, language):
    """One path per page type in ``language``."""
    return sorted(site_pages[language].items())


# --- Keyboard ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_then_focus_is_visible_and_in_order_on_every_page_type(
    live_site, site_pages, pages_by_width, language
):
    """First Tab: the visible skip link, which moves focus to <main>; then 40 Tab stops, each visible and in DOM order."""
    page = pages_by_width(1280)
    failures = []
    for page_type, path in type_pages(site_pages, language):
        page.goto(live_site + path)
        page.keyboard.press("Tab")
        skip = page.evaluate(FOCUSED)
        if not (skip and skip["isSkipLink"]):
            failures.append(f"{page_type}: the first Tab stop is {skip and skip['name']}, not the skip link")
            continue
        if not (skip["indicator"] and skip["inViewport"]):
            failures.append(f"{page_type}: the skip link is not visible when focused")
        page.keyboard.press("Enter")
        if page.evaluate("() => document.activeElement.tagName") != "MAIN":
            failures.append(f"{page_type}: the skip link does not move focus to <main>")
        page.keyboard.press("Tab")
        if not page.evaluate(
            "() => { const m = document.querySelector('main'); const el = document.activeElement;"
            " return m.contains(el) || !!(m.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING); }"
        ):
            failures.append(f"{page_type}: after the skip link, Tab goes back before the main content")

        page.goto(live_site + path)
        for step in range(40):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None or (step and focused["isSkipLink"]):
                break  # past the last stop: focus left the page or wrapped around
            if not focused["indicator"]:
                failures.append(f"{page_type}: no visible focus indicator on {focused['name']}")
            if not focused["inViewport"]:
                failures.append(f"{page_type}: focused {focused['name']} is outside the viewport")
            if focused["tabIndex"] > 0:
                failures.append(f"{page_type}: positive tabindex on {focused['name']}")
            if not focused["inDomOrder"]:
                failures.append(f"{page_type}: focus jumps backwards to {focused['name']}")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_on_a_phone_opens_with_space_is_walked_with_tab_and_closes_with_escape(live_site, new_page, language):
    page = new_page(width=375)
    page.goto(live_site + LANGUAGES[language][1] + "/participacion/")
    toggle = page.locator(".menu-toggle")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('menu-toggle')"):
            break
    else:
        raise AssertionError("the menu button is not reachable with Tab")
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"
    items = page.locator("#main-menu-list a")
    assert items.count() >= 5
    for index in range(items.count()):
        page.keyboard.press("Tab")
        assert (
            page.evaluate("() => document.activeElement.textContent.trim()") == items.nth(index).text_content().strip()
        )
    assert page.locator("#main-menu-list a[aria-current=page]").count() == 1
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#main-menu-list").is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('menu-toggle')")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "false"


def test_menu_on_a_phone_is_collapsed_before_the_sites_script_runs(live_site, new_page):
    """The page is marked as scripted in <head>, so the menu never paints open and then collapses (no layout shift)."""
    page = new_page(width=375)
    page.route("**/js/site*.js", lambda route: route.abort())  # as if site.js had not run yet
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live_site + "/fichas-ciudadanas/")
    assert page.evaluate("() => document.documentElement.classList.contains('js')")
    assert not page.locator("#main-menu-list").is_visible()
    assert page.locator(".menu-toggle").is_visible()
    assert not [error for error in errors if "Content Security Policy" in error]


def test_breadcrumb_separators_are_drawn_not_written(live_site, new_page):
    """A separator made of text ("›", "/") is read out by screen readers between every link."""
    page = new_page(width=1280)
    page.goto(live_site + "/participacion/sesiones/")
    contents = page.evaluate(
        "() => [...document.querySelectorAll('nav.breadcrumbs li')].map(li => getComputedStyle(li, '::after').content)"
    )
    assert len(contents) >= 3
    assert set(contents) <= {'""', "none", "normal"}


def test_menu_on_a_desktop_is_open_without_a_button(live_site, new_page):
    page = new_page(width=1280)
    page.goto(live_site + "/")
    assert not page.locator(".menu-toggle").is_visible()
    assert page.locator("#main-menu-list").is_visible()


# --- Reflow, spacing, motion -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_horizontal_scrolling_at_200_percent_zoom(live_site, site_pages, pages_by_width, language):
    """1280 px at 200 % zoom is a 640 CSS px viewport at device scale factor 2, on every audited state."""
    page = pages_by_width(640, device_scale_factor=2)
    scrolling = [
        label
        for label, _html in site_states(page, live_site, site_pages, language)
        if not page.evaluate(NO_HORIZONTAL_SCROLL)
    ]
    assert scrolling == []


@pytest.mark.parametrize("width", [320, 1280])
def test_text_spacing_overrides_clip_nothing(live_site, site_pages, pages_by_width, width):
    page = pages_by_width(width)
    failures = []
    for language in LANGUAGES:
        for _page_type, path in type_pages(site_pages, language):
            page.goto(live_site + path)
            page.add_style_tag(content=TEXT_SPACING_CSS)
            failures += [f"{path}: clipped {what}" for what in page.evaluate(CLIPPED)]
            if width >= 1280 and not page.evaluate(NO_HORIZONTAL_SCROLL):
                failures.append(f"{path}: scrolls horizontally with text spacing at {width}px")
    assert failures == [], "\n".join(failures)


def test_reduced_motion_stops_animations_and_transitions(live_site, site_pages, pages_by_width):
    page = pages_by_width(1280, reduced_motion="reduce")
    failures = []
    for page_type, path in type_pages(site_pages, "es"):
        page.goto(live_site + path)
        assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
        failures += [f"{page_type}: {what} still moves" for what in page.evaluate(MOVING)]
    assert failures == [], "\n".join(failures)


def test_motion_check_can_fail(live_site, pages_by_width):
    """The motion check sees a transition that ignores the user's preference."""
    page = pages_by_width(1280, reduced_motion="reduce")
    page.goto(live_site + "/")
    assert page.evaluate(MOVING) == []
    page.add_style_tag(content="@media (prefers-reduced-motion: reduce) { h1 { transition: color 2s !important; } }")
    assert any(what.startswith("h1") for what in page.evaluate(MOVING))


# --- Meaning without sight or colour ----------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_charts_progress_bars_documents_and_links_carry_their_meaning(
    live_site, site_pages, pages_by_width, language
):
    """Tables keep captions (or a heading naming them) and headers; charts and progress bars have text; documents state format and size;
    links in text are underlined, on every audited state."""
    page = pages_by_width(1280)
    failures = []
    for label, _html in site_states(page, live_site, site_pages, language):
        failures += [f"{label}: {problem}" for problem in page.evaluate(CONTENT_PROBLEMS)]
    assert failures == [], "\n".join(failures)


def test_content_check_can_fail(live_site, pages_by_width):
    """A table without caption, an unnamed chart, a bare document link and a plain link in text are all reported."""
    page = pages_by_width(1280)
    page.goto(live_site + "/")
    page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('beforeend',
            '<table><tr><td>1</td></tr></table><svg><rect width="5" height="5"></rect></svg>'
            + '<p>Lea <a href="/documents/9/informe.pdf" style="text-decoration: none">el informe</a> hoy.</p>')"""
    )
    problems = " | ".join(page.evaluate(CONTENT_PROBLEMS))
    for expected in (
        "table without caption",
        "table without headers",
        "chart (svg)",
        "document link without format and size",
        "link in text not underlined",
    ):
        assert expected in problems
    assert re.search(r"link in text not underlined: \"el informe\"", problems)


# 61 + 1 + 43 characters with no place to break: wider than a 320 px screen at any font size.
LONG_EMAIL = "atencion.ciudadana.oficina.regional.metropolitana.de.santiago@gobiernoregionalmetropolitanodesantiago.cl"
SET_FOOTER_EMAIL = (
    "from base.models import SiteSettings; s = SiteSettings.objects.get(site__is_default_site=True); "
    "print(s.email); s.email = {!r}; s.save(update_fields=['email'])"
)


@pytest.fixture
def long_footer_email(live_site):
    """The footer's e-mail address replaced by a very long one for the test, then put back."""
    previous = live_site_manage("shell", "-c", SET_FOOTER_EMAIL.format(LONG_EMAIL)).strip().splitlines()[-1]
    yield LONG_EMAIL
    live_site_manage("shell", "-c", SET_FOOTER_EMAIL.format(previous))


@pytest.mark.parametrize("width", [320, 375])
def test_long_email_addresses_wrap_without_horizontal_scrolling(live_site, new_page, long_footer_email, width):
    """In the footer, the contact form with errors, the confirmation and the look-up."""
    page = new_page(width=width)
    page.goto(live_site + "/")
    assert long_footer_email in page.text_content(".site-footer")
    assert page.evaluate(NO_HORIZONTAL_SCROLL), "footer"

    office = "/oficina-de-atencion-ciudadana/"
    page.goto(live_site + office)
    page.check("#id_request_type_1")
    page.fill("#id_name", "Camila Fuentes")
    page.fill("#id_email", long_footer_email)
    page.select_option("#id_comuna", "maipu")
    # A subject of its own per width: the same request sent twice is refused as a repeat (409).
    page.fill("#id_subject", f"Semáforo sin funcionar ({width} px)")
    page.fill("#id_message", "El semáforo de la avenida principal no funciona desde el lunes.")
    page.click("#contacto-submit")  # without consent: the form comes back with its error
    page.wait_for_selector("#resumen-errores")
    assert page.input_value("#id_email") == long_footer_email
    assert page.evaluate(NO_HORIZONTAL_SCROLL), "form with errors"

    page.check("#id_consent")
    page.click("#contacto-submit")
    page.wait_for_selector(".tracking-code")
    assert page.evaluate(NO_HORIZONTAL_SCROLL), "confirmation"
    code = page.text_content(".tracking-code").strip()

    page.goto(live_site + office + "seguimiento/")
    page.fill("#id_code", code)
    page.fill("#id_email", long_footer_email)
    page.click(".contacto-form button[type=submit]")
    page.wait_for_selector(".lookup-result")
    assert page.evaluate(NO_HORIZONTAL_SCROLL), "look-up"
