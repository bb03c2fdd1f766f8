"""The search page, its suggestions endpoint and the "not translated yet" notice."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model

from base.models import StandardPage
from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db


def add_page(parent, title, slug, introduction="", publish=True):
    page = StandardPage(title=title, slug=slug, introduction=introduction, live=False)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def main_html(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_empty_search_shows_the_form_only(client, home):
    response = client.get("/buscar/")
    assert response.status_code == 200
    html = main_html(response)
    assert '<label for="search-q">' in html
    assert 'role="status"' not in html


def test_results_are_labelled_by_kind_with_a_highlighted_snippet(client, home):
    add_page(home, "Huertos comunitarios", "huertos", "Los huertos comunitarios de la región reciben apoyo.")
    response = client.get("/buscar/", {"q": "huertos"})
    html = main_html(response)
    assert "Huertos comunitarios" in html
    assert '<p class="result-kind kind-pagina">Página</p>' in html
    assert "<mark>huertos</mark>" in html
    assert "1 página encontrada" in html


def test_accents_and_capitals_do_not_matter(client, home):
    add_page(home, "Canal de denuncias éticas", "denuncias-eticas", "Denuncias por faltas a la ética.")
    for query in ["éticas", "ETICAS", "eticas"]:
        html = main_html(client.get("/buscar/", {"q": query}))
        assert "Canal de denuncias éticas" in html, query


def test_query_is_kept_in_the_pagination_links(client, home):
    for number in range(RESULTS_PER_PAGE + 2):
        add_page(home, f"Zanahoria {number}", f"zanahoria-{number}", "Zanahoria y algo más.")
    response = client.get("/buscar/", {"q": "zanahoria más"})
    html = main_html(response)
    assert 'rel="next"' in html
    assert 'href="?q=zanahoria+m%C3%A1s&amp;page=2"' in html
    second = main_html(client.get("/buscar/", {"q": "zanahoria", "page": "2"}))
    assert 'start="11"' in second
    assert 'rel="prev"' in second


@pytest.mark.parametrize("page_number", ["abc", "0", "-1", "999"])
def test_bad_page_numbers_never_fail(client, home, page_number):
    add_page(home, "Zanahoria", "zanahoria", "Zanahoria.")
    response = client.get("/buscar/", {"q": "zanahoria", "page": page_number})
    assert response.status_code == 200
    assert "Zanahoria" in main_html(response)


def test_long_queries_are_cut_not_refused(client, home):
    response = client.get("/buscar/", {"q": "presupuesto " * 100})
    assert response.status_code == 200
    assert response.context["search_query"] == ("presupuesto " * 100).strip()[:MAX_QUERY_LENGTH]


def test_promoted_results_come_first(client, home):
    page = add_page(home, "Oficina de atención", "oficina-atencion", "Horarios de la oficina.")
    query = Query.get("reclamo")
    SearchPromotion.objects.create(query=query, page=page, description="Para reclamos y sugerencias.", sort_order=0)
    html = main_html(client.get("/buscar/", {"q": "Reclamo"}))
    assert "Recomendados" in html
    assert html.index("Oficina de atención") < html.index("Para reclamos y sugerencias.") + 1000
    assert "Para reclamos y sugerencias." in html


def test_promotions_show_the_page_in_the_visitor_language(client, home, home_en):
    query = Query.get("gobierno")
    SearchPromotion.objects.create(query=query, page=home, sort_order=0)
    html = main_html(client.get("/en/buscar/", {"q": "gobierno"}))
    assert home_en.title in html
    assert 'href="/en/"' in html


def test_documents_are_included(client, home):
    document = get_document_model().objects.create(title="Cuenta pública participativa 2025")
    document.file.save("cuenta-publica.pdf", ContentFile(b"%PDF-1.4"), save=True)
    document.save()
    html = main_html(client.get("/buscar/", {"q": "cuenta pública"}))
    assert "Documentos" in html
    assert "Cuenta pública participativa 2025" in html
    assert "Documento · PDF" in html


def test_nothing_found_suggests_a_spelling_and_the_main_sections(client, home):
    add_page(home, "Transparencia activa", "transparencia-activa", "Información publicada.")
    StandardPage.objects.filter(slug="transparencia-activa").update(show_in_menus=True)
    response = client.get("/buscar/", {"q": "transparensia"})
    html = main_html(response)
    no_results = BeautifulSoup(html, "html.parser").select_one("#no-results-heading").get_text()
    assert "«transparensia»" in no_results and no_results.startswith("No encontramos")
    assert '¿Quiso decir <a href="/buscar/?q=transparencia">transparencia</a>?' in html
    assert "O visite una sección del sitio" in html
    assert 'href="/transparencia-activa/"' in html


def test_english_search_finds_english_pages_only(client, home, home_en):
    html = main_html(client.get("/en/buscar/", {"q": home_en.title}))
    assert f'href="{home_en.url}"' in html
    assert 'href="/"' not in html
    spanish = main_html(client.get("/buscar/", {"q": home.title}))
    assert 'href="/en/"' not in spanish


def test_english_search_page_is_in_english(client, home_en):
    response = client.get("/en/buscar/", {"q": "nothingmatchesthis"})
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "What are you looking for?" in html
    no_results = BeautifulSoup(html, "html.parser").select_one("#no-results-heading").get_text()
    assert "“nothingmatchesthis”" in no_results and "no results" in no_results
    assert "Skip to main content" in html


def test_drafts_and_private_pages_are_not_found(client, home):
    add_page(home, "Borrador secreto zanahoria", "borrador", publish=False)
    html = main_html(client.get("/buscar/", {"q": "zanahoria"}))
    assert "Borrador secreto" not in html


def test_search_makes_the_same_number_of_queries_whatever_the_number_of_results(client, home):
    def queries_for(count, word):
        for number in range(count):
            add_page(home, f"{word} {number}", f"{word}-{number}", f"{word} en la región.")
        client.get("/buscar/", {"q": word})  # warm caches (site root paths, locales)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/buscar/", {"q": word})
        assert response.status_code == 200
        return len(captured)

    few = queries_for(2, "pepino")
    many = queries_for(9, "tomate")
    assert few == many
    assert many <= 30


def test_suggestions_endpoint_returns_titles_as_json(client, home):
    add_page(home, "Presupuesto participativo", "presupuesto-participativo")
    response = client.get("/buscar/sugerencias/", {"q": "presup"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["query"] == "presup"
    assert {"title": "Presupuesto participativo", "url": "/presupuesto-participativo/", "kind": "Página"} in data[
        "results"
    ]


def test_suggestions_need_two_letters(client, home):
    data = json.loads(client.get("/buscar/sugerencias/", {"q": "p"}).content)
    assert data["results"] == []


def test_search_page_loads_its_enhancement_script_and_datalist(client, home):
    html = client.get("/buscar/").content.decode()
    assert re.search(r'<script src="/static/search/search.js" defer', html)
    assert 'list="search-suggestions"' in html
    assert 'data-suggestions-url="/buscar/sugerencias/"' in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_search_form_may_be_indexed_and_describes_itself_but_result_pages_may_not(client, prefix):
    def head(path):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        robots = soup.find("meta", attrs={"name": "robots"})
        description = soup.find_all("meta", attrs={"name": "description"})
        return (robots["content"] if robots else None), [tag["content"] for tag in description]

    robots, descriptions = head(f"{prefix}/buscar/")
    assert robots is None
    assert len(descriptions) == 1 and len(descriptions[0]) > 50
    robots, descriptions = head(f"{prefix}/buscar/?q=presupuesto")
    assert robots == "noindex, follow"
    assert len(descriptions) == 1
    # The description speaks the page's language.
    spanish, english = head("/buscar/")[1][0], head("/en/buscar/")[1][0]
    assert spanish != english
