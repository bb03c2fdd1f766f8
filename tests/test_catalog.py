"""The DCAT catalogue, read as CKAN's harvester reads it: rdflib parses it, then follows every distribution."""

from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import feedparser
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from wagtail.models import Locale

from base import catalog
from base.catalog import HYDRA, VCARD
from base.models import DataLicence, SiteSettings
from fichas.models import FichaCiudadanaPage

pytestmark = pytest.mark.django_db

FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}


def fetch_graph(client, url):
    """GET ``url`` and parse the answer with rdflib in the format its extension names."""
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    fmt = urlsplit(url).path.rsplit(".", 1)[-1]
    return response, Graph().parse(data=response.content, format=FORMATS[fmt])


def languages_of(graph, subject, predicate):
    return {value.language for value in graph.objects(subject, predicate) if isinstance(value, Literal)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_catalogue_lists_every_dataset_with_spanish_and_english_texts(client, fmt):
    response, graph = fetch_graph(client, f"/catalogo.{fmt}")
    assert response["Content-Type"].startswith({"ttl": "text/turtle", "jsonld": "application/ld+json"}[fmt])
    catalog_uri = URIRef("http://testserver/catalogo/")
    assert (catalog_uri, RDF.type, DCAT.Catalog) in graph
    datasets = set(graph.objects(catalog_uri, DCAT.dataset))
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset))
    sheets = FichaCiudadanaPage.objects.live().filter(locale=Locale.get_default()).count()
    assert sheets >= 2
    # one per sheet, all sheets, the programme, the sessions calendar and the contact statistics
    assert len(datasets) == sheets + 4
    for dataset in datasets:
        assert languages_of(graph, dataset, DCTERMS.title) == {"es", "en"}, dataset
        assert languages_of(graph, dataset, DCTERMS.description) == {"es", "en"}, dataset
        assert languages_of(graph, dataset, DCAT.keyword) == {"es", "en"}, dataset
        assert set(graph.objects(dataset, DCAT.theme)) <= {
            URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
            URIRef("http://publications.europa.eu/resource/authority/data-theme/ECON"),
        }
        assert list(graph.objects(dataset, DCAT.theme)), dataset
        assert list(graph.objects(dataset, DCAT.distribution)), dataset
        assert graph.value(dataset, DCTERMS.modified) is not None, dataset
        publisher = graph.value(dataset, DCTERMS.publisher)
        assert (publisher, RDF.type, FOAF.Organization) in graph
        assert str(graph.value(publisher, FOAF.name)) == "Gobierno de Santiago"
        assert (graph.value(dataset, DCAT.contactPoint), RDF.type, VCARD.Organization) in graph


def test_english_texts_are_english(client):
    _response, graph = fetch_graph(client, "/catalogo.ttl")
    sheet = FichaCiudadanaPage.objects.live().filter(locale=Locale.get_default()).first()
    dataset = URIRef(f"http://testserver{sheet.url}#datos")
    titles = {value.language: str(value) for value in graph.objects(dataset, DCTERMS.title)}
    english_sheet = sheet.get_translation(Locale.objects.get(language_code="en"))
    assert titles == {"es": sheet.title, "en": english_sheet.title}
    descriptions = {value.language: str(value) for value in graph.objects(dataset, DCTERMS.description)}
    assert descriptions["es"].startswith("Presupuesto vigente y ejecución")
    assert descriptions["en"].startswith("Current budget and execution")
    assert f"programme {sheet.programme_number} in {sheet.year}" in descriptions["en"]


def test_every_download_url_answers_200_with_its_stated_media_type(client):
    _response, graph = fetch_graph(client, "/catalogo.jsonld")
    distributions = list(graph.subjects(RDF.type, DCAT.Distribution))
    downloads = [(graph.value(d, DCAT.downloadURL), graph.value(d, DCAT.mediaType)) for d in distributions]
    downloads = [(url, media_type) for url, media_type in downloads if url is not None]
    # four files per sheet, the CSV of all, three for the programme, the calendar, and three Atom feeds
    assert len(downloads) >= 11
    for url, media_type in downloads:
        assert str(media_type).startswith("http://www.iana.org/assignments/media-types/")
        parts = urlsplit(str(url))
        assert parts.scheme == "http" and parts.netloc == "testserver", url
        response = client.get(parts.path)
        assert response.status_code == 200, url
        stated = str(media_type).removeprefix("http://www.iana.org/assignments/media-types/")
        assert response["Content-Type"].split(";")[0].strip() == stated, url
    # The statistics have no file: their distribution is the page itself, to read, not to download.
    pages = [d for d in distributions if graph.value(d, DCAT.downloadURL) is None]
    assert len(pages) == 1
    assert client.get(urlsplit(str(graph.value(pages[0], DCAT.accessURL))).path).status_code == 200


def test_every_feed_in_the_catalogue_is_read_by_a_feed_parser_in_both_languages(client):
    _response, graph = fetch_graph(client, "/catalogo.jsonld")
    feeds = {
        urlsplit(str(graph.value(distribution, DCAT.downloadURL))).path
        for distribution in graph.subjects(RDF.type, DCAT.Distribution)
        if str(graph.value(distribution, DCAT.mediaType)).endswith("/application/atom+xml")
    }
    assert feeds == {
        "/programa-de-gobierno/avances.atom",
        "/participacion/sesiones.atom",
        "/fichas-ciudadanas/fichas.atom",
    }
    for path in feeds:
        for url, language in [(path, "es-cl"), ("/en" + path, "en")]:
            response = client.get(url)
            assert response.status_code == 200, url
            feed = feedparser.parse(response.content)
            assert feed.bozo == 0, (url, feed.get("bozo_exception"))
            assert feed.version == "atom10", url
            assert feed.feed.language == language, url


def test_a_sheet_covers_its_budget_year(client):
    _response, graph = fetch_graph(client, "/catalogo.ttl")
    sheet = FichaCiudadanaPage.objects.live().filter(locale=Locale.get_default()).first()
    period = graph.value(URIRef(f"http://testserver{sheet.url}#datos"), DCTERMS.temporal)
    assert (period, RDF.type, DCTERMS.PeriodOfTime) in graph
    assert graph.value(period, DCAT.startDate).toPython() == date(sheet.year, 1, 1)
    assert graph.value(period, DCAT.endDate).toPython() == date(sheet.year, 12, 31)


def test_licence_and_contact_point_come_from_the_site_settings(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.data_licence = DataLicence.CC0
    site_settings.email = "datos@gobiernosantiago.cl"
    site_settings.phone = "+56 2 2509 0000"
    site_settings.save()
    _response, graph = fetch_graph(client, "/catalogo.ttl")
    licences = set(graph.objects(None, DCTERMS.license))
    assert licences == {URIRef("https://creativecommons.org/publicdomain/zero/1.0/")}
    contact = graph.value(graph.value(predicate=RDF.type, object=DCAT.Dataset), DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:datos@gobiernosantiago.cl")
    assert graph.value(contact, VCARD.hasTelephone) == URIRef("tel:+56225090000")


def test_licence_defaults_to_cc_by_4():
    assert SiteSettings().data_licence == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("text/turtle", "/catalogo.ttl"),
        ("application/ld+json", "/catalogo.jsonld"),
        ("text/turtle;q=0.5, application/ld+json", "/catalogo.jsonld"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "/catalogo.jsonld"),
    ],
)
def test_catalogue_address_negotiates_the_format(client, accept, location):
    response = client.get("/catalogo/", headers={"Accept": accept})
    assert response.status_code == 303
    assert response["Location"] == location
    assert "Accept" in response["Vary"]


def test_negotiation_keeps_the_page_number(client):
    response = client.get("/catalogo/?page=1", headers={"Accept": "text/turtle"})
    assert response["Location"] == "/catalogo.ttl?page=1"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_harvester_following_next_pages_reads_every_dataset_once(client, monkeypatch, fmt):
    _response, whole = fetch_graph(client, f"/catalogo.{fmt}")
    everything = set(whole.subjects(RDF.type, DCAT.Dataset))
    assert not list(whole.subjects(RDF.type, HYDRA.PagedCollection))  # one page: no paging
    monkeypatch.setattr(catalog, "DATASETS_PER_PAGE", 2)
    seen, url, pages = [], f"/catalogo.{fmt}", 0
    while url:
        _response, graph = fetch_graph(client, url)
        pages += 1
        paged = graph.value(predicate=RDF.type, object=HYDRA.PagedCollection)
        assert str(paged) == f"http://testserver{url if '?' in url else url + '?page=1'}"
        assert graph.value(paged, HYDRA.totalItems).toPython() == len(everything)
        assert graph.value(paged, HYDRA.itemsPerPage).toPython() == 2
        seen += list(graph.subjects(RDF.type, DCAT.Dataset))
        following = graph.value(paged, HYDRA.nextPage)
        url = urlsplit(str(following)).path + "?" + urlsplit(str(following)).query if following else None
    assert pages == -(-len(everything) // 2)
    assert sorted(seen) == sorted(everything)


def test_build_catalog_pages_with_previous_and_last_links():
    info = catalog.CatalogInfo(
        uri="https://example.org/catalogo/",
        title={"es": "Catálogo", "en": "Catalogue"},
        description={"es": "d", "en": "d"},
        homepage="https://example.org/",
        publisher_name="Gobierno de Santiago",
        licence=DataLicence.CC_BY_4,
    )
    datasets = [
        catalog.Dataset(
            uri=f"https://example.org/d/{n}",
            title={"es": f"D{n}", "en": f"D{n}"},
            description={"es": "x", "en": "x"},
            landing_page=f"https://example.org/d/{n}",
            themes=[catalog.ECONOMY],
            keywords={"es": ["a"], "en": ["a"]},
            modified=datetime(2024, 1, n % 28 + 1, tzinfo=UTC),
        )
        for n in range(250)
    ]
    graph = catalog.build_catalog(info, datasets, page=3, document_url="https://example.org/catalogo.ttl")
    paged = URIRef("https://example.org/catalogo.ttl?page=3")
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 50
    assert graph.value(paged, HYDRA.previousPage) == URIRef("https://example.org/catalogo.ttl?page=2")
    assert graph.value(paged, HYDRA.lastPage) == URIRef("https://example.org/catalogo.ttl?page=3")
    assert graph.value(paged, HYDRA.nextPage) is None
    middle = catalog.build_catalog(info, datasets, page=2, document_url="https://example.org/catalogo.ttl")
    assert middle.value(URIRef("https://example.org/catalogo.ttl?page=2"), HYDRA.nextPage) == URIRef(
        "https://example.org/catalogo.ttl?page=3"
    )


@pytest.mark.parametrize("page", ["0", "-1", "dos", "1.5", "", "²", "9" * 5000])
def test_a_bad_page_number_is_a_400_in_spanish(client, page):
    response = client.get(f"/catalogo.ttl?page={page}")
    assert response.status_code == 400
    assert "entero positivo" in response.content.decode()


def test_a_page_past_the_end_is_a_404(client):
    response = client.get("/catalogo.ttl?page=99")
    assert response.status_code == 404
    assert "no tiene la página 99" in response.content.decode()


def test_unknown_catalogue_extension_is_a_404(client):
    assert client.get("/catalogo.xml").status_code == 404


def test_catalogue_is_served_from_the_page_cache(client, page_cache):
    first = client.get("/catalogo.ttl")
    second = client.get("/catalogo.ttl")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_footer_and_dataset_pages_link_the_catalogue(client):
    home_page = client.get("/").content.decode()
    assert 'href="/catalogo/"' in home_page
    sheet = FichaCiudadanaPage.objects.live().filter(locale=Locale.get_default()).first()
    for url in [sheet.url, "/fichas-ciudadanas/", "/programa-de-gobierno/", "/participacion/sesiones/"]:
        content = client.get(url).content.decode()
        assert 'href="/catalogo.jsonld"' in content, url
        assert 'href="/catalogo.ttl"' in content, url
