"""The iCalendar feed builder, checked by parsing its output with the icalendar package."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from participacion.calendar import DEFAULT_DURATION, build_calendar

SANTIAGO = ZoneInfo("America/Santiago")


def event(**overrides):
    data = {
        "uid": "sesion-1@example.org",
        "start": datetime(2026, 12, 3, 18, 30, tzinfo=SANTIAGO),
        "end": datetime(2026, 12, 3, 20, 0, tzinfo=SANTIAGO),
        "summary": "Consejo Asesor de Movilidad: Primera sesión",
        "location": "Bandera 46, Santiago",
        "description": "- Cuenta\n- Varios",
        "url": "https://example.org/participacion/movilidad/",
    }
    data.update(overrides)
    return data


def test_an_empty_calendar_is_valid():
    calendar = Calendar.from_ical(build_calendar([], name="Sesiones"))
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Sesiones"
    assert list(calendar.walk("VEVENT")) == []


def test_events_round_trip_in_utc_with_text_escaped():
    stamp = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    raw = build_calendar([event()], name="Sesiones", now=stamp)
    assert b"\r\n" in raw
    [parsed] = Calendar.from_ical(raw).walk("VEVENT")
    assert str(parsed["UID"]) == "sesion-1@example.org"
    assert parsed.decoded("DTSTART") == datetime(2026, 12, 3, 21, 30, tzinfo=UTC)
    assert parsed.decoded("DTEND") == datetime(2026, 12, 3, 23, 0, tzinfo=UTC)
    assert parsed.decoded("DTSTAMP") == stamp
    assert str(parsed["SUMMARY"]) == "Consejo Asesor de Movilidad: Primera sesión"
    assert str(parsed["LOCATION"]) == "Bandera 46, Santiago"
    assert b"Bandera 46\\, Santiago" in raw
    assert str(parsed["DESCRIPTION"]) == "- Cuenta\n- Varios"
    assert str(parsed["URL"]) == "https://example.org/participacion/movilidad/"


def test_missing_end_gets_the_default_duration_and_empty_fields_are_left_out():
    raw = build_calendar([event(end=None, location="", description="", url="")], name="Sesiones")
    [parsed] = Calendar.from_ical(raw).walk("VEVENT")
    assert parsed.decoded("DTEND") - parsed.decoded("DTSTART") == DEFAULT_DURATION
    assert "LOCATION" not in parsed
    assert "DESCRIPTION" not in parsed
    assert "URL" not in parsed


def test_many_events_keep_their_order_and_unique_ids():
    events = [
        event(uid=f"sesion-{n}@example.org", start=datetime(2026, 12, 1, 10, tzinfo=UTC) + timedelta(days=n), end=None)
        for n in range(5)
    ]
    parsed = list(Calendar.from_ical(build_calendar(events, name="Sesiones")).walk("VEVENT"))
    assert [str(e["UID"]) for e in parsed] == [f"sesion-{n}@example.org" for n in range(5)]
