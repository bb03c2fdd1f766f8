"""The demo site's sheets (smoke): the seed's figures are on the demo pages, computed and formatted es-CL.

What the pages do with any figures is proved on small factory-made trees (``test_pages``,
``test_models``); these tests prove that the demo content itself says what the seed says.
"""

import re

import pytest
from bs4 import BeautifulSoup

from fichas.budget import Budget, make_line
from fichas.models import FichaCiudadanaPage

from .test_pages import SHEET_01_URL, SHEET_02_URL, expected_rows, table_rows, text

pytestmark = pytest.mark.django_db


def test_each_demo_sheet_table_equals_its_computed_values(client, sheet_01, sheet_02):
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


def test_the_demo_tables_are_titled_by_year_and_programme(client):
    soup = BeautifulSoup(client.get(SHEET_01_URL).content, "html.parser")
    assert "Ejecución presupuestaria 2023, Programa 01" in text(soup.select_one("table.budget-table caption"))


def test_who_may_apply_is_shown_where_the_seed_says_so(client):
    soup = BeautifulSoup(client.get(SHEET_02_URL).content, "html.parser")
    notes = [text(p) for p in soup.select(".who-may-apply")]
    assert len(notes) == 5  # subtítulos 22, 24, 29, 31 and the FIC-R
    assert any("Universidades estatales" in note for note in notes)
    assert "ilustrativo" in text(soup.select_one(".budget-source"))


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


def test_index_is_in_the_main_menu_and_the_home_initiatives_link_to_their_sheets(client, index):
    assert index.slug == "fichas-ciudadanas" and index.show_in_menus
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one('nav a[href="/fichas-ciudadanas/"]') is not None
    sheet = FichaCiudadanaPage.objects.child_of(index).live().get(year=2023, programme_number="01")
    initiative = soup.find("a", string=re.compile("Ficha Ciudadana 01"))
    assert initiative["href"] == sheet.url


def test_the_demo_index_shows_each_2023_sheet_with_its_official_headline(client):
    soup = BeautifulSoup(client.get("/fichas-ciudadanas/").content, "html.parser")
    first_year = soup.select(".fichas-year")[0]
    assert text(first_year.h2) == "2023"
    assert [text(h3) for h3 in first_year.select(".ficha-card h3")] == [
        "Ficha Ciudadana 01: Gastos de Funcionamiento 2023",
        "Ficha Ciudadana 02: Inversión Regional 2023",
    ]
    figures = [text(dd) for dd in first_year.select(".ficha-card")[0].select("dd")]
    # The same headline as the sheet: the official totals as published.
    assert figures == ["M$\xa013.374.244", "M$\xa012.693.714", "94,91\xa0%"]
    assert len(first_year.select(".card-warning")) == 2  # neither seed sheet adds up to its official totals


def test_the_seed_lines_do_not_add_up_to_the_seed_official_totals():
    """The reason both demo sheets carry the mismatch note: the seed's own figures."""
    from fichas.demo import SHEETS

    found = {}
    for sheet in SHEETS:
        lines = [
            make_line(
                line["code"],
                line["name"],
                line["approved"],
                line["executed"],
                components=[make_line(c["code"], c["name"], c["approved"], c["executed"]) for c in line["components"]],
            )
            for line in sheet["lines"]
        ]
        computed = Budget(tuple(lines), sheet["official_approved"], sheet["official_executed"])
        found[sheet["programme_number"]] = [(d.measure, d.difference) for d in computed.differences]
    assert found == {"01": [("approved", -2), ("executed", 99_002)], "02": [("approved", -178_340)]}
