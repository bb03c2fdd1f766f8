"""The sheets and their index as citizens see them: every number computed, formatted es-CL, accessible markup.

Each test builds the sheets it reads on a tree of its own (``sheet_index``, factories) and checks
the figures that follow from the amounts it chose. The demo's own sheets: ``test_demo_sheets``.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.templatetags.base_tags import numero
from fichas.models import YearFilterForm
from fichas.notices import amount
from fichas.templatetags.fichas_tags import porcentaje

from .factories import FichaCiudadanaPageFactory, budget_body, line

pytestmark = pytest.mark.django_db

# The demo's two sheets, for the tests of the demo content (test_demo_sheets, test_citizens).
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
    for entry in budget.all_lines():
        rate = porcentaje(entry.execution_rate)
        if entry.is_over_executed:
            rate += f" sobreejecución: {amount(entry.excess)} más de lo vigente"
        rows.append((entry.label, [numero(entry.approved), numero(entry.executed), rate]))
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


def sheet_page(index, *lines, **fields):
    """A published sheet under ``index`` with a budget table of ``lines`` (``line(...)``) and table fields."""
    extra = {key: fields.pop(key) for key in ("year", "programme_number") if key in fields}
    return FichaCiudadanaPageFactory(parent=index, body=budget_body(*lines, **fields), **extra)


def test_sheet_table_equals_the_computed_values(client, sheet_index):
    page = sheet_page(
        sheet_index, line("21", 100, 80), line("22", 50, 50), official_approved=150, official_executed=130
    )
    response = client.get(page.url)
    assert response.status_code == 200
    rows = table_rows(response.content.decode())
    assert rows == expected_rows(page.budget)
    assert dict(rows)["Total (suma de las líneas)"] == ["150", "130", "86,66\xa0%"]
    assert dict(rows)["Total oficial publicado"] == ["150", "130", "86,66\xa0%"]


def test_a_mismatch_with_the_official_totals_is_noted_with_both_figures(client, sheet_index):
    page = sheet_page(
        sheet_index, line("21", 100, 90), line("22", 50, 60), official_approved=152, official_executed=140
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    items = [text(li) for li in soup.select(".budget-note-warning li")]
    assert len(items) == 2
    assert "M$\xa0150" in items[0] and "M$\xa0152" in items[0] and "M$\xa02" in items[0]
    assert "M$\xa0150" in items[1] and "M$\xa0140" in items[1] and "M$\xa010" in items[1]
    over = text(soup.select_one("#presupuesto-sobreejecucion").parent)
    assert "22 Línea 22" in over and "M$\xa010" in over


def test_no_note_when_lines_add_up(client, sheet_index):
    page = sheet_page(sheet_index, line("21", 10, 5), line("22", 20, 20), official_approved=30, official_executed=25)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select(".budget-note-warning") == []
    assert soup.select(".flag") == []


def test_zero_approved_shows_a_dash_never_an_error(client, sheet_index):
    page = sheet_page(sheet_index, line("21", 0, 0), line("22", 0, 15), line("23", 10, 5))
    response = client.get(page.url)
    assert response.status_code == 200
    rows = dict(table_rows(response.content.decode()))
    assert rows["21 Línea 21"] == ["0", "0", "—"]
    assert rows["22 Línea 22"] == ["0", "15", "— sobreejecución: M$\xa015 más de lo vigente"]
    assert rows["Total (suma de las líneas)"] == ["10", "20", "200,00\xa0% sobreejecución: M$\xa010 más de lo vigente"]


def test_table_is_accessible_markup(client, sheet_index):
    page = sheet_page(sheet_index, line("21", 10, 5), title="Ejecución de prueba 2023")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    table = soup.select_one("table.budget-table")
    assert "Ejecución de prueba 2023" in text(table.caption)  # the editor's title names the table
    assert "M$" in text(table.caption.select_one(".caption-units"))  # the unit of every amount
    headers = table.select("thead th")
    assert all(th["scope"] == "col" for th in headers)
    # Line, approved and executed amounts, execution: each amount column names its unit.
    assert ["(M$)" in text(th) for th in headers] == [False, True, True, False]
    assert "%" in text(headers[3])
    assert all(th["scope"] == "row" for th in table.select("tbody th, tfoot th"))
    assert all("num" in td["class"] for td in table.select("td"))


def test_chart_bars_follow_the_rates_and_carry_their_text(client, sheet_index):
    page = sheet_page(sheet_index, line("21", 200, 150), line("22", 3, 1), line("26", 111_931, 111_933))
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    bars = soup.select(".budget-chart:not(.budget-shares) li.bar")
    lines = list(page.budget.all_lines())
    assert len(bars) == len(lines) + 1
    for bar, budget_line in zip(bars, lines, strict=False):
        assert text(bar.select_one(".bar-label")) == budget_line.label
        assert text(bar.select_one(".bar-value")).startswith(porcentaje(budget_line.execution_rate))
        svg = bar.select_one("svg")
        assert svg["aria-hidden"] == "true"
        assert svg.select("rect")[1]["width"] == f"{budget_line.bar_length:.2f}"
    assert [bar.select("rect")[1]["width"] for bar in bars[:3]] == ["75.00", "33.33", "100.00"]
    # Over-execution never draws past the full bar, and says by how much.
    assert "M$\xa02" in text(bars[2].select_one(".bar-value"))


def test_who_may_apply_is_shown_only_where_the_editor_wrote_it(client, sheet_index):
    page = sheet_page(sheet_index, line("21", 10, 5, who_may_apply="Municipios de la región"), line("22", 10, 5))
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    notes = [text(p) for p in soup.select(".who-may-apply")]
    assert len(notes) == 1 and "Municipios de la región" in notes[0]


def test_downloads_are_linked_at_stable_urls(client, sheet_index):
    page = sheet_page(sheet_index, line("21", 10, 5))
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    links = [a["href"] for a in soup.select(".downloads a")]
    path = page.get_url_parts()[2]
    files = [path + name for name in ("datos.csv", "datos.json", "datos.xlsx", "datapackage.json")]
    # The sheet's own files, then the open-data catalogue that describes them (base/catalog.py).
    assert links == [*files, "/catalogo.jsonld", "/catalogo.ttl"]


def test_index_lists_sheets_newest_first_with_computed_figures(client, sheet_index):
    sheet_page(sheet_index, line("21", 100, 50), year=2022, programme_number="01")
    sheet_page(sheet_index, line("21", 100, 80), line("22", 50, 50), year=2023, programme_number="02")
    sheet_page(sheet_index, line("21", 10, 5), official_approved=10, official_executed=6, year=2023)
    soup = BeautifulSoup(client.get(sheet_index.url).content, "html.parser")
    assert [text(h2) for h2 in soup.select(".fichas-year h2")] == ["2023", "2022"]
    first_year = soup.select(".fichas-year")[0]
    cards = first_year.select(".ficha-card")
    assert [text(card.select_one(".ficha-card-programme")) for card in cards] == [
        "Programa 01: Gastos de Funcionamiento",
        "Programa 02: Gastos de Funcionamiento",
    ]
    # The same headline as the sheet: the official totals when published, else the sums of the lines.
    assert [text(dd) for dd in cards[0].select("dd")] == ["M$\xa010", "M$\xa06", "60,00\xa0%"]
    assert [text(dd) for dd in cards[1].select("dd")] == ["M$\xa0150", "M$\xa0130", "86,66\xa0%"]
    assert [bool(card.select(".card-warning")) for card in cards] == [True, False]  # 6 declared, 5 summed
    assert soup.select_one(".downloads a")["href"] == sheet_index.get_url_parts()[2] + "datos.csv"


def test_index_filters_by_year(client, sheet_index):
    sheet_page(sheet_index, line("21", 100, 50), year=2022)
    sheet_page(sheet_index, line("21", 100, 50), year=2023)
    soup = BeautifulSoup(client.get(sheet_index.url, {"anio": "2022"}).content, "html.parser")
    assert [text(h2) for h2 in soup.select(".fichas-year h2")] == ["2022"]
    assert soup.select_one("#id_anio option[selected]")["value"] == "2022"
    assert re.findall(r"\d+", text(soup.select_one(".result-count"))) == ["1", "2022"]


@pytest.mark.parametrize("year", ["1999", "3000", "abc", "2023'--"])
def test_a_bad_year_filter_is_a_400_with_a_spanish_message(client, sheet_index, year):
    for number in ("01", "02"):
        sheet_page(sheet_index, line("21", 100, 50), programme_number=number)
    response = client.get(sheet_index.url, {"anio": year})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    # The form's own message, beside the field it is about.
    assert text(soup.select_one(".field-error")) == str(YearFilterForm.base_fields["anio"].error_messages["invalid"])
    assert soup.select_one("#id_anio")["aria-invalid"] == "true"
    assert len(soup.select(".ficha-card")) == 2  # the full list is still there


def test_a_year_without_sheets_is_an_empty_result_not_an_error(client, sheet_index):
    sheet_page(sheet_index, line("21", 100, 50), year=2023)
    response = client.get(sheet_index.url, {"anio": "2001"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(".ficha-card") == []
    assert soup.select_one("#id_anio option[selected]")["value"] == "2001"
    assert re.findall(r"\d+", text(soup.select_one(".result-count"))) == ["0", "2001"]


def test_query_count_does_not_grow_with_the_number_of_lines(client, sheet_index):
    small = sheet_page(sheet_index, *[line(f"{10 + i}", 1000 + i, 900 + i) for i in range(10)], programme_number="10")
    large = sheet_page(
        sheet_index,
        *[line(f"{i // 100 + 10}.{i % 100:02d}", 1000 + i, 900 + i) for i in range(200)],
        programme_number="11",
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


def test_index_query_count_does_not_grow_with_the_number_of_sheets(client, sheet_index):
    sheet_page(sheet_index, line("21", 10, 5))
    client.get(sheet_index.url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(sheet_index.url).status_code == 200
        return len(queries)

    before = count()
    for number in range(10, 20):
        sheet_page(sheet_index, line("21", 10, 5), programme_number=str(number), year=2020 + number % 3)
    assert count() == before
