"""The index (summaries, filters, sorting, fixed query count) and the commitment page."""

import datetime
import re
from decimal import ROUND_DOWN, Decimal

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from programa_gobierno.models import CompromisoPage, ImagenCompromiso, Status

pytestmark = pytest.mark.django_db

DONE = datetime.date(2025, 3, 1)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".pg-card h3 a")]


def test_index_is_under_home_in_the_menu_with_its_slug(home, programa):
    assert programa.get_parent().pk == home.pk
    assert programa.slug == "programa-de-gobierno"
    assert programa.show_in_menus
    assert programa.title == "Programa de Gobierno"


def test_index_shows_overall_and_per_theme_counts(client, programa):
    response = client.get(programa.url)
    assert response.status_code == 200
    page = soup(response)
    commitments = CompromisoPage.objects.child_of(programa).live()
    completed = commitments.filter(status=Status.COMPLETE).count()
    tally = page.select_one(".pg-tally").get_text(" ", strip=True)
    assert tally.startswith(f"{completed} cumplidos de {commitments.count()} compromisos")
    rows = {
        row.th.get_text(strip=True): row.select("td")[0].get_text(strip=True)
        for row in page.select(".pg-themes tbody tr")
    }
    water = commitments.filter(tema__slug="agua")
    assert rows["Agua y emergencia hídrica"] == f"{water.filter(status=Status.COMPLETE).count()} de {water.count()}"
    assert rows["Género"] == "1 de 1"


def test_overall_progress_is_the_mean_and_is_announced_by_the_progress_bar(client, programa):
    response = client.get(programa.url)
    progresses = list(CompromisoPage.objects.child_of(programa).live().values_list("progress", flat=True))
    # The site's percentage rule (base/numbers.py): truncated to one decimal, never rounded.
    mean = (sum(progresses) / len(progresses)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    bar = soup(response).select_one(".pg-overall progress")
    assert bar["max"] == "100"
    assert Decimal(bar["value"]) == mean
    assert bar["aria-label"]
    assert f"{mean}".replace(".", ",") + " %" in bar.get_text()


def test_formula_and_scale_are_explained_on_the_index(client, programa):
    text = soup(client.get(programa.url)).get_text(" ", strip=True)
    assert "ponderación" in text and "suma de las ponderaciones" in text
    assert "no iniciado" in text and "sustancial" in text


def test_every_ogp_status_appears_in_the_demo(client, programa):
    statuses = set(CompromisoPage.objects.child_of(programa).live().values_list("status", flat=True))
    assert statuses == {s.value for s in Status}


def test_filter_by_theme(client, programa):
    response = client.get(programa.url, {"tema": "agua"})
    expected = set(
        CompromisoPage.objects.child_of(programa).live().filter(tema__slug="agua").values_list("title", flat=True)
    )
    assert response.status_code == 200
    assert set(card_titles(response)) == expected and len(expected) == 2
    # The choice stays selected, so the URL and the form agree.
    assert soup(response).select_one("#id_tema option[selected]")["value"] == "agua"


def test_filter_by_status(client, programa):
    response = client.get(programa.url, {"estado": "limitado"})
    expected = set(
        CompromisoPage.objects.child_of(programa).live().filter(status="limitado").values_list("title", flat=True)
    )
    assert set(card_titles(response)) == expected and expected


def test_filters_combine(client, programa):
    response = client.get(programa.url, {"tema": "agua", "estado": "sustancial"})
    assert card_titles(response) == ["Plan de emergencia hídrica"]


def test_filter_without_results_says_so(client, programa):
    response = client.get(programa.url, {"tema": "genero", "estado": "no_iniciado"})
    assert response.status_code == 200
    assert card_titles(response) == []
    assert "No hay compromisos con estos filtros" in response.content.decode()


@pytest.mark.parametrize(
    ("order", "field", "reverse"),
    [
        ("avance_desc", "progress", True),
        ("avance_asc", "progress", False),
        ("termino_asc", "end_date", False),
        ("termino_desc", "end_date", True),
    ],
)
def test_sorting(client, programa, order, field, reverse):
    response = client.get(programa.url, {"orden": order})
    values = {p.title: getattr(p, field) for p in CompromisoPage.objects.child_of(programa).live()}
    shown = [values[title] for title in card_titles(response)]
    assert len(shown) == len(values)
    assert shown == sorted(shown, reverse=reverse)


def test_filter_form_works_without_javascript(client, programa):
    form = soup(client.get(programa.url)).select_one("form.pg-filters")
    assert form["method"] == "get"
    assert {s["name"] for s in form.select("select")} == {"tema", "estado", "orden"}
    for select in form.select("select"):
        assert form.select_one(f"label[for={select['id']}]")
    assert form.select_one("button[type=submit]")


def test_unknown_filter_values_are_a_400_with_a_spanish_message(client, programa):
    response = client.get(programa.url, {"tema": "inventado", "orden": "<script>"})
    assert response.status_code == 400
    page = soup(response)
    alert = page.select_one(".pg-errors").get_text(" ", strip=True)
    assert "no es una opción válida" in alert
    assert page.select_one("#id_tema")["aria-invalid"] == "true"
    assert page.select_one("#id_tema")["aria-describedby"] == "id_tema-error"
    assert page.select_one("#id_tema-error")
    # The value typed is never reflected as markup: the only inline script is the layout's own.
    inline = [script.string for script in page.select("script:not([src])")]
    assert inline == [settings.HEAD_SCRIPT]


def _count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def test_index_query_count_does_not_grow_with_the_commitments(client, programa, make_commitment):
    _count_queries(client, programa.url)  # warm caches (site root paths)
    before = _count_queries(client, programa.url)
    filtered_before = _count_queries(client, programa.url, {"tema": "agua", "orden": "avance_desc"})
    for _ in range(15):
        make_commitment([(1, DONE), (2, None), (3, None)])
    response = client.get(programa.url)
    assert len(card_titles(response)) == min(12 + 15, programa.COMMITMENTS_PER_PAGE)
    assert "27 compromisos" in soup(response).select_one(".pg-result-count").get_text()
    assert _count_queries(client, programa.url) == before
    assert _count_queries(client, programa.url, {"tema": "agua", "orden": "avance_desc"}) == filtered_before
    # The page's own share is five queries (themes, figures, count, listing, restrictions); the rest is the layout.
    assert before <= 30


def test_cards_count_each_commitments_completed_milestones(client, programa, make_commitment):
    make_commitment([(1, DONE), (2, DONE), (3, None)], title="AAA con tres hitos", tema_slug="agua")
    make_commitment([], title="AAA sin hitos", tema_slug="agua")
    cards = {
        card.h3.get_text(strip=True): " ".join(card.select_one(".pg-card-facts").get_text().split())
        for card in soup(client.get(programa.url, {"tema": "agua"})).select(".pg-card")
    }
    assert cards["AAA con tres hitos"].startswith("2 hitos cumplidos de 3 ·")
    assert cards["AAA sin hitos"].startswith("Sin hitos definidos ·")


def test_commitment_page_query_count_does_not_grow_with_the_milestones(client, make_commitment):
    small = make_commitment([(1, DONE)])
    large = make_commitment([(1, DONE)] * 6 + [(2, None)] * 6)
    _count_queries(client, small.url)
    assert _count_queries(client, small.url) == _count_queries(client, large.url)


def test_commitment_page_shows_milestones_weights_evidence_and_history(client, programa):
    page = CompromisoPage.objects.get(locale=programa.locale, slug="plan-de-emergencia-hidrica")
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == page.title
    milestones = html.select(".pg-milestones > li")
    assert len(milestones) == page.hitos.count() == 4
    text = html.get_text(" ", strip=True)
    assert "3 (37,5 % del avance)" in text
    assert "Cálculo: 100 × 6 / 8 = 75,0 %" in text
    assert html.select_one(".pg-status-panel progress")["value"] == "75.0"
    # Evidence: a document link with its format (images: test_evidence_image_shows_its_description_as_alt_text).
    assert html.select_one(".pg-milestones a[href$='.pdf']")
    history = html.select(".pg-history li")
    assert len(history) == 4
    assert history[0].time.get_text() == "1 de julio de 2025"
    assert "75,0 %" in history[0].get_text()


def test_overridden_status_shows_its_reason_and_the_derived_one(client, programa):
    page = CompromisoPage.objects.get(locale=programa.locale, slug="tramites-digitales")
    text = soup(client.get(page.url)).select_one(".pg-status-panel").get_text(" ", strip=True)
    assert "Limitado" in text
    assert "Según el avance correspondería «Sustancial»" in text
    assert page.status_override_reason[:40] in text


def test_commitment_without_milestones_says_so(client, programa):
    page = CompromisoPage.objects.get(locale=programa.locale, slug="apoyo-a-emprendimientos-locales")
    response = client.get(page.url)
    assert "aún no tiene hitos definidos" in response.content.decode()


def test_evidence_image_shows_its_description_as_alt_text(client, programa, make_commitment):
    """The demo ships no pictures: the test brings its own photo of a milestone's evidence."""
    photo = ImageFactory(title="Inauguración de la planta")
    described = "Inauguración de la planta desaladora con autoridades y vecinos"
    page = make_commitment([(1, DONE)])
    hito = page.hitos.get()
    hito.evidence_url, hito.evidence_image, hito.evidence_description = "", photo, described
    hito.save()
    images = soup(client.get(page.url)).select(".pg-evidence-image img")
    assert [image["alt"] for image in images] == [described]


def test_gallery_images_have_alt_text(client, programa, make_commitment):
    """The demo ships no pictures: the test brings its own chart for a commitment's gallery."""
    chart = ImageFactory(title="Gráfico de la red de ciclovías")
    alt = "Mapa de la red de ciclovías: 42 km construidos de 60 planificados"
    gallery = [ImagenCompromiso(image=chart, alt_text=alt, caption="Avance de la red", locale=programa.locale)]
    page = make_commitment([(1, DONE)], imagenes=gallery)
    images = soup(client.get(page.url)).select(".page-images img")
    assert [image["alt"] for image in images] == [alt]


def test_english_pages_are_translated(client, programa_en):
    response = client.get(programa_en.url)
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Government Programme"
    assert "Connected regional cycle-lane network" in card_titles(response)
    english = CompromisoPage.objects.get(locale=programa_en.locale, slug="tramites-digitales")
    assert english.tema.name == "Modernisation and digital transformation"
    assert english.progress == Decimal("62.5") and english.status == Status.LIMITED
    assert client.get(english.url).status_code == 200


def test_related_pages_are_linked_in_the_visitors_language(client, programa, programa_en):
    spanish = CompromisoPage.objects.get(locale=programa.locale, slug="plan-de-emergencia-hidrica")
    english = CompromisoPage.objects.get(locale=programa_en.locale, slug="plan-de-emergencia-hidrica")
    fichas = spanish.enlaces.get().related_page
    links_es = [a["href"] for a in soup(client.get(spanish.url)).select("#pg-relacionadas + ul a")]
    links_en = [a["href"] for a in soup(client.get(english.url)).select("#pg-relacionadas + ul a")]
    assert links_es == [fichas.url]
    assert links_en == [fichas.get_translation(programa_en.locale).url]


def test_listing_is_paginated_and_keeps_filters_and_order(client, programa, make_commitment, monkeypatch):
    monkeypatch.setattr(type(programa), "COMMITMENTS_PER_PAGE", 5)
    everything = [card_titles(client.get(programa.url, {"orden": "avance_desc", "page": n})) for n in (1, 2, 3)]
    assert [len(titles) for titles in everything] == [5, 5, 2]
    flat = [title for titles in everything for title in titles]
    assert len(set(flat)) == 12  # no commitment shown twice or skipped
    progress = {p.title: p.progress for p in CompromisoPage.objects.child_of(programa).live()}
    assert [progress[t] for t in flat] == sorted(progress.values(), reverse=True)

    page = soup(client.get(programa.url, {"orden": "avance_desc", "page": 2}))
    nav = page.select_one("nav.pagination")
    assert nav["aria-label"] == "Páginas de compromisos"
    assert nav.select_one("[aria-current=page]").get_text(strip=True) == "Página 2 de 3"
    assert nav.select_one("a[rel=next]")["href"] == "?orden=avance_desc&page=3"
    assert nav.select_one("a[rel=prev]")["href"] == "?orden=avance_desc&page=1"
    # The summaries above the listing still count every commitment.
    assert "12" in page.select_one(".pg-tally").get_text()
    assert "se muestran del 6 al 10" in page.select_one(".pg-result-count").get_text()


@pytest.mark.parametrize(
    ("number", "expected"), [("abc", "Página 1 de 3"), ("99", "Página 3 de 3"), ("-1", "Página 3 de 3")]
)
def test_bad_page_numbers_show_a_page_not_an_error(client, programa, monkeypatch, number, expected):
    monkeypatch.setattr(type(programa), "COMMITMENTS_PER_PAGE", 5)
    response = client.get(programa.url, {"page": number})
    assert response.status_code == 200
    assert soup(response).select_one("nav.pagination [aria-current=page]").get_text(strip=True) == expected


def test_one_page_of_commitments_has_no_pagination(client, programa):
    assert soup(client.get(programa.url)).select_one("nav.pagination") is None


def index_figures(response):
    """The figures of the index summaries (tally, overall progress, status counts, per theme), as digits."""
    page = soup(response)
    parts = [page.select_one(".pg-tally").get_text(" ", strip=True), page.select_one(".pg-overall progress")["value"]]
    parts += [cell.get_text(" ", strip=True) for cell in page.select(".pg-themes td")]
    return [re.findall(r"\d+", part) for part in parts]


def test_both_languages_show_the_same_summaries_at_every_moment(client, programa, programa_en, make_commitment):

    # Published in Spanish, not translated yet: it counts in English too.
    make_commitment(milestones=[(1, datetime.date(2024, 5, 1))], tema_slug="agua")
    spanish = index_figures(client.get(programa.url))
    english = index_figures(client.get(programa_en.url))
    assert spanish == english
    commitments = CompromisoPage.objects.child_of(programa).live()
    assert spanish[0][:2] == [str(commitments.filter(status=Status.COMPLETE).count()), str(commitments.count())]


def test_english_pages_show_a_themes_draft_translation_never_but_its_live_spanish_name(client, programa_en):
    from wagtail.models import Locale

    from programa_gobierno.models import Tema

    commitment = CompromisoPage.objects.child_of(programa_en).live().select_related("tema").first()
    english_tema = commitment.tema
    spanish_tema = Tema.objects.get(translation_key=english_tema.translation_key, locale=Locale.get_default())
    english_tema.name = "A draft name nobody approved"
    english_tema.live = False  # as a new translation (Traducir) is, until it is approved
    english_tema.save()

    for url in (commitment.url, programa_en.url, programa_en.url + f"?tema={spanish_tema.slug}"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert english_tema.name not in html
        soup = BeautifulSoup(html, "html.parser")
        marked = [tag for tag in soup.find_all(lang="es-CL") if tag.get_text(strip=True) == spanish_tema.name]
        assert marked, url
    # The filter still finds the theme's commitments.
    filtered = client.get(programa_en.url + f"?tema={spanish_tema.slug}").content.decode()
    assert commitment.title in filtered
