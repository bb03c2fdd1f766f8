"""Demo content and the public pages: the office page, the ethics channel's page, their English versions."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Locale

from base.demo import untranslated_strings
from contacto import demo
from contacto.models import CanalDenunciasPage, ContactoPage

pytestmark = pytest.mark.django_db


def test_demo_creates_both_pages_with_exact_slugs(home):
    office = ContactoPage.objects.get(locale=home.locale)
    assert office.slug == "oficina-de-atencion-ciudadana"
    assert office.title == "Atención Ciudadana"
    assert office.show_in_menus and office.live
    assert office.get_parent().specific == home
    channel = CanalDenunciasPage.objects.get(locale=home.locale)
    assert channel.slug == "canal-de-denuncias"
    assert channel.get_parent().pk == office.pk


def test_demo_is_idempotent(home):
    from wagtail.models import Page

    before = Page.objects.count()
    demo.load(home)
    assert Page.objects.count() == before


def test_every_demo_string_has_an_english_translation(home):
    office = ContactoPage.objects.get(locale=home.locale)
    channel = CanalDenunciasPage.objects.get(locale=home.locale)
    slugs = {"oficina-de-atencion-ciudadana", "canal-de-denuncias"}
    assert set(untranslated_strings(office, demo.ENGLISH)) <= slugs
    assert set(untranslated_strings(channel, demo.ENGLISH)) <= slugs
    english = Locale.objects.get(language_code="en")
    assert office.get_translation(english).title == "Citizen Services"
    assert channel.get_translation(english).title == "Whistleblowing Channel"


def test_office_appears_in_the_main_menu(client, home):
    office = ContactoPage.objects.get(locale=home.locale)
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert (office.title, office.url) in [(a.get_text(strip=True), a["href"]) for a in soup.select("nav a")]


def test_office_page_describes_the_five_ambitos(client, home):
    office = ContactoPage.objects.get(locale=home.locale)
    soup = BeautifulSoup(client.get(office.url).content, "html.parser")
    assert len(soup.select(".lead li")) == 5
    assert "Aviso de privacidad" in soup.get_text()


@override_settings(DENUNCIAS_URL="https://denuncias.example.org/")
def test_ethics_channel_page_explains_and_links_to_the_channel(client, home):
    channel = CanalDenunciasPage.objects.get(locale=home.locale)
    response = client.get(channel.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == channel.title
    headings = [h.get_text() for h in soup.select("main h2")]
    assert headings == ["Qué se puede denunciar", "Anonimato y confidencialidad", "Protecciones legales", "Plazos"]
    text = soup.get_text()
    assert "21.592" in text and "7 días" in text and "3 meses" in text  # the law and its deadlines
    links = [a["href"] for a in soup.select("a.button")]
    assert links and set(links) == {"https://denuncias.example.org/"}


def test_ethics_channel_default_address_is_local(client, home):
    channel = CanalDenunciasPage.objects.get(locale=home.locale)
    links = [a["href"] for a in BeautifulSoup(client.get(channel.url).content, "html.parser").select("a.button")]
    assert links and {urlsplit(link).hostname for link in links} == {"127.0.0.1"}


@override_settings(DENUNCIAS_URL="https://denuncias.example.org/")
def test_english_ethics_page_links_to_the_english_channel(client, home):
    channel = CanalDenunciasPage.objects.get(locale=home.locale)
    english = channel.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(english.url)
    assert response.status_code == 200
    assert "Law No. 21,592" in response.content.decode()
    links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select("a.button")]
    assert links and set(links) == {"https://denuncias.example.org/en/"}


def test_ethics_channel_page_query_count_is_fixed(client, home, django_assert_max_num_queries):
    channel = CanalDenunciasPage.objects.get(locale=home.locale)
    client.get(channel.url)
    with django_assert_max_num_queries(40):
        assert client.get(channel.url).status_code == 200
