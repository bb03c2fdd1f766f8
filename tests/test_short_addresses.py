"""Short addresses (/contacto/, /fichas/...) lead to their sections and follow the pages when moved."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from base import demo_redirects
from fichas.models import FichasIndexPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("short", ["/contacto/", "/contacto", "/fichas/", "/programa/", "/denuncias/"])
def test_short_address_leads_to_its_section(client, home, short):
    model = demo_redirects.short_addresses()[short.rstrip("/")]
    page = model.objects.descendant_of(home).live().get()
    response = client.get(short)
    assert response.status_code == 301
    assert response["Location"] == page.url
    assert client.get(response["Location"]).status_code == 200


def test_short_address_follows_its_page_when_the_slug_changes(client, home):
    index = FichasIndexPage.objects.descendant_of(home).get()
    index.slug = "presupuesto-ciudadano"
    index.save_revision().publish()
    response = client.get("/fichas/")
    assert response.status_code == 301
    assert response["Location"] == "/presupuesto-ciudadano/"


def test_loading_again_keeps_the_editors_redirects(home):
    redirect = Redirect.objects.get(old_path="/contacto")
    redirect.redirect_page = None
    redirect.redirect_link = "https://www.gobiernosantiago.cl/contacto"
    redirect.save()
    demo_redirects.load(home)
    assert Redirect.objects.filter(old_path="/contacto").count() == 1
    assert Redirect.objects.get(old_path="/contacto").redirect_link == "https://www.gobiernosantiago.cl/contacto"
