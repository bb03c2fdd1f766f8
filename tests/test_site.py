"""Site-wide endpoints: robots, sitemap, API, error pages, content pages, formats."""

import json

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page

from base.models import StandardPage
from base.templatetags.base_tags import breakable_email, numero, to_bcp47

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_the_home_page(client, home):
    # /sitemap.xml is an index with one sitemap per language (search/sitemaps.py).
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/sitemap-es-cl.xml</loc>" in response.content
    response = client.get("/sitemap-es-cl.xml")
    assert b"<loc>http://localhost/</loc>" in response.content or b"<loc>http://testserver/</loc>" in response.content


def test_api_lists_pages_with_their_type(client, home):
    response = client.get("/api/v2/pages/?type=home.HomePage&fields=title")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["meta"]["total_count"] >= 1
    assert {item["meta"]["type"] for item in data["items"]} == {"home.HomePage"}
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_unknown_address_gets_a_spanish_404_in_the_layout(client, home):
    response = client.get("/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Página no encontrada" in html
    assert 'id="contenido"' in html


def test_unknown_english_address_gets_an_english_layout(client, home_en):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()


@override_settings(DEBUG=False)
def test_server_error_page_is_spanish_and_self_contained(client):
    from base.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Tuvimos un problema" in response.content.decode()


def test_standard_page_renders_under_home(client, home):
    page = StandardPage(title="Acerca del sitio", slug="acerca-del-sitio", introduction="Quiénes somos.")
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Quiénes somos." in response.content.decode()
    # Breadcrumb leads back home.
    assert 'aria-label="Ruta de navegación"' in response.content.decode()


def test_every_page_of_the_demo_site_renders(client, home):
    for page in Page.objects.live().filter(depth__gte=2).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


@pytest.mark.parametrize(
    ("language", "value", "decimals", "expected"),
    [
        ("es-cl", 1234567.89, 2, "1.234.567,89"),
        ("es-cl", 8713930, 0, "8.713.930"),
        ("es-cl", 94.91, 2, "94,91"),
        ("en", 1234567.89, 2, "1,234,567.89"),
        ("es-cl", None, 0, "—"),
    ],
)
def test_numbers_use_the_active_language_format(language, value, decimals, expected):
    with translation.override(language):
        assert numero(value, decimals) == expected


def test_dates_use_chilean_spanish_long_format():
    import datetime

    from django.utils import formats

    with translation.override("es-cl"):
        assert formats.date_format(datetime.date(2026, 11, 24)) == "24 de noviembre de 2026"


@pytest.mark.parametrize(("code", "tag"), [("es-cl", "es-CL"), ("en", "en"), ("", "")])
def test_language_codes_become_bcp47_tags(code, tag):
    assert to_bcp47(code) == tag


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("atencionciudadana@gobiernosantiago.cl", "atencionciudadana@<wbr>gobiernosantiago.cl"),
        ("<b>x</b>@ejemplo.cl", "&lt;b&gt;x&lt;/b&gt;@<wbr>ejemplo.cl"),
        ("sin-arroba", "sin-arroba"),
    ],
)
def test_email_addresses_may_wrap_after_the_at_sign_only(address, shown):
    assert str(breakable_email(address)) == shown


@pytest.mark.django_db
def test_footer_email_wraps_after_the_at_sign(client, home):
    html = client.get(home.url).content.decode()
    assert ">atencionciudadana@<wbr>gobiernosantiago.cl</a>" in html
