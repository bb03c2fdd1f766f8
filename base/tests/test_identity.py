"""The site's identity: Kit Digital colours at WCAG AA contrast and self-hosted open-licence fonts.

The colours are read from the CSS custom properties of ``static/css/site.css`` (and each
app's stylesheet), so a change of palette is checked here before any page is drawn.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

ROOT = Path(settings.BASE_DIR)
SITE_CSS = ROOT / "static" / "css" / "site.css"
# Stylesheets that load on top of site.css (the ethics channel has its own layout and palette).
APP_CSS = sorted(path for path in ROOT.glob("*/static/*/*.css") if path.name != "admin.css")
STANDALONE_CSS = {ROOT / "denuncias" / "static" / "denuncias" / "denuncias.css"}

TEXT = 4.5  # WCAG 1.4.3, normal text
NON_TEXT = 3.0  # WCAG 1.4.11, borders of form controls and focus indicators

RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
HEX = re.compile(r"^#([0-9a-f]{3}|[0-9a-f]{6})$", re.IGNORECASE)


def custom_properties(css):
    """The ``--name: value`` declarations of the stylesheet's ``:root`` blocks."""
    found = {}
    for selector, body in RULE.findall(css):
        if selector.strip().endswith(":root"):
            found.update(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", body))
    return {name: value.split("/*")[0].strip() for name, value in found.items()}


def resolve(value, variables):
    """A declared colour as #rrggbb, or None when it is not one solid colour (a gradient, currentColor...)."""
    value = value.strip().split("!")[0].strip()
    var = re.fullmatch(r"var\((--[\w-]+)(?:,\s*([^)]+))?\)", value)
    if var:
        value = variables.get(var.group(1), var.group(2) or "")
        return resolve(value, variables) if value else None
    if value.lower() == "white":
        value = "#fff"
    if not HEX.match(value):
        return None
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(char * 2 for char in digits)
    return "#" + digits.lower()


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    """The WCAG contrast ratio of two #rrggbb colours."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def declarations(body):
    return {name.strip().lower(): value.strip() for name, value in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body)}


def site_variables():
    return custom_properties(SITE_CSS.read_text(encoding="utf-8"))


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert resolve("var(--x)", {"--x": "#FFF"}) == "#ffffff"
    assert resolve("var(--missing, #000)", {}) == "#000000"
    assert resolve("linear-gradient(#fff, #000)", {}) is None


def test_the_palette_is_the_kit_digital_one():
    variables = site_variables()
    assert resolve("var(--primary)", variables) == "#006fb3"  # azul gob.cl
    assert resolve("var(--dark)", variables) == "#0a132d"  # terciario
    assert variables["--font-text"].startswith('"Roboto"')
    assert variables["--font-heading"].startswith('"Roboto Slab"')


# Text colours shown on backgrounds they inherit (not declared in one rule), by role.
INHERITED_PAIRS = [
    ("--text", "#ffffff", TEXT),  # body text
    ("--muted", "#ffffff", TEXT),  # help texts, captions
    ("--muted", "--surface", TEXT),  # captions in grey boxes
    ("--text", "--surface", TEXT),
    ("--primary-dark", "#ffffff", TEXT),  # links
    ("--primary-dark", "--surface", TEXT),  # links in grey boxes
    ("--primary", "#ffffff", TEXT),  # blue text and headings in Kit Digital blue
    ("--dark", "#ffffff", TEXT),  # headings
    ("--danger", "#ffffff", TEXT),  # error messages
    ("--danger", "--danger-soft", TEXT),  # error messages in an error box
    ("--text", "--danger-soft", TEXT),  # what a person typed into a field marked invalid
    ("--success", "#ffffff", TEXT),
    ("--warning", "#ffffff", TEXT),
    ("#ffffff", "--primary", TEXT),  # main menu, buttons
    ("#ffffff", "--primary-dark", TEXT),  # hovered menu items and buttons
    ("#ffffff", "--dark", TEXT),  # footer links, hero
    ("--on-dark", "--dark", TEXT),  # footer text
    ("#ffffff", "--danger", TEXT),  # the error icon's mark
    ("--control-border", "#ffffff", NON_TEXT),  # borders of inputs, selects and textareas
    ("--danger", "#ffffff", NON_TEXT),  # the border of an invalid control
    ("--focus", "--dark", NON_TEXT),  # the focus ring against its dark halo
]


@pytest.mark.parametrize("foreground, background, minimum", INHERITED_PAIRS)
def test_inherited_pairs_meet_aa(foreground, background, minimum):
    variables = site_variables()
    first = resolve(f"var({foreground})" if foreground.startswith("--") else foreground, variables)
    second = resolve(f"var({background})" if background.startswith("--") else background, variables)
    assert first and second, (foreground, background)
    assert contrast(first, second) >= minimum, (foreground, background, round(contrast(first, second), 2))


def rules_with_colour_and_background():
    """(file, selector, colour, background) of every rule that sets both, in every public stylesheet."""
    site = site_variables()
    found = []
    for path in [SITE_CSS, *APP_CSS]:
        css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        variables = custom_properties(css) if path in STANDALONE_CSS else {**site, **custom_properties(css)}
        for selector, body in RULE.findall(css):
            declared = declarations(body)
            background = declared.get("background-color") or declared.get("background")
            if "color" in declared and background:
                found.append((path.name, " ".join(selector.split()), declared["color"], background, variables))
    return found


def test_every_rule_that_sets_text_and_background_colours_meets_aa():
    checked, failures = 0, []
    for name, selector, colour, background, variables in rules_with_colour_and_background():
        foreground, behind = resolve(colour, variables), resolve(background, variables)
        if not foreground or not behind:
            continue
        checked += 1
        ratio = contrast(foreground, behind)
        if ratio < TEXT:
            failures.append(f"{name} {selector}: {foreground} on {behind} = {ratio:.2f}")
    assert checked >= 15  # the stylesheets were really read
    assert failures == []


def test_every_custom_property_used_is_defined():
    site = site_variables()
    undefined = []
    for path in [SITE_CSS, *APP_CSS]:
        css = path.read_text(encoding="utf-8")
        defined = custom_properties(css) if path in STANDALONE_CSS else {**site, **custom_properties(css)}
        for name, fallback in re.findall(r"var\((--[\w-]+)\s*(,[^)]*)?\)", css):
            if name not in defined and not fallback:
                undefined.append(f"{path.name}: {name}")
    assert undefined == []


def font_faces():
    css = SITE_CSS.read_text(encoding="utf-8")
    return [declarations(body) for selector, body in RULE.findall(css) if selector.strip().endswith("@font-face")]


def test_web_fonts_are_self_hosted_swap_and_have_their_licences():
    web_fonts = [face for face in font_faces() if "url(" in face["src"]]
    assert {face["font-family"] for face in web_fonts} == {'"Roboto"', '"Roboto Slab"'}
    for face in web_fonts:
        assert face["font-display"] == "swap"
        (path,) = re.findall(r'url\("\.\./([^"]+)"\)', face["src"])
        assert finders.find(path), path  # served from static/, no third party
    fonts = ROOT / "static" / "fonts"
    assert "SIL Open Font License" in (fonts / "LICENSE-Roboto-OFL-1.1.txt").read_text()
    assert "Apache License" in (fonts / "LICENSE-RobotoSlab-Apache-2.0.txt").read_text()


def test_fallback_faces_match_the_web_fonts_metrics_so_the_swap_shifts_nothing():
    fallbacks = [face for face in font_faces() if "local(" in face["src"]]
    assert {face["font-family"] for face in fallbacks} == {'"Roboto Fallback"', '"Roboto Slab Fallback"'}
    for face in fallbacks:
        assert {"size-adjust", "ascent-override", "descent-override", "line-gap-override"} <= set(face)
    variables = site_variables()
    assert '"Roboto Fallback"' in variables["--font-text"]
    assert '"Roboto Slab Fallback"' in variables["--font-heading"]


@pytest.mark.django_db
def test_only_the_body_font_is_preloaded(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    preloads = soup.select('link[rel="preload"]')
    assert [link["href"].rsplit("/", 1)[-1].split(".")[0] for link in preloads] == ["roboto-latin-400-normal"]
    (font,) = preloads
    assert font["as"] == "font" and font["type"] == "font/woff2" and font.has_attr("crossorigin")
