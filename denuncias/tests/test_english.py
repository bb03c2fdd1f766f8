"""The reporter's pages in English (/en/): the same channel, the same protections; handlers stay Spanish."""

import pytest
from bs4 import BeautifulSoup

from denuncias.models import AuditEntry, Report, Status
from denuncias.tests.test_reporter import form_data, receipt_from

pytestmark = pytest.mark.django_db


def english_form(client, **overrides):
    """The report form as posted from /en/denunciar/, with English texts."""
    texts = {
        "description": "My manager awarded a contract to his brother's company.",
        "when_where": "March 2026, Procurement",
        "people_involved": "Head of procurement",
    }
    return form_data(client, path="/en/denunciar/", **{**texts, **overrides})


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_english_home_is_english_and_switches_to_the_same_page_in_spanish(client):
    page = soup(client.get("/en/"))
    assert page.html["lang"] == "en"
    assert page.h1.get_text() == "Whistleblowing Channel"
    assert "Make a report" in page.get_text() and "Hacer una denuncia" not in page.get_text()
    switch = page.select_one("a.language-switch")
    assert (switch["href"], switch.get_text(), switch["lang"]) == ("/", "Español", "es")
    links = {a["href"] for a in page.select("main a")}
    assert {"/en/denunciar/", "/en/ingresar/"} <= links


def test_spanish_pages_stay_spanish_and_offer_english(client):
    page = soup(client.get("/denunciar/"))
    assert page.html["lang"] == "es-CL"
    switch = page.select_one("a.language-switch")
    assert (switch["href"], switch.get_text(), switch["lang"]) == ("/en/denunciar/", "English", "en")


def test_the_browser_language_is_never_read(client):
    # ForgetClientMiddleware drops Accept-Language: only the address chooses the language.
    page = soup(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))
    assert page.html["lang"] == "es-CL"
    assert page.h1.get_text() == "Canal de Denuncias"


def test_a_report_filed_in_english_gets_an_english_receipt_and_follow_up(client):
    response = client.post("/en/denunciar/", english_form(client))
    assert response.status_code == 200
    assert soup(response).html["lang"] == "en"
    receipt = receipt_from(response)
    assert Report.objects.count() == 1
    login = client.post("/en/ingresar/", {"receipt": receipt})
    assert login.status_code == 302 and login["Location"] == "/en/mi-denuncia/"
    page = soup(client.get("/en/mi-denuncia/"))
    assert page.html["lang"] == "en"
    text = page.get_text()
    assert "My report" in text and "My manager awarded a contract" in text
    assert "Sign out" in text


def test_form_errors_are_english(client):
    response = client.post("/en/denunciar/", english_form(client, category="", description=""))
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one("#id_description_error").get_text(" ", strip=True) == "This field is required."
    summary = " ".join(page.select_one("[role=alert]").get_text(" ", strip=True).split())
    assert summary.startswith("Please check the form")
    assert "What happened?" in summary
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("/en/gestion/", "/gestion/"),
        ("/en/gestion/ingresar/", "/gestion/ingresar/"),
        ("/en/gestion/auditoria/", "/gestion/auditoria/"),
        ("/en/gestion/ingresar/?next=/gestion/", "/gestion/ingresar/?next=/gestion/"),
    ],
)
def test_the_handlers_area_is_spanish_only(client, english, spanish):
    response = client.get(english)
    assert response.status_code == 302
    assert response["Location"] == spanish


def test_handlers_pages_have_no_language_switch(client):
    page = soup(client.get("/gestion/ingresar/"))
    assert page.html["lang"] == "es-CL"
    assert page.select_one("a.language-switch") is None


def test_an_english_address_changes_nothing_in_the_handlers_area(handler_client, make_report):
    report, _receipt = make_report()
    response = handler_client.post(f"/en/gestion/denuncias/{report.pk}/estado/", {"status": "en_investigacion"})
    assert response.status_code == 302
    assert response["Location"] == f"/gestion/denuncias/{report.pk}/estado/"
    report.refresh_from_db()
    assert report.status == Status.RECEIVED
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.STATUS).exists()
