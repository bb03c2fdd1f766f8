"""Bad input never gives a 500: each hole found by probing, then a fuzz of every public parameter.

The fuzz sends a fixed list of nasty values (NUL, huge and negative numbers, 10 000
characters, right-to-left overrides, path traversal, SQL and HTML injection, ``a[]=``
arrays, invalid UTF-8 percent-encodings) to every query parameter and form field the
public site reads, one at a time, and asserts only that no answer is a 5xx: what a
4xx says is proven by the tests of each feature.
"""

import json
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client

from contacto.models import ContactoPage
from fichas.models import FichasIndexPage
from participacion.models import ParticipacionIndexPage
from programa_gobierno.models import ProgramaIndexPage

pytestmark = pytest.mark.django_db

MANY_WORDS = " ".join(f"w{number}" for number in range(150))

# Already percent-encoded, so that invalid UTF-8 and a lone NUL reach the server as they would from a client.
NASTY_VALUES = [
    "%00",
    "a%00b",
    "99999999999999999999",
    "-1",
    "-99999999999999999999",
    "1e308",
    "x" * 10_000,
    quote("\u202egnp.exe\u202c عربى"),
    quote("../../../etc/passwd"),
    quote("' OR 1=1; DROP TABLE wagtailcore_page; --"),
    quote('"><script>alert(1)</script>'),
    "%C0%AF%FF%FE",
    "%E2%82",
    "%",
]


def no_raise_client():
    """A test client that returns the 500 page instead of raising, as a real server would answer."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url",
    [
        "/buscar/?q=%00",
        "/buscar/?q=presupuesto%00",
        "/en/buscar/?q=%00",
    ],
)
def test_a_nul_byte_in_the_site_search_is_refused_with_a_message(client, home, url):
    response = client.get(url)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_search_refusal_is_english_on_the_english_site(client, home):
    response = client.get("/en/buscar/?q=%00")
    assert "characters that are not allowed" in response.content.decode()


def test_a_nul_byte_in_the_suggestions_is_refused_with_a_message(client, home):
    response = client.get("/buscar/sugerencias/?q=pre%00su")
    assert response.status_code == 400
    assert "caracteres no válidos" in json.loads(response.content)["error"]


@pytest.mark.parametrize("query", ['"><script>alert(1)</script>', 'consejo"', '"consejo regional'])
def test_an_unpaired_double_quote_in_the_site_search_is_ignored(client, home, query):
    assert client.get("/buscar/", {"q": query}).status_code == 200
    assert client.get("/buscar/sugerencias/", {"q": query}).status_code == 200


def test_a_search_of_many_words_is_cut_and_answered(client, home):
    response = client.get("/buscar/", {"q": MANY_WORDS})
    assert response.status_code == 200
    assert "w30 w31»</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("search=%00", "«search» contiene caracteres no válidos"),
        ("locale=%00", "«locale» contiene caracteres no válidos"),
        ("html_path=%00", "«html_path» contiene caracteres no válidos"),
        ("offset=99999999999999999999", "«offset» debe ser un número entero"),
        ("id=abc", "«id» debe ser un número entero positivo"),
        ("search=%22%3E%3Cscript%3E", "comillas sin cerrar"),
        ("search=presupuesto&search_operator=xor", "«search_operator» debe ser «and» u «or»"),
        (f"search={quote(MANY_WORDS)}", "hasta 32 palabras"),
    ],
)
@pytest.mark.parametrize("endpoint", ["pages/", "pages/find/", "images/", "documents/"])
def test_api_parameters_that_broke_the_database_get_a_400_in_spanish(client, home, endpoint, query, message):
    response = client.get(f"/api/v2/{endpoint}?{query}")
    assert response.status_code == 400
    assert message in json.loads(response.content)["message"]


def test_api_valid_parameters_still_work(client, home):
    response = client.get("/api/v2/pages/?search=presupuesto&search_operator=and&offset=0&limit=5")
    assert response.status_code == 200
    assert json.loads(response.content)["meta"]["total_count"] >= 1


def public_get_parameters(home):
    """(path, parameter) pairs for every query parameter the public site reads."""
    locale = home.locale
    fichas = FichasIndexPage.objects.get(locale=locale).url
    programa = ProgramaIndexPage.objects.get(locale=locale).url
    participacion = ParticipacionIndexPage.objects.get(locale=locale).url
    office = ContactoPage.objects.filter(locale=locale).first().url
    api_common = ["search", "search_operator", "offset", "limit", "order", "fields", "id", "title", "nonexistent"]
    api_pages = api_common + [
        "locale", "type", "child_of", "descendant_of", "ancestor_of", "translation_of", "slug",
        "show_in_menus", "has_children", "html_path", "seo_title",
    ]  # fmt: skip
    pairs = [("/buscar/", "q"), ("/buscar/", "page"), ("/en/buscar/", "q"), ("/buscar/sugerencias/", "q")]
    pairs += [("/sin-traduccion/", "pagina")]
    pairs += [(fichas, "anio"), (fichas, "page")]
    pairs += [(programa, name) for name in ("tema", "estado", "orden", "page")]
    pairs += [(participacion, name) for name in ("tipo", "q", "page")]
    pairs += [(participacion + "sesiones/", "page"), (office + "estadisticas/", "anio")]
    pairs += [("/api/v2/pages/", name) for name in api_pages]
    pairs += [("/api/v2/pages/find/", name) for name in ("html_path", "id")]
    pairs += [("/api/v2/images/", name) for name in api_common]
    pairs += [("/api/v2/documents/", name) for name in api_common]
    return pairs


def test_fuzzing_every_public_query_parameter_gives_no_5xx(home):
    client = no_raise_client()
    failures = []
    for path, name in public_get_parameters(home):
        for value in NASTY_VALUES:
            for query in (f"{name}={value}", f"{name}[]={value}&{name}={value}&{name}=1"):
                response = client.get(f"{path}?{query}")
                if response.status_code >= 500:
                    failures.append((path, query[:80], response.status_code))
    assert not failures, "\n".join(map(str, failures))


CONTACT_FORM = {
    "request_type": "reclamo",
    "name": "María José Pérez",
    "email": "maria.perez@example.org",
    "phone": "+56 9 1234 5678",
    "comuna": "nunoa",
    "subject": "Luminaria apagada",
    "message": "La luminaria de la plaza lleva dos semanas apagada.",
    "consent": "on",
    "website": "",
}
LOOKUP_FORM = {"code": "OAC-2026-000001", "email": "maria.perez@example.org"}


def encoded_form(data, name, value, as_array=False):
    """``data`` urlencoded with field ``name`` replaced by the (already encoded) ``value``."""
    fields = [f"{key}={quote(str(item))}" for key, item in data.items() if key != name]
    fields.append(f"{name}[]={value}&{name}={value}" if as_array else f"{name}={value}")
    return "&".join(fields)


@pytest.mark.parametrize(("route", "form"), [("", CONTACT_FORM), ("seguimiento/", LOOKUP_FORM)])
def test_fuzzing_every_field_of_the_contact_and_lookup_forms_gives_no_5xx(home, settings, tmp_path, route, form):
    settings.CONTACTO_ATTACHMENTS_ROOT = str(tmp_path)
    client = no_raise_client()
    url = ContactoPage.objects.filter(locale=home.locale).first().url + route
    failures = []
    for name in form:
        for value in NASTY_VALUES:
            for as_array in (False, True):
                cache.clear()  # the per-client rate limit would otherwise answer before the form is read
                body = encoded_form(form, name, value, as_array)
                response = client.post(url, body, content_type="application/x-www-form-urlencoded")
                if response.status_code >= 500:
                    failures.append((name, value[:40], as_array, response.status_code))
    assert not failures, "\n".join(map(str, failures))
