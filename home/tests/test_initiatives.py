"""Initiatives in the admin: an initiative's ámbito must be one of its axis's ámbitos."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import Ambito, Eje, Iniciativa

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_axes(home):
    """Two Spanish axes of the demo, each with at least one ámbito."""
    axes = [eje for eje in Eje.objects.filter(locale=home.locale) if eje.ambitos.exists()]
    assert len(axes) >= 2
    return axes[0], axes[1]


def post_initiative(admin_client, eje, ambito, name):
    url = reverse(Iniciativa.snippet_viewset.get_url_name("add")) + f"?locale={eje.locale.language_code}"
    data = nested_form_data(
        {
            "eje": eje.pk,
            "ambito": ambito.pk,
            "name": name,
            "description": rich_text("<p>Descripción.</p>"),
            "status": Iniciativa.Status.PLANNED,
            "page": "",
            "sort_order": 0,
        }
    )
    return admin_client.post(url, data)


def test_an_ambito_of_another_axis_is_refused_with_a_spanish_message(admin_client, spanish_axes):
    eje, other = spanish_axes
    foreign = other.ambitos.first()
    response = post_initiative(admin_client, eje, foreign, "Iniciativa mal ubicada")
    assert response.status_code == 200  # the form again, not a redirect
    assert "no pertenece al eje elegido" in response.content.decode()
    assert not Iniciativa.objects.filter(name="Iniciativa mal ubicada").exists()


def test_an_ambito_of_the_same_axis_is_saved(admin_client, spanish_axes):
    eje, _other = spanish_axes
    own: Ambito = eje.ambitos.first()
    response = post_initiative(admin_client, eje, own, "Iniciativa bien ubicada")
    assert response.status_code == 302
    saved = Iniciativa.objects.get(name="Iniciativa bien ubicada")
    assert (saved.eje, saved.ambito) == (eje, own)
