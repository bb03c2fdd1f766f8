"""The demo site holds every body of the seed, under its type, in the seed's order, in both languages."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from participacion import demo
from participacion.models import InstanciaPage, InstanciaSession, ParticipacionIndexPage

pytestmark = pytest.mark.django_db

SEED_COUNTS = {
    "Consejos Asesores": 10,
    "Mesas Temáticas": 18,
    "Alianzas Público-Privadas": 8,
    "Alianzas Internacionales": 7,
    "Redes Municipales": 12,
    "Consejo Regional de la Sociedad Civil": 1,
}


def type_counts(html):
    """{type name: count} as read from the index's type navigation."""
    soup = BeautifulSoup(html, "html.parser")
    counts = {}
    for link in soup.select(".type-nav a"):
        count = link.select_one(".count").extract().get_text(strip=True)
        counts[link.get_text(" ", strip=True)] = int(count.replace(".", ""))
    return counts


def test_index_is_under_home_with_its_slug_title_and_menu_entry(home, index):
    assert index.get_parent().pk == home.pk
    assert index.slug == "participacion"
    assert index.title == "Participación Ciudadana"
    assert index.show_in_menus and index.live
    assert index.url == "/participacion/"


def test_index_shows_each_type_with_the_seed_count(client, index):
    response = client.get("/participacion/")
    assert response.status_code == 200
    counts = type_counts(response.content.decode())
    assert counts == {"Todas": 56, **SEED_COUNTS}


def test_bodies_are_listed_under_their_type_in_the_seed_order(client, index):
    soup = BeautifulSoup(client.get("/participacion/").content, "html.parser")
    listed = {
        group.h2.get_text(strip=True): [card.h3.get_text(strip=True) for card in group.select(".body-card")]
        for group in soup.select(".body-group")
    }
    expected = {}
    for body_type, heading in zip(demo.BODY_TYPES, SEED_COUNTS, strict=False):
        expected[heading] = [body["title"]["es"] for body in body_type["bodies"]]
    expected["Consejo Regional de la Sociedad Civil"] = ["Consejo Regional de la Sociedad Civil"]
    assert listed == expected
    assert listed["Consejos Asesores"][0] == "Consejo Asesor de Transparencia, probidad y Gobierno Abierto"
    assert listed["Consejos Asesores"][7] == "Consejo Asesor de Género"
    assert listed["Mesas Temáticas"][13] == "Mesa Regional para abordar comercio ambulante"
    assert listed["Alianzas Internacionales"][-1] == "Race to Zero"
    assert listed["Redes Municipales"][-1] == "Red Municipal de Seguridad"


def test_every_body_has_a_summary_and_a_purpose(index):
    bodies = InstanciaPage.objects.child_of(index)
    assert bodies.count() == 56
    assert not bodies.filter(summary="").exists()
    assert not bodies.filter(purpose="").exists()


def test_council_shows_its_composition_objective_and_2023_sessions(client, council):
    html = client.get(council.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    members = [m.select_one(".member-name").get_text(strip=True) for m in soup.select(".member")]
    assert members == [category["es"] for category in demo.COUNCIL["categories"]]
    assert "Cámara de Comercio de Santiago" in members[-1]
    assert any("Pueblos Indígenas" in m for m in members)
    assert any("Juntas de Vecinos" in m for m in members)
    assert "Su objetivo es promover y fortalecer la participación" in html
    sessions = council.sessions.all()
    assert len(sessions) == 3
    assert {s.starts_at.year for s in sessions} == {2023}
    # The seed gives the year of the three sessions and what they dealt with as a whole: no session
    # gets an invented day, time or agenda; the topics are told in the council's own text.
    assert {s.date_precision for s in sessions} == {"year"}
    assert not any(s.agenda or s.agreements.exists() for s in sessions)
    purpose = BeautifulSoup(council.purpose, "html.parser").get_text()
    assert "En 2023 el Consejo sesionó tres veces" in purpose
    for topic in ("Reglamento", "gestión del Gobernador", "Estrategia Regional de Desarrollo", "comisiones temáticas"):
        assert topic in purpose
        assert topic in html
    titles = [h.get_text(strip=True) for h in soup.select(".session h4")]
    assert titles == ["Tercera sesión de 2023", "Segunda sesión de 2023", "Primera sesión de 2023"]
    dates = [" ".join(dd.get_text().split()) for dd in soup.select(".session .session-facts div:first-child dd")]
    assert dates == ["2023 (sin día exacto)"] * 3
    assert [t["datetime"] for t in soup.select(".session .session-facts time")] == ["2023"] * 3


def test_council_sessions_are_past_and_stay_off_the_calendar(client, index, council):
    """The council's 2023 sessions are listed as past; known by their year only, they have no calendar day."""
    from icalendar import Calendar

    sessions_page = BeautifulSoup(client.get(f"{index.url}sesiones/").content, "html.parser")
    past = sessions_page.select("table")[-1]
    past_titles = [row.select("th, td")[2].get_text(strip=True) for row in past.select("tbody tr")]
    assert "Tercera sesión de 2023" in past_titles
    events = Calendar.from_ical(client.get(f"{index.url}sesiones.ics").content).walk("VEVENT")
    assert not [event for event in events if council.title in str(event["SUMMARY"])]
    _heading, next_session = next(
        (div.dt.get_text(strip=True), div.dd)
        for div in BeautifulSoup(client.get(council.url).content, "html.parser").select(".instancia-resumen dl > div")
        if div.dt.get_text(strip=True) == "Próxima sesión"
    )
    assert next_session.time is None  # no session ahead


def test_every_page_has_an_english_translation(index, index_en):
    english = Locale.objects.get(language_code="en")
    assert index_en.title == "Citizen Participation"
    assert InstanciaPage.objects.child_of(index_en).live().count() == 56
    titles = set(InstanciaPage.objects.filter(locale=english).values_list("title", flat=True))
    assert {
        "Regional Civil Society Council",
        "Advisory Council on Mobility",
        "Race to Zero",
        "Round Table on Water Emergency",
    } <= titles
    assert InstanciaSession.objects.filter(page__locale=english).count() == 3


def test_no_spanish_string_is_left_untranslated():
    from base.demo import untranslated_strings

    mapping = demo.english_mapping()
    index = ParticipacionIndexPage.objects.get(locale=Locale.get_default())
    for page in [index, *InstanciaPage.objects.child_of(index)]:
        # Slugs stay in Spanish on purpose: they are the stable URLs of both languages.
        missing = [text for text in untranslated_strings(page, mapping) if text != page.slug]
        assert missing == [], page.title


def test_english_council_page_is_translated(client, index_en):
    council_en = InstanciaPage.objects.child_of(index_en).get(type="consejo_sociedad_civil")
    html = client.get(council_en.url).content.decode()
    assert council_en.url.startswith("/en/participacion/")
    assert "Regional Civil Society Council" in html
    assert "Representative of the Santiago Chamber of Commerce" in html
    assert "In 2023 the Council met three times." in html
    assert "the update of the Regional Development Strategy" in html
    soup = BeautifulSoup(html, "html.parser")
    assert [h.get_text(strip=True) for h in soup.select(".session h4")][-1] == "First session of 2023"
    dates = [" ".join(dd.get_text().split()) for dd in soup.select(".session .session-facts div:first-child dd")]
    assert dates == ["2023 (no exact day)"] * 3


def test_every_demo_body_says_how_to_take_part_in_both_languages(index):
    spanish = list(InstanciaPage.objects.child_of(index).live())
    assert len(spanish) == 56
    english = Locale.objects.get(language_code="en")
    for body in spanish:
        assert body.how_to_participate == demo.HOW_TO_PARTICIPATE[body.type]["es"], body.title
        translated = body.get_translation(english)
        assert translated.how_to_participate == demo.HOW_TO_PARTICIPATE[body.type]["en"], body.title


def test_loading_again_changes_nothing(home):
    pages = Page.objects.count()
    sessions = InstanciaSession.objects.count()
    demo.load(home)
    assert Page.objects.count() == pages
    assert InstanciaSession.objects.count() == sessions
