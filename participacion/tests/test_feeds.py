"""The Atom feeds of upcoming sessions, read by a feed reader (feedparser): every body's, and one body's."""

import pytest
from bs4 import BeautifulSoup

from tests.feeds import read_feed

pytestmark = pytest.mark.django_db


def alternate_links(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [link["href"] for link in html.select('head link[rel="alternate"][type="application/atom+xml"]')]


def test_feed_is_valid_atom_with_id_updated_author_and_self_link(client, index, make_body, session_at):
    make_body(title="Mesa del feed", sessions=[session_at(5, title="Quinta sesión")])
    feed = read_feed(client, "/participacion/sesiones.atom")
    assert feed.feed.id == "http://testserver/participacion/"
    assert feed.feed.updated
    assert feed.feed.author == "Gobierno de Santiago"
    assert {link.rel: link.href for link in feed.feed.links}["self"] == "http://testserver/participacion/sesiones.atom"
    assert feed.feed.title == f"{index.title}: próximas sesiones"
    for entry in feed.entries:
        assert entry.id and entry.updated and entry.link


def test_only_upcoming_sessions_soonest_first_linking_to_their_body(client, index, make_body, session_at):
    body = make_body(
        title="Mesa con sesiones",
        sessions=[
            session_at(-3, title="Ya realizada"),
            session_at(9, title="Después", place="Bandera 46", agenda="Presupuesto\nVarios"),
            session_at(2, title="Antes"),
        ],
    )
    feed = read_feed(client, "/participacion/sesiones.atom")
    titles = [entry.title for entry in feed.entries]
    assert not [title for title in titles if "Ya realizada" in title]
    mine = [entry for entry in feed.entries if entry.title.startswith("Mesa con sesiones")]
    assert [entry.title.split(" (")[0] for entry in mine] == ["Mesa con sesiones: Antes", "Mesa con sesiones: Después"]
    later = body.sessions.get(title="Después")
    assert mine[1].link == f"http://testserver{body.url}#sesion-{later.pk}"
    assert "Lugar: Bandera 46" in mine[1].summary
    assert "Tabla: Presupuesto; Varios" in mine[1].summary
    # The link's fragment names the session on the body's page.
    page = BeautifulSoup(client.get(body.url).content, "html.parser")
    assert "Después" in page.select_one(f"#sesion-{later.pk}").get_text()


def test_a_body_feed_holds_only_that_body(client, index, make_body, session_at):
    body = make_body(title="Mesa propia", sessions=[session_at(4, title="Propia")])
    make_body(title="Otra mesa", sessions=[session_at(4, title="Ajena")])
    feed = read_feed(client, f"{body.url}sesiones.atom")
    assert feed.feed.title == "Mesa propia: próximas sesiones"
    assert {link.rel: link.href for link in feed.feed.links}["self"] == f"http://testserver{body.url}sesiones.atom"
    assert [entry.title.split(" (")[0] for entry in feed.entries] == ["Mesa propia: Propia"]
    assert alternate_links(client, body.url) == [f"{body.url}sesiones.atom"]


def test_feed_of_an_unknown_body_is_a_404(client, index):
    assert client.get("/participacion/no-existe/sesiones.atom").status_code == 404


def test_english_feed_speaks_english(client, index_en, make_body, session_at):
    make_body(title="Round table", parent=index_en, sessions=[session_at(3, title="Next session", place="Online")])
    feed = read_feed(client, "/en/participacion/sesiones.atom")
    assert feed.feed.title == f"{index_en.title}: upcoming sessions"
    entry = next(entry for entry in feed.entries if entry.title.startswith("Round table"))
    assert entry.title.startswith("Round table: Next session (")
    assert "Place: Online" in entry.summary
    assert entry.link.startswith("http://testserver/en/")


def test_index_and_sessions_pages_announce_the_feed(client, index):
    for url in ["/participacion/", "/participacion/sesiones/", "/en/participacion/"]:
        prefix = "/en" if url.startswith("/en/") else ""
        assert alternate_links(client, url) == [f"{prefix}/participacion/sesiones.atom"], url


@pytest.mark.parametrize("english", [False, True])
def test_each_calendar_event_carries_its_page_url_in_the_calendars_language(
    client, index, index_en, make_body, session_at, english
):
    from icalendar import Calendar

    parent = index_en if english else index
    body = make_body(title="Mesa del calendario", parent=parent, sessions=[session_at(6, title="Con enlace")])
    response = client.get(f"{parent.url}sesiones.ics")
    events = [e for e in Calendar.from_ical(response.content).walk("VEVENT") if "Con enlace" in str(e["SUMMARY"])]
    assert [str(event["URL"]) for event in events] == [f"http://testserver{body.url}"]
    assert body.url.startswith("/en/" if english else "/participacion/")


def test_a_private_bodys_sessions_stay_off_every_public_listing(client, index, make_body, session_at):
    """A body behind a password keeps its sessions off the feed, the calendar file and the sessions page."""
    from wagtail.models import PageViewRestriction

    make_body(title="Mesa abierta", sessions=[session_at(3, title="Sesión abierta")])
    private = make_body(title="Mesa reservada", sessions=[session_at(3, title="Sesión reservada")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="clave")

    feed = read_feed(client, "/participacion/sesiones.atom")
    titles = " ".join(entry.title for entry in feed.entries)
    assert "Sesión abierta" in titles and "Sesión reservada" not in titles
    calendar = client.get("/participacion/sesiones.ics").content.decode()
    assert "Sesión abierta" in calendar and "Sesión reservada" not in calendar
    sessions_page = client.get("/participacion/sesiones/").content.decode()
    assert "Sesión abierta" in sessions_page and "Sesión reservada" not in sessions_page
    assert client.get(f"{private.url}sesiones.atom").status_code == 404
