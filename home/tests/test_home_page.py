"""The home page: each axis shows the count of its initiatives, and lists them with their status and page.

Tests build the axes and initiatives they read (``home.tests.factories``) and read them on a home
page of their own (``own_home``, root conftest); the demo's home page and its seed figures: ``test_demo_home``.
"""

import re

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from home.models import Eje, Iniciativa

from .factories import EjeFactory, IniciativaFactory

pytestmark = pytest.mark.django_db


def axis_counts(html):
    """{axis name: (completed, total)} as read from the rendered summary cards, whatever the language."""
    soup = BeautifulSoup(html, "html.parser")
    counts = {}
    for card in soup.select(".axis-card"):
        tally = card.select_one(".tally")
        completed = int(tally.select_one(".tally-number").get_text(strip=True))
        total = int(re.findall(r"\d+", tally.get_text(" ", strip=True))[-1])
        counts[card.h3.get_text(strip=True)] = (completed, total)
    return counts


def test_an_axis_card_shows_the_count_of_its_initiatives_and_follows_their_statuses(client, own_home):
    eje = EjeFactory(name="Eje de prueba")
    planned = IniciativaFactory(eje=eje)
    IniciativaFactory.create_batch(2, eje=eje, completed=True)
    soup = BeautifulSoup(client.get(own_home.url).content, "html.parser")
    assert axis_counts(str(soup))["Eje de prueba"] == (2, 3)
    card = next(card for card in soup.select(".axis-card") if card.h3.get_text(strip=True) == "Eje de prueba")
    assert card.select_one(".tally-bar-fill")["width"] == "66"  # 2 of 3, truncated

    planned.status = Iniciativa.Status.COMPLETED
    planned.save()
    assert axis_counts(client.get(own_home.url).content.decode())["Eje de prueba"] == (3, 3)
    IniciativaFactory(eje=eje)
    assert axis_counts(client.get(own_home.url).content.decode())["Eje de prueba"] == (3, 4)


def test_each_initiative_is_listed_under_its_axis_with_its_status_and_page(client, own_home):
    eje = EjeFactory(name="Eje de prueba")
    linked = wagtail_factories.PageFactory(parent=own_home, title="Página de la iniciativa")
    IniciativaFactory(eje=eje, name="Con página", completed=True, page=linked, sort_order=1)
    IniciativaFactory(eje=eje, name="Sin página", in_progress=True, sort_order=2)
    soup = BeautifulSoup(client.get(own_home.url).content, "html.parser")
    section = next(s for s in soup.select("section.axis") if s.h2.get_text(strip=True) == "Eje de prueba")
    items = section.select(".initiative")
    assert [item.h4.get_text(strip=True) for item in items] == ["Con página", "Sin página"]
    assert [item.select_one(".status")["class"][1] for item in items] == ["status-cumplida", "status-en_curso"]
    statuses = [item.select_one(".status").get_text(strip=True) for item in items]
    assert statuses == [Iniciativa.Status.COMPLETED.label, Iniciativa.Status.IN_PROGRESS.label]
    assert items[0].h4.a["href"] == linked.relative_url(own_home.get_site())
    assert items[1].h4.a is None


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
