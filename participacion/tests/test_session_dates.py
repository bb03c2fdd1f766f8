"""Sessions known only by their month or year: what citizens read, and what editors may enter."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from participacion.models import InstanciaSession

from .factories import InstanciaPageFactory, InstanciaSessionFactory

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


def end_time_error(session):
    """The messages ``session.clean()`` gives, by field ({} when it passes)."""
    try:
        session.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_an_inexact_session_has_no_end_time():
    late_end = datetime.datetime(2023, 5, 1, 2, 0, tzinfo=SANTIAGO)
    assert list(end_time_error(session("year", ends_at=late_end))) == ["ends_at"]
    assert list(end_time_error(session("month", ends_at=late_end))) == ["ends_at"]
    assert end_time_error(session("year")) == {}


def test_a_session_cannot_end_before_it_starts():
    assert list(end_time_error(session("exact", ends_at=datetime.datetime(2023, 4, 30, 23, 0, tzinfo=SANTIAGO)))) == [
        "ends_at"
    ]
    assert end_time_error(session("exact", ends_at=datetime.datetime(2023, 5, 1, 2, 0, tzinfo=SANTIAGO))) == {}


def test_sessions_page_shows_the_month_of_a_session_announced_for_a_month(client, fresh_index):
    month_only = InstanciaSessionFactory.build(days=45, title="Sesión de marzo", date_precision="month")
    InstanciaPageFactory(parent=fresh_index, title="Mesa de prueba", sessions=[month_only], publish=True)
    soup = BeautifulSoup(client.get(f"{fresh_index.url}sesiones/").content, "html.parser")
    [row] = soup.select("table tbody tr")  # the one session of this index
    assert "Sesión de marzo" in row.get_text()
    cell = row.select_one("td")
    assert cell.time["datetime"] == month_only.when_iso  # a month, not a day
    assert len(cell.time["datetime"]) == len("2027-01")
    assert " ".join(cell.get_text().split()).endswith("(sin día exacto)")


def test_editors_are_told_when_an_inexact_session_has_an_end_time(admin_client):
    """The body's edit form refuses the end time of a year-only session, beside the field."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    council = InstanciaPageFactory(
        type="consejo_sociedad_civil",
        title="Consejo de prueba",
        sessions=[
            InstanciaSessionFactory.build(days=-700, title="Primera sesión", date_precision="year"),
            InstanciaSessionFactory.build(days=-600, title="Segunda sesión", date_precision="year"),
        ],
        publish=True,
    )
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
            "imagenes": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/{council.pk}/edit/", data)
    assert response.status_code == 200  # the form again, not a redirect: nothing saved
    refused = sessions[0]
    refused.ends_at = refused.starts_at + datetime.timedelta(hours=2)
    [message] = end_time_error(refused)["ends_at"]
    assert message in response.content.decode()
    council.refresh_from_db()
    assert not council.sessions.filter(ends_at__isnull=False).exists()
