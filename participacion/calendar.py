"""The iCalendar (RFC 5545) feed of sessions, built with the ``icalendar`` package.

``build_calendar`` takes plain dicts (see ``InstanciaSession.as_event``) so it
can be tested without the database.
"""

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

PRODID = "-//Gobierno de Santiago//Participacion Ciudadana//ES"
# Sessions without an end time are shown as lasting this long.
DEFAULT_DURATION = timedelta(hours=2)


def build_calendar(events, name, now=None):
    """Serialise ``events`` (dicts with uid, start, end, summary, location, description, url) to bytes.

    Start and end must be timezone-aware datetimes; they are written in UTC.
    ``now`` (the DTSTAMP) defaults to the current time.
    """
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", str(name))
    for data in events:
        start = data["start"].astimezone(UTC)
        end = (data.get("end") or data["start"] + DEFAULT_DURATION).astimezone(UTC)
        event = Event()
        event.add("uid", data["uid"])
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", str(data["summary"]))
        if data.get("location"):
            event.add("location", str(data["location"]))
        if data.get("description"):
            event.add("description", str(data["description"]))
        if data.get("url"):
            event.add("url", data["url"])
        calendar.add_component(event)
    return calendar.to_ical()
