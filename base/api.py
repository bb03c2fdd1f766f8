"""Wagtail API v2: pages (with their type), images and documents, read-only.

Wagtail's endpoints pass some query parameters straight to the database or the
search backend, where bad input becomes a 500: a NUL byte (PostgreSQL refuses it
in a string literal, SQLite's full-text parser chokes on it), an ``offset`` beyond
bigint, an unknown ``search_operator``, an ``id`` that is no number (``find/``), an unpaired double quote
(SQLite's full-text syntax), or a search of many words (the backend
nests one query node per word and overflows Python's recursion limit). Every
request is checked first and refused with a 400 and a Spanish message instead.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

MAX_OFFSET = 1_000_000
MAX_ID = 2**63 - 1  # bigint
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 32
SEARCH_OPERATORS = ("and", "or")


def has_control_characters(value):
    """Whether ``value`` holds a control character other than tab or a line break (NUL above all)."""
    return any(ord(char) < 32 and char not in "\t\n\r" for char in value)


def parameter_problem(params):
    """The Spanish reason why the query parameters ``params`` (a QueryDict) cannot be served, or ``""``."""
    for name, values in params.lists():
        if has_control_characters(name) or any(has_control_characters(value) for value in values):
            return f"El parámetro «{name.replace(chr(0), '')}» contiene caracteres no válidos."
    offset = params.get("offset")
    if offset is not None and not (offset.isascii() and offset.isdigit() and int(offset) <= MAX_OFFSET):
        return f"«offset» debe ser un número entero entre 0 y {MAX_OFFSET}."
    object_id = params.get("id")
    if object_id is not None and not (object_id.isascii() and object_id.isdigit() and int(object_id) <= MAX_ID):
        return "«id» debe ser un número entero positivo."
    operator = params.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        return "«search_operator» debe ser «and» u «or»."
    search = params.get("search")
    if search is not None and (len(search) > MAX_SEARCH_LENGTH or len(search.split()) > MAX_SEARCH_WORDS):
        return f"La búsqueda admite hasta {MAX_SEARCH_WORDS} palabras y {MAX_SEARCH_LENGTH} caracteres."
    if search is not None and search.count('"') % 2:
        return "La búsqueda tiene comillas sin cerrar."
    return ""


class CheckedParametersMixin:
    """Refuses requests whose query parameters would reach the database as a 500 (see the module)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        problem = parameter_problem(request.GET)
        if problem:
            raise BadRequestError(problem)


class PagesAPI(CheckedParametersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint with its parameters checked."""


class ImagesAPI(CheckedParametersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint with its parameters checked."""


class DocumentsAPI(CheckedParametersMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint with its parameters checked."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPI)
api_router.register_endpoint("images", ImagesAPI)
api_router.register_endpoint("documents", DocumentsAPI)
