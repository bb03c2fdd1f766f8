"""The institution's logo: an SVG chosen in site settings, checked so it cannot run script.

The header shows it through ``<img>`` with the institution's name as its text alternative;
without one it shows the logo shipped in ``static/img/``.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from base.models import SiteSettings
from base.svg import check_svg_logo

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {attrs}>{body}</svg>'


def svg(body="", attrs='viewBox="0 0 200 50"'):
    return SVG.format(attrs=attrs, body=body).encode()


def test_the_shipped_logo_is_a_safe_square_drawing():
    with open(finders.find("img/logo-gs.svg"), "rb") as handle:
        size = check_svg_logo(handle.read())
    assert (size.width, size.height) == (48, 48)


@pytest.mark.parametrize(
    "data, size",
    [
        (svg('<rect width="10" height="10" fill="url(#g)"/>'), (200, 50)),
        (svg("<rect fill=\"url( '#g' )\"/>", 'width="120px" height="40"'), (120, 40)),
        (svg('<defs><path id="p" d="M0 0h1"/></defs><use xlink:href="#p"/><style>.a{fill:#fff}</style>'), (200, 50)),
        (
            svg(
                '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>',
                'viewBox="0,0,30,10"',
            ),
            (30, 10),
        ),
    ],
)
def test_plain_drawings_are_accepted_with_their_size(data, size):
    result = check_svg_logo(data)
    assert (result.width, result.height) == size


@pytest.mark.parametrize(
    "data, message",
    [
        (svg("<script>alert(1)</script>"), "elemento no permitido: <script>"),
        (svg('<rect onclick="alert(1)"/>'), "atributo de script no permitido: onclick"),
        (svg("", 'viewBox="0 0 1 1" onload="alert(1)"'), "atributo de script no permitido: onload"),
        (svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), "<foreignObject>"),
        (svg('<a href="javascript:alert(1)"><rect/></a>'), "elemento no permitido: <a>"),
        (svg('<use xlink:href="https://example.org/x.svg#a"/>'), "enlaza a otro archivo"),
        (svg('<use href="data:image/svg+xml,&lt;svg/&gt;"/>'), "enlaza a otro archivo"),
        (svg('<image href="https://example.org/x.png"/>'), "elemento no permitido: <image>"),
        (svg('<set attributeName="href" to="javascript:alert(1)"/>'), "elemento no permitido: <set>"),
        (svg('<rect style="fill: url(https://example.org/track)"/>'), "carga contenido externo"),
        (svg("<style>@import url(//example.org/x.css);</style>"), "carga contenido externo"),
        (svg("<rect fill=\"url('https://example.org/#a')\"/>"), "carga contenido externo"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&b;</text></svg>',
            "no es un SVG válido",
        ),
        (b"<html><body>no</body></html>", "raíz debe ser <svg>"),
        (b"\x89PNG\r\n\x1a\n", "no es un SVG válido"),
        (svg("", ""), "debe declarar su tamaño"),
        (svg(" " * 210_000), "más de 200 KB"),
    ],
)
def test_anything_that_could_run_script_or_load_another_file_is_refused(data, message):
    with pytest.raises(ValidationError) as error:
        check_svg_logo(data)
    assert message in " ".join(error.value.messages)


@pytest.fixture
def site_settings(db, home, settings, tmp_path):
    """The demo site's settings, with uploads going to a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path)
    return SiteSettings.for_site(home.get_site())


def brand(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".site-header a.brand")


def test_without_a_logo_the_header_shows_the_shipped_one_named_by_its_alt_text(client, site_settings):
    assert not site_settings.logo  # the demo keeps the shipped logo
    for path, site_name in [("/", "Gobierno Abierto"), ("/en/", "Open Government")]:
        link = brand(client, path)
        logo = link.select_one("img")
        assert logo["src"].endswith("img/logo-gs.svg")
        assert logo["alt"] == "Gobierno de Santiago"
        assert (logo["width"], logo["height"]) == ("48", "48")  # space reserved: no layout shift
        # The written name beside it is hidden from screen readers, so the link is named once.
        assert link.select_one(".brand-institution")["aria-hidden"] == "true"
        assert link.select_one(".brand-site").get_text(strip=True) == site_name


def test_a_logo_chosen_in_settings_replaces_it(client, site_settings):
    with open(finders.find("img/logo-gs.svg"), "rb") as handle:
        site_settings.logo = SimpleUploadedFile("escudo.svg", handle.read(), "image/svg+xml")
    site_settings.full_clean()
    site_settings.save()
    logo = brand(client).select_one("img")
    assert logo["src"] == site_settings.logo.url and logo["src"].startswith("/media/logo/")
    assert logo["alt"] == "Gobierno de Santiago"
    assert (logo["width"], logo["height"]) == ("48", "48")
    # Removing it brings back the shipped one and forgets its proportions.
    site_settings.logo = ""
    site_settings.save()
    assert (site_settings.logo_width, site_settings.logo_height) == (None, None)
    assert brand(client).select_one("img")["src"].endswith("img/logo-gs.svg")


def test_a_wide_logo_keeps_its_proportions_at_the_headers_height(client, site_settings):
    site_settings.logo = SimpleUploadedFile("ancho.svg", svg('<rect width="200" height="50"/>'), "image/svg+xml")
    site_settings.full_clean()
    site_settings.save()
    assert (site_settings.logo_width, site_settings.logo_height) == (200, 50)
    logo = brand(client).select_one("img")
    assert logo["src"] == site_settings.logo.url
    assert (logo["width"], logo["height"]) == ("192", "48")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("logo.svg", svg("<script>alert(1)</script>"), "elemento no permitido"),
        ("logo.png", b"\x89PNG\r\n\x1a\n", "svg"),
    ],
)
def test_settings_refuse_an_unsafe_or_non_svg_logo(site_settings, name, data, message):
    site_settings.logo = SimpleUploadedFile(name, data)
    with pytest.raises(ValidationError) as error:
        site_settings.full_clean()
    assert "logo" in error.value.message_dict
    assert message in " ".join(error.value.message_dict["logo"]).lower() or message in " ".join(
        error.value.message_dict["logo"]
    )


def test_the_settings_form_in_the_admin_uploads_the_logo(admin_client, site_settings):
    url = reverse("wagtailsettings:edit", args=["base", "sitesettings", site_settings.site_id])
    page = BeautifulSoup(admin_client.get(url).content, "html.parser")
    form = page.select_one('input[name="logo"]').find_parent("form")
    assert form["enctype"] == "multipart/form-data"
