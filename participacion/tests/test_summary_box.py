"""The «En resumen» box of a body's page: what it is, who sits on it, next session, how to take part."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from participacion.demo import HOW_TO_PARTICIPATE
from participacion.models import InstanciaMember, InstanciaPage

pytestmark = pytest.mark.django_db


def box(response):
    """The box as {term: definition element}, checking it opens the page's content."""
    page = BeautifulSoup(response.content, "html.parser")
    section = page.select_one("article section.instancia-resumen")
    assert section is not None
    assert page.select("article h2")[0] is section.h2  # first thing after the header
    return section.h2.get_text(strip=True), {div.dt.get_text(strip=True): div.dd for div in section.select("dl > div")}


def test_council_box_says_what_it_is_who_sits_on_it_and_how_to_take_part(client, council):
    heading, terms = box(client.get(council.url))
    assert heading == "En resumen"
    assert list(terms) == ["Qué es", "Quiénes la integran", "Próxima sesión", "Cómo participar"]
    assert terms["Qué es"].get_text(strip=True) == f"Consejo Regional de la Sociedad Civil: {council.summary}"
    members = council.members.count()
    assert members == 10  # one entry per category of representative the seed names
    assert terms["Quiénes la integran"].get_text(strip=True) == f"{members} integrantes"
    assert terms["Quiénes la integran"].a["href"] == "#integrantes"
    # Its only sessions are the three of 2023.
    assert terms["Próxima sesión"].get_text(strip=True) == "Sin sesiones programadas"
    assert terms["Cómo participar"].get_text(" ", strip=True) == HOW_TO_PARTICIPATE["consejo_sociedad_civil"]["es"]


def test_next_session_is_the_soonest_upcoming_one_and_former_members_do_not_count(client, make_body, session_at):
    today = timezone.localdate()
    body = make_body(
        sessions=[session_at(-5, title="Pasada"), session_at(10, title="Lejana"), session_at(3, title="Cercana")],
        members=[
            InstanciaMember(name="Ana Pérez", organisation="Junta de vecinos"),
            InstanciaMember(name="Berta Soto", designated_on=date(2023, 1, 1), ended_on=today - timedelta(days=1)),
        ],
    )
    soonest = body.sessions.get(title="Cercana")
    _heading, terms = box(client.get(body.url))
    assert terms["Quiénes la integran"].get_text(strip=True) == "1 integrante"
    next_session = terms["Próxima sesión"]
    assert next_session.a["href"] == "#sesiones"
    assert next_session.time["datetime"] == soonest.when_iso
    assert next_session.get_text(strip=True) == soonest.when_text


def test_without_a_text_the_box_offers_the_contact_e_mail_or_says_where_to_follow(client, make_body):
    with_email = make_body(contact_email="mesa@example.org")
    _heading, terms = box(client.get(with_email.url))
    assert " ".join(terms["Cómo participar"].get_text().split()) == "Escriba a mesa@example.org."
    assert terms["Cómo participar"].a["href"] == "mailto:mesa@example.org"

    bare = make_body()
    _heading, terms = box(client.get(bare.url))
    assert terms["Quiénes la integran"].get_text(strip=True) == "Aún no se han publicado sus integrantes."
    assert terms["Cómo participar"].get_text(strip=True) == (
        "Puede seguir su trabajo en esta página, donde se publican sus sesiones y acuerdos."
    )


def test_english_council_box_is_in_english(client, council):
    english = council.get_translation(Locale.objects.get(language_code="en"))
    heading, terms = box(client.get(english.url))
    assert heading == "At a glance"
    assert list(terms) == ["What it is", "Who sits on it", "Next session", "How to take part"]
    assert terms["What it is"].get_text(strip=True).startswith("Regional Civil Society Council: A participation body")
    assert terms["Who sits on it"].get_text(strip=True) == "10 members"
    assert terms["Next session"].get_text(strip=True) == "No sessions scheduled"
    assert terms["How to take part"].get_text(" ", strip=True) == HOW_TO_PARTICIPATE["consejo_sociedad_civil"]["en"]


def test_every_demo_body_says_how_to_take_part_in_both_languages(index):
    spanish = list(InstanciaPage.objects.child_of(index).live())
    assert len(spanish) == 56
    english = Locale.objects.get(language_code="en")
    for body in spanish:
        assert body.how_to_participate == HOW_TO_PARTICIPATE[body.type]["es"], body.title
        translated = body.get_translation(english)
        assert translated.how_to_participate == HOW_TO_PARTICIPATE[body.type]["en"], body.title


@pytest.mark.parametrize("english", [False, True])
def test_page_says_the_summary_type_and_status_once(client, council, english):
    """The box says what the body is (type and summary); the status is the badge under the title."""
    page = council.get_translation(Locale.objects.get(language_code="en")) if english else council
    article = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("article")
    text = " ".join(article.get_text(" ").split())
    assert text.count(" ".join(page.summary.split())) == 1
    assert article.select_one("header .status").get_text(strip=True) == page.get_status_display()
    terms = [dt.get_text(strip=True) for dt in article.select("dt")]
    assert not {"Tipo", "Estado", "Type", "Status"} & set(terms)
