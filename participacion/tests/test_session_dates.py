"""Sessions known only by their month or year: what citizens read, and what editors may enter."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from participacion.models import InstanciaSession

pytestmark = pytest.mark.django_db

SANTIAGO = ZoneInfo("America/Santiago")


def session(precision, **fields):
    return InstanciaSession(
        starts_at=datetime.datetime(2023, 5, 1, 0, 30, tzinfo=SANTIAGO), date_precision=precision, **fields
    )


@pytest.mark.parametrize(
    ("precision", "language", "text", "iso"),
    [
        ("exact", "es-cl", "1 de mayo de 2023, 00:30", "2023-05-01T00:30:00-04:00"),
        ("month", "es-cl", "mayo de 2023", "2023-05"),
        ("year", "es-cl", "2023", "2023"),
        ("month", "en", "May 2023", "2023-05"),
    ],
)
def test_the_date_shows_only_what_is_known(precision, language, text, iso):
    # 00:30 in Santiago is 04:30 UTC: the month and year are the local ones, not UTC's.
    with translation.override(language):
        assert session(precision).when_text == text
        assert session(precision).when_iso == iso


def test_an_inexact_session_has_no_end_time():
    with pytest.raises(ValidationError) as error:
        session("year", ends_at=datetime.datetime(2023, 5, 1, 2, 0, tzinfo=SANTIAGO)).clean()
    assert error.value.message_dict == {
        "ends_at": ["Deje vacía la hora de término: la fecha de esta sesión no es exacta."]
    }


def test_a_session_cannot_end_before_it_starts():
    with pytest.raises(ValidationError) as error:
        session("exact", ends_at=datetime.datetime(2023, 4, 30, 23, 0, tzinfo=SANTIAGO)).clean()
    assert error.value.message_dict == {"ends_at": ["La sesión no puede terminar antes de empezar."]}
    session("exact", ends_at=datetime.datetime(2023, 5, 1, 2, 0, tzinfo=SANTIAGO)).clean()


def test_sessions_page_shows_the_month_of_a_session_announced_for_a_month(client, index, make_body, session_at):
    make_body(title="Mesa de prueba", sessions=[session_at(45, title="Sesión de marzo", date_precision="month")])
    soup = BeautifulSoup(client.get("/participacion/sesiones/").content, "html.parser")
    row = next(tr for tr in soup.select("table tbody tr") if "Sesión de marzo" in tr.get_text())
    cell = row.select_one("td")
    assert len(cell.time["datetime"]) == len("2027-01")  # a month, not a day
    assert " ".join(cell.get_text().split()).endswith("(sin día exacto)")


def test_editors_are_told_when_an_inexact_session_has_an_end_time(admin_client, council):
    """The body's edit form refuses the end time of a year-only session, beside the field, in Spanish."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    sessions = list(council.sessions.all())
    rows = [
        {
            "id": str(s.pk),
            "title": s.title,
            "starts_at": s.starts_at.astimezone(SANTIAGO).strftime("%Y-%m-%d %H:%M"),
            "ends_at": "2023-01-01 14:00" if i == 0 else "",
            "date_precision": s.date_precision,
            "place": s.place,
            "online_url": "",
            "agenda": "",
            "minutes": "",
            "attendance": "",
            "agreements": inline_formset([]),
        }
        for i, s in enumerate(sessions)
    ]
    data = nested_form_data(
        {
            "title": council.title,
            "slug": council.slug,
            "type": council.type,
            "status": council.status,
            "summary": council.summary,
            "purpose": rich_text(council.purpose),
            "legal_basis": "",
            "formed_on": "",
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
            "members": inline_formset([]),
            "sessions": inline_formset(rows, initial=len(rows)),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/{council.pk}/edit/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deje vacía la hora de término: la fecha de esta sesión no es exacta." in html
    council.refresh_from_db()
    assert not council.sessions.filter(ends_at__isnull=False).exists()
