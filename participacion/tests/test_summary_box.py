"""The «En resumen» box of a body's page: what it is, who sits on it, next session, how to take part.

Each test builds the body it reads, under an index of its own (``fresh_index``).
"""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from participacion.models import InstanciaMember

from .factories import InstanciaMemberFactory, InstanciaPageFactory, InstanciaSessionFactory

pytestmark = pytest.mark.django_db

HOW_TO = "Escriba a la secretaría del consejo para proponer un tema de la tabla."


def box(response):
    """The box as {term: definition element}, checking it opens the page's content."""
    page = BeautifulSoup(response.content, "html.parser")
    section = page.select_one("article section.instancia-resumen")
    assert section is not None
    assert page.select("article h2")[0] is section.h2  # first thing after the header
    return section.h2.get_text(strip=True), {div.dt.get_text(strip=True): div.dd for div in section.select("dl > div")}


@pytest.fixture
def council(fresh_index):
    """A council of four members whose only sessions are past ones, with a text on how to take part."""
    return InstanciaPageFactory(
        parent=fresh_index,
        type="consejo_sociedad_civil",
        title="Consejo de prueba",
        summary="Un consejo que asesora al Gobierno.",
        how_to_participate=HOW_TO,
        members=InstanciaMemberFactory.build_batch(4),
        sessions=[InstanciaSessionFactory.build(days=-30), InstanciaSessionFactory.build(days=-400)],
        publish=True,
    )


def test_council_box_says_what_it_is_who_sits_on_it_and_how_to_take_part(client, council):
    heading, terms = box(client.get(council.url))
    assert heading == "En resumen"
    assert list(terms) == ["Qué es", "Quiénes la integran", "Próxima sesión", "Cómo participar"]
    assert terms["Qué es"].get_text(strip=True) == f"{council.body_type.label}: {council.summary}"
    assert terms["Quiénes la integran"].get_text(strip=True).split()[0] == "4"
    assert terms["Quiénes la integran"].a["href"] == "#integrantes"
    assert terms["Próxima sesión"].time is None  # both sessions are past
    assert terms["Próxima sesión"].a is None
    assert terms["Cómo participar"].get_text(" ", strip=True) == HOW_TO


def test_next_session_is_the_soonest_upcoming_one_and_former_members_do_not_count(client, fresh_index):
    today = timezone.localdate()
    body = InstanciaPageFactory(
        parent=fresh_index,
        sessions=[
            InstanciaSessionFactory.build(days=-5, title="Pasada"),
            InstanciaSessionFactory.build(days=10, title="Lejana"),
            InstanciaSessionFactory.build(days=3, title="Cercana"),
        ],
        members=[
            InstanciaMember(name="Ana Pérez", organisation="Junta de vecinos"),
            InstanciaMember(name="Berta Soto", designated_on=date(2023, 1, 1), ended_on=today - timedelta(days=1)),
        ],
        publish=True,
    )
    soonest = body.sessions.get(title="Cercana")
    _heading, terms = box(client.get(body.url))
    assert terms["Quiénes la integran"].get_text(strip=True) == "1 integrante"
    next_session = terms["Próxima sesión"]
    assert next_session.a["href"] == "#sesiones"
    assert next_session.time["datetime"] == soonest.when_iso
    assert next_session.get_text(strip=True) == soonest.when_text


def test_without_a_text_the_box_offers_the_contact_e_mail_or_says_where_to_follow(client, fresh_index):
    with_email = InstanciaPageFactory(parent=fresh_index, contact_email="mesa@example.org", publish=True)
    _heading, terms = box(client.get(with_email.url))
    assert "mesa@example.org" in terms["Cómo participar"].get_text()
    assert terms["Cómo participar"].a["href"] == "mailto:mesa@example.org"

    bare = InstanciaPageFactory(parent=fresh_index, publish=True)
    _heading, terms = box(client.get(bare.url))
    assert terms["Quiénes la integran"].a is None  # no members: nothing to jump to
    assert terms["Cómo participar"].a is None  # no address to write to
    assert terms["Cómo participar"].get_text(strip=True)  # but a word on following the page


def test_english_council_box_is_in_english(client, fresh_index, council):
    from base.demo import translate

    # wagtail-localize publishes translations when the transaction commits; publish them here.
    translate(fresh_index, {fresh_index.title: "Citizen Participation (test)"}).save_revision().publish()
    how_to_en = "Write to the council's secretariat to propose an item for its agenda."
    english = translate(council, {council.summary: "A council that advises the Government.", HOW_TO: how_to_en})
    english.save_revision().publish()
    heading, terms = box(client.get(english.url))
    assert heading == "At a glance"
    assert list(terms) == ["What it is", "Who sits on it", "Next session", "How to take part"]
    assert terms["What it is"].get_text(strip=True) == (
        "Regional Civil Society Council: A council that advises the Government."
    )
    assert terms["Who sits on it"].get_text(strip=True) == "4 members"
    assert terms["Next session"].time is None
    assert terms["How to take part"].get_text(" ", strip=True) == how_to_en


@pytest.mark.parametrize("english", [False, True])
def test_page_says_the_summary_type_and_status_once(client, fresh_index, council, english):
    """The box says what the body is (type and summary); the status is the badge under the title."""
    page = council
    if english:
        from base.demo import translate

        translate(fresh_index, {fresh_index.title: "Citizen Participation (test)"}).save_revision().publish()
        page = translate(council, {council.summary: "A council that advises the Government.", HOW_TO: "Write to us."})
        page.save_revision().publish()
    article = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("article")
    text = " ".join(article.get_text(" ").split())
    assert text.count(" ".join(page.summary.split())) == 1
    assert article.select_one("header .status").get_text(strip=True) == page.get_status_display()
    terms = [dt.get_text(strip=True) for dt in article.select("dt")]
    assert not {"Tipo", "Estado", "Type", "Status"} & set(terms)
