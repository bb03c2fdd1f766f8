"""Commitments' progress in bulk: spreadsheet out, edited, back in, previewed, saved as drafts, approved.

Everything runs through the Django test client on the demo content, as a member of
Comunicaciones would use it; the approval is done by a member of Aprobadores.
"""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Revision, WorkflowState

from programa_gobierno import bulk
from programa_gobierno.admin_views import SESSION_KEY
from programa_gobierno.models import CompromisoPage, Hito, RegistroAvance

pytestmark = pytest.mark.django_db

PAGE_URL = "/admin/programa-de-gobierno/avance/"
CONFIRM_URL = "/admin/programa-de-gobierno/avance/confirmar/"
HEADERS = [header for _key, header, _editable in bulk.COLUMNS]
COL = {key: position for position, (key, _header, _editable) in enumerate(bulk.COLUMNS)}


def member_of(client, group, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "clave-de-prueba-larga")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def editor(client):
    """A member of Comunicaciones: edits pages, cannot publish."""
    return member_of(client, "Comunicaciones", "comunicaciones-programa")


@pytest.fixture
def approver():
    from django.test import Client

    return member_of(Client(), "Aprobadores", "aprobadora-programa")


@pytest.fixture
def delito(programa):
    """A demo commitment at 25 % (limitado): milestones of weight 1 and 1 completed, 4 and 2 open."""
    return CompromisoPage.objects.get(locale=programa.locale, slug="plan-regional-de-prevencion-del-delito")


def open_milestone(page, weight):
    return page.hitos.get(completed_on__isnull=True, weight=weight)


def xlsx_export(client):
    response = client.get(reverse("programa_gobierno_bulk_export", args=["xlsx"]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def xlsx_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def set_cells(workbook, milestone_id, **values):
    """Write ``values`` (by column key) into the row of ``milestone_id`` of the "Hitos" sheet."""
    sheet = workbook["Hitos"]
    for row in sheet.iter_rows(min_row=2):
        if row[COL["milestone_id"]].value == milestone_id:
            for key, value in values.items():
                row[COL[key]].value = value
            return row[0].row
    raise AssertionError(f"milestone {milestone_id} not in the export")


def upload(client, name, content):
    return client.post(PAGE_URL, {"archivo": SimpleUploadedFile(name, content)})


def problems(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (int(row.find_all("td")[0].get_text()), row.find_all("td")[1].get_text(" ", strip=True))
        for row in soup.select("#problemas tbody tr")
    ]


def page_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ").split())


# Export ---------------------------------------------------------------------------------------


def test_xlsx_export_has_one_marked_row_per_milestone_with_stable_ids(editor, programa):
    workbook = xlsx_export(editor)
    sheet = workbook["Hitos"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert [h for h in HEADERS if h.endswith("(editable)")] == [
        "Fecha de cumplimiento (editable)",
        "Enlace de evidencia (editable)",
        "Fecha de la evidencia (editable)",
    ]
    editable_fill = sheet.cell(row=1, column=COL["completed_on"] + 1).fill.fgColor.rgb
    assert editable_fill.endswith("FFF2A8")
    assert sheet.cell(row=1, column=COL["milestone"] + 1).fill.fgColor.rgb != editable_fill

    milestones = Hito.objects.filter(page__locale=programa.locale)
    expected = {(h.page_id, h.pk): h for h in milestones}
    exported = {(row[COL["commitment_id"]], row[COL["milestone_id"]]): row for row in rows[1:]}
    assert set(exported) == set(expected)
    hito = Hito.objects.get(
        page__locale=programa.locale, page__slug="plan-regional-de-prevencion-del-delito", completed_on="2023-12-15"
    )
    row = exported[(hito.page_id, hito.pk)]
    assert row[COL["commitment"]] == "Plan regional de prevención del delito"
    assert row[COL["milestone"]] == hito.title
    assert row[COL["weight"]] == 1
    assert row[COL["completed_on"]] == datetime.datetime(2023, 12, 15)  # a real date cell
    assert row[COL["progress"]] == 25.0
    assert row[COL["status"]] == "Limitado"
    assert "Instrucciones" in workbook.sheetnames


def test_csv_export_has_the_same_columns_and_rows(editor, programa):
    response = editor.get(reverse("programa_gobierno_bulk_export", args=["csv"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="avance-compromisos-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert len(rows) - 1 == Hito.objects.filter(page__locale=programa.locale).count()
    hito = Hito.objects.get(
        page__locale=programa.locale, page__slug="plan-regional-de-prevencion-del-delito", completed_on="2023-12-15"
    )
    row = next(r for r in rows[1:] if r[COL["milestone_id"]] == str(hito.pk))
    assert row[COL["completed_on"]] == "15-12-2023"


def test_formula_like_titles_stay_text_in_the_xlsx(editor, make_commitment):
    make_commitment([(1, None)], title='=HYPERLINK("https://example.org","clic")')
    sheet = xlsx_export(editor)["Hitos"]
    cells = [row[COL["commitment"]] for row in sheet.iter_rows(min_row=2)]
    formula_like = [cell for cell in cells if str(cell.value).startswith("=")]
    assert formula_like and all(cell.data_type == "s" for cell in formula_like)


# Round trip -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_unedited_export_imports_as_no_change(editor, fmt):
    content = editor.get(reverse("programa_gobierno_bulk_export", args=[fmt])).content
    revisions = Revision.objects.count()
    response = upload(editor, f"planilla.{fmt}", content)
    assert response.status_code == 200
    assert "no cambia nada" in page_text(response)
    assert problems(response) == []
    assert SESSION_KEY not in editor.session
    assert Revision.objects.count() == revisions


# Preview and apply ----------------------------------------------------------------------------


def test_completing_a_milestone_previews_before_after_progress_and_status(editor, delito):
    hito = open_milestone(delito, weight=4)
    workbook = xlsx_export(editor)
    row = set_cells(
        workbook,
        hito.pk,
        completed_on="10-03-2025",
        evidence_url="https://www.gobiernosantiago.cl/acta-consejo",
        evidence_date="10/03/2025",
    )
    revisions = Revision.objects.count()
    response = upload(editor, "planilla.xlsx", xlsx_bytes(workbook))
    assert response.status_code == 200, problems(response)
    text = page_text(response)
    assert "Plan regional de prevención del delito" in text
    assert "Avance: 25,0 % → 75,0 %" in text
    assert "Estado: Limitado → Sustancial" in text
    soup = BeautifulSoup(response.content, "html.parser")
    cells = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup.select(".programa-cambio tbody tr")
    ]
    assert [str(row), hito.title, "Fecha de cumplimiento", "(vacío)", "10-03-2025"] in cells
    assert [
        str(row),
        hito.title,
        "Enlace de evidencia",
        "(vacío)",
        "https://www.gobiernosantiago.cl/acta-consejo",
    ] in cells
    assert soup.select_one(f'form[action="{CONFIRM_URL}"] button').get_text(strip=True) == (
        "Guardar borradores y enviar a revisión"
    )
    assert Revision.objects.count() == revisions  # a preview saves nothing


def _complete_and_confirm(editor, delito):
    hito = open_milestone(delito, weight=4)
    workbook = xlsx_export(editor)
    set_cells(
        workbook,
        hito.pk,
        completed_on=datetime.datetime(2025, 3, 10),
        evidence_url="https://www.gobiernosantiago.cl/acta-consejo",
        evidence_date="2025-03-10",
    )
    preview = upload(editor, "planilla.xlsx", xlsx_bytes(workbook))
    assert preview.status_code == 200, problems(preview)
    token = editor.session[SESSION_KEY]["token"]
    response = editor.post(CONFIRM_URL, {"token": token}, follow=True)
    assert response.status_code == 200
    return hito, response


def test_confirming_saves_a_draft_submitted_to_the_workflow_and_leaves_the_live_page(editor, client, delito):
    history = RegistroAvance.objects.filter(commitment_key=delito.translation_key).count()
    public_before = client.get(delito.url).content.decode()
    hito, response = _complete_and_confirm(editor, delito)
    assert "Se guardó un borrador y se envió a revisión de Aprobadores." in page_text(response)

    page = CompromisoPage.objects.get(pk=delito.pk)
    revision = page.latest_revision
    assert revision.user.username == "comunicaciones-programa"
    draft = revision.as_object()
    drafted = next(h for h in draft.hitos.all() if h.pk == hito.pk)
    assert drafted.completed_on == datetime.date(2025, 3, 10)
    assert drafted.evidence_url == "https://www.gobiernosantiago.cl/acta-consejo"
    assert page.has_unpublished_changes
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Aprobación de contenidos"
    assert state.current_task_state.revision_id == revision.pk

    # The live page, its milestones, its history and what citizens see are unchanged.
    assert page.progress == 25 and page.status == "limitado"
    assert Hito.objects.get(pk=hito.pk).completed_on is None
    assert RegistroAvance.objects.filter(commitment_key=delito.translation_key).count() == history
    assert client.get(delito.url).content.decode() == public_before
    assert SESSION_KEY not in editor.session


def test_approval_publishes_the_draft_and_records_the_progress_history(editor, approver, client, delito):
    hito, _response = _complete_and_confirm(editor, delito)
    state = CompromisoPage.objects.get(pk=delito.pk).current_workflow_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[delito.pk, "approve", state.current_task_state.pk])
    assert approver.post(url, {"comment": ""}).status_code in (200, 302)

    page = CompromisoPage.objects.get(pk=delito.pk)
    assert page.progress == 75 and page.status == "sustancial"
    assert not page.has_unpublished_changes
    assert Hito.objects.get(pk=hito.pk).completed_on == datetime.date(2025, 3, 10)
    entry = RegistroAvance.objects.filter(commitment_key=delito.translation_key).first()
    assert (entry.progress, entry.status, entry.completed_milestones) == (75, "sustancial", 3)
    assert "75" in client.get(page.url).content.decode()


def test_a_preview_gone_stale_is_refused_and_saves_nothing(editor, delito):
    hito = open_milestone(delito, weight=4)
    workbook = xlsx_export(editor)
    set_cells(
        workbook, hito.pk, completed_on="10-03-2025", evidence_url="https://example.org/a", evidence_date="10-03-2025"
    )
    assert upload(editor, "planilla.xlsx", xlsx_bytes(workbook)).status_code == 200
    CompromisoPage.objects.get(pk=delito.pk).save_revision()  # someone edits it meanwhile
    revisions = Revision.objects.count()
    response = editor.post(CONFIRM_URL, {"token": editor.session[SESSION_KEY]["token"]})
    assert response.status_code == 409
    assert "cambió después de la vista previa" in page_text(response)
    assert Revision.objects.count() == revisions
    assert CompromisoPage.objects.get(pk=delito.pk).current_workflow_state is None


def test_a_commitment_waiting_for_approval_is_not_changed_again(editor, delito):
    _complete_and_confirm(editor, delito)
    other = open_milestone(delito, weight=2)
    workbook = xlsx_export(editor)
    row = set_cells(
        workbook, other.pk, completed_on="11-03-2025", evidence_url="https://example.org/b", evidence_date="11-03-2025"
    )
    revisions = Revision.objects.count()
    response = upload(editor, "planilla.xlsx", xlsx_bytes(workbook))
    assert response.status_code == 400
    assert problems(response) == [
        (
            row,
            "El compromiso «Plan regional de prevención del delito» está esperando aprobación: espere la decisión "
            "de Aprobadores antes de cambiarlo con una planilla.",
        )
    ]
    assert Revision.objects.count() == revisions


def test_confirming_without_a_preview_is_refused(editor):
    response = editor.post(CONFIRM_URL, {"token": "nada"})
    assert response.status_code == 400
    assert "No hay cambios pendientes" in page_text(response)


@pytest.mark.parametrize("cell", ["10-03-2025", "10/03/2025", "2025-03-10", datetime.date(2025, 3, 10)])
def test_dates_are_read_in_every_accepted_form(editor, delito, cell):
    hito = open_milestone(delito, weight=2)
    workbook = xlsx_export(editor)
    set_cells(workbook, hito.pk, completed_on=cell, evidence_url="https://example.org/acta", evidence_date=cell)
    response = upload(editor, "planilla.xlsx", xlsx_bytes(workbook))
    assert response.status_code == 200, problems(response)
    assert "(vacío) 10-03-2025" in page_text(response)


def test_a_semicolon_csv_from_a_spreadsheet_program_is_read(editor, delito):
    hito = open_milestone(delito, weight=2)
    text = editor.get(reverse("programa_gobierno_bulk_export", args=["csv"])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        if row[COL["milestone_id"]] == str(hito.pk):
            row[COL["completed_on"]] = row[COL["evidence_date"]] = "10/03/2025"
            row[COL["evidence_url"]] = "https://example.org/acta"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    response = upload(editor, "planilla.csv", buffer.getvalue().encode("cp1252"))
    assert response.status_code == 200, problems(response)
    assert "Avance: 25,0 % → 50,0 %" in page_text(response)


# Problems -------------------------------------------------------------------------------------


def test_malformed_rows_are_reported_by_row_in_spanish_and_nothing_is_saved(editor, delito, programa):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    big, small = open_milestone(delito, weight=4), open_milestone(delito, weight=2)
    done = delito.hitos.get(completed_on="2023-12-15")
    other = CompromisoPage.objects.get(locale=programa.locale, slug="banco-de-suelo-para-vivienda")
    workbook = xlsx_export(editor)
    sheet = workbook["Hitos"]
    rows = {}
    rows["future"] = set_cells(
        workbook,
        big.pk,
        completed_on=tomorrow.strftime("%d-%m-%Y"),
        evidence_url="https://example.org/a",
        evidence_date="01-03-2025",
    )
    rows["no_evidence"] = set_cells(workbook, small.pk, completed_on="01-03-2025", evidence_date="01-03-2025")
    rows["bad_url"] = set_cells(workbook, done.pk, evidence_url="acta del consejo")
    valid = other.hitos.order_by("sort_order").first()
    rows["valid"] = set_cells(
        workbook, valid.pk, completed_on="01-03-2025", evidence_url="https://example.org/b", evidence_date="01-03-2025"
    )
    extra = other.hitos.order_by("sort_order")[1]
    rows["bad_date"] = set_cells(workbook, extra.pk, completed_on="marzo 2025")
    sheet.append([delito.pk, "", "", valid.pk])  # duplicated milestone
    sheet.append([999999, "", "", 1])  # unknown commitment
    sheet.append([delito.pk, "", "", 999999])  # unknown milestone
    sheet.append(["", "", "", big.pk])  # no commitment id
    last = sheet.max_row - 1

    revisions = Revision.objects.count()
    response = upload(editor, "planilla.xlsx", xlsx_bytes(workbook))
    assert response.status_code == 400
    found = problems(response)
    assert (rows["future"], "La fecha de cumplimiento no puede ser futura.") in found
    assert (
        rows["no_evidence"],
        "Para marcar el hito como cumplido agregue una evidencia: un documento, una imagen o un enlace.",
    ) in found
    assert (
        rows["bad_url"],
        "«Enlace de evidencia»: «acta del consejo» no es un enlace válido; debe empezar por https:// o http:// "
        "y tener hasta 200 caracteres.",
    ) in found
    assert (
        rows["bad_date"],
        "«Fecha de cumplimiento»: «marzo 2025» no es una fecha; escriba por ejemplo 15-03-2025.",
    ) in found
    assert (last - 2, f"El hito con ID «{valid.pk}» ya aparece en la fila {rows['valid']}.") in found
    assert (last - 1, "No hay un compromiso con ID «999999» en el Programa de Gobierno.") in found
    assert (
        last,
        "El compromiso «Plan regional de prevención del delito» no tiene un hito con ID «999999».",
    ) in found
    assert (last + 1, "Falta el «ID compromiso» de este hito.") in found
    assert "No se guardó nada" in page_text(response)
    assert rows["valid"] not in [row for row, _message in found]
    assert SESSION_KEY not in editor.session
    assert Revision.objects.count() == revisions


def test_wrong_headers_are_refused_with_the_missing_columns(editor):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["ID compromiso", "Hito", "Fecha"], ["13", "Diagnóstico", "01-01-2024"]])
    response = upload(editor, "planilla.csv", buffer.getvalue().encode())
    assert response.status_code == 400
    [(row, message)] = problems(response)
    assert row == 1
    assert message.startswith("Faltan las columnas «ID hito», «Fecha de cumplimiento (editable)»")


def test_headers_are_matched_without_case_accents_or_the_editable_mark(editor):
    content = editor.get(reverse("programa_gobierno_bulk_export", args=["csv"])).content.decode("utf-8-sig")
    header, rest = content.split("\r\n", 1)
    header = header.upper().replace(" (EDITABLE)", "").replace("Ó", "O")
    response = upload(editor, "planilla.csv", f"{header}\r\n{rest}".encode())
    assert response.status_code == 200, problems(response)
    assert "no cambia nada" in page_text(response)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("informe.pdf", b"%PDF-1.7\n1 0 obj\n", "El archivo debe ser una planilla .xlsx o .csv"),
        ("planilla.xlsx", b"%PDF-1.7\n1 0 obj\n", "no corresponde a un archivo .xlsx"),
        ("planilla.xlsx", b"PK\x03\x04" + b"\x00" * 200, "No se pudo leer el archivo como planilla XLSX"),
        ("planilla.csv", b"<html><body>hola</body></html>", "contiene HTML"),
        ("planilla.csv", b"\x00\x01\x02binario", "no es texto"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(editor, name, content, message):
    revisions = Revision.objects.count()
    response = upload(editor, name, content)
    assert response.status_code == 400
    assert message in page_text(response)
    assert "No se guardó nada." in page_text(response)
    assert Revision.objects.count() == revisions


def test_an_empty_file_is_refused(editor):
    response = upload(editor, "planilla.csv", b"")
    assert response.status_code == 400
    assert "El archivo está vacío." in page_text(response)


def test_a_ten_megabyte_file_is_refused_as_too_large(editor):
    content = editor.get(reverse("programa_gobierno_bulk_export", args=["csv"])).content
    content += b"\n" + b"1," * (5 * 1024 * 1024)
    assert len(content) > 10 * 1024 * 1024
    response = upload(editor, "planilla.csv", content)
    assert response.status_code == 413
    assert "El archivo pesa más de 2 MB, el máximo." in page_text(response)


# Access ---------------------------------------------------------------------------------------


def test_comunicaciones_finds_the_page_in_the_menu(editor):
    response = editor.get(reverse("wagtailadmin_home"))
    assert reverse("programa_gobierno_bulk") in response.content.decode()
    page = editor.get(PAGE_URL)
    assert page.status_code == 200
    assert "1. Descargar la planilla" in page_text(page)


def test_staff_who_cannot_edit_pages_are_refused(client):
    member_of(client, "Atención Ciudadana", "oac-programa")
    home = reverse("wagtailadmin_home")
    for url in (PAGE_URL, reverse("programa_gobierno_bulk_export", args=["xlsx"])):
        response = client.get(url)  # Wagtail answers PermissionDenied with its redirect and message
        assert (response.status_code, response["Location"]) == (302, home)
    assert reverse("programa_gobierno_bulk") not in client.get(reverse("wagtailadmin_home")).content.decode()


# Reading cells (pure functions) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("  ", None),
        ("05-10-2024", datetime.date(2024, 10, 5)),
        ("05/10/2024", datetime.date(2024, 10, 5)),
        ("2024-10-05", datetime.date(2024, 10, 5)),
        ("2024-10-05 00:00:00", datetime.date(2024, 10, 5)),
        (datetime.datetime(2024, 10, 5), datetime.date(2024, 10, 5)),
        (datetime.date(2024, 10, 5), datetime.date(2024, 10, 5)),
    ],
)
def test_parse_date_accepts_the_documented_forms(value, expected):
    assert bulk.parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["31-02-2025", "10.03.2025", "marzo", "10-03-25", 45000, datetime.datetime(2024, 1, 1, 9)]
)
def test_parse_date_refuses_anything_else(value):
    with pytest.raises(ValueError):
        bulk.parse_date(value)


def test_normalize_header_ignores_case_accents_and_the_editable_mark():
    assert bulk.normalize_header("Fecha de cumplimiento (editable)") == "fecha de cumplimiento"
    assert bulk.normalize_header("  PONDERACIÓN ") == "ponderacion"


# Command line ---------------------------------------------------------------------------------


def test_command_previews_with_dry_run_then_saves_drafts_in_review(editor, delito, tmp_path):
    from django.core.management import call_command

    hito = open_milestone(delito, weight=4)
    workbook = xlsx_export(editor)
    set_cells(
        workbook, hito.pk, completed_on="10-03-2025", evidence_url="https://example.org/a", evidence_date="10-03-2025"
    )
    path = tmp_path / "planilla.xlsx"
    path.write_bytes(xlsx_bytes(workbook))
    revisions = Revision.objects.count()
    out = io.StringIO()
    call_command("import_programme_progress", str(path), user="comunicaciones-programa", dry_run=True, stdout=out)
    assert (
        "Plan regional de prevención del delito: avance 25.0 % → 75.0 %, estado Limitado → Sustancial" in out.getvalue()
    )
    assert "no se guardó nada" in out.getvalue()
    assert Revision.objects.count() == revisions

    call_command("import_programme_progress", str(path), user="comunicaciones-programa", stdout=io.StringIO())
    page = CompromisoPage.objects.get(pk=delito.pk)
    assert Revision.objects.count() == revisions + 1
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.progress == 25  # live until approved


def test_command_reports_problems_by_row_and_saves_nothing(editor, delito, tmp_path):
    from django.core.management import CommandError, call_command

    hito = open_milestone(delito, weight=4)
    workbook = xlsx_export(editor)
    row = set_cells(workbook, hito.pk, completed_on="10-03-2025", evidence_date="10-03-2025")
    path = tmp_path / "planilla.xlsx"
    path.write_bytes(xlsx_bytes(workbook))
    revisions = Revision.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError, match="No se guardó nada"):
        call_command("import_programme_progress", str(path), user="comunicaciones-programa", stderr=err)
    assert f"Fila {row}: Para marcar el hito como cumplido agregue una evidencia" in err.getvalue()
    assert Revision.objects.count() == revisions
