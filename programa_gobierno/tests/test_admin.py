"""The editors' side: the page editor and the theme snippet open, and a bad milestone is explained."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from programa_gobierno.models import CompromisoPage, Tema

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("admin-programa", "admin@example.org", "clave-de-prueba-larga")
    client.force_login(user)
    return client


def test_commitment_editor_opens_with_milestones_and_evidence(editor_client, programa):
    page = CompromisoPage.objects.get(locale=programa.locale, slug="plan-de-emergencia-hidrica")
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "hitos-FORMS" in html and "hitos-0-evidence_document" in html
    assert "status_override_reason" in html


def test_new_commitment_form_opens_under_the_index(editor_client, programa):
    url = reverse("wagtailadmin_pages:add", args=["programa_gobierno", "compromisopage", programa.pk])
    assert editor_client.get(url).status_code == 200


def test_themes_are_editable_snippets(editor_client, programa):
    tema = Tema.objects.get(locale=programa.locale, slug="agua")
    list_url = reverse(Tema.snippet_viewset.get_url_name("list"))
    response = editor_client.get(list_url)
    assert response.status_code == 200
    assert "Agua y emergencia hídrica" in response.content.decode()
    edit_url = reverse(Tema.snippet_viewset.get_url_name("edit"), args=[tema.pk])
    assert editor_client.get(edit_url).status_code == 200


def _commitment_form_data(programa, milestones, **overrides):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    tema = Tema.objects.get(locale=programa.locale, slug="movilidad")
    data = {
        "title": "Compromiso creado en el administrador",
        "slug": "compromiso-creado-en-el-administrador",
        "summary": "",
        "tema": tema.pk,
        "problem": "Un problema público.",
        "description": rich_text("<p>Descripción.</p>"),
        "lead_institution": "Unidad de prueba",
        "supporting_actors": "",
        "start_date": "2024-01-01",
        "end_date": "2026-12-31",
        "status_override": "",
        "status_override_reason": "",
        "hitos": inline_formset(milestones),
        "imagenes": inline_formset([]),
        "enlaces": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_publishes_a_commitment_and_its_progress_is_computed(editor_client, programa):
    url = reverse("wagtailadmin_pages:add", args=["programa_gobierno", "compromisopage", programa.pk])
    milestones = [
        {
            "title": "Primer hito",
            "due_date": "2025-01-01",
            "completed_on": "2025-01-10",
            "weight": "3",
            "evidence_url": "https://example.org/acta",
            "evidence_date": "2025-01-10",
            "evidence_description": "Acta",
        },
        {
            "title": "Segundo hito",
            "due_date": "2026-01-01",
            "completed_on": "",
            "weight": "1",
            "evidence_url": "",
            "evidence_date": "",
            "evidence_description": "",
        },
    ]
    response = editor_client.post(url, _commitment_form_data(programa, milestones))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CompromisoPage.objects.get(slug="compromiso-creado-en-el-administrador")
    assert page.live
    assert (str(page.progress), page.status) == ("75.0", "sustancial")
    assert {hito.locale_id for hito in page.hitos.all()} == {programa.locale_id}


def test_editor_sees_the_spanish_error_for_a_milestone_without_evidence(editor_client, programa):
    url = reverse("wagtailadmin_pages:add", args=["programa_gobierno", "compromisopage", programa.pk])
    milestones = [
        {
            "title": "Hito sin evidencia",
            "due_date": "2025-01-01",
            "completed_on": "2025-01-10",
            "weight": "1",
            "evidence_url": "",
            "evidence_date": "2025-01-10",
            "evidence_description": "",
        },
    ]
    response = editor_client.post(url, _commitment_form_data(programa, milestones))
    assert response.status_code == 200
    assert "Para marcar el hito como cumplido agregue una evidencia" in response.content.decode()
    assert not CompromisoPage.objects.filter(slug="compromiso-creado-en-el-administrador").exists()
