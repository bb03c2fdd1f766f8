"""The DCAT catalogue of the site's open data, in DCAT-AP 3 terms, built with rdflib.

``base`` is the ground floor: it knows no area app. Each area contributes its datasets
through a ``datasets.py`` module that calls ``register_datasets(provider)``; those modules
are found at start-up like ``wagtail_hooks`` (``autodiscover``, from ``BaseConfig.ready``).
A provider is ``provider(request)`` returning ``Dataset`` objects with absolute URLs.

``build_catalog`` turns one page of datasets into an rdflib ``Graph``. Large catalogues
are paged with Hydra's ``PagedCollection`` terms (``hydra:nextPage`` and friends), which
CKAN's DCAT harvester follows from page to page.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
DATA_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"

#: EU data-theme codes the areas use: government and public sector; economy and finance.
GOVERNMENT = "GOVE"
ECONOMY = "ECON"

#: The EU file-type code of each media type the site publishes (dct:format).
FILE_TYPES = {
    "text/csv": "CSV",
    "application/json": "JSON",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "text/calendar": "ICS",
    "application/atom+xml": "ATOM",
    "text/html": "HTML",
}

#: Prefixes of the Turtle document and the JSON-LD context (short names for harvesters and people).
PREFIXES = {
    "dcat": DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "vcard": VCARD,
    "hydra": HYDRA,
    "xsd": XSD,
}
JSONLD_CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

#: Datasets per page of the catalogue (the bench scales to a hundred budget sheets and more).
DATASETS_PER_PAGE = 100

#: Languages of every title and description in the catalogue.
LANGUAGES = ("es", "en")

_providers = []


@dataclass
class Distribution:
    """One format of a dataset: a file to download (``download=True``) or a page to read it on."""

    url: str
    media_type: str
    title: dict
    download: bool = True


@dataclass
class Dataset:
    """What the catalogue says about one dataset; texts are ``{"es": ..., "en": ...}`` dicts."""

    uri: str
    title: dict
    description: dict
    landing_page: str
    themes: list
    keywords: dict
    modified: datetime | None = None
    temporal: tuple[date, date] | None = None
    distributions: list = field(default_factory=list)


@dataclass
class CatalogInfo:
    """The catalogue itself: address, texts, publisher, contact point and licence."""

    uri: str
    title: dict
    description: dict
    homepage: str
    publisher_name: str
    licence: str
    email: str = ""
    phone: str = ""


def in_both_languages(text, **values):
    """``{"es": ..., "en": ...}``: the lazy translatable ``text`` rendered in each catalogue language.

    ``values`` fill its ``%(name)s`` placeholders (values may be lazy texts too).
    """
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = str(text) % {name: str(value) for name, value in values.items()} if values else str(text)
    return texts


def register_datasets(provider):
    """Add ``provider(request) -> iterable of Dataset`` to the catalogue; usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def autodiscover():
    """Import every installed app's ``datasets`` module, so each registers its providers."""
    autodiscover_modules("datasets")


def collect_datasets(request):
    """Every registered provider's datasets, in registration order (the order is stable across pages)."""
    return [dataset for provider in _providers for dataset in provider(request)]


def page_count(total, per_page=DATASETS_PER_PAGE):
    """How many catalogue pages ``total`` datasets fill (at least one, even when empty)."""
    return max(1, -(-total // per_page))


def media_type_uri(media_type):
    """The IANA URI of ``media_type`` (parameters such as ``charset`` dropped)."""
    return URIRef(IANA_MEDIA_TYPES + media_type.split(";")[0].strip())


def _texts(graph, subject, predicate, texts):
    for language in LANGUAGES:
        if texts.get(language):
            graph.add((subject, predicate, Literal(texts[language], lang=language)))


def _add_dataset(graph, info, dataset):
    subject = URIRef(dataset.uri)
    graph.add((subject, RDF.type, DCAT.Dataset))
    _texts(graph, subject, DCTERMS.title, dataset.title)
    _texts(graph, subject, DCTERMS.description, dataset.description)
    graph.add((subject, DCAT.landingPage, URIRef(dataset.landing_page)))
    graph.add((subject, DCTERMS.publisher, URIRef(info.homepage + "#publicador")))
    graph.add((subject, DCAT.contactPoint, URIRef(info.homepage + "#contacto")))
    graph.add((subject, DCTERMS.language, LANGUAGE.SPA))
    graph.add((subject, DCTERMS.language, LANGUAGE.ENG))
    for theme in dataset.themes:
        graph.add((subject, DCAT.theme, DATA_THEME[theme]))
    for language, words in dataset.keywords.items():
        for word in words:
            graph.add((subject, DCAT.keyword, Literal(word, lang=language)))
    if dataset.modified:
        graph.add((subject, DCTERMS.modified, Literal(dataset.modified.isoformat(), datatype=XSD.dateTime)))
    if dataset.temporal:
        period = BNode()
        graph.add((subject, DCTERMS.temporal, period))
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        graph.add((period, DCAT.startDate, Literal(dataset.temporal[0].isoformat(), datatype=XSD.date)))
        graph.add((period, DCAT.endDate, Literal(dataset.temporal[1].isoformat(), datatype=XSD.date)))
    for distribution in dataset.distributions:
        node = URIRef(distribution.url + "#distribucion")
        graph.add((subject, DCAT.distribution, node))
        graph.add((node, RDF.type, DCAT.Distribution))
        _texts(graph, node, DCTERMS.title, distribution.title)
        graph.add((node, DCAT.accessURL, URIRef(distribution.url)))
        if distribution.download:
            graph.add((node, DCAT.downloadURL, URIRef(distribution.url)))
        graph.add((node, DCAT.mediaType, media_type_uri(distribution.media_type)))
        file_type = FILE_TYPES.get(distribution.media_type.split(";")[0].strip())
        if file_type:
            graph.add((node, DCTERMS.format, FILE_TYPE[file_type]))
        graph.add((node, DCTERMS.license, URIRef(info.licence)))


def build_catalog(info, datasets, page=1, per_page=DATASETS_PER_PAGE, document_url=None):
    """The rdflib ``Graph`` of catalogue page ``page`` (1-based) of ``datasets``.

    Every page repeats the catalogue's own description and lists its slice of datasets;
    when there is more than one page, the page's URL (``document_url?page=N``, the same
    format as this document) is a Hydra ``PagedCollection`` with its first, last,
    previous and next pages and the totals.
    """
    document_url = document_url or info.uri
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)

    catalog = URIRef(info.uri)
    graph.add((catalog, RDF.type, DCAT.Catalog))
    _texts(graph, catalog, DCTERMS.title, info.title)
    _texts(graph, catalog, DCTERMS.description, info.description)
    graph.add((catalog, FOAF.homepage, URIRef(info.homepage)))
    graph.add((catalog, DCTERMS.language, LANGUAGE.SPA))
    graph.add((catalog, DCTERMS.language, LANGUAGE.ENG))
    graph.add((catalog, DCTERMS.license, URIRef(info.licence)))
    graph.add((URIRef(info.licence), RDF.type, DCTERMS.LicenseDocument))

    publisher = URIRef(info.homepage + "#publicador")
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((publisher, RDF.type, FOAF.Organization))
    graph.add((publisher, FOAF.name, Literal(info.publisher_name)))
    graph.add((publisher, FOAF.homepage, URIRef(info.homepage)))

    contact = URIRef(info.homepage + "#contacto")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(info.publisher_name)))
    if info.email:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{info.email}")))
    if info.phone:
        graph.add((contact, VCARD.hasTelephone, URIRef("tel:" + "".join(info.phone.split()))))

    pages = page_count(len(datasets), per_page)
    start = (page - 1) * per_page
    modified = [dataset.modified for dataset in datasets if dataset.modified]
    if modified:
        graph.add((catalog, DCTERMS.modified, Literal(max(modified).isoformat(), datatype=XSD.dateTime)))
    for dataset in datasets[start : start + per_page]:
        graph.add((catalog, DCAT.dataset, URIRef(dataset.uri)))
        _add_dataset(graph, info, dataset)

    if pages > 1:
        paged = URIRef(f"{document_url}?page={page}")
        graph.add((paged, RDF.type, HYDRA.PagedCollection))
        graph.add((paged, HYDRA.totalItems, Literal(len(datasets))))
        graph.add((paged, HYDRA.itemsPerPage, Literal(per_page)))
        graph.add((paged, HYDRA.firstPage, URIRef(f"{document_url}?page=1")))
        graph.add((paged, HYDRA.lastPage, URIRef(f"{document_url}?page={pages}")))
        if page > 1:
            graph.add((paged, HYDRA.previousPage, URIRef(f"{document_url}?page={page - 1}")))
        if page < pages:
            graph.add((paged, HYDRA.nextPage, URIRef(f"{document_url}?page={page + 1}")))
    return graph
