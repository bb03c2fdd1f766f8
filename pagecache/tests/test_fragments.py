"""Cached layout fragments and computed data: fewer queries, and every change shows at once.

With ``FRAGMENT_CACHE_SECONDS`` on (as in production), the menu, breadcrumbs, footer and
institution name are rendered once per language and section, and the home page's axes are
computed once, all under the page cache's content version: saving a page, a snippet or a
setting replaces the version, so the next request renders them again.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.models import SiteTexts
from home.models import Eje, Iniciativa

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments(settings):
    """Fragments cached for ten minutes over a fresh local-memory cache (the page cache stays off)."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    caches["default"].clear()
    yield
    caches["default"].clear()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), BeautifulSoup(response.content, "html.parser")


def test_second_render_reuses_the_layout_and_the_axes(client, home, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    queries(client, "/")
    uncached, uncached_page = queries(client, "/")
    settings.FRAGMENT_CACHE_SECONDS = 600
    caches["default"].clear()
    first, _ = queries(client, "/")
    second, page = queries(client, "/")
    assert first >= uncached
    # The layout (settings, texts, menu, accessibility link) and the axes (4 queries) are cached.
    assert second <= uncached - 7
    assert str(page.select_one("main")) == str(uncached_page.select_one("main"))
    assert str(page.select_one("footer")) == str(uncached_page.select_one("footer"))
    assert str(page.select_one(".main-menu")) == str(uncached_page.select_one(".main-menu"))


def test_a_changed_initiative_updates_the_axis_tally_at_once(client, home, fragments):
    def tallies():
        return [" ".join(p.get_text().split()) for p in queries(client, "/")[1].select("p.tally")]

    before = tallies()
    assert before and tallies() == before  # the second time from the cache
    initiative = Iniciativa.objects.filter(locale=home.locale).exclude(status=Iniciativa.Status.COMPLETED).first()
    initiative.status = Iniciativa.Status.COMPLETED
    initiative.save()
    after = tallies()
    assert after != before
    # Each axis's tally is shown the same number of times; one more initiative completed in one axis.
    shown_per_axis = len(before) // Eje.objects.filter(locale=home.locale).count()
    gained = sum(int(text.split()[0]) for text in after) - sum(int(text.split()[0]) for text in before)
    assert gained == shown_per_axis


def test_a_renamed_menu_page_shows_at_once_in_every_menu(client, home, fragments):
    section = home.get_children().live().in_menu().first().specific
    assert section.title in queries(client, "/")[1].select_one(".main-menu").get_text()
    section.title = "Sección con nombre nuevo"
    section.save_revision().publish()
    assert "Sección con nombre nuevo" in queries(client, "/")[1].select_one(".main-menu").get_text()


def test_edited_site_texts_show_at_once_in_the_footer_and_title(client, home, fragments):
    queries(client, "/")
    texts = SiteTexts.objects.get(locale=home.locale)
    texts.tagline = "Un lema recién editado"
    texts.institution_name = "Gobierno Regional de prueba"
    texts.save()
    page = queries(client, "/")[1]
    assert "Un lema recién editado" in page.select_one("footer").get_text()
    assert page.title.get_text().endswith("Gobierno Regional de prueba")
    assert "Gobierno Regional de prueba" in page.select_one(".brand").get_text()


def test_each_language_and_section_has_its_own_menu(client, home, home_en, fragments):
    spanish = queries(client, "/")[1].select_one(".main-menu")
    english = queries(client, "/en/")[1].select_one(".main-menu")
    assert spanish.get_text() != english.get_text()
    section = home.get_children().live().in_menu().first()
    current = queries(client, section.url)[1].select(".main-menu a[aria-current=page]")
    assert [a["href"] for a in current] == [section.url]
    assert [a["href"] for a in queries(client, "/")[1].select(".main-menu a[aria-current=page]")] == ["/"]


def test_the_content_version_is_read_once_per_render(client, home, fragments, monkeypatch):
    from pagecache import core

    calls = []
    original = core.current_version
    monkeypatch.setattr(core, "current_version", lambda *args: calls.append(1) or original(*args))
    client.get("/")  # layout fragments and the home page's axes all keyed on the version
    assert len(calls) == 1
