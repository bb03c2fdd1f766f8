"""Tracking look-up (code + e-mail, nothing else revealed, rate limited) and the public statistics page."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone

from contacto import services
from contacto.models import CitizenRequest

pytestmark = pytest.mark.django_db


def make_request(**overrides):
    data = {
        "request_type": "consulta",
        "name": "Pedro Soto",
        "email": "pedro@example.org",
        "phone": "",
        "comuna": "maipu",
        "subject": "Horario de atención",
        "message": "¿Atienden los sábados?",
    }
    now = overrides.pop("now", None)
    data.update(overrides)
    return services.submit_request(data=data, now=now)


def test_lookup_shows_status_and_public_answer_only(client, office):
    request_obj = make_request()
    request_obj.public_answer = "Atendemos de lunes a viernes."
    request_obj.status = "respondida"
    request_obj.answered_at = timezone.now()
    request_obj.save()
    response = client.post(
        office.url + "seguimiento/", {"code": request_obj.code.lower(), "email": "PEDRO@example.org"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert request_obj.code in html
    assert "Respondida" in html
    assert "Atendemos de lunes a viernes." in html
    # Nothing else about the request is revealed.
    for private in ["Pedro Soto", "pedro@example.org", "¿Atienden los sábados?", "Horario de atención", "Maipú"]:
        assert private not in html


def test_lookup_with_wrong_email_or_code_reveals_nothing(client, office):
    request_obj = make_request()
    wrong_email = client.post(office.url + "seguimiento/", {"code": request_obj.code, "email": "otra@example.org"})
    wrong_code = client.post(office.url + "seguimiento/", {"code": "OAC-2020-999999", "email": "pedro@example.org"})
    assert wrong_email.status_code == wrong_code.status_code == 404
    for response in (wrong_email, wrong_code):
        soup = BeautifulSoup(response.content, "html.parser")
        assert "No encontramos la solicitud" in soup.select_one("#resumen-errores").get_text()
        assert "Pedro" not in response.content.decode()


def test_lookup_with_malformed_code_gets_400(client, office):
    response = client.post(office.url + "seguimiento/", {"code": "<script>", "email": "pedro@example.org"})
    assert response.status_code == 400
    assert "OAC-2026-000123" in response.content.decode()


@override_settings(CONTACTO_RATE_LIMITS={"lookup": (3, 600)})
def test_lookup_is_rate_limited(client, office):
    url = office.url + "seguimiento/"
    for _ in range(3):
        assert client.post(url, {"code": "OAC-2026-000001", "email": "x@example.org"}).status_code == 404
    response = client.post(url, {"code": "OAC-2026-000001", "email": "x@example.org"})
    assert response.status_code == 429


def test_lookup_shows_forwarding_institution(client, office):
    request_obj = make_request()
    request_obj.status = "derivada"
    request_obj.forwarded_institution = "Municipalidad de Maipú"
    request_obj.forwarded_email = "oirs@maipu.example"
    request_obj.forwarded_at = timezone.now()
    request_obj.save()
    html = client.post(office.url + "seguimiento/", {"code": request_obj.code, "email": "pedro@example.org"}).content
    assert "Municipalidad de Maipú" in html.decode()
    assert "oirs@maipu.example" not in html.decode()


def test_statistics_page_counts_without_personal_data(client, office):
    old = timezone.now() - timedelta(days=40)
    first = make_request(request_type="reclamo", now=old, subject="uno")
    make_request(request_type="reclamo", subject="dos")
    make_request(request_type="sugerencia", subject="tres")
    first.answered_at = old + timedelta(days=1)
    first.status = "respondida"
    first.save()
    response = client.get(office.url + "estadisticas/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("caption").get_text() == "Solicitudes por tipo y mes"
    footer = [cell.get_text() for cell in soup.select("tfoot td")]
    assert footer == ["0", "2", "1", "0", "3"]
    cards = {div.dt.get_text(): div.dd.get_text() for div in soup.select(".stat-cards div")}
    assert cards["Solicitudes recibidas"] == "3"
    assert cards["Respondidas a tiempo"] == "100,0 %"
    assert "Pedro" not in response.content.decode() and "pedro@example.org" not in response.content.decode()


def test_statistics_counted_in_sql_match_the_requests_one_by_one(client, office):
    """Counts, on-time share and median from the aggregate queries equal a row-by-row count."""
    from statistics import median

    from contacto.deadlines import working_days_between
    from contacto.models import CitizenRequest

    now = timezone.now()
    # Received 70, 40 and 5 days ago; answered after 0 to 30 days (some late), or not yet.
    for number, (ago, answered_after, kind) in enumerate(
        [
            (70, 1, "reclamo"),
            (70, 30, "reclamo"),
            (70, 30, "consulta"),
            (40, 2, "sugerencia"),
            (40, None, "reclamo"),
            (40, 12, "consulta"),
            (5, 0, "felicitacion"),
            (5, None, "consulta"),
            (5, 3, "reclamo"),
        ]
    ):
        received = now - timedelta(days=ago)
        request_obj = make_request(request_type=kind, now=received, subject=f"solicitud {number}")
        if answered_after is not None:
            request_obj.answered_at = received + timedelta(days=answered_after)
            request_obj.status = "respondida"
            request_obj.save()
    rows = list(CitizenRequest.objects.all())
    answered = [r for r in rows if r.answered_at]
    local_day = [timezone.localdate(r.answered_at) for r in answered]
    on_time = sum(1 for r, day in zip(answered, local_day, strict=True) if day <= r.due_on)
    expected_median = median(
        working_days_between(r.received_on, day) for r, day in zip(answered, local_day, strict=True)
    )

    soup = BeautifulSoup(client.get(office.url + "estadisticas/").content, "html.parser")
    cards = {div.dt.get_text(): div.dd.get_text() for div in soup.select(".stat-cards div")}
    assert cards["Solicitudes recibidas"] == str(len(rows))
    tenths = on_time * 1000 // len(answered)  # the site's percentage rule: truncated, never rounded
    share = f"{tenths // 10},{tenths % 10}"
    assert cards["Respondidas a tiempo"] == f"{share} %"
    assert 0 < on_time < len(answered)  # the data has both on-time and late answers
    assert cards["Mediana de días hábiles para responder"] == f"{expected_median:.1f}".replace(".", ",")
    months = {(r.received_on.year, r.received_on.month) for r in rows}
    assert len(soup.select("tbody tr")) == len(months)


def test_statistics_page_with_no_answers(client, office):
    response = client.get(office.url + "estadisticas/")
    assert response.status_code == 200
    assert "Sin respuestas aún" in response.content.decode()


@pytest.mark.parametrize("path", ["", "seguimiento/", "estadisticas/"])
def test_public_pages_make_a_fixed_number_of_queries(client, office, django_assert_max_num_queries, path):
    """The number of queries does not grow with the number of requests."""
    for index in range(2):
        make_request(subject=f"pocas {index}")
    client.get(office.url + path)  # warm caches (site, locales)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(office.url + path).status_code == 200
    for index in range(30):
        make_request(subject=f"muchas {index}", request_type=["consulta", "reclamo"][index % 2])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(office.url + path).status_code == 200


def test_due_date_is_ten_working_days_after_receipt():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    received = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/Santiago"))
    request_obj = make_request(now=received)
    assert request_obj.received_on.isoformat() == "2026-11-23"
    assert request_obj.due_on.isoformat() == "2026-12-07"
    assert request_obj.code == f"OAC-2026-{request_obj.number:06d}"
    assert CitizenRequest.objects.filter(code=request_obj.code).count() == 1
