"""Search snippets show the words people read, never StreamField settings such as a heading's "H2"."""

import re

import pytest
from bs4 import BeautifulSoup

from base.models import StandardPage
from search.views import page_text

pytestmark = pytest.mark.django_db
BLOCK_LABEL = re.compile(r"\b[Hh][2-4]\b")


def snippets(client, query, prefix=""):
    soup = BeautifulSoup(client.get(f"{prefix}/buscar/", {"q": query}).content, "html.parser")
    return [p.get_text(" ", strip=True) for p in soup.select(".result-snippet")]


def add_page_with_headings(home):
    page = StandardPage(
        title="Calendario de ferias",
        slug="calendario-de-ferias",
        body=[
            ("heading", {"text": "Ferias libres de otoño", "level": "h2"}),
            ("paragraph", "<p>Las ferias libres funcionan de martes a domingo.</p>"),
            ("heading", {"text": "Ferias navideñas", "level": "h3"}),
            ("paragraph", "<p>Las ferias navideñas abren en diciembre.</p>"),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_text_keeps_headings_and_paragraphs_without_their_level(home):
    text = page_text(add_page_with_headings(home))
    assert "Ferias libres de otoño" in text and "Ferias navideñas" in text
    assert "martes a domingo" in text and "abren en diciembre" in text
    assert not BLOCK_LABEL.search(text), text


def test_the_result_snippet_shows_text_only(client, home):
    add_page_with_headings(home)
    (snippet,) = snippets(client, "ferias")
    assert "Ferias libres de otoño" in snippet
    assert not BLOCK_LABEL.search(snippet), snippet


def test_the_demo_budget_sheets_snippets_show_no_block_labels(client, home):
    """Each sheet's "Cómo leer esta ficha" heading sits right before "El presupuesto vigente…"."""
    found = snippets(client, "presupuesto")
    assert found
    for snippet in found:
        assert not BLOCK_LABEL.search(snippet), snippet
