"""Every public page type makes the same number of queries at two content sizes.

The content is grown with the very functions ``make bench`` scales the demo with
(``bench/scale_content.py``): budget sheets of 30 lines, commitments with 10 milestones,
participation bodies with 20 sessions, citizen requests. Each page is requested once to
warm the per-process caches a running site has (site root paths, locales), then counted.
The apps' own tests vary what one page holds (lines, milestones, sessions); these vary
how much there is in the whole site, across apps.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from bench import scale_content

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 6
REQUESTS_SMALL, REQUESTS_LARGE = 10, 300


def grow(home, size, requests):
    """Scale every area of the site to ``size`` items (and ``requests`` citizen requests)."""
    scale_content.scale_fichas(home, size)
    scale_content.scale_programa(home, size)
    scale_content.scale_participacion(home, size)
    scale_content.scale_contacto(requests)


def url_of(home, slug):
    return Page.objects.get(locale=home.locale, slug=slug).url


def public_urls(home):
    """One URL of every public page type (and of the listings' filters and the search)."""
    fichas = url_of(home, "fichas-ciudadanas")
    programa = url_of(home, "programa-de-gobierno")
    participacion = url_of(home, "participacion")
    contacto = Page.objects.get(locale=home.locale, title="Atención Ciudadana").url
    return {
        "home": "/",
        "home (en)": "/en/",
        "budget sheet index": fichas,
        "budget sheet index by year": fichas + "?anio=2023",
        "budget sheet": url_of(home, "bench-ficha-0001"),
        "programme index": programa,
        "programme index filtered": programa + "?estado=sustancial&orden=avance_desc",
        "commitment": url_of(home, "bench-compromiso-0001"),
        "participation index": participacion,
        "participation index filtered": participacion + "?q=carga",
        "participation sessions": participacion + "sesiones/",
        "body": url_of(home, "bench-instancia-0001"),
        "programme feed": programa + "avances.atom",
        "commitment feed": url_of(home, "bench-compromiso-0001") + "avances.atom",
        "sessions feed": participacion + "sesiones.atom",
        "body's sessions feed": url_of(home, "bench-instancia-0001") + "sesiones.atom",
        "new sheets feed": fichas + "fichas.atom",
        # The result page loads each page type shown in one query: a query matching the same
        # types at both sizes (sheets and their index) shows that nothing else grows.
        "search": "/buscar/?q=ficha",
        "search (en)": "/en/buscar/?q=budget",
        "contact form": contacto,
        "contact statistics": contacto + "estadisticas/",
        "sitemap": "/sitemap.xml",
    }


def count_queries(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def test_public_pages_make_the_same_queries_at_two_content_sizes(client, home):
    grow(home, SMALL, REQUESTS_SMALL)
    urls = public_urls(home)
    small = {name: count_queries(client, url) for name, url in urls.items()}
    grow(home, LARGE, REQUESTS_LARGE)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert large == small


def test_the_scaled_content_is_what_the_pages_show(client, home):
    grow(home, SMALL, REQUESTS_SMALL)
    urls = public_urls(home)
    sheet = client.get(urls["budget sheet"]).content.decode()
    assert "Línea presupuestaria 30" in sheet
    assert "Compromiso de carga 001" in client.get(urls["programme index"]).content.decode()
    body = client.get(urls["body"]).content.decode()
    assert "Instancia de carga 001" in body and "Sesión 20" in body
