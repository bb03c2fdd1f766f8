"""The English downloads of the programme speak English (column names, sheets, meanings); same data."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from programa_gobierno.exports import CSV_COLUMNS

from .test_exports import data_url

pytestmark = pytest.mark.django_db


def csv_rows(client, index):
    text = client.get(data_url(index, "csv")).content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_english_csv_has_english_column_names_and_the_same_figures(client, programa, programa_en):
    spanish, english = csv_rows(client, programa), csv_rows(client, programa_en)
    assert spanish[0] == CSV_COLUMNS
    header = english[0]
    assert header[:4] == ["id", "commitment", "url", "theme"]
    assert "lead_institution" in header and "milestone_due_date" in header and "progress_percentage" in header
    assert not set(header) & (set(CSV_COLUMNS) - {"id", "url"})
    progress = CSV_COLUMNS.index("avance_porcentaje")
    assert sorted(row[progress] for row in english[1:]) == sorted(row[progress] for row in spanish[1:])
    completed = CSV_COLUMNS.index("hito_cumplido")
    assert {row[completed] for row in english[1:]} <= {"yes", "no", ""}
    assert "yes" in {row[completed] for row in english[1:]}


def test_english_xlsx_has_english_sheets_headers_and_methodology(client, programa, programa_en):
    workbook = load_workbook(io.BytesIO(client.get(data_url(programa_en, "xlsx")).content), read_only=True)
    assert workbook.sheetnames == ["Commitments", "Milestones", "History", "Methodology"]
    assert list(next(workbook["Milestones"].iter_rows(values_only=True)))[:3] == [
        "commitment_id",
        "commitment",
        "milestone",
    ]
    methodology = {row[0]: row[1] for row in workbook["Methodology"].iter_rows(values_only=True) if row and row[0]}
    assert methodology["progress_formula"].startswith("progress = 100 × sum of the weights")
    assert "substantial" in methodology["completion_scale"]
    assert methodology["lead_institution"] == "Lead institution"
    spanish = load_workbook(io.BytesIO(client.get(data_url(programa, "xlsx")).content), read_only=True)
    assert spanish.sheetnames == ["Compromisos", "Hitos", "Historial", "Metodología"]


def test_english_json_keeps_its_keys_and_explains_the_formula_in_english(client, programa, programa_en):
    english = json.loads(client.get(data_url(programa_en, "json")).content)
    spanish = json.loads(client.get(data_url(programa, "json")).content)
    assert set(english) == set(spanish)
    assert english["formula_avance"].startswith("progress = 100")
    assert spanish["formula_avance"].startswith("avance = 100")
