"""Importing a budget spreadsheet in the admin as a Comunicaciones editor, and from the command line."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from fichas import exports
from fichas.models import FichaCiudadanaPage

from .test_importer import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Subt.", "Ítem", "Asig.", "Denominación", "Presupuesto Vigente", "Devengado"]
GOOD_ROWS = [
    ["Gobierno de Santiago · Ejecución presupuestaria 2023, Programa 01"],
    [],
    HEADER,
    ["21", "", "", "Gastos en Personal", "9.000.000", "8.900.000"],
    ["22", "", "", "Bienes y Servicios de Consumo", "1.259.160", "1.190.244"],
    ["24", "", "", "Transferencias Corrientes", "2.000", "1.000"],
    ["24", "03", "100", "Consejo Regional", "2.000", "1.000"],
    ["", "", "", "Total programa", "10.261.160", "10.091.244"],
]


@pytest.fixture
def editor_client(client):
    """Logged in as an editor who is only in Comunicaciones (edits, cannot publish)."""
    user = get_user_model().objects.create_user("comunicaciones-fichas", "c@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name="Comunicaciones"))
    client.force_login(user)
    return client


def upload(name, data, **fields):
    return {"archivo": SimpleUploadedFile(name, data), **fields}


def text_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return re.sub(r"[ \t\r\n]+", " ", soup.get_text(" ", strip=True))


def signed_data(response):
    field = BeautifulSoup(response.content, "html.parser").find("input", {"name": "datos"})
    return field["value"] if field else None


def test_the_edit_page_links_to_the_import(editor_client, sheet_01):
    response = editor_client.get(f"/admin/pages/{sheet_01.pk}/edit/")
    assert response.status_code == 200
    url = reverse("fichas_import", args=[sheet_01.pk])
    soup = BeautifulSoup(response.content, "html.parser")
    links = [a.get_text(" ", strip=True) for a in soup.find_all("a", href=url)]
    assert "Importar las líneas desde una planilla (XLSX o CSV)" in links
    assert "Importar planilla de presupuesto" in links  # the header's actions


def test_the_index_listing_offers_the_import(editor_client, index):
    response = editor_client.get(f"/admin/pages/{index.pk}/")
    assert response.status_code == 200
    assert reverse("fichas_import", args=[index.pk]).encode() in response.content


def test_preview_shows_every_line_with_its_execution_and_saves_nothing(editor_client, sheet_01):
    revisions = sheet_01.revisions.count()
    url = reverse("fichas_import", args=[sheet_01.pk])
    response = editor_client.post(url, upload("ejecucion.xlsx", xlsx_bytes(GOOD_ROWS)))
    assert response.status_code == 200
    text = text_of(response)
    assert "Vista previa de «ejecucion.xlsx»" in text
    assert "21 Gastos en Personal M$\xa09.000.000 M$\xa08.900.000 98,88\xa0%" in text
    assert "24.03.100 Consejo Regional M$\xa02.000 M$\xa01.000 50,00\xa0%" in text
    assert "Total (suma de las líneas) M$\xa010.261.160 M$\xa010.091.244 98,34\xa0%" in text
    assert "Las líneas suman exactamente los totales oficiales." in text
    # Lines of the sheet that the file does not have are announced.
    assert "se quitarán: 23, 26, 29" in text
    assert signed_data(response)
    assert sheet_01.revisions.count() == revisions


def test_confirm_saves_a_draft_revision_and_leaves_the_live_page_unchanged(editor_client, sheet_01):
    live_budget = sheet_01.budget
    description = next(line.description for line in live_budget.lines if line.code == "21")
    url = reverse("fichas_import", args=[sheet_01.pk])
    preview = editor_client.post(url, upload("ejecucion.csv", csv_bytes(GOOD_ROWS)))
    response = editor_client.post(url, {"datos": signed_data(preview)})
    assert response.status_code == 302 and response.url == f"/admin/pages/{sheet_01.pk}/edit/"

    page = FichaCiudadanaPage.objects.get(pk=sheet_01.pk)
    assert page.live and page.has_unpublished_changes
    assert page.budget == live_budget  # the public page still shows the approved figures
    draft = page.get_latest_revision_as_object().budget
    assert [line.code for line in draft.lines] == ["21", "22", "24"]
    assert (draft.approved, draft.executed) == (10_261_160, 10_091_244)
    assert (draft.official_approved, draft.official_executed) == (10_261_160, 10_091_244)
    # The plain-language description of line 21 survived the new amounts.
    assert draft.lines[0].description == description and description
    assert page.get_latest_revision().user.username == "comunicaciones-fichas"


def test_an_invalid_file_answers_400_with_row_numbered_errors_and_nothing_saved(editor_client, sheet_01):
    rows = [*GOOD_ROWS[:3], ["21", "", "", "Gastos en Personal", "mucho", "-5"], GOOD_ROWS[4], GOOD_ROWS[4]]
    revisions = sheet_01.revisions.count()
    response = editor_client.post(reverse("fichas_import", args=[sheet_01.pk]), upload("roto.xlsx", xlsx_bytes(rows)))
    assert response.status_code == 400
    items = [li.get_text(" ", strip=True) for li in BeautifulSoup(response.content, "html.parser").select("li")]
    assert "Fila 4: Presupuesto Vigente «mucho»: Escriba el monto solo con cifras, por ejemplo 8.713.930." in items
    assert "Fila 4: Devengado «-5»: El monto no puede ser negativo." in items
    assert "Fila 6: El subtítulo 22 está repetido (ya aparece en la fila 5)." in items
    assert "El archivo tiene 3 problemas: no se guardó nada." in text_of(response)
    assert signed_data(response) is None
    assert sheet_01.revisions.count() == revisions


def test_a_file_over_the_limit_is_refused_before_reading(editor_client, sheet_01):
    data = b"x" * (10 * 1024 * 1024)
    response = editor_client.post(reverse("fichas_import", args=[sheet_01.pk]), upload("grande.csv", data))
    assert response.status_code == 400
    assert "El archivo pesa 10,0 MB y el máximo es 2 MB" in text_of(response)


def test_tampered_signed_data_is_refused(editor_client, sheet_01):
    url = reverse("fichas_import", args=[sheet_01.pk])
    preview = editor_client.post(url, upload("ejecucion.csv", csv_bytes(GOOD_ROWS)))
    revisions = sheet_01.revisions.count()
    response = editor_client.post(url, {"datos": signed_data(preview)[:-3] + "abc"})
    assert response.status_code == 400
    assert "No se pudo confirmar la importación" in text_of(response)
    assert sheet_01.revisions.count() == revisions


def test_signed_data_of_one_sheet_cannot_be_confirmed_on_another(editor_client, sheet_01, sheet_02):
    preview = editor_client.post(
        reverse("fichas_import", args=[sheet_01.pk]), upload("ejecucion.csv", csv_bytes(GOOD_ROWS))
    )
    response = editor_client.post(reverse("fichas_import", args=[sheet_02.pk]), {"datos": signed_data(preview)})
    assert response.status_code == 400


def test_from_the_index_a_new_year_creates_a_titled_draft_sheet(editor_client, index):
    url = reverse("fichas_import", args=[index.pk])
    preview = editor_client.post(
        url, upload("ejecucion.xlsx", xlsx_bytes(GOOD_ROWS), year="2024", programme_number="01")
    )
    assert preview.status_code == 200
    assert "se creará «Ficha Ciudadana 01: Gastos de Funcionamiento 2024» como borrador" in text_of(preview)
    assert not FichaCiudadanaPage.objects.filter(year=2024).exists()
    response = editor_client.post(url, {"datos": signed_data(preview)})
    sheet = FichaCiudadanaPage.objects.get(year=2024, programme_number="01")
    assert response.url == f"/admin/pages/{sheet.pk}/edit/"
    assert sheet.title == "Ficha Ciudadana 01: Gastos de Funcionamiento 2024"
    assert sheet.slug == "ficha-ciudadana-01-gastos-de-funcionamiento-2024"
    assert not sheet.live
    assert sheet.get_latest_revision_as_object().budget.approved == 10_261_160


def test_an_editor_without_edit_permission_cannot_import(client, sheet_01):
    user = get_user_model().objects.create_user("sin-grupo", "s@example.org", "x" * 16)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(reverse("fichas_import", args=[sheet_01.pk]), upload("ejecucion.csv", csv_bytes(GOOD_ROWS)))
    assert response.status_code in (302, 403)
    assert sheet_01.revisions.count() == FichaCiudadanaPage.objects.get(pk=sheet_01.pk).revisions.count()


# The command line


def test_the_command_creates_a_draft_sheet_and_prints_the_preview(tmp_path, index):
    path = tmp_path / "ejecucion.xlsx"
    path.write_bytes(xlsx_bytes(GOOD_ROWS))
    out = io.StringIO()
    call_command("import_budget_sheet", str(path), "--year", "2024", "--programme", "02", stdout=out)
    text = out.getvalue()
    assert "21 Gastos en Personal: M$\xa09.000.000 / M$\xa08.900.000 / 98,88\xa0%" in text
    assert "Ficha creada: «Ficha Ciudadana 02: Inversión Regional 2024»" in text
    sheet = FichaCiudadanaPage.objects.get(year=2024, programme_number="02")
    assert sheet.slug == "ficha-ciudadana-02-inversion-regional-2024"
    assert not sheet.live


def test_the_command_publishes_only_when_asked(tmp_path, sheet_01):
    path = tmp_path / "ejecucion.csv"
    path.write_bytes(csv_bytes(GOOD_ROWS))
    call_command("import_budget_sheet", str(path), "--year", "2023", "--programme", "01", stdout=io.StringIO())
    assert FichaCiudadanaPage.objects.get(pk=sheet_01.pk).budget.approved != 10_261_160
    call_command(
        "import_budget_sheet", str(path), "--year", "2023", "--programme", "01", "--publish", stdout=io.StringIO()
    )
    assert FichaCiudadanaPage.objects.get(pk=sheet_01.pk).budget.approved == 10_261_160


def test_the_command_fails_on_an_invalid_file_and_saves_nothing(tmp_path, sheet_01):
    path = tmp_path / "roto.csv"
    path.write_bytes(csv_bytes([HEADER, ["21", "", "", "Personal", "12,5", "1"]]))
    revisions = sheet_01.revisions.count()
    err = io.StringIO()
    with pytest.raises(CommandError, match="no se guardó nada"):
        call_command(
            "import_budget_sheet", str(path), "--year", "2023", "--programme", "01", stdout=io.StringIO(), stderr=err
        )
    assert "Fila 2: Presupuesto Vigente «12,5»: El monto debe ser un número entero" in err.getvalue()
    assert sheet_01.revisions.count() == revisions


# Export → import round trip


@pytest.mark.parametrize("file_name", ["datos.csv", "datos.xlsx"])
def test_export_then_import_changes_nothing(admin_user, client, sheet_02, file_name):
    client.force_login(admin_user)
    before_rows = exports.sheet_rows(sheet_02)
    before = sheet_02.budget
    exported = client.get(f"{sheet_02.url}{file_name}")
    assert exported.status_code == 200
    url = reverse("fichas_import", args=[sheet_02.pk])
    preview = client.post(url, upload(file_name, exported.content))
    assert preview.status_code == 200, text_of(preview)
    assert "se quitarán" not in text_of(preview)
    client.post(url, {"datos": signed_data(preview)})
    draft = FichaCiudadanaPage.objects.get(pk=sheet_02.pk).get_latest_revision_as_object()
    assert exports.sheet_rows(draft) == before_rows
    after = draft.budget
    texts = [(line.code, line.name, line.description, line.who_may_apply) for line in before.all_lines()]
    assert [(line.code, line.name, line.description, line.who_may_apply) for line in after.all_lines()] == texts
    assert (after.official_approved, after.official_executed) == (before.official_approved, before.official_executed)


def test_edited_export_imports_the_edit(admin_user, client, sheet_01):
    client.force_login(admin_user)
    text = client.get(f"{sheet_01.url}datos.csv").content.decode("utf-8")
    edited = text.replace("8795139", "8795140", 1)
    assert edited != text
    url = reverse("fichas_import", args=[sheet_01.pk])
    preview = client.post(url, upload("datos.csv", edited.encode("utf-8")))
    client.post(url, {"datos": signed_data(preview)})
    draft = FichaCiudadanaPage.objects.get(pk=sheet_01.pk).get_latest_revision_as_object()
    assert draft.budget.lines[0].approved == 8_795_140
