"""The demo site's home page (smoke): the seed's axes, counts and initiatives, in both languages.

What the home page computes from any initiatives is proved on factory-made objects
(``test_models``, ``test_home_page``); these tests prove what the demo content says.
"""

import re

import pytest
from bs4 import BeautifulSoup

from home.models import Eje, Iniciativa

from .test_home_page import axis_counts

pytestmark = pytest.mark.django_db


def test_home_shows_the_seed_counts_computed_from_statuses(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert axis_counts(response.content.decode()) == {
        "Modernización": (10, 10),
        "Transparencia": (6, 8),
        "Participación Ciudadana": (4, 6),
    }


def test_every_initiative_is_listed_under_its_axis_with_its_status(client, home):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    sections = soup.select("section.axis")
    names = [s.h2.get_text(strip=True) for s in sections]
    assert names == ["Modernización", "Transparencia", "Participación Ciudadana"]
    assert [len(s.select(".initiative")) for s in sections] == [10, 8, 6]
    dte = soup.find("h4", string=re.compile("Documentos Tributarios"))
    status = dte.find_next("span", class_="status")
    assert "status-cumplida" in status["class"] and status.get_text(strip=True) == Iniciativa.Status.COMPLETED.label


def test_english_home_is_a_translation_with_its_own_counts(client, home_en):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    counts = axis_counts(html)
    assert list(counts) == ["Modernisation", "Transparency", "Citizen Participation"]
    assert counts["Transparency"] == (6, 8)


def test_language_switcher_and_hreflang_link_the_two_homes(client, home, home_en):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.html["lang"] == "es-CL"
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')}
    assert alternates["es-CL"].endswith("/") and alternates["en"].endswith("/en/")
    switcher = soup.select_one(".language-switcher a[hreflang=en]")
    assert switcher["href"] == "/en/"


def test_both_languages_count_the_same_initiatives_at_every_moment(client, home, home_en):
    eje = Eje.objects.get(locale=home.locale, name="Participación Ciudadana")
    # Not translated yet: it counts in English too.
    Iniciativa.objects.create(locale=home.locale, eje=eje, name="Presupuestos participativos", status="cumplida")
    initiative = Iniciativa.objects.filter(locale=home.locale, eje__name="Modernización").first()
    initiative.status = "en_curso"
    initiative.save()

    spanish = list(axis_counts(client.get("/").content.decode()).values())
    english = list(axis_counts(client.get("/en/").content.decode()).values())
    assert spanish == english
    assert spanish[2] == (5, 7)
    assert spanish[0] == (9, 10)
