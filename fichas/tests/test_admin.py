"""The editor's side: the edit view warns about totals that do not add up; bad amounts are errors, not crashes."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from fichas.models import FichaCiudadanaPage

from .factories import line as budget_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("fichas-editora", "editora@example.com", "x" * 16)
    client.force_login(user)
    return client


def items(values):
    """ListBlock form data."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


def line_data(code, approved, executed, components=()):
    return {
        "code": code,
        "name": f"Línea {code}",
        "description": "",
        "who_may_apply": "",
        "approved": approved,
        "executed": executed,
        "components": items(list(components)),
    }


def edit_form(page, lines, official_approved="", official_executed=""):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "year": page.year,
            "programme_number": page.programme_number,
            "programme_name": page.programme_name,
            "introduction": rich_text("<p>Introducción.</p>"),
            "body": streamfield(
                [
                    (
                        "budget_table",
                        {
                            "title": "Ejecución 2023",
                            "lines": items(lines),
                            "official_approved": official_approved,
                            "official_executed": official_executed,
                            "note": "",
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
        }
    )


def test_edit_view_shows_what_does_not_add_up(admin_client, sheet_01):
    response = admin_client.get(f"/admin/pages/{sheet_01.pk}/edit/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.find(string="Verificación de totales").find_parent("section")
    panel_text = re.sub(r"[ \t\r\n]+", " ", panel.get_text(" ", strip=True))
    assert "los montos no cuadran" in panel_text
    assert "M$\xa099.002 más" in panel_text and "M$\xa02 menos" in panel_text
    assert "26 Otros Gastos Corrientes" in panel_text


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-100", "El monto no puede ser negativo."),
        ("12,5", "El monto debe ser un número entero de miles de pesos, sin decimales."),
        ("mil", "Escriba el monto solo con cifras, por ejemplo 8.713.930."),
    ],
)
def test_a_bad_amount_is_a_spanish_error_and_saves_nothing(admin_client, make_sheet, typed, message):
    page = make_sheet([budget_line("21", 10, 5, name="a")])
    revisions = page.revisions.count()
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, [line_data("21", "1.000", typed)]))
    assert response.status_code == 200  # the form again, with the error; never a 500
    html = response.content.decode()
    # Block errors reach the page inside the editor's JSON data, where "ú" may be escaped.
    assert message in html or json.dumps(message)[1:-1] in html
    assert page.revisions.count() == revisions


def test_saving_valid_es_cl_amounts_stores_integers_and_warns_about_mismatches(admin_client, make_sheet):
    page = make_sheet([budget_line("21", 10, 5, name="a")])
    component = {
        "code": "33.03.125",
        "name": "FRIL",
        "description": "",
        "who_may_apply": "",
        "approved": "2.000",
        "executed": "1.500",
    }
    data = edit_form(
        page,
        [line_data("21", "8.795.139", "8.713.930"), line_data("33", "", "", [component])],
        official_approved="8.797.140",
        official_executed="8.715.430",
    )
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    assert response.status_code == 200
    saved = FichaCiudadanaPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert (saved.budget.approved, saved.budget.executed) == (8_797_139, 8_715_430)
    messages = [str(m) for m in response.context["messages"]]
    assert any("las líneas suman M$\xa01 menos" in m for m in messages), messages
