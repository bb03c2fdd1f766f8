"""Open data: CSV, JSON and XLSX parsed back and compared with the pages."""

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from programa_gobierno.exports import COMMITMENT_FIELDS, CSV_COLUMNS, MILESTONE_FIELDS
from programa_gobierno.models import CompromisoPage

pytestmark = pytest.mark.django_db

OGP_FIELDS = {"institucion_responsable", "problema", "fecha_inicio", "fecha_termino", "nivel_cumplimiento"}


def live_commitments(index):
    return {page.pk: page for page in CompromisoPage.objects.child_of(index).live()}


def data_url(index, fmt):
    return index.url + index.reverse_subpage(f"datos_{fmt}")


def test_json_has_every_commitment_with_its_milestones(client, programa):
    response = client.get(data_url(programa, "json"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert "formula_avance" in document and document["programa"] == "Programa de Gobierno"
    pages = live_commitments(programa)
    assert {c["id"] for c in document["compromisos"]} == set(pages)
    for commitment in document["compromisos"]:
        page = pages[commitment["id"]]
        assert OGP_FIELDS <= set(commitment)
        assert commitment["compromiso"] == page.title
        assert commitment["institucion_responsable"] == page.lead_institution
        assert commitment["problema"] == page.problem
        assert commitment["fecha_inicio"] == page.start_date.isoformat()
        assert commitment["fecha_termino"] == page.end_date.isoformat()
        assert Decimal(str(commitment["avance_porcentaje"])) == page.progress
        assert commitment["nivel_cumplimiento"] == page.status
        assert commitment["url"].endswith(page.url)
        milestones = list(page.hitos.all())
        assert [m["hito"] for m in commitment["hitos"]] == [m.title for m in milestones]
        assert [m["ponderacion"] for m in commitment["hitos"]] == [m.weight for m in milestones]
        assert [m["cumplido"] for m in commitment["hitos"]] == [m.is_completed for m in milestones]
        for exported in commitment["hitos"]:
            if exported["cumplido"]:
                assert exported["evidencia_enlace"].startswith("http")
                assert exported["evidencia_fecha"]


def test_json_override_carries_its_reason(client, programa):
    document = json.loads(client.get(data_url(programa, "json")).content)
    overridden = [c for c in document["compromisos"] if c["motivo_nivel_registrado"]]
    assert len(overridden) == 1
    assert overridden[0]["nivel_cumplimiento"] == "limitado"
    assert overridden[0]["nivel_cumplimiento_calculado"] == "sustancial"


def test_csv_has_one_row_per_milestone(client, programa):
    response = client.get(data_url(programa, "csv"))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == CSV_COLUMNS
    pages = live_commitments(programa)
    expected_rows = sum(max(page.hitos.count(), 1) for page in pages.values())
    assert len(rows) == expected_rows
    by_id = {}
    for row in rows:
        by_id.setdefault(int(row["id"]), []).append(row)
    for pk, page in pages.items():
        page_rows = by_id[pk]
        assert {r["compromiso"] for r in page_rows} == {page.title}
        assert {Decimal(r["avance_porcentaje"]) for r in page_rows} == {page.progress}
        assert [r["hito"] for r in page_rows if r["hito"]] == [m.title for m in page.hitos.all()]
    empty = pages[next(pk for pk, p in pages.items() if p.slug == "apoyo-a-emprendimientos-locales")]
    assert [r["hito"] for r in by_id[empty.pk]] == [""]


def test_xlsx_sheets_match_the_pages(client, programa):
    response = client.get(data_url(programa, "xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames == ["Compromisos", "Hitos", "Historial", "Metodología"]
    commitments = list(workbook["Compromisos"].iter_rows(values_only=True))
    assert list(commitments[0]) == list(COMMITMENT_FIELDS)
    pages = live_commitments(programa)
    records = [dict(zip(commitments[0], row, strict=True)) for row in commitments[1:]]
    assert {r["id"] for r in records} == set(pages)
    for record in records:
        page = pages[record["id"]]
        assert record["compromiso"] == page.title
        assert Decimal(str(record["avance_porcentaje"])) == page.progress
        assert record["nivel_cumplimiento"] == page.status
        assert record["hitos_total"] == page.hitos.count()
    milestones = list(workbook["Hitos"].iter_rows(values_only=True))
    assert list(milestones[0]) == ["id_compromiso", "compromiso", *MILESTONE_FIELDS]
    assert len(milestones) - 1 == sum(page.hitos.count() for page in pages.values())


def test_english_exports_carry_the_english_content(client, programa_en):
    document = json.loads(client.get(data_url(programa_en, "json")).content)
    assert document["idioma"] == "en"
    titles = {c["compromiso"] for c in document["compromisos"]}
    assert "Connected regional cycle-lane network" in titles


def test_index_links_to_the_three_downloads(client, programa):
    html = client.get(programa.url).content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="{data_url(programa, fmt)}"' in html


def test_unknown_download_format_is_404(client, programa):
    assert client.get(programa.url + "datos/pdf/").status_code == 404


def test_a_title_that_looks_like_a_formula_stays_text_in_the_xlsx(client, programa, make_commitment):
    formula = '=HYPERLINK("https://example.org","Ver")'
    make_commitment(title=formula)
    workbook = load_workbook(io.BytesIO(client.get(data_url(programa, "xlsx")).content))
    cells = [row[1] for row in workbook["Compromisos"].iter_rows(min_row=2) if row[1].value == formula]
    assert cells and all(cell.data_type == "s" for cell in cells)
