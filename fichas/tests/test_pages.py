"""The sheets and their index as citizens see them: every number computed, formatted es-CL, accessible markup."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.templatetags.base_tags import numero
from fichas.models import FichaCiudadanaPage
from fichas.notices import amount
from fichas.templatetags.fichas_tags import porcentaje

from .conftest import budget_line

pytestmark = pytest.mark.django_db

SHEET_01_URL = "/fichas-ciudadanas/2023-programa-01-gastos-de-funcionamiento/"
SHEET_02_URL = "/fichas-ciudadanas/2023-programa-02-inversion-regional/"


def text(node):
    """The node's text with runs of ordinary white space collapsed (non-breaking spaces are kept)."""
    return re.sub(r"[ \t\r\n]+", " ", node.get_text(" ", strip=True))


def table_rows(html):
    """[(row header, [cell texts])] of the budget table, body then footer."""
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("table.budget-table")
    rows = []
    for tr in table.select("tbody tr, tfoot tr"):
        header = tr.find("th")
        for hidden in header.select(".visually-hidden"):
            hidden.decompose()
        rows.append((text(header), [text(td) for td in tr.find_all("td")]))
    return rows


def expected_rows(budget):
    rows = []
    for line in budget.all_lines():
        rate = porcentaje(line.execution_rate)
        if line.is_over_executed:
            rate += f" sobreejecución: {amount(line.excess)} más de lo vigente"
        rows.append((line.label, [numero(line.approved), numero(line.executed), rate]))
    rows.append(
        (
            "Total (suma de las líneas)",
            [numero(budget.approved), numero(budget.executed), porcentaje(budget.execution_rate)],
        )
    )
    if budget.has_official_totals:
        rows.append(
            (
                "Total oficial publicado",
                [
                    numero(budget.official_approved),
                    numero(budget.official_executed),
                    porcentaje(budget.official_execution_rate),
                ],
            )
        )
    return rows


def test_sheet_table_equals_the_computed_values(client, sheet_01, sheet_02):
    for url, sheet in ((SHEET_01_URL, sheet_01), (SHEET_02_URL, sheet_02)):
        response = client.get(url)
        assert response.status_code == 200
        assert table_rows(response.content.decode()) == expected_rows(sheet.budget)


def test_programme_01_shows_the_seed_amounts_with_computed_percentages(client):
    rows = dict(table_rows(client.get(SHEET_01_URL).content.decode()))
    assert rows["21 Gastos en Personal"] == ["8.795.139", "8.713.930", "99,07\xa0%"]
    # The seed prints 97,9 % here; 2.453.174 / 2.766.276 is 88,68 %.
    assert rows["22 Bienes y Servicios de Consumo"] == ["2.766.276", "2.453.174", "88,68\xa0%"]
    assert rows["23 Prestaciones de Seguridad Social"] == ["69.638", "69.636", "99,99\xa0%"]
    assert rows["26 Otros Gastos Corrientes"] == [
        "111.931",
        "111.933",
        "100,00\xa0% sobreejecución: M$\xa02 más de lo vigente",
    ]
    assert rows["Total (suma de las líneas)"] == ["13.374.242", "12.792.716", "95,65\xa0%"]
    assert rows["Total oficial publicado"] == ["13.374.244", "12.693.714", "94,91\xa0%"]


def test_programme_02_has_every_subtitulo_and_the_three_components(client):
    rows = table_rows(client.get(SHEET_02_URL).content.decode())
    labels = [label for label, _cells in rows]
    assert labels[:10] == [
        "22 Bienes y Servicios de Consumo",
        "24 Transferencias Corrientes",
        "26 Otros Gastos Corrientes",
        "29 Adquisición de Activos no Financieros",
        "31 Iniciativas de Inversión",
        "32 Préstamos",
        "33 Transferencias de Capital",
        "33.03.125 Fondo Regional de Iniciativa Local (FRIL)",
        "33.03.150 Otras Transferencias de Capital",
        "Fondo de Innovación para la Competitividad Regional (FIC-R)",
    ]
    # Subtítulo 33 is the sum of its components, which add up to the seed's total exactly.
    assert dict(rows)["33 Transferencias de Capital"] == ["48.818.412", "48.791.357", "99,94\xa0%"]
    assert dict(rows)["Total oficial publicado"] == ["143.780.698", "143.575.300", "99,85\xa0%"]


def test_mismatch_with_official_totals_is_noted_on_the_page(client):
    soup = BeautifulSoup(client.get(SHEET_01_URL).content, "html.parser")
    note = soup.select_one(".budget-note-warning")
    assert note is not None
    items = [text(li) for li in note.select("li")]
    assert len(items) == 2
    assert "M$\xa013.374.242" in items[0] and "M$\xa013.374.244" in items[0] and "M$\xa02 menos" in items[0]
    assert "M$\xa012.792.716" in items[1] and "M$\xa012.693.714" in items[1] and "M$\xa099.002 más" in items[1]
    over = text(soup.select_one("#presupuesto-sobreejecucion").parent)
    assert "26 Otros Gastos Corrientes" in over and "M$\xa02." in over
    soup = BeautifulSoup(client.get(SHEET_02_URL).content, "html.parser")
    items = [text(li) for li in soup.select(".budget-note-warning li")]
    assert len(items) == 1 and "M$\xa0178.340 menos" in items[0]


def test_no_note_when_lines_add_up(client, make_sheet):
    page = make_sheet([budget_line("21", 10, 5), budget_line("22", 20, 20)], official_approved=30, official_executed=25)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select(".budget-note-warning") == []
    assert soup.select(".flag") == []


def test_zero_approved_shows_a_dash_never_an_error(client, make_sheet):
    page = make_sheet([budget_line("21", 0, 0), budget_line("22", 0, 15), budget_line("23", 10, 5)])
    response = client.get(page.url)
    assert response.status_code == 200
    rows = dict(table_rows(response.content.decode()))
    assert rows["21 Línea 21"] == ["0", "0", "—"]
    assert rows["22 Línea 22"] == ["0", "15", "— sobreejecución: M$\xa015 más de lo vigente"]
    assert rows["Total (suma de las líneas)"] == ["10", "20", "200,00\xa0% sobreejecución: M$\xa010 más de lo vigente"]


def test_table_is_accessible_markup(client):
    soup = BeautifulSoup(client.get(SHEET_01_URL).content, "html.parser")
    table = soup.select_one("table.budget-table")
    assert "Montos en miles de pesos (M$)" in text(table.caption)
    assert "Ejecución presupuestaria 2023, Programa 01" in text(table.caption)
    headers = table.select("thead th")
    assert all(th["scope"] == "col" for th in headers)
    assert [text(th) for th in headers] == ["Línea", "Presupuesto vigente (M$)", "Devengado (M$)", "Ejecución (%)"]
    assert all(th["scope"] == "row" for th in table.select("tbody th, tfoot th"))
    assert all("num" in td["class"] for td in table.select("td"))


def test_chart_bars_follow_the_rates_and_carry_their_text(client, sheet_01):
    soup = BeautifulSoup(client.get(SHEET_01_URL).content, "html.parser")
    bars = soup.select(".budget-chart:not(.budget-shares) li.bar")
    lines = list(sheet_01.budget.all_lines())
    assert len(bars) == len(lines) + 1
    for bar, line in zip(bars, lines, strict=False):
        assert text(bar.select_one(".bar-label")) == line.label
        assert text(bar.select_one(".bar-value")).startswith(porcentaje(line.execution_rate))
        svg = bar.select_one("svg")
        assert svg["aria-hidden"] == "true"
        assert svg.select("rect")[1]["width"] == f"{line.bar_length:.2f}"
    # Over-execution never draws past the full bar.
    over = next(bar for bar in bars if "26 Otros" in text(bar))
    assert over.select("rect")[1]["width"] == "100.00"
    assert "sobreejecución: M$\xa02 más de lo vigente" in text(over)


def test_who_may_apply_is_shown_where_the_seed_says_so(client):
    soup = BeautifulSoup(client.get(SHEET_02_URL).content, "html.parser")
    notes = [text(p) for p in soup.select(".who-may-apply")]
    assert len(notes) == 5  # subtítulos 22, 24, 29, 31 and the FIC-R
    assert any("Universidades estatales" in note for note in notes)
    assert "ilustrativo" in text(soup.select_one(".budget-source"))


def test_downloads_are_linked_at_stable_urls(client):
    soup = BeautifulSoup(client.get(SHEET_01_URL).content, "html.parser")
    links = [a["href"] for a in soup.select(".downloads a")]
    files = [SHEET_01_URL + name for name in ("datos.csv", "datos.json", "datos.xlsx", "datapackage.json")]
    # The sheet's own files, then the open-data catalogue that describes them (base/catalog.py).
    assert links == [*files, "/catalogo.jsonld", "/catalogo.ttl"]


def test_english_sheet_translates_texts_not_numbers(client, sheet_01):
    response = client.get("/en" + SHEET_01_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Citizen Budget Sheet 01: Operating Expenses 2023" in html
    rows = dict(table_rows(html))
    assert rows["21 Personnel Expenses"] == ["8,795,139", "8,713,930", "99.07\xa0%"]
    assert rows["22 Consumer Goods and Services"] == ["2,766,276", "2,453,174", "88.68\xa0%"]
    assert rows["Official total as published"] == ["13,374,244", "12,693,714", "94.91\xa0%"]
    assert "Execution by line" in html and "See the note below the table." in html


def test_index_lists_sheets_newest_first_with_computed_figures(client, make_sheet):
    make_sheet([budget_line("21", 100, 50)], year=2022, number="01", slug="antigua")
    soup = BeautifulSoup(client.get("/fichas-ciudadanas/").content, "html.parser")
    years = [text(h2) for h2 in soup.select(".fichas-year h2")]
    assert years == ["2023", "2022"]
    first_year = soup.select(".fichas-year")[0]
    assert [text(h3) for h3 in first_year.select(".ficha-card h3")] == [
        "Ficha Ciudadana 01: Gastos de Funcionamiento 2023",
        "Ficha Ciudadana 02: Inversión Regional 2023",
    ]
    figures = [text(dd) for dd in first_year.select(".ficha-card")[0].select("dd")]
    # The same headline as the sheet: the official totals as published.
    assert figures == ["M$\xa013.374.244", "M$\xa012.693.714", "94,91\xa0%"]
    assert len(first_year.select(".card-warning")) == 2
    assert soup.select_one(".downloads a")["href"] == "/fichas-ciudadanas/datos.csv"


def test_index_filters_by_year(client, make_sheet):
    make_sheet([budget_line("21", 100, 50)], year=2022, number="01", slug="antigua")
    soup = BeautifulSoup(client.get("/fichas-ciudadanas/?anio=2022").content, "html.parser")
    assert [text(h2) for h2 in soup.select(".fichas-year h2")] == ["2022"]
    assert soup.select_one("#id_anio option[selected]")["value"] == "2022"
    assert "1 ficha del año 2022" in text(soup.select_one(".result-count"))


@pytest.mark.parametrize("year", ["1999", "3000", "abc", "2023'--"])
def test_a_bad_year_filter_is_a_400_with_a_spanish_message(client, year):
    response = client.get("/fichas-ciudadanas/", {"anio": year})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Elija un año de la lista" in text(soup.select_one(".field-error"))
    assert soup.select_one("#id_anio")["aria-invalid"] == "true"
    assert len(soup.select(".ficha-card")) == 2  # the full list is still there


def test_a_year_without_sheets_is_an_empty_result_not_an_error(client):
    response = client.get("/fichas-ciudadanas/", {"anio": "2001"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(".ficha-card") == []
    assert soup.select_one("#id_anio option[selected]")["value"] == "2001"
    assert "0 fichas del año 2001" in text(soup.select_one(".result-count"))


def test_index_is_in_the_main_menu_and_the_home_initiatives_link_to_their_sheets(client, index):
    assert index.slug == "fichas-ciudadanas" and index.show_in_menus
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one('nav a[href="/fichas-ciudadanas/"]') is not None
    sheet = FichaCiudadanaPage.objects.child_of(index).live().get(year=2023, programme_number="01")
    initiative = soup.find("a", string=re.compile("Ficha Ciudadana 01"))
    assert initiative["href"] == sheet.url


def test_query_count_does_not_grow_with_the_number_of_lines(client, make_sheet):
    small = make_sheet([budget_line(f"{10 + i}", 1000 + i, 900 + i) for i in range(10)], slug="pequena", number="10")
    large = make_sheet(
        [budget_line(f"{i // 100 + 10}.{i % 100:02d}", 1000 + i, 900 + i) for i in range(200)],
        slug="grande",
        number="11",
    )
    client.get(small.url)  # warm the site and locale caches
    counts = []
    for page in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(table_rows(client.get(large.url).content.decode())) == 201
    assert counts[0] == counts[1]


def test_index_query_count_does_not_grow_with_the_number_of_sheets(client, make_sheet):
    client.get("/fichas-ciudadanas/")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fichas-ciudadanas/").status_code == 200
        return len(queries)

    before = count()
    for number in range(10, 20):
        make_sheet([budget_line("21", 10, 5)], number=str(number), year=2020 + number % 3)
    assert count() == before
