"""No public page's HTML + CSS + JS weighs more than 100 KB compressed (gzip).

For a sample of pages of every area, in both languages, the HTML and every stylesheet, script
and preloaded file (the web font the first paint needs) it links from this site are gzipped
(level 6, what whitenoise and a proxy send) and added up. Fonts that are not preloaded swap in
after the first paint and are not counted. Static files are read through the staticfiles
finders, as collectstatic would.
"""

import gzip

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Page

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 100 * 1024


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=6))


def linked_assets(html):
    """The site's own stylesheets, scripts and preloaded files a page links to, as static paths."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [link["href"] for link in soup.select('link[rel~="stylesheet"][href], link[rel~="preload"][href]')]
    urls += [script["src"] for script in soup.select("script[src]")]
    assert all(url.startswith(settings.STATIC_URL) for url in urls), urls  # no third-party assets
    return sorted({url[len(settings.STATIC_URL) :].split("?")[0] for url in urls})


def page_weight(client, url):
    """(total gzipped bytes, {part: gzipped bytes}) of one page and its CSS and JS."""
    response = client.get(url)
    assert response.status_code == 200, url
    parts = {"html": gzipped_size(response.content)}
    for path in linked_assets(response.content.decode()):
        found = finders.find(path)
        assert found, f"{url} links {path}, which does not exist"
        with open(found, "rb") as handle:
            parts[path] = gzipped_size(handle.read())
    return sum(parts.values()), parts


def sample_urls(home):
    """Every section's index, one page of each type under it, in Spanish and English."""
    urls = ["/", "/en/", "/buscar/?q=presupuesto", "/en/buscar/?q=budget"]
    for section in Page.objects.child_of(home).live().specific():
        urls.append(section.url)
        child = section.get_children().live().first()
        if child is not None:
            urls.append(child.url)
    english = [
        Page.objects.get(pk=pk).url
        for pk in Page.objects.filter(locale__language_code="en", depth=4, live=True).values_list("pk", flat=True)[:5]
    ]
    return urls + english


def test_no_page_exceeds_100_kb_compressed(client, home):
    urls = sample_urls(home)
    assert len(urls) >= 12
    weights = {url: page_weight(client, url) for url in urls}
    heavy = {url: parts for url, (total, parts) in weights.items() if total > BUDGET_BYTES}
    assert not heavy, heavy


def test_the_weight_counts_css_and_js(client):
    total, parts = page_weight(client, "/")
    assert parts["html"] > 1000
    assert "css/site.css" in parts and "js/site.js" in parts
    assert "fonts/roboto-latin-400-normal.woff2" in parts  # the preloaded web font counts too
    assert total == sum(parts.values())
