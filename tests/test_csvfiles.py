"""Every CSV the site serves opens cleanly in a Chilean Spanish spreadsheet, written one way (``base.csvfiles``).

UTF-8 with a byte-order mark, RFC 4180, yes/no as words of the file's language; every
datapackage names its licence; our own budget CSV still imports.
"""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from base.csvfiles import BOM, csv_cell, csv_text
from fichas.importer import read_budget_file
from programa_gobierno.models import ProgramaIndexPage

pytestmark = pytest.mark.django_db

UTF8_BOM = BOM.encode("utf-8")
SHEET_URL = "/fichas-ciudadanas/2023-programa-01-gastos-de-funcionamiento/"


def programme_csv_url(language_code):
    index = ProgramaIndexPage.objects.get(locale=Locale.objects.get(language_code=language_code))
    return index.url + index.reverse_subpage("datos_csv")


def rows_of(content):
    assert content.startswith(UTF8_BOM), content[:20]
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_every_csv_the_site_serves_starts_with_the_bom(client, home):
    urls = [
        SHEET_URL + "datos.csv",
        "/en" + SHEET_URL + "datos.csv",
        "/fichas-ciudadanas/datos.csv",
        "/en/fichas-ciudadanas/datos.csv",
        programme_csv_url("es-cl"),
        programme_csv_url("en"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "text/csv; charset=utf-8", url
        assert rows_of(response.content), url


def test_the_staff_request_export_starts_with_the_bom(client, django_user_model):
    staff = django_user_model.objects.create_user("oac-csv", password="x")
    staff.groups.add(Group.objects.get(name="Atención Ciudadana"))
    client.force_login(staff)
    response = client.get(reverse("citizenrequest:index"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(UTF8_BOM)
    assert content.count(UTF8_BOM) == 1


def test_budget_and_programme_write_yes_and_no_the_same_way(client, home):
    spanish_sheet = rows_of(client.get(SHEET_URL + "datos.csv").content)
    english_sheet = rows_of(client.get("/en" + SHEET_URL + "datos.csv").content)
    assert {row["sobreejecucion"] for row in spanish_sheet} == {"sí", "no"}  # the demo has one over-executed line
    assert {row["over_execution"] for row in english_sheet} == {"yes", "no"}
    programme = list(csv.reader(io.StringIO(client.get(programme_csv_url("es-cl")).content.decode("utf-8-sig"))))
    booleans = {cell for row in programme[1:] for cell in row if cell in {"sí", "no", "true", "false", "True"}}
    assert booleans and booleans <= {"sí", "no"}


def test_the_datapackage_names_its_licence_and_the_csv_boolean_words(client):
    for prefix, yes in (("", "sí"), ("/en", "yes")):
        package = json.loads(client.get(prefix + SHEET_URL + "datapackage.json").content)
        assert package["licenses"][0]["name"] == "CC-BY-4.0"
        assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
        (boolean,) = [field for field in package["resources"][0]["schema"]["fields"] if field["type"] == "boolean"]
        assert boolean["trueValues"] == [yes] and boolean["falseValues"] == ["no"]


def test_the_licence_can_be_set_in_settings(client, settings):
    settings.OPEN_DATA_LICENSE = {"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/"}
    package = json.loads(client.get(SHEET_URL + "datapackage.json").content)
    assert package["licenses"] == [settings.OPEN_DATA_LICENSE]


def test_our_budget_csv_with_its_bom_imports_back(client):
    response = client.get(SHEET_URL + "datos.csv")
    result = read_budget_file(response.content, "datos.csv")
    assert result.errors == []
    exported = rows_of(response.content)
    assert {line.code for line in result.lines} == {row["linea_codigo"] for row in exported}


def test_csv_text_writes_the_bom_once_and_cells_by_one_rule():
    text = csv_text(["a", "b", "c"], [[None, True, "Región"], [1, False, 'dijo "sí"']], language="es-cl")
    assert text.startswith(BOM) and text.count(BOM) == 1
    assert text[1:] == 'a,b,c\r\n,sí,Región\r\n1,no,"dijo ""sí"""\r\n'
    assert csv_cell(True, "en") == "yes" and csv_cell(False, "en") == "no"
