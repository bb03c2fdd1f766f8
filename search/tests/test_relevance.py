"""Relevance on the demo content: everyday queries find the expected page among the first three results.

Runs on PostgreSQL only (stemming and accent folding come from its text-search
configurations); on SQLite these tests are deselected with the reason printed
in the summary (see conftest.py).

To add a case, append ``(language, query, expected)`` to ``CASES``: ``expected`` is
a fragment of the expected page's title, compared without accents or capitals.
Queries go through the search page itself (``/buscar/`` or ``/en/buscar/``), so
the case checks what a visitor sees, promoted results aside.
"""

import pytest

from search.text import fold

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

TOP = 3

CASES = [
    # Budget words (fichas)
    ("es", "gastos de funcionamiento", "Ficha Ciudadana 01"),
    ("es", "GASTOS FUNCIONAMIENTO", "Ficha Ciudadana 01"),
    ("es", "inversion regional", "Ficha Ciudadana 02"),
    ("es", "inversión regional", "Ficha Ciudadana 02"),
    ("es", "fichas ciudadanas", "Fichas Ciudadanas"),
    ("en", "operating expenses", "Citizen Budget Sheet 01"),
    ("en", "regional investment", "Citizen Budget Sheet 02"),
    # Programme themes (programa_gobierno)
    ("es", "ciclovias", "ciclovías"),
    ("es", "emergencia hidrica", "emergencia hídrica"),
    ("es", "vivienda social", "vivienda social"),
    ("en", "cycle lanes", "cycle-lane"),
    ("en", "water emergency", "Water emergency"),
    ("en", "social housing", "social housing"),
    # Councils, round tables, alliances and networks (participacion)
    ("es", "consejo sociedad civil", "Consejo Regional de la Sociedad Civil"),
    ("es", "PARTICIPACIÓN CIUDADANA", "Participación Ciudadana"),
    ("es", "accion climatica", "Acción Climática"),
    ("es", "personas mayores", "Personas Mayores"),
    ("es", "pueblos originarios", "Pueblos Originarios"),
    ("en", "civil society council", "Regional Civil Society Council"),
    ("en", "citizen participation", "Citizen Participation"),
    ("en", "climate action", "Climate Action"),
    ("en", "older people", "Older People"),
    # Contact words (contacto)
    ("es", "reclamos", "Atención Ciudadana"),
    ("es", "reclamo", "Atención Ciudadana"),
    ("es", "Reclamos", "Atención Ciudadana"),
    ("es", "RECLAMO", "Atención Ciudadana"),
    ("es", "atencion ciudadana", "Atención Ciudadana"),
    ("es", "denuncia", "Canal de Denuncias"),
    ("en", "complaints", "Citizen Services"),
]


def top_titles(client, language, query):
    """Titles of the first ``TOP`` results of the search page for ``query`` in ``language``."""
    prefix = "" if language == "es" else f"/{language}"
    response = client.get(f"{prefix}/buscar/", {"q": query})
    assert response.status_code == 200
    return [result.title for result in response.context["results"][:TOP]]


@pytest.mark.parametrize(("language", "query", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_everyday_query_finds_the_expected_page_in_the_top_three(client, home, language, query, expected):
    titles = top_titles(client, language, query)
    assert any(fold(expected) in fold(title) for title in titles), f"{query!r} -> {titles}"


@pytest.mark.parametrize("query", ["participacion", "PARTICIPACIÓN", "participación", "Participacion"])
def test_accents_and_capitals_find_the_same_pages(client, home, query):
    assert top_titles(client, "es", query) == top_titles(client, "es", "participación")
    assert top_titles(client, "es", query)


@pytest.mark.parametrize("query", ["reclamo", "reclamos", "Reclamos", "RECLAMO"])
def test_complaint_words_find_the_office_without_a_promotion(client, home, query):
    """Snowball's Spanish stemmer gives "reclamo" and "reclamos" different stems ("reclam",
    "recl": it cuts "-amos" as a verb ending); the search ORs both numbers of each word, so
    either finds the office page, whose text says only "reclamos", with no editor's pick."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    SearchPromotion.objects.all().delete()
    response = client.get("/buscar/", {"q": query})
    assert response.context["promotions"] == []
    titles = [result.title for result in response.context["results"][:TOP]]
    assert any("Atención Ciudadana" in title for title in titles), f"{query!r} -> {titles}"


@pytest.mark.parametrize(
    ("singular", "plural"),
    [("presupuesto", "presupuestos"), ("gasto", "gastos"), ("reclamo", "reclamos"), ("consejo", "consejos")],
)
def test_spanish_stemming_finds_plurals_and_singulars(client, home, singular, plural):
    assert top_titles(client, "es", singular) == top_titles(client, "es", plural)
    assert top_titles(client, "es", singular)


def test_english_stemming_on_the_english_site(client, home_en):
    assert top_titles(client, "en", "complaint") == top_titles(client, "en", "complaints")
    assert top_titles(client, "en", "complaint")
