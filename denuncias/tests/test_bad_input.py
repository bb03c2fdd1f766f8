"""Bad input never gives a 500 in the ethics channel: every query parameter and form field fuzzed.

Each field of each form (the report, the receipt sign-in, the reporter's follow-up
message, the handlers' sign-in, message and status forms) and each query parameter
read (``enviado``, ``next``) gets a fixed list of nasty values, one at a time;
no answer may be a 5xx. What each 4xx says is proven by the feature tests.
"""

import re
from urllib.parse import quote

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

# Already percent-encoded, so that invalid UTF-8 and NUL reach the server as a client could send them.
NASTY_VALUES = [
    "%00",
    "a%00b",
    "99999999999999999999",
    "-1",
    "x" * 10_000,
    quote("\u202egnp.exe\u202c عربى"),
    quote("../../../etc/passwd"),
    quote("' OR 1=1; DROP TABLE denuncias_report; --"),
    quote('"><script>alert(1)</script>'),
    "%C0%AF%FF%FE",
    "%E2%82",
    "%",
]


def fuzz_form(client, url, form):
    """POST ``form`` to ``url`` once per field and nasty value (also as an ``a[]=`` array); the 5xx answers."""
    failures = []
    for name in form:
        for value in NASTY_VALUES:
            for as_array in (False, True):
                fields = [f"{key}={quote(str(item))}" for key, item in form.items() if key != name]
                fields.append(f"{name}[]={value}&{name}={value}" if as_array else f"{name}={value}")
                response = client.post(url, "&".join(fields), content_type="application/x-www-form-urlencoded")
                if response.status_code >= 500:
                    failures.append((url, name, value[:40], as_array, response.status_code))
    return failures


def fuzz_query(client, url, name):
    """GET ``url`` with the query parameter ``name`` set to each nasty value; the 5xx answers."""
    failures = []
    for value in NASTY_VALUES:
        for query in (f"{name}={value}", f"{name}[]={value}&{name}={value}"):
            response = client.get(f"{url}?{query}")
            if response.status_code >= 500:
                failures.append((url, query[:60], response.status_code))
    return failures


def test_fuzzing_the_public_forms_and_parameters_gives_no_5xx(db):
    client = Client(raise_request_exception=False)
    page = client.get("/denunciar/").content
    key = re.search(rb'name="submission_key" value="([^"]+)"', page).group(1).decode()
    report = {
        "category": "conflicto_interes",
        "description": "El jefe adjudicó un contrato a la empresa de su hermano.",
        "when_where": "Marzo de 2026",
        "people_involved": "Jefe de compras",
        "identity_choice": "anonima",
        "identity": "",
        "submission_key": key,
    }
    failures = fuzz_form(client, "/denunciar/", report)
    failures += fuzz_form(client, "/ingresar/", {"receipt": "1234 5678 9012 3456"})
    failures += fuzz_form(client, "/gestion/ingresar/", {"username": "etica", "password": "x", "otp_token": "123456"})
    failures += fuzz_query(client, "/gestion/ingresar/", "next")
    failures += fuzz_query(client, "/", "q")
    assert not failures, "\n".join(map(str, failures))


def test_fuzzing_the_reporters_follow_up_gives_no_5xx(reporter_client):
    reporter_client.raise_request_exception = False
    failures = fuzz_form(reporter_client, "/mi-denuncia/", {"body": "Agrego un antecedente."})
    failures += fuzz_query(reporter_client, "/mi-denuncia/", "enviado")
    assert not failures, "\n".join(map(str, failures))


def test_fuzzing_the_handlers_forms_gives_no_5xx(handler_client, report):
    handler_client.raise_request_exception = False
    stored, _receipt = report
    base = f"/gestion/denuncias/{stored.pk}/"
    failures = fuzz_form(handler_client, base + "mensaje/", {"body": "Gracias, revisamos.", "is_feedback": "on"})
    failures += fuzz_form(handler_client, base + "estado/", {"status": "en_revision"})
    failures += fuzz_query(handler_client, "/gestion/", "page")
    assert not failures, "\n".join(map(str, failures))
