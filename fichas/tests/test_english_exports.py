"""The English downloads (/en/…) speak English: column names, sheet names and descriptions; same numbers."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from fichas.exports import CSV_COLUMNS, CSV_FIELDS, ENGLISH_COLUMNS

from .test_pages import SHEET_01_URL, SHEET_02_URL

pytestmark = pytest.mark.django_db

ENGLISH_FIELDS = [ENGLISH_COLUMNS[name][0] for name in CSV_FIELDS]
NUMBERS = ["presupuesto_vigente_miles_de_pesos", "devengado_miles_de_pesos", "ejecucion_porcentaje", "linea_codigo"]


def read_csv(response, fields):
    assert response.status_code == 200
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert reader.fieldnames == fields
    return list(reader)


def english_name(spanish):
    return ENGLISH_COLUMNS[spanish][0]


def test_english_csv_has_english_column_names_and_the_same_numbers(client):
    spanish = read_csv(client.get(SHEET_01_URL + "datos.csv"), CSV_FIELDS)
    english = read_csv(client.get("/en" + SHEET_01_URL + "datos.csv"), ENGLISH_FIELDS)
    assert ENGLISH_FIELDS[:3] == ["year", "programme_code", "programme_name"]
    assert english[0]["line_name"] == "Personnel Expenses"
    english_numbers = [[row[english_name(c)] for c in NUMBERS] for row in english]
    assert english_numbers == [[row[c] for c in NUMBERS] for row in spanish]


def test_english_index_csv_has_english_column_names(client):
    rows = read_csv(client.get("/en/fichas-ciudadanas/datos.csv"), ENGLISH_FIELDS)
    assert rows and rows[0]["year"]
    read_csv(client.get("/fichas-ciudadanas/datos.csv"), CSV_FIELDS)  # Spanish unchanged


def test_english_datapackage_describes_the_english_csv_in_english(client):
    response = client.get("/en" + SHEET_01_URL + "datapackage.json")
    package = json.loads(response.content)
    assert package["name"].endswith("-en")
    assert "current budget" in package["description"] and "thousands of Chilean pesos" in package["description"]
    (resource,) = package["resources"]
    fields = resource["schema"]["fields"]
    assert [field["name"] for field in fields] == ENGLISH_FIELDS
    spanish_descriptions = {description for _name, _type, description in CSV_COLUMNS}
    for field in fields:
        assert field["description"] not in spanish_descriptions, field
    assert fields[0]["description"] == "Budget year."
    # The descriptor's sources are the columns of the English CSV beside it.
    header = read_csv(client.get("/en" + SHEET_01_URL + resource["path"]), ENGLISH_FIELDS)
    assert header
    measures = package["model"]["measures"]
    assert {name: (m["phase"], m["source"], m["resource"]) for name, m in measures.items()} == {
        "current_budget": ("approved", "current_budget_thousands_of_pesos", "data"),
        "accrued_expenditure": ("executed", "accrued_expenditure_thousands_of_pesos", "data"),
    }
    for dimension in package["model"]["dimensions"].values():
        assert all(attribute["source"] in ENGLISH_FIELDS for attribute in dimension["attributes"].values())
    # The Spanish descriptor stays Spanish.
    package = json.loads(client.get(SHEET_01_URL + "datapackage.json").content)
    assert "presupuesto vigente y devengado" in package["description"]
    assert [field["name"] for field in package["resources"][0]["schema"]["fields"]] == CSV_FIELDS
    assert package["resources"][0]["schema"]["fields"][0]["description"] == "Año presupuestario."


def test_english_xlsx_has_english_sheets_and_headers(client):
    workbook = load_workbook(io.BytesIO(client.get("/en" + SHEET_02_URL + "datos.xlsx").content))
    assert workbook.sheetnames == ["Data", "Totals"]
    assert list(next(workbook["Data"].iter_rows(values_only=True))) == ENGLISH_FIELDS
    totals = list(workbook["Totals"].iter_rows(values_only=True))
    assert totals[0][0] == "item"
    assert totals[1][0] == "Total (sum of the lines)"
    assert totals[2][0] == "Official total as published"
    spanish = load_workbook(io.BytesIO(client.get(SHEET_02_URL + "datos.xlsx").content))
    assert spanish.sheetnames == ["Datos", "Totales"]
    assert list(spanish["Totales"].iter_rows(values_only=True))[1][1:] == totals[1][1:]
