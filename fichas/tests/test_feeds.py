"""The Atom feed of newly published budget sheets, read by a feed reader (feedparser)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from fichas.models import FichaCiudadanaPage
from tests.feeds import read_feed

from .factories import line as budget_line

pytestmark = pytest.mark.django_db


def test_feed_is_valid_atom_with_every_live_sheet(client, index):
    feed = read_feed(client, f"{index.url}fichas.atom")
    assert feed.feed.id == f"http://testserver{index.url}"
    assert feed.feed.updated
    assert feed.feed.author == "Gobierno de Santiago"
    assert {link.rel: link.href for link in feed.feed.links}["self"] == f"http://testserver{index.url}fichas.atom"
    assert feed.feed.title == f"{index.title}: fichas publicadas"
    sheets = FichaCiudadanaPage.objects.child_of(index).live()
    assert sorted(entry.link for entry in feed.entries) == sorted(f"http://testserver{s.url}" for s in sheets)
    for entry in feed.entries:
        assert entry.id and entry.updated and entry.published


def test_a_newly_published_sheet_is_the_first_entry(client, index, make_sheet):
    sheet = make_sheet([budget_line("21", 1000, 500)], year=2024, number="07")
    make_sheet([budget_line("21", 10, 5)], year=2021, number="08", slug="borrador-08").unpublish()
    newest = read_feed(client, f"{index.url}fichas.atom").entries[0]
    assert newest.title == sheet.title
    assert newest.link == f"http://testserver{sheet.url}"
    assert newest.summary == "Presupuesto 2024, programa 07: Programa de prueba."
    titles = [entry.title for entry in read_feed(client, f"{index.url}fichas.atom").entries]
    assert "Ficha de prueba 08 2021" not in titles


def test_english_feed_speaks_english(client, index):
    index_en = index.get_translation(Locale.objects.get(language_code="en"))
    feed = read_feed(client, f"{index_en.url}fichas.atom")
    assert feed.feed.title == f"{index_en.title}: published sheets"
    assert feed.entries
    assert all(entry.link.startswith("http://testserver/en/") for entry in feed.entries)
    assert feed.entries[0].summary.startswith("Budget ")


def test_index_announces_and_links_the_feed(client, index):
    html = BeautifulSoup(client.get(index.url).content, "html.parser")
    alternates = html.select('head link[rel="alternate"][type="application/atom+xml"]')
    assert [link["href"] for link in alternates] == [f"{index.url}fichas.atom"]
    assert html.select_one(f'.downloads a[href="{index.url}fichas.atom"]')


def test_a_sheet_has_no_feed_of_its_own(client, sheet_01):
    assert client.get(f"{sheet_01.url}fichas.atom").status_code == 404
