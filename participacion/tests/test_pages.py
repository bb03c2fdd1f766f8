"""Listings, filters, member history, sessions, the iCalendar feed, agreements and query counts."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from participacion import listing
from participacion.models import InstanciaMember, InstanciaPage

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [card.h3.get_text(strip=True) for card in soup_of(response).select(".body-card")]


# Filters and listings ------------------------------------------------------------


def test_filter_by_type_keeps_every_type_count(client, index):
    response = client.get("/participacion/", {"tipo": "mesas-tematicas"})
    assert response.status_code == 200
    titles = card_titles(response)
    assert len(titles) == 18
    assert titles[0] == "Mesa de Personas con Discapacidad"
    soup = soup_of(response)
    current = soup.select_one('.type-nav a[aria-current="page"]')
    assert "Mesas Temáticas" in current.get_text()
    assert soup.select_one("#filtro-tipo option[selected]")["value"] == "mesas-tematicas"
    assert "18 instancias coinciden con los filtros" in " ".join(soup.select_one(".result-count").get_text().split())


def test_filter_by_text_ignores_accents_and_spans_types(client, index):
    response = client.get("/participacion/", {"q": "personas mayores"})
    groups = [g.h2.get_text(strip=True) for g in soup_of(response).select(".body-group")]
    assert card_titles(response) == ["Mesa de Personas Mayores", "Red Municipal de Personas Mayores"]
    assert groups == ["Mesas Temáticas", "Redes Municipales"]
    assert card_titles(client.get("/participacion/", {"q": "transito"})) == [
        "Red Municipal de Tránsito y Transporte Público"
    ]
    assert soup_of(client.get("/participacion/", {"q": "transito"})).select_one("#filtro-q")["value"] == "transito"


def test_type_and_text_filters_combine(client, index):
    response = client.get("/participacion/", {"tipo": "redes-municipales", "q": "mayores"})
    assert card_titles(response) == ["Red Municipal de Personas Mayores"]


def test_no_match_says_so(client, index):
    response = client.get("/participacion/", {"q": "zzzz"})
    assert response.status_code == 200
    assert card_titles(response) == []
    assert "No encontramos instancias" in response.content.decode()


def test_unknown_type_is_a_400_with_a_clear_message(client, index):
    response = client.get("/participacion/", {"tipo": "comites"})
    assert response.status_code == 400
    assert "El tipo de instancia «comites» no existe" in response.content.decode()
    assert soup_of(response).h1.get_text(strip=True) == "Filtro no válido"


def test_overlong_query_is_a_400(client, index):
    response = client.get("/participacion/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "demasiado larga" in response.content.decode()


def test_each_type_has_its_own_listing(client, index):
    response = client.get("/participacion/tipo/alianzas-internacionales/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "Alianzas Internacionales"
    assert card_titles(response)[0] == "C40 Cities"
    assert len(card_titles(response)) == 7
    assert card_titles(client.get("/participacion/tipo/alianzas-internacionales/", {"q": "cities"})) == [
        "C40 Cities",
        "Resilient cities Network",
        "Megacities Alliance for water and climate",
        "Global Fund for Cities Development",
    ]
    assert client.get("/participacion/tipo/comites/").status_code == 404


def test_english_listing_uses_the_translated_bodies(client, index_en):
    response = client.get("/en/participacion/", {"tipo": "alianzas-internacionales", "q": "heat"})
    assert response.status_code == 200
    assert card_titles(response) == ["Chief Heat Officers (Cities Leading against Extreme Heat)"]


def test_closed_bodies_are_marked_and_drafts_hidden(client, fresh_index, make_body):
    make_body(title="Mesa cerrada de prueba", status="cerrada", parent=fresh_index)
    draft = make_body(title="Mesa en borrador de prueba", parent=fresh_index)
    draft.unpublish()
    response = client.get(fresh_index.url)
    assert card_titles(response) == ["Mesa cerrada de prueba"]
    assert soup_of(response).select_one(".body-card .status-cerrada").get_text(strip=True) == "Cerrada"


def test_a_body_links_to_its_neighbours_of_the_same_type(client, index):
    body = InstanciaPage.objects.child_of(index).get(slug="consejo-asesor-movilidad")
    soup = soup_of(client.get(body.url))
    assert (
        soup.select_one('a[rel="prev"]')
        .get_text(" ", strip=True)
        .endswith("Desarrollo Económico, emprendimiento e innovación")
    )
    assert soup.select_one('a[rel="next"]').get_text(" ", strip=True).endswith("Acción Climática")
    assert soup.select_one(".pager-all a")["href"] == "/participacion/tipo/consejos-asesores/"


# Members -----------------------------------------------------------------------


def test_former_members_stay_visible_as_former(client, make_body):
    today = timezone.localdate()
    body = make_body(
        members=[
            InstanciaMember(
                name="Ana Pérez",
                position="presidencia",
                organisation="Universidad de Chile",
                designated_on=date(2024, 3, 1),
            ),
            InstanciaMember(
                name="Berta Soto",
                position="secretaria",
                designated_on=date(2022, 1, 10),
                ended_on=today - timedelta(days=1),
            ),
            InstanciaMember(name="Carla Díaz", position="integrante", ended_on=today),
        ]
    )
    soup = soup_of(client.get(body.url))
    current, former = soup.select(".member-list")
    assert [m.get_text(strip=True) for m in current.select(".member-name")] == ["Ana Pérez", "Carla Díaz"]
    assert [m.get_text(strip=True) for m in former.select(".member-name")] == ["Berta Soto"]
    assert "Integrantes anteriores" in soup.get_text()
    assert "Presidencia" in current.get_text()
    assert "Universidad de Chile" in current.get_text()
    assert "Desde el 1 de marzo de 2024" in current.get_text()
    assert "Secretaría · anterior" in " ".join(former.get_text().split())
    assert "Del 10 de enero de 2022" in former.get_text()


# Sessions and feed -------------------------------------------------------------


def test_body_sessions_are_split_into_upcoming_and_past(client, make_body, session_at):
    body = make_body(
        sessions=[
            session_at(-30, title="Hace un mes"),
            session_at(10, title="En diez días", place="Sala de Consejo", attendance=1234),
            session_at(2, title="En dos días", online_url="https://example.org/reunion"),
            session_at(-2, title="Hace dos días"),
        ]
    )
    soup = soup_of(client.get(body.url))
    headings = [h.get_text(strip=True) for h in soup.select("#sesiones ~ h3, section h3")]
    assert "Próximas sesiones" in headings and "Sesiones realizadas" in headings
    titles = [h.get_text(strip=True) for h in soup.select(".session h4")]
    assert titles == ["En dos días", "En diez días", "Hace dos días", "Hace un mes"]
    text = " ".join(soup.get_text().split())
    assert "1.234 personas" in text
    assert "Sala de Consejo" in text
    assert soup.select_one('.session a[href="https://example.org/reunion"]').get_text(strip=True) == "En línea"


def test_upcoming_sessions_of_all_bodies_are_listed_together(client, fresh_index, make_body, session_at):
    make_body(
        title="Mesa A de prueba",
        parent=fresh_index,
        sessions=[session_at(5, title="A"), session_at(-5, title="A pasada"), session_at(-50, title="A antigua")],
    )
    make_body(title="Red B de prueba", type="red_municipal", parent=fresh_index, sessions=[session_at(1, title="B")])
    response = client.get(f"{fresh_index.url}sesiones/")
    assert response.status_code == 200
    upcoming, past = soup_of(response).select("table")
    rows = [[c.get_text(strip=True) for c in row.select("th, td")] for row in upcoming.select("tbody tr")]
    assert [(r[1], r[2]) for r in rows] == [("Red B de prueba", "B"), ("Mesa A de prueba", "A")]
    past_rows = [row.select("th, td")[2].get_text(strip=True) for row in past.select("tbody tr")]
    assert past_rows == ["A pasada", "A antigua"]


def test_sessions_feed_parses_as_icalendar(client, fresh_index, make_body, session_at):
    body = make_body(
        title="Consejo de prueba",
        parent=fresh_index,
        sessions=[session_at(3, title="Sesión próxima", place="Bandera 46")],
    )
    make_body(title="Consejo de otro año", parent=fresh_index, sessions=[session_at(-400, date_precision="year")])
    response = client.get(f"{fresh_index.url}sesiones.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    # The other council's session is known by its year only: no day to put in a calendar.
    [upcoming] = events
    session = body.sessions.get()
    assert upcoming.decoded("DTSTART") == session.starts_at.replace(microsecond=0)
    assert str(upcoming["SUMMARY"]) == "Consejo de prueba: Sesión próxima"
    assert str(upcoming["LOCATION"]) == "Bandera 46"
    assert str(upcoming["URL"]) == "http://testserver" + body.url


def test_feed_leaves_out_sessions_known_only_by_month_or_year(client, fresh_index, make_body, session_at):
    make_body(
        title="Mesa con fechas de prueba",
        parent=fresh_index,
        sessions=[
            session_at(3, title="Día conocido"),
            session_at(40, title="Solo el mes", date_precision="month"),
            session_at(-400, title="Solo el año", date_precision="year"),
        ],
    )
    response = client.get(f"{fresh_index.url}sesiones.ics")
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries == ["Mesa con fechas de prueba: Día conocido"]
    # The sessions page says so beside the subscription link.
    help_text = soup_of(client.get(f"{fresh_index.url}sesiones/")).select_one(".feed-help").get_text()
    assert "solo se conoce el mes o el año no van al calendario" in help_text


def test_english_feed_has_english_titles(client, index_en, make_body, session_at):
    make_body(title="Round table", parent=index_en, sessions=[session_at(3, title="Next session")])
    response = client.get("/en/participacion/sesiones.ics")
    assert response.status_code == 200
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries == ["Round table: Next session"]


def test_index_links_to_sessions_and_feed(client, index):
    soup = soup_of(client.get("/participacion/"))
    hrefs = [a["href"] for a in soup.select(".sessions-cta a")]
    assert hrefs == ["/participacion/sesiones/", "/participacion/sesiones.ics", "/participacion/sesiones.atom"]


# Agreements and commitments ----------------------------------------------------


def commitment_pair(home):
    """A Spanish commitment of the demo programme and its English translation."""
    from programa_gobierno.models import CompromisoPage

    commitment = CompromisoPage.objects.live().filter(locale=home.locale).first()
    return commitment, commitment.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def commitment(home):
    """A published commitment of a programme of its own under the demo's home page."""
    from programa_gobierno.tests.factories import CompromisoPageFactory, ProgramaIndexPageFactory

    programa = ProgramaIndexPageFactory(parent=home, publish=True)
    return CompromisoPageFactory(parent=programa, title="Compromiso nacido de un acuerdo", publish=True)


def test_an_agreement_links_to_the_commitment_it_became(client, commitment, make_body, session_at):
    body = make_body(
        sessions=[
            session_at(
                -7,
                title="Sesión con acuerdos",
                agreements=[
                    ("Se acordó proponer un compromiso.", commitment),
                    ("Se acordó reunirse de nuevo.", None),
                ],
            )
        ]
    )
    soup = soup_of(client.get(body.url))
    items = soup.select(".agreements li")
    assert [li.contents[0].strip() for li in items] == [
        "Se acordó proponer un compromiso.",
        "Se acordó reunirse de nuevo.",
    ]
    link = items[0].select_one("a")
    assert link["href"] == commitment.url
    assert link.get_text(strip=True) == commitment.title
    assert items[1].select_one("a") is None


def test_english_agreement_links_to_the_english_commitment(client, home, make_body, session_at):
    from base.demo import translate

    commitment, english = commitment_pair(home)
    body = make_body(sessions=[session_at(-7, agreements=[("Se acordó proponer un compromiso.", commitment)])])
    body_en = translate(body, {"Se acordó proponer un compromiso.": "It was agreed to propose a commitment."})
    # wagtail-localize publishes the translation when the transaction commits; do it here.
    body_en.save_revision().publish()
    soup = soup_of(client.get(body_en.url))
    item = soup.select_one(".agreements li")
    assert item.contents[0].strip() == "It was agreed to propose a commitment."
    assert item.select_one("a")["href"] == english.url


def test_a_deleted_commitment_leaves_the_agreement_without_link(client, commitment, make_body, session_at):
    body = make_body(sessions=[session_at(-7, agreements=[("Acuerdo.", commitment)])])
    commitment.unpublish()
    assert soup_of(client.get(body.url)).select_one(".agreements li a") is None


# Admin -------------------------------------------------------------------------


def test_editors_get_members_sessions_agreements_and_documents_in_the_form(admin_client):
    from .factories import InstanciaPageFactory, InstanciaSessionFactory

    body = InstanciaPageFactory(sessions=[InstanciaSessionFactory.build()], publish=True)
    response = admin_client.get(f"/admin/pages/{body.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for prefix in ("members-", "sessions-", "sessions-0-agreements-", "documents-"):
        assert f'name="{prefix}TOTAL_FORMS"' in html, prefix


# Query counts ------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm caches (site root paths, translations) as a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/participacion/",
        "/participacion/?tipo=mesas-tematicas&q=personas",
        "/participacion/tipo/redes-municipales/",
        "/participacion/sesiones/",
        "/participacion/sesiones.ics",
        "/en/participacion/",
    ],
)
def test_listing_queries_do_not_grow_with_bodies_and_sessions(client, index, make_body, session_at, url):
    # One body with past and upcoming sessions first: an empty list skips the page's query.
    make_body(type="mesa_tematica", title="Personas de base", sessions=[session_at(-5), session_at(5)])
    before = count_queries(client, url)
    for number in range(12):
        make_body(
            type="red_municipal" if number % 2 else "mesa_tematica",
            title=f"Personas de prueba {number}",
            sessions=[session_at(days, title=f"S{days}") for days in (-20, -3, 4, 30)],
        )
    assert count_queries(client, url) == before


def test_body_page_queries_do_not_grow_with_members_sessions_and_agreements(client, home, make_body, session_at):
    commitment, _english = commitment_pair(home)
    small = make_body(
        members=[InstanciaMember(name="Una persona")],
        sessions=[session_at(1, agreements=[("Un acuerdo", commitment)])],
    )
    big = make_body(
        members=[InstanciaMember(name=f"Persona {n}", ended_on=date(2020, 1, n + 1)) for n in range(15)],
        sessions=[
            session_at(days, title=f"S{days}", agreements=[(f"Acuerdo {n}", commitment) for n in range(3)])
            for days in range(-10, 10, 2)
        ],
    )
    assert count_queries(client, big.url) == count_queries(client, small.url)


def test_editors_can_create_a_body_with_a_session_and_an_agreement(admin_client, home, index):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    commitment, _english = commitment_pair(home)
    data = nested_form_data(
        {
            "title": "Mesa creada en el administrador",
            "slug": "mesa-creada-en-el-administrador",
            "type": "mesa_tematica",
            "status": "activa",
            "summary": "Una mesa de prueba.",
            "purpose": rich_text("<p>Probar el formulario.</p>"),
            "legal_basis": "",
            "formed_on": "",
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
            "members": inline_formset(
                [
                    {
                        "name": "Ana Pérez",
                        "position": "presidencia",
                        "organisation": "",
                        "designated_on": "",
                        "ended_on": "",
                    }
                ]
            ),
            "sessions": inline_formset(
                [
                    {
                        "title": "Sesión constitutiva",
                        "starts_at": "2027-01-10 18:00",
                        "ends_at": "",
                        "date_precision": "exact",
                        "place": "Bandera 46",
                        "online_url": "",
                        "agenda": "Constitución\nCalendario",
                        "minutes": "",
                        "attendance": "12",
                        "agreements": inline_formset(
                            [{"text": "Se acordó sesionar cada mes.", "commitment": str(commitment.pk)}]
                        ),
                    }
                ]
            ),
            "documents": inline_formset([]),
            "imagenes": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/participacion/instanciapage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = InstanciaPage.objects.get(slug="mesa-creada-en-el-administrador")
    session = page.sessions.get()
    assert session.attendance == 12
    assert session.agenda_items == ["Constitución", "Calendario"]
    agreement = session.agreements.get()
    assert agreement.commitment_id == commitment.pk
    assert agreement.locale_id == page.locale_id
    assert page.members.get().get_position_display() == "Presidencia"


# Pagination -----------------------------------------------------------------------


def test_listing_is_paginated_in_type_order_and_keeps_the_filters(client, index, monkeypatch):
    monkeypatch.setattr("participacion.models.BODIES_PER_PAGE", 10)
    everything = InstanciaPage.objects.child_of(index).live().count()
    pages = -(-everything // 10)
    shown = []
    for number in range(1, pages + 1):
        response = client.get("/participacion/", {"page": number})
        assert response.status_code == 200
        shown.extend(
            (card.find_parent("section")["aria-labelledby"], card.h3.a["href"])
            for card in soup_of(response).select(".body-card")
        )
    # Every body exactly once, grouped by type in the seed's order across the pages.
    assert len(shown) == len({href for _group, href in shown}) == everything
    groups = [group for group, _title in shown]
    seed_order = [f"grupo-{body_type.slug}" for body_type in listing.BODY_TYPES]
    assert groups == sorted(groups, key=seed_order.index)
    assert groups[0] == "grupo-consejos-asesores"

    soup = soup_of(client.get("/participacion/", {"q": "consejo", "page": 1}))
    total = int(soup.select_one(".result-count").get_text().split()[0])
    if total > 10:
        nav = soup.select_one("nav.pagination")
        assert nav["aria-label"] == "Páginas de instancias"
        assert nav.select_one("a[rel=next]")["href"] == "?q=consejo&page=2"
        assert "se muestran de la 1 a la 10" in soup.select_one(".result-count").get_text()
    count = len(soup_of(client.get("/participacion/", {"q": "consejo", "page": 99})).select(".body-card"))
    assert count == (total - 1) % 10 + 1  # past the end: the last page


def test_demo_listing_fits_one_page(client, index):
    soup = soup_of(client.get("/participacion/"))
    assert soup.select_one("nav.pagination") is None
    assert len(soup.select(".body-card")) == InstanciaPage.objects.child_of(index).live().count()


def test_sessions_page_lists_upcoming_in_pages_and_only_recent_past(
    client, fresh_index, make_body, session_at, monkeypatch
):
    monkeypatch.setattr("participacion.models.UPCOMING_SESSIONS_PER_PAGE", 3)
    monkeypatch.setattr("participacion.models.RECENT_SESSIONS_SHOWN", 2)
    make_body(
        title="Mesa de las sesiones",
        parent=fresh_index,
        sessions=[session_at(days, title=f"Sesión {days:+d}") for days in (-30, -20, -10, 1, 2, 3, 4)],
    )
    make_body(title="Red de las sesiones", parent=fresh_index, sessions=[session_at(6, title="Sesión de la red")])
    upcoming_count, pages = 5, 2  # the five upcoming sessions, three to a page

    def tables(number):
        response = client.get(f"{fresh_index.url}sesiones/", {"page": number})
        assert response.status_code == 200
        found = soup_of(response).select("table")
        return [[[c.get_text(strip=True) for c in row.select("th, td")] for row in t.select("tbody tr")] for t in found]

    upcoming_rows = []
    for number in range(1, pages + 1):
        upcoming, past = tables(number)
        assert len(upcoming) == (3 if number < pages else upcoming_count - 3 * (pages - 1))
        upcoming_rows.extend(upcoming)
        assert [row[2] for row in past] == ["Sesión -10", "Sesión -20"]  # the most recent two, newest first
    # Soonest first, across pages and bodies.
    assert [row[2] for row in upcoming_rows] == ["Sesión +1", "Sesión +2", "Sesión +3", "Sesión +4", "Sesión de la red"]

    nav = soup_of(client.get(f"{fresh_index.url}sesiones/")).select_one("nav.pagination")
    assert nav["aria-label"] == "Páginas de próximas sesiones"
    assert nav.select_one("a[rel=next]")["href"] == "?page=2"


def test_sessions_at_the_same_time_are_never_repeated_or_skipped_across_pages(
    client, fresh_index, make_body, monkeypatch
):
    from participacion.models import InstanciaSession

    monkeypatch.setattr("participacion.models.UPCOMING_SESSIONS_PER_PAGE", 3)
    same_time = timezone.now().replace(microsecond=0) + timedelta(days=1)
    for body in range(3):
        make_body(
            title=f"Mesa simultánea {body}",
            parent=fresh_index,
            sessions=[InstanciaSession(title=f"S{body}-{n}", starts_at=same_time) for n in range(3)],
        )
    upcoming = 9
    seen = []
    for number in range(1, upcoming // 3 + 1):
        response = client.get(f"{fresh_index.url}sesiones/", {"page": number})
        table = soup_of(response).select("table")[0]
        seen += [tuple(c.get_text(strip=True) for c in row.select("th, td"))[1:3] for row in table.select("tbody tr")]
    assert sorted(seen) == sorted((f"Mesa simultánea {b}", f"S{b}-{n}") for b in range(3) for n in range(3))
    assert len(seen) == len(set(seen)) == upcoming


def type_counts(response):
    """The numbers of the type navigation ("Todas 56", one per type), whatever the language."""
    return [link.select_one(".count").get_text(strip=True) for link in soup_of(response).select(".type-nav a")]


def test_both_languages_show_the_same_counts_at_every_moment(client, fresh_index, make_body):
    from base.demo import translate

    # wagtail-localize publishes translations when the transaction commits; publish them here.
    fresh_en = translate(fresh_index, {})
    fresh_en.save_revision().publish()
    translate(make_body(type="red_municipal", parent=fresh_index), {}).save_revision().publish()
    # Published in Spanish, not translated yet: it counts in English too.
    make_body(type="mesa_tematica", parent=fresh_index)
    spanish = type_counts(client.get(fresh_index.url))
    english = type_counts(client.get(fresh_en.url))
    assert spanish == english
    assert spanish[:3] == ["2", "0", "1"]  # all, consejos asesores, mesas temáticas


@pytest.mark.parametrize(
    ("path", "name", "window_title"),
    [
        ("/participacion/consejo-asesor-genero/", "Consejo Asesor de Género", "Consejo Asesor de Género"),
        ("/en/participacion/consejo-asesor-genero/", "Advisory Council on Gender", "Advisory Council on Gender"),
        ("/participacion/red-mujer-y-genero/", "Red Municipal de Mujer y Género", "Red Municipal de Mujer y Género"),
        (
            "/participacion/alianza-internacional-c40-cities/",
            "C40 Cities",
            "C40 Cities · Alianza Internacional",
        ),
    ],
)
def test_a_body_is_named_in_full_in_title_heading_trail_and_card(client, index, path, name, window_title):
    soup = soup_of(client.get(path))
    assert soup.title.get_text(strip=True) == f"{window_title} · Gobierno de Santiago"
    assert soup.h1.get_text(strip=True) == name
    # The type label above the title shows only when the name does not say it.
    assert (soup.select_one(".eyebrow") is None) == (window_title == name)
    assert soup.select_one('.breadcrumbs [aria-current="page"]').get_text(strip=True) == name
    listing_path = "/en/participacion/" if path.startswith("/en/") else "/participacion/"
    assert name in card_titles(client.get(listing_path))
