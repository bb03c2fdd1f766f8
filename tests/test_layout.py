"""The shared layout: menu, breadcrumbs and the footer's accessibility link, and what they cost.

The layout is on every page, so its queries are counted: the home page, the menu and the
breadcrumb trail come in one query, the accessibility statement in the visitor's language
in another, whatever the depth of the page.
"""

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from base.models import SiteSettings, StandardPage
from fichas.models import FichaCiudadanaPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def sheet(home):
    return FichaCiudadanaPage.objects.live().filter(locale=home.locale).first()


@pytest.fixture
def statement(home):
    return SiteSettings.objects.get().accessibility_page.specific


def test_breadcrumbs_go_from_the_home_page_down_to_the_page(client, sheet):
    trail = soup(client.get(sheet.url)).select("nav.breadcrumbs li")
    links = [(item.a.get_text(strip=True), item.a["href"]) for item in trail if item.a]
    assert links == [("Inicio", "/"), (sheet.get_parent().title, sheet.get_parent().url)]
    assert trail[-1].select_one("[aria-current=page]").get_text(strip=True) == sheet.title


def test_breadcrumbs_of_the_english_page_stay_in_english(client, sheet):
    english = sheet.get_translation(Locale.objects.get(language_code="en"))
    trail = soup(client.get(english.url)).select("nav.breadcrumbs li a")
    assert [a["href"] for a in trail] == ["/en/", english.get_parent().url]
    assert trail[0].get_text(strip=True) == "Home"


def test_home_page_has_no_breadcrumbs_and_is_current_in_the_menu(client, home):
    page = soup(client.get("/"))
    assert page.select_one("nav.breadcrumbs") is None
    current = page.select(".main-menu a[aria-current=page]")
    assert [a["href"] for a in current] == ["/"]


def test_menu_lists_the_home_pages_children_in_menus_and_marks_the_section(client, home, sheet):
    expected = [(p.title, p.url) for p in home.get_children().live().in_menu()]
    page = soup(client.get(sheet.url))
    items = [(a.get_text(strip=True), a["href"]) for a in page.select(".main-menu li a")]
    assert items[0] == ("Inicio", "/")
    assert items[1:] == expected
    current = page.select(".main-menu a[aria-current=page]")
    assert [a["href"] for a in current] == [sheet.get_parent().url]


def test_a_page_hidden_from_menus_is_not_listed(client, home, statement):
    statement.show_in_menus = True
    statement.save_revision().publish()
    assert statement.url in [a["href"] for a in soup(client.get("/")).select(".main-menu a")]
    statement.show_in_menus = False
    statement.save_revision().publish()
    assert statement.url not in [a["href"] for a in soup(client.get("/")).select(".main-menu a")]


def test_footer_links_the_accessibility_statement_in_the_visitors_language(client, statement):
    english = statement.get_translation(Locale.objects.get(language_code="en"))

    def footer_link(url):
        link = soup(client.get(url)).select_one("footer a[href$='accesibilidad/'], footer a[href*='accessibility']")
        return link["href"]

    assert footer_link("/") == statement.url
    assert footer_link("/en/") == english.url
    # Not translated (unpublished) yet: the English footer links the Spanish statement.
    english.unpublish()
    assert footer_link("/en/") == statement.url


def test_footer_never_links_an_unpublished_accessibility_statement(client, statement):
    """With the statement unpublished in both languages there is no link, rather than one to a 404."""
    english = statement.get_translation(Locale.objects.get(language_code="en"))

    def footer_hrefs(url):
        return [a["href"] for a in soup(client.get(url)).select("footer a")]

    statement.unpublish()
    assert statement.url not in footer_hrefs("/")
    # The English translation is still published: the English footer links it.
    assert english.url in footer_hrefs("/en/")
    english.unpublish()
    for url in ("/", "/en/"):
        hrefs = footer_hrefs(url)
        assert not any("accesibilidad" in href or "accessibility" in href for href in hrefs), hrefs


def test_the_layout_costs_the_same_queries_at_any_depth(client, home):
    """An empty content page at depth 3 and one at depth 4 under it differ by Wagtail's routing only.

    Wagtail's routing adds two queries per level (the child and its specific page), so the
    deeper page costs exactly two more: per-link lookups in the layout (site root paths,
    locales, translations, one query per breadcrumb) would show here.
    """
    shallow = home.add_child(instance=StandardPage(title="Página de prueba", slug="pagina-de-prueba"))
    deep = shallow.add_child(instance=StandardPage(title="Subpágina de prueba", slug="subpagina-de-prueba"))

    def count(url):
        client.get(url)  # warm the per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return [query["sql"] for query in queries.captured_queries]

    shallow_queries, deep_queries = count(shallow.url), count(deep.url)
    assert len(deep_queries) - len(shallow_queries) == 2
    # Wagtail's routing looks the locale up once; the layout never does.
    assert sum('FROM "wagtailcore_locale"' in sql for sql in deep_queries) == 1
    # Wagtail: site, locale, routing (home, child, its specific page), view restrictions (2);
    # the layout: settings, site texts, language versions, layout pages, accessibility statement.
    assert len(shallow_queries) == 12


def meta_description(response):
    tag = soup(response).select_one("meta[name=description]")
    return tag["content"] if tag else None


def test_a_page_without_a_search_description_is_described_by_its_introduction(client, sheet):
    assert not sheet.search_description
    description = meta_description(client.get(sheet.url))
    introduction = BeautifulSoup(sheet.introduction, "html.parser").get_text(" ", strip=True)
    assert description
    assert len(description) <= 160
    assert introduction.startswith(description.rstrip("…"))
    assert "<" not in description


def test_a_long_description_is_cut_at_a_word(client, sheet):
    sheet.introduction = "<p>" + "presupuesto regional " * 20 + "</p>"
    sheet.save_revision().publish()
    description = meta_description(client.get(sheet.url))
    assert description.endswith("…")
    assert len(description) <= 160
    assert all(word in {"presupuesto", "regional"} for word in description.rstrip("…").split())


def test_the_editors_search_description_wins(client, sheet):
    sheet.search_description = "Cuánto recibió y gastó el Gobierno de Santiago en 2023, línea por línea."
    sheet.save_revision().publish()
    assert meta_description(client.get(sheet.url)) == sheet.search_description


def test_the_head_script_is_allowed_by_its_hash(client, sheet):
    response = client.get(sheet.url)
    inline = [script.string for script in soup(response).select("script:not([src])")]
    assert inline, "the page has its <head> script"
    for code in inline:
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "section, subpath, current",
    [
        ("participacion.ParticipacionIndexPage", "sesiones/", "Sesiones de las instancias de participación"),
        ("participacion.ParticipacionIndexPage", "tipo/mesas-tematicas/", "Mesas Temáticas"),
        ("contacto.ContactoPage", "seguimiento/", "Seguimiento de solicitudes"),
        ("contacto.ContactoPage", "estadisticas/", "Estadísticas de atención ciudadana"),
    ],
)
def test_a_sub_pages_trail_ends_with_the_sub_page_and_links_its_page(client, home, section, subpath, current):
    from django.apps import apps

    page = apps.get_model(section).objects.live().get(locale=home.locale)
    trail = soup(client.get(page.url + subpath)).select("nav.breadcrumbs li")
    links = [(item.a.get_text(strip=True), item.a["href"]) for item in trail if item.a]
    assert links[0] == ("Inicio", "/")
    assert links[-1] == (page.title, page.url)
    assert trail[-1].select_one("[aria-current=page]").get_text(strip=True) == current
