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
