"""Every download parsed back equals the page: CSV, JSON, XLSX, the Fiscal Data Package and the index CSV."""

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from fichas.exports import CSV_FIELDS

from .factories import line as budget_line
from .test_pages import SHEET_01_URL, SHEET_02_URL, table_rows

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert reader.fieldnames == CSV_FIELDS
    return list(reader)


def read_json(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content, parse_float=Decimal)


def expected_csv_rows(sheet):
    """What the CSV must hold, built independently from the page's computed budget."""
    rows = []
    for line in sheet.budget.lines:
        for component in line.components or [None]:
            item = component or line
            rows.append(
                {
                    "anio": str(sheet.year),
                    "programa_codigo": sheet.programme_number,
                    "programa_nombre": sheet.programme_name,
                    "linea_codigo": line.code,
                    "linea_nombre": line.name,
                    "componente_codigo": component.code if component else "",
                    "componente_nombre": component.name if component else "",
                    "presupuesto_vigente_miles_de_pesos": str(item.approved),
                    "devengado_miles_de_pesos": str(item.executed),
                    "ejecucion_porcentaje": "" if item.execution_rate is None else str(item.execution_rate),
                    "sobreejecucion": "sí" if item.is_over_executed else "no",
                }
            )
    return rows


def page_cells(client, url):
    """{row label: [approved, executed, rate]} as the page shows them, converted back to numbers."""
    cells = {}
    for label, (approved, executed, rate) in table_rows(client.get(url).content.decode()):
        number = rate.split("\xa0")[0]
        cells[label] = (
            int(approved.replace(".", "")),
            int(executed.replace(".", "")),
            None if number.startswith("—") else Decimal(number.replace(",", ".")),
        )
    return cells


@pytest.mark.parametrize("url", [SHEET_01_URL, SHEET_02_URL])
def test_csv_rows_are_the_page_numbers(client, url, sheet_01, sheet_02):
    sheet = sheet_01 if url == SHEET_01_URL else sheet_02
    rows = read_csv(client.get(url + "datos.csv"))
    assert rows == expected_csv_rows(sheet)
    cells = page_cells(client, url)
    for row in rows:
        label = (
            f"{row['componente_codigo']} {row['componente_nombre']}".strip()
            if row["componente_nombre"]
            else f"{row['linea_codigo']} {row['linea_nombre']}"
        )
        rate = Decimal(row["ejecucion_porcentaje"]) if row["ejecucion_porcentaje"] else None
        assert cells[label] == (
            int(row["presupuesto_vigente_miles_de_pesos"]),
            int(row["devengado_miles_de_pesos"]),
            rate,
        )
    # The rows add up to the page's total, with nothing counted twice.
    total = cells["Total (suma de las líneas)"]
    assert sum(int(r["presupuesto_vigente_miles_de_pesos"]) for r in rows) == total[0]
    assert sum(int(r["devengado_miles_de_pesos"]) for r in rows) == total[1]


def test_csv_of_programme_02_splits_subtitulo_33_into_its_components(client):
    rows = read_csv(client.get(SHEET_02_URL + "datos.csv"))
    components = [r for r in rows if r["linea_codigo"] == "33"]
    assert [r["componente_codigo"] for r in components] == ["33.03.125", "33.03.150", ""]
    assert sum(int(r["presupuesto_vigente_miles_de_pesos"]) for r in components) == 48_818_412
    assert sum(int(r["devengado_miles_de_pesos"]) for r in components) == 48_791_357


def test_json_equals_the_page(client, sheet_01):
    data = read_json(client.get(SHEET_01_URL + "datos.json"))
    cells = page_cells(client, SHEET_01_URL)
    assert data["anio"] == 2023 and data["programa"] == {"codigo": "01", "nombre": "Gastos de Funcionamiento"}
    assert (data["moneda"], data["factor"]) == ("CLP", 1000)
    for line in data["lineas"]:
        assert cells[f"{line['codigo']} {line['nombre']}"] == (
            line["presupuesto_vigente"],
            line["devengado"],
            line["ejecucion_porcentaje"],
        )
    totals = data["totales"]
    assert cells["Total (suma de las líneas)"] == (
        totals["presupuesto_vigente"],
        totals["devengado"],
        totals["ejecucion_porcentaje"],
    )
    official = data["totales_oficiales"]
    assert (official["presupuesto_vigente"], official["devengado"], official["ejecucion_porcentaje"]) == (
        13_374_244,
        12_693_714,
        Decimal("94.91"),
    )
    assert [(d["medida"], d["diferencia"]) for d in data["diferencias"]] == [
        ("presupuesto_vigente", -2),
        ("devengado", 99_002),
    ]
    assert [line["codigo"] for line in data["lineas"] if line["sobreejecucion"]] == ["26"]


def test_json_keeps_components_under_their_line(client):
    data = read_json(client.get(SHEET_02_URL + "datos.json"))
    line_33 = next(line for line in data["lineas"] if line["codigo"] == "33")
    assert [c["nombre"] for c in line_33["componentes"]][
        2
    ] == "Fondo de Innovación para la Competitividad Regional (FIC-R)"
    assert "Universidades estatales" in line_33["componentes"][2]["quienes_pueden_postular"]
    assert line_33["presupuesto_vigente"] == sum(c["presupuesto_vigente"] for c in line_33["componentes"])


def test_xlsx_holds_the_csv_rows_and_the_totals(client, sheet_02):
    response = client.get(SHEET_02_URL + "datos.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    workbook = load_workbook(io.BytesIO(response.content))
    data = workbook["Datos"]
    values = list(data.iter_rows(values_only=True))
    assert list(values[0]) == CSV_FIELDS
    csv_rows = read_csv(client.get(SHEET_02_URL + "datos.csv"))
    assert len(values) - 1 == len(csv_rows)
    for row, expected in zip(values[1:], csv_rows, strict=True):
        row = dict(zip(CSV_FIELDS, row, strict=True))
        assert row["presupuesto_vigente_miles_de_pesos"] == int(expected["presupuesto_vigente_miles_de_pesos"])
        assert row["devengado_miles_de_pesos"] == int(expected["devengado_miles_de_pesos"])
        assert f"{Decimal(str(row['ejecucion_porcentaje'])):.2f}" == expected["ejecucion_porcentaje"]
        assert row["linea_nombre"] == expected["linea_nombre"]
        assert row["sobreejecucion"] is (expected["sobreejecucion"] == "sí")
    totals = list(workbook["Totales"].iter_rows(values_only=True))
    assert totals[1][1:3] == (sheet_02.budget.approved, sheet_02.budget.executed)
    assert totals[2][1:3] == (143_780_698, 143_575_300)


def test_datapackage_describes_the_csv_beside_it(client):
    package = read_json(client.get(SHEET_01_URL + "datapackage.json"))
    assert package["profiles"] == {"fiscal": "*", "tabular": "*"}
    assert package["fiscalPeriod"] == {"start": "2023-01-01", "end": "2023-12-31"}
    (resource,) = package["resources"]
    assert resource["path"] == "datos.csv"
    # The relative path resolves, next to the descriptor, to the sheet's CSV, whose header matches the schema.
    rows = read_csv(client.get(SHEET_01_URL + resource["path"]))
    assert [field["name"] for field in resource["schema"]["fields"]] == CSV_FIELDS
    measures = package["model"]["measures"]
    assert {name: (m["currency"], m["factor"], m["phase"], m["source"]) for name, m in measures.items()} == {
        "presupuesto_vigente": ("CLP", 1000, "approved", "presupuesto_vigente_miles_de_pesos"),
        "devengado": ("CLP", 1000, "executed", "devengado_miles_de_pesos"),
    }
    columns = set(CSV_FIELDS)
    for dimension in package["model"]["dimensions"].values():
        assert all(attribute["source"] in columns for attribute in dimension["attributes"].values())
    # Applying the measures' factor to the CSV gives the programme total in pesos.
    assert sum(int(r["devengado_miles_de_pesos"]) for r in rows) * measures["devengado"]["factor"] == 12_792_716_000


def test_index_csv_holds_every_sheet_with_the_same_columns(client, make_sheet):
    make_sheet([budget_line("21", 100, 50)], year=2022, number="01", slug="antigua")
    rows = read_csv(client.get("/fichas-ciudadanas/datos.csv"))
    sheet_rows = read_csv(client.get(SHEET_01_URL + "datos.csv")) + read_csv(client.get(SHEET_02_URL + "datos.csv"))
    assert rows[: len(sheet_rows)] == sheet_rows
    assert rows[-1]["anio"] == "2022" and rows[-1]["presupuesto_vigente_miles_de_pesos"] == "100"


@pytest.mark.parametrize("name", ["datos.csv", "datos.json", "datos.xlsx", "datapackage.json"])
def test_unknown_or_unpublished_sheets_have_no_downloads(client, sheet_01, name):
    assert client.get(f"/fichas-ciudadanas/no-existe/{name}").status_code == 404
    sheet_01.unpublish()
    assert client.get(SHEET_01_URL + name).status_code == 404


def test_a_sheet_without_a_table_exports_headers_only(client, make_sheet):
    page = make_sheet([budget_line("21", 1, 1)])
    page.body = "[]"
    page.save_revision().publish()
    assert read_csv(client.get(page.url + "datos.csv")) == []
    assert read_json(client.get(page.url + "datos.json"))["lineas"] == []


def test_text_that_looks_like_a_formula_stays_text_in_the_xlsx(client, make_sheet):
    formula = '=HYPERLINK("https://example.org","Ver")'
    sheet = make_sheet([budget_line("21", 100, 50, name=formula), budget_line("22", 10, 5)])
    response = client.get(sheet.url + "datos.xlsx")
    assert response.status_code == 200
    data = load_workbook(io.BytesIO(response.content))["Datos"]
    names = {cell.value: cell.data_type for cell in data["E"][1:]}
    assert names[formula] == "s"  # the editor's text, not a live formula
    # The CSV keeps the data exactly as typed.
    assert formula in [row["linea_nombre"] for row in read_csv(client.get(sheet.url + "datos.csv"))]
