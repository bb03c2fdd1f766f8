"""A new sheet is named from its year and programme, and an autosaved draft never blocks the next attempt."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from fichas.models import FichaCiudadanaPage

pytestmark = pytest.mark.django_db

SLUG = "ficha-ciudadana-01-gastos-de-funcionamiento-2024"


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_user("comunicaciones-nueva", "n@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name="Comunicaciones"))
    client.force_login(user)
    return client


def create_form(title="", slug=""):
    line = {"code": "21", "name": "Gastos en Personal", "description": "", "who_may_apply": "",
            "approved": "100", "executed": "90", "components": {"count": "0"}}  # fmt: skip
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "year": "2024",
            "programme_number": "01",
            "programme_name": "Gastos de Funcionamiento",
            "introduction": rich_text("<p>Introducción.</p>"),
            "body": streamfield(
                [
                    (
                        "budget_table",
                        {
                            "title": "Ejecución 2024",
                            "lines": {"0": {"value": line, "deleted": "", "order": "0"}, "count": "1"},
                            "official_approved": "",
                            "official_executed": "",
                            "note": "",
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
        }
    )


def add_url(index):
    return f"/admin/pages/add/fichas/fichaciudadanapage/{index.pk}/"


def test_a_new_sheet_left_untitled_is_named_from_its_year_and_programme(editor_client, index):
    response = editor_client.post(add_url(index), create_form())
    assert response.status_code == 302
    sheet = FichaCiudadanaPage.objects.get(year=2024, programme_number="01")
    assert sheet.title == "Ficha Ciudadana 01: Gastos de Funcionamiento 2024"
    assert sheet.slug == SLUG


def test_a_draft_left_by_autosave_does_not_block_the_next_attempt(editor_client, index):
    # The editor types the title; Wagtail's script copies it into the slug; autosave (a JSON request) creates
    # a draft page with that slug. The editor leaves and starts the same sheet again.
    title = "Ficha Ciudadana 01: Gastos de Funcionamiento 2024"
    autosave = editor_client.post(add_url(index), create_form(title, SLUG), headers={"accept": "application/json"})
    assert autosave.status_code == 200 and autosave.json()["success"]
    assert FichaCiudadanaPage.objects.filter(slug=SLUG, live=False).exists()

    again = editor_client.post(add_url(index), create_form(title, SLUG))
    assert again.status_code == 302, again.content.decode()[:500]
    assert FichaCiudadanaPage.objects.filter(year=2024, programme_number="01").count() == 2
    assert FichaCiudadanaPage.objects.filter(slug=f"{SLUG}-2").exists()
