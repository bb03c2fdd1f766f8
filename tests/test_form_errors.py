"""Every public form marks an error the same way, whatever the field type.

The field's wrapper has ``.has-error``; its message is a ``.field-error`` placed before the
control, with an id; the control (text, e-mail, textarea, select, radio, checkbox, file) has
``aria-invalid="true"`` and names the message in ``aria-describedby``. The look is one set of
rules in ``static/css/site.css``.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings, tmp_path):
    """The contact form's per-client limits start empty; attachments go to a folder of the test's own."""
    from contacto.ratelimit import local_counts

    settings.CONTACTO_ATTACHMENTS_ROOT = str(tmp_path / "adjuntos")
    cache.clear()
    local_counts.clear()
    yield
    cache.clear()
    local_counts.clear()


@pytest.fixture
def office(home):
    from contacto.models import ContactoPage

    return ContactoPage.objects.get(slug="oficina-de-atencion-ciudadana", locale=home.locale)


def assert_marked(soup, control):
    """``control`` is marked invalid, described by an error message shown before it in a .has-error wrapper."""
    assert control.get("aria-invalid") == "true", control
    described = control.get("aria-describedby", "").split()
    messages = [soup.find(id=ident) for ident in described]
    errors = [message for message in messages if message is not None and "field-error" in message.get("class", [])]
    assert len(errors) == 1, control
    (error,) = errors
    assert error.get_text(strip=True)
    wrapper = control.find_parent(class_="has-error")
    assert wrapper is not None and error.find_parent(class_="has-error") is wrapper, control
    # The message comes before the control, so it is read before typing.
    assert error in control.find_all_previous(class_="field-error")


def test_the_contact_form_marks_every_field_type_alike(client, office):
    data = {
        "request_type": "",  # radio
        "name": "",  # text
        "email": "no-es-un-correo",  # e-mail
        "comuna": "",  # select
        "subject": "",  # text
        "message": "",  # textarea
        "consent": "",  # checkbox
        "attachments": [SimpleUploadedFile("programa.exe", b"MZ\x90\x00")],  # file
    }
    response = client.post(office.url, data)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    for ident in ["id_name", "id_email", "id_comuna", "id_subject", "id_message", "id_consent", "id_attachments"]:
        assert_marked(soup, soup.find(id=ident))
    radios = soup.select('input[name="request_type"]')
    assert len(radios) >= 2 and all(radio.get("aria-invalid") == "true" for radio in radios)
    group = soup.select_one("fieldset#campo-request_type")
    assert "has-error" in group["class"]
    assert soup.find(id=group["aria-describedby"])["class"] == ["field-error"]
    # Kinds of control covered: the rule "every field type" is really exercised.
    kinds = {soup.find(id=ident).name + ":" + soup.find(id=ident).get("type", "") for ident in ["id_name", "id_email"]}
    assert kinds == {"input:text", "input:email"}
    assert soup.find(id="id_comuna").name == "select" and soup.find(id="id_message").name == "textarea"
    assert soup.find(id="id_consent")["type"] == "checkbox" and soup.find(id="id_attachments")["type"] == "file"


def test_the_tracking_form_marks_its_fields(client, office):
    response = client.post(office.url + "seguimiento/", {"code": "", "email": "x"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert_marked(soup, soup.find(id="id_code"))
    assert_marked(soup, soup.find(id="id_email"))


def test_the_search_form_marks_a_query_it_cannot_read(client):
    response = client.get("/buscar/", {"q": "presupuesto\x07"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert_marked(soup, soup.find(id="search-q"))
    assert "search-hint" in soup.find(id="search-q")["aria-describedby"].split()


def test_a_good_search_is_not_marked(client):
    soup = BeautifulSoup(client.get("/buscar/", {"q": "presupuesto"}).content, "html.parser")
    assert not soup.select(".search-form .has-error, .search-form .field-error")
    assert not soup.find(id="search-q").has_attr("aria-invalid")


def test_the_commitment_filters_mark_their_fields(client, home):
    from programa_gobierno.models import ProgramaIndexPage

    programa = ProgramaIndexPage.objects.get(locale=home.locale)
    response = client.get(programa.url, {"tema": "inventado", "atrasados": "quizas"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert_marked(soup, soup.find(id="id_tema"))


def test_the_budget_year_filter_marks_its_field(client):
    response = client.get("/fichas-ciudadanas/", {"anio": "1999"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert_marked(soup, soup.find(id="id_anio"))
