"""The home page: three axes whose counts follow the initiatives' statuses, in both languages."""

import re

import pytest
from bs4 import BeautifulSoup

from home.models import Eje, Iniciativa

pytestmark = pytest.mark.django_db


def axis_counts(html):
    """{axis name: "N iniciativas cumplidas de M"} as read from the rendered summary cards."""
    soup = BeautifulSoup(html, "html.parser")
    counts = {}
    for card in soup.select(".axis-card"):
        counts[card.h3.get_text(strip=True)] = " ".join(card.select_one(".tally").get_text(" ", strip=True).split())
    return counts


def test_home_shows_the_seed_counts_computed_from_statuses(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert axis_counts(response.content.decode()) == {
        "Modernización": "10 iniciativas cumplidas de 10",
        "Transparencia": "6 iniciativas cumplidas de 8",
        "Participación Ciudadana": "4 iniciativas cumplidas de 6",
    }


def test_count_follows_a_status_change(client, home):
    initiative = Iniciativa.objects.filter(locale=home.locale, eje__name="Transparencia", status="en_curso").first()
    initiative.status = "cumplida"
    initiative.save()
    assert axis_counts(client.get("/").content.decode())["Transparencia"] == "7 iniciativas cumplidas de 8"

    Iniciativa.objects.filter(locale=home.locale, eje__name="Modernización").update(status="planificada")
    assert axis_counts(client.get("/").content.decode())["Modernización"] == "0 iniciativas cumplidas de 10"


def test_new_initiative_raises_the_total(client, home):
    eje = Eje.objects.get(locale=home.locale, name="Participación Ciudadana")
    Iniciativa.objects.create(locale=home.locale, eje=eje, name="Presupuestos participativos", status="planificada")
    assert axis_counts(client.get("/").content.decode())["Participación Ciudadana"] == "4 iniciativas cumplidas de 7"


def test_every_initiative_is_listed_under_its_axis_with_its_status(client, home):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    sections = soup.select("section.axis")
    names = [s.h2.get_text(strip=True) for s in sections]
    assert names == ["Modernización", "Transparencia", "Participación Ciudadana"]
    assert [len(s.select(".initiative")) for s in sections] == [10, 8, 6]
    dte = soup.find("h4", string=re.compile("Documentos Tributarios"))
    assert dte.find_next("span", class_="status").get_text(strip=True) == "Cumplida"


def test_english_home_is_a_translation_with_its_own_counts(client, home_en):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    counts = axis_counts(html)
    assert list(counts) == ["Modernisation", "Transparency", "Citizen Participation"]
    assert counts["Transparency"].startswith("6 ") and counts["Transparency"].endswith(" 8")


def test_language_switcher_and_hreflang_link_the_two_homes(client, home, home_en):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.html["lang"] == "es-CL"
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')}
    assert alternates["es-CL"].endswith("/") and alternates["en"].endswith("/en/")
    switcher = soup.select_one(".language-switcher a[hreflang=en]")
    assert switcher["href"] == "/en/"


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_home_query_count_does_not_grow_with_initiatives(client, home, home_en, path, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as baseline:
        client.get(path)
    target = home if path == "/" else home_en
    eje = Eje.objects.filter(locale=target.locale).first()
    for number in range(30):
        Iniciativa.objects.create(
            locale=target.locale, eje=eje, name=f"Iniciativa {number}", status="cumplida", page=home
        )
    with django_assert_num_queries(len(baseline)):
        client.get(path)


def tally_numbers(html):
    """{axis position: (completed, total)} read from the rendered cards, whatever the language."""
    return [tuple(re.findall(r"\d+", text)) for text in axis_counts(html).values()]


def test_both_languages_count_the_same_initiatives_at_every_moment(client, home, home_en):
    eje = Eje.objects.get(locale=home.locale, name="Participación Ciudadana")
    # Not translated yet: it counts in English too.
    Iniciativa.objects.create(locale=home.locale, eje=eje, name="Presupuestos participativos", status="cumplida")
    initiative = Iniciativa.objects.filter(locale=home.locale, eje__name="Modernización").first()
    initiative.status = "en_curso"
    initiative.save()

    spanish = tally_numbers(client.get("/").content.decode())
    english = tally_numbers(client.get("/en/").content.decode())
    assert spanish == english
    assert spanish[2] == ("5", "7")
    assert spanish[0] == ("9", "10")
