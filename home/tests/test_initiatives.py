"""Initiatives in the admin: an initiative's ámbito must be one of its axis's ámbitos."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import Iniciativa

from .factories import AmbitoFactory, EjeFactory

pytestmark = pytest.mark.django_db


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


def test_an_ambito_of_another_axis_is_refused_on_that_field(admin_client):
    eje, foreign = EjeFactory(), AmbitoFactory()
    response = post_initiative(admin_client, eje, foreign, "Iniciativa mal ubicada")
    assert response.status_code == 200  # the form again, not a redirect
    form = response.context["form"]
    assert list(form.errors) == ["ambito"]
    assert form.errors["ambito"][0] in response.content.decode()  # shown to the editor
    assert not Iniciativa.objects.filter(name="Iniciativa mal ubicada").exists()


def test_an_ambito_of_the_same_axis_is_saved(admin_client):
    own = AmbitoFactory()
    response = post_initiative(admin_client, own.eje, own, "Iniciativa bien ubicada")
    assert response.status_code == 302
    saved = Iniciativa.objects.get(name="Iniciativa bien ubicada")
    assert (saved.eje, saved.ambito) == (own.eje, own)
