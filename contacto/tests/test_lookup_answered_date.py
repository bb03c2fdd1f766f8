"""The tracking page says when a request was answered, as a date in the visitor's language."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from contacto import services

pytestmark = pytest.mark.django_db

# 22:30 in Santiago on 24 November is already 25 November in UTC: the page must show Santiago's date.
ANSWERED = datetime.datetime(2026, 11, 25, 1, 30, tzinfo=ZoneInfo("UTC"))
RECEIVED = datetime.datetime(2026, 11, 20, 12, 0, tzinfo=ZoneInfo("UTC"))


def answered_request():
    request = services.submit_request(
        data={
            "request_type": "consulta",
            "name": "Pedro Soto",
            "email": "pedro@example.org",
            "phone": "",
            "comuna": "maipu",
            "subject": "Horario",
            "message": "¿Atienden los sábados?",
        },
        now=RECEIVED,
    )
    previous = {
        "status": request.status,
        "assigned_to_id": request.assigned_to_id,
        "public_answer": request.public_answer,
        "forwarded_institution": request.forwarded_institution,
        "forwarded_email": request.forwarded_email,
    }
    request.public_answer = "Atendemos de lunes a viernes."
    services.apply_staff_changes(request, previous, actor=None, now=ANSWERED)
    return request


def facts(client, url, request):
    response = client.post(url + "seguimiento/", {"code": request.code, "email": "pedro@example.org"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {dt.get_text(strip=True): dt.find_next("dd").get_text(strip=True) for dt in soup.select(".request-facts dt")}


def test_the_tracking_page_shows_the_answer_date_in_spanish(client, office):
    request = answered_request()
    assert facts(client, office.url, request)["Respondida el"] == "24 de noviembre de 2026"


def test_the_tracking_page_shows_the_answer_date_in_english(client, office):
    request = answered_request()
    office_en = office.get_translation(Locale.objects.get(language_code="en"))
    assert (
        facts(client, office_en.url, request)["Answered on"] == "Nov. 24, 2026"
    )  # the English DATE_FORMAT (AP style), as elsewhere on /en/


def test_an_unanswered_request_shows_no_answer_date(client, office):
    request = services.submit_request(
        data={
            "request_type": "consulta",
            "name": "Ana",
            "email": "pedro@example.org",
            "phone": "",
            "comuna": "maipu",
            "subject": "Horario",
            "message": "¿Atienden los domingos?",
        },
        now=RECEIVED,
    )
    assert "Respondida el" not in facts(client, office.url, request)
