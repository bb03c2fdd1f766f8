"""Breadcrumbs and landmarks on every page and routed sub-page of the demo site, in both languages.

The pages come from the site itself: every live page below the home pages, every route of
the routable pages that takes no argument, and each participation type's listing. On each
HTML page the trail starts at the home page and ends with the current page (the ``h1``,
marked ``aria-current="page"``), every other step is a link and nothing else (the separators
are drawn by CSS, so nothing between the names is read out), no landmark or table caption
is announced twice, and the window title does not repeat a part ("X · X").
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import URLPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from participacion import listing

pytestmark = pytest.mark.django_db

HOME_NAMES = {"es-CL": "Inicio", "en": "Home"}
LANDMARK_ROLES = {"nav": "navigation", "aside": "complementary", "form": "form", "section": "region"}


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def routed_paths(page):
    """The page's own URL and its routes without arguments (sub-pages: sessions, look-up, statistics…)."""
    paths = [page.url]
    if isinstance(page, RoutablePageMixin):
        for pattern in page.get_subpage_urls():
            if isinstance(pattern, URLPattern) and not pattern.pattern.converters and pattern.name:
                paths.append(page.url + page.reverse_subpage(pattern.name))
        if page.specific_class.__name__ == "ParticipacionIndexPage":
            paths += [page.url + page.reverse_subpage("type", args=[kind.slug]) for kind in listing.BODY_TYPES]
    return sorted(set(paths))


def site_paths():
    paths = []
    for page in Page.objects.live().filter(depth__gt=2).specific().order_by("locale_id", "path"):
        paths += routed_paths(page)
    return paths


def accessible_name(soup, element):
    if element.get("aria-label"):
        return element["aria-label"]
    ids = element.get("aria-labelledby", "").split()
    return " ".join(text(soup.find(id=i)) for i in ids if soup.find(id=i))


def check_page(path, soup):
    """The problems found on one page (empty when it is right)."""
    problems = []
    trails = soup.select("nav.breadcrumbs")
    if len(trails) != 1:
        return [f"{path}: {len(trails)} breadcrumb trails"]
    items = trails[0].select("ol > li")
    first, last = items[0], items[-1]
    if first.a is None or text(first.a) != HOME_NAMES[soup.html["lang"]]:
        problems.append(f"{path}: the trail does not start at the home page ({text(first)!r})")
    current = last.select_one('[aria-current="page"]')
    h1 = soup.select_one("main h1")
    if current is None or h1 is None or text(current) != text(h1):
        problems.append(f"{path}: the trail ends with {text(last)!r}, the page's h1 is {h1 and text(h1)!r}")
    if last.a is not None:
        problems.append(f"{path}: the current page is a link in its own trail")
    for item in items[:-1]:
        links = item.find_all("a")
        if len(links) != 1 or text(item) != text(links[0]):
            problems.append(f"{path}: trail step {text(item)!r} is not one link and nothing else")
    if soup.select(".breadcrumbs [aria-hidden='false']"):
        problems.append(f"{path}: something in the trail is exposed on purpose")

    parts = [part.strip() for part in text(soup.title).split(" · ")]
    if len(parts) != len(set(parts)):
        problems.append(f"{path}: the window title repeats itself ({text(soup.title)!r})")

    names = {}
    for tag, role in LANDMARK_ROLES.items():
        for element in soup.find_all(tag):
            name = accessible_name(soup, element)
            if tag in ("section", "form") and not name:
                continue  # without a name these are not landmarks
            key = (element.get("role", role), name)
            names[key] = names.get(key, 0) + 1
    problems += [
        f"{path}: {count} {role} landmarks named {name!r}" for (role, name), count in names.items() if count > 1
    ]

    for caption in soup.find_all("caption"):
        heading = caption.find_previous(["h1", "h2", "h3", "h4"])
        if heading is not None and text(heading) == text(caption):
            problems.append(f"{path}: the table caption repeats the heading {text(heading)!r}")
    return problems


def test_every_page_and_sub_page_has_a_right_trail_and_no_landmark_twice(client, home, home_en):
    paths = site_paths()
    # The crawl reaches the sub-pages the issue names, in both languages.
    for expected in (
        "/participacion/sesiones/",
        "/oficina-de-atencion-ciudadana/seguimiento/",
        "/oficina-de-atencion-ciudadana/estadisticas/",
        "/participacion/tipo/mesas-tematicas/",
    ):
        assert expected in paths and "/en" + expected in paths
    problems, checked = [], 0
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue  # downloads, feeds, redirects
        checked += 1
        problems += check_page(path, BeautifulSoup(response.content, "html.parser"))
    assert checked > 150
    assert problems == []


def test_the_checks_catch_a_wrong_trail():
    """The page checks fail on the faults they look for (a trail ending elsewhere, a written separator)."""
    html = (
        '<html lang="es-CL"><head><title>Sesiones · Sesiones · Gobierno</title></head><body>'
        '<nav class="breadcrumbs" aria-label="Ruta de navegación"><ol>'
        '<li><a href="/">Inicio</a> /</li><li><span aria-current="page">Sesiones</span></li></ol></nav>'
        '<nav aria-label="Principal"></nav><nav aria-label="Principal"></nav>'
        "<main><h1>Sesiones de las instancias</h1><h2>Próximas</h2><table><caption>Próximas</caption></table>"
        "</main></body></html>"
    )
    problems = check_page("/x/", BeautifulSoup(html, "html.parser"))
    assert problems == [
        "/x/: the trail ends with 'Sesiones', the page's h1 is 'Sesiones de las instancias'",
        "/x/: trail step 'Inicio /' is not one link and nothing else",
        "/x/: the window title repeats itself ('Sesiones · Sesiones · Gobierno')",
        "/x/: 2 navigation landmarks named 'Principal'",
        "/x/: the table caption repeats the heading 'Próximas'",
    ]
