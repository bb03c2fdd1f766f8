"""The home page's top tasks: entry points above the model, each a link to its page, with computed figures."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from contacto import services
from contacto.models import CitizenRequest
from fichas.models import FichaCiudadanaPage
from home.models import Iniciativa
from participacion.models import InstanciaPage, InstanciaSession
from programa_gobierno.models import CompromisoPage

pytestmark = pytest.mark.django_db

# Task heading -> slug of the page it leads to, in the order the demo gives them.
SPANISH_TASKS = {
    "Ver el presupuesto": "fichas-ciudadanas",
    "Revisar los compromisos del Gobernador": "programa-de-gobierno",
    "Enviar o seguir una solicitud": "oficina-de-atencion-ciudadana",
    "Ver las próximas sesiones": "participacion",
    "Denunciar una falta a la ética": "canal-de-denuncias",
}
ENGLISH_TASKS = [
    "See the budget",
    "Check the Governor's commitments",
    "Send or track a request",
    "See upcoming sessions",
    "Report an ethics concern",
]


def cards(client, path="/"):
    """{heading: card element} of the task entries, in page order."""
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return {" ".join(card.h3.get_text().split()): card for card in soup.select(".task-card")}


def card_text(card):
    return " ".join(card.get_text(" ", strip=True).split())


@pytest.mark.parametrize(("path", "headings"), [("/", list(SPANISH_TASKS)), ("/en/", ENGLISH_TASKS)])
def test_each_task_is_one_click_from_home_to_its_page(client, home, home_en, path, headings):
    locale = home.locale if path == "/" else home_en.locale
    entries = cards(client, path)
    assert list(entries) == headings
    for card, slug in zip(entries.values(), SPANISH_TASKS.values(), strict=True):
        url = card.h3.a["href"]
        target = Page.objects.get(slug=slug, locale=locale)
        assert url == target.url
        response = client.get(url)
        assert response.status_code == 200
        assert response.context["page"].pk == target.pk


def test_tasks_come_first_then_the_model_and_the_quote_last(client, home):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    main = soup.select_one("main")
    sections = [element.get("class")[0] for element in main.select("section.hero, section.tasks, section.axes, figure")]
    assert sections == ["hero", "tasks", "axes", "quote"]
    # Nothing but the title and the lead stands before the tasks.
    assert [h.name for h in main.select("h1, h2")][:2] == ["h1", "h2"]
    assert main.select("h2")[0].get_text(strip=True) == "¿Qué necesita hacer?"


def test_request_task_links_the_tracking_look_up(client, home):
    card = cards(client)["Enviar o seguir una solicitud"]
    tracking = card.find("a", string="Seguir una solicitud con su código")
    response = client.get(tracking["href"])
    assert response.status_code == 200
    assert "Seguimiento de solicitudes" in response.content.decode()


def test_programme_figures_follow_the_commitments(client, home):
    commitments = CompromisoPage.objects.live().filter(locale=home.locale)
    completed, total = commitments.filter(status="completo").count(), commitments.count()
    card = cards(client)["Revisar los compromisos del Gobernador"]
    assert f"{completed} de {total} compromisos cumplidos" in card_text(card)
    overdue = card.find("a", href="/programa-de-gobierno/?atrasados=1")
    assert overdue is not None

    commitments.filter(pk=commitments.exclude(status="completo").first().pk).update(status="completo")
    card = cards(client)["Revisar los compromisos del Gobernador"]
    assert f"{completed + 1} de {total} compromisos cumplidos" in card_text(card)


def test_budget_figure_is_the_latest_year_and_its_sheets(client, home):
    assert "Presupuesto 2023: 2 fichas" in card_text(cards(client)["Ver el presupuesto"])
    sheet = FichaCiudadanaPage.objects.filter(locale=home.locale).first()
    FichaCiudadanaPage.objects.filter(pk=sheet.pk).update(year=2024)
    assert "Presupuesto 2024: 1 ficha" in card_text(cards(client)["Ver el presupuesto"])


def test_sessions_task_names_the_next_sessions_with_their_dates(client, home):
    card = cards(client)["Ver las próximas sesiones"]
    assert "No hay sesiones programadas por ahora." in card_text(card)
    assert client.get(card.find("a", string="Calendario de sesiones")["href"]).status_code == 200

    body = InstanciaPage.objects.live().get(locale=home.locale, slug="consejo-asesor-genero")
    starts = timezone.localtime() + timedelta(days=3)
    starts = starts.replace(hour=10, minute=0, second=0, microsecond=0)
    InstanciaSession.objects.create(page=body, locale=body.locale, title="Sesión de prueba", starts_at=starts)
    card = cards(client)["Ver las próximas sesiones"]
    link = card.select_one(".task-list a")
    assert link.get_text(strip=True) == "Consejo Asesor de Género"
    assert link["href"] == body.url
    assert card.select_one(".task-list time")["datetime"] == starts.isoformat()
    assert "No hay sesiones programadas" not in card_text(card)


def test_request_figure_is_the_share_answered_on_time(client, home):
    assert "respondidas dentro del plazo" not in card_text(cards(client)["Enviar o seguir una solicitud"])
    data = {
        "request_type": "consulta",
        "name": "Pedro Soto",
        "email": "pedro@example.org",
        "phone": "",
        "comuna": "maipu",
        "subject": "Horario",
        "message": "¿Atienden los sábados?",
    }
    answered = [services.submit_request(data=data) for _ in range(3)]
    CitizenRequest.objects.filter(pk__in=[r.pk for r in answered]).update(answered_at=timezone.now())
    late = answered[0]
    CitizenRequest.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert "66,6 % de las solicitudes respondidas dentro del plazo" in card_text(
        cards(client)["Enviar o seguir una solicitud"]
    )


def test_editors_words_show_and_an_unpublished_target_drops_its_task(client, home):
    home.tasks[0].value["heading"] = "Consultar el presupuesto regional"
    home.save_revision().publish()
    assert list(cards(client))[0] == "Consultar el presupuesto regional"

    Page.objects.get(locale=home.locale, slug="canal-de-denuncias").unpublish()
    assert "Denunciar una falta a la ética" not in cards(client)


def test_editors_can_open_the_home_page_with_its_tasks_in_the_admin(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    assert "Tareas principales" in response.content.decode()


def test_initiatives_link_the_page_that_carries_them_out_in_each_language(client, home, home_en):
    sheet = Iniciativa.objects.get(locale=home.locale, name="Ficha Ciudadana 01: Gastos de Funcionamiento")
    assert sheet.page.slug == "2023-programa-01-gastos-de-funcionamiento"
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    link = soup.find("a", string="Ficha Ciudadana 01: Gastos de Funcionamiento")
    assert link["href"] == "/fichas-ciudadanas/2023-programa-01-gastos-de-funcionamiento/"
    council = soup.find("a", string="Consejo Regional de la Sociedad Civil")
    assert council["href"] == "/participacion/consejo-regional-de-la-sociedad-civil/"

    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    link = soup.find("a", string="Citizen Budget Sheet 01: Operating Expenses")
    assert link["href"] == "/en/fichas-ciudadanas/2023-programa-01-gastos-de-funcionamiento/"
    # An initiative without a page to carry it out is plain text.
    assert soup.find("h4", string="New intranet").a is None
