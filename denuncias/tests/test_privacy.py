"""No client address or fingerprint is stored or logged; no tracking cookie; nothing from third parties."""

import re

import pytest
from django.test import RequestFactory

from denuncias.middleware import ForgetClientMiddleware

from .test_encryption import raw_database_dump

pytestmark = pytest.mark.django_db

CLIENT = {
    "REMOTE_ADDR": "203.0.113.45",
    "HTTP_X_FORWARDED_FOR": "198.51.100.7, 192.0.2.9",
    "HTTP_X_REAL_IP": "198.51.100.8",
    "HTTP_USER_AGENT": "Navegador-Huella/9.9 (unico)",
    "HTTP_ACCEPT_LANGUAGE": "es-CL,es;q=0.9,xx-huella",
}
TRACES = ["203.0.113.45", "198.51.100.7", "192.0.2.9", "198.51.100.8", "Navegador-Huella", "xx-huella"]


def submit(client):
    page = client.get("/denunciar/", **CLIENT)
    key = re.search(rb'name="submission_key" value="([^"]+)"', page.content).group(1).decode()
    data = {
        "category": "otra",
        "description": "Hechos",
        "identity_choice": "anonima",
        "submission_key": key,
    }
    response = client.post("/denunciar/", data, **CLIENT)
    assert response.status_code == 200
    return re.search(rb"<strong>([\d ]{19})</strong>", response.content).group(1).decode()


def test_no_address_or_fingerprint_in_the_database_or_the_logs_after_a_submission(client, log_output):
    receipt = submit(client)
    client.post("/ingresar/", {"receipt": "0000000000000000"}, **CLIENT)  # a failure is logged as 400
    client.post("/ingresar/", {"receipt": receipt}, **CLIENT)
    client.post("/mi-denuncia/", {"body": "más datos"}, **CLIENT)
    client.get("/no-existe/", **CLIENT)  # a 404 is logged by django.request
    client.get("/gestion/denuncias/1/", **CLIENT)
    logs = log_output.getvalue()
    assert "Not Found: /no-existe/" in logs  # the logs were captured
    dump = raw_database_dump()
    for trace in TRACES:
        assert trace not in dump
        assert trace not in logs


def test_log_lines_are_scrubbed_of_addresses(log_output):
    import logging

    logging.getLogger("django.request").warning("intento desde %s y 2001:db8::1", "203.0.113.45")
    assert "203.0.113.45" not in log_output.getvalue()
    assert "2001:db8::1" not in log_output.getvalue()
    assert "[dirección]" in log_output.getvalue()


def test_views_never_see_the_client_address():
    seen = {}

    def view(request):
        seen.update(request.META)
        return None

    request = RequestFactory().get("/", **CLIENT)
    ForgetClientMiddleware(view)(request)
    assert seen["REMOTE_ADDR"] == "0.0.0.0"
    for header in ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_USER_AGENT", "HTTP_ACCEPT_LANGUAGE"):
        assert header not in seen


def test_browsing_sets_no_cookie_but_a_browser_session_csrf_token(client):
    assert not client.get("/").cookies
    cookies = client.get("/denunciar/").cookies
    assert set(cookies) == {"denuncias_csrf"}
    csrf = cookies["denuncias_csrf"]
    assert not csrf["max-age"] and not csrf["expires"]  # gone when the browser closes
    assert csrf["httponly"] and csrf["samesite"] == "Strict"


def test_filing_a_report_starts_no_session(client, settings):
    submit(client)
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert set(client.cookies) == {"denuncias_csrf"}


def test_the_receipt_session_is_short_and_ends_with_the_browser(reporter_client, settings):
    cookie = reporter_client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    # Server-side expiry: an idle session dies within the hour even if the browser stays open.
    assert Session.objects.get().expire_date <= timezone.now() + timedelta(hours=1)


@pytest.mark.parametrize("path", ["/", "/denunciar/", "/ingresar/", "/gestion/ingresar/"])
def test_pages_load_nothing_from_third_parties_and_keep_nothing(client, path):
    response = client.get(path)
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "http" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "no-store"
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    # The only external address is the exit button's destination, a link (never loaded);
    # handlers' pages have no exit button.
    assert external == ([] if path.startswith("/gestion/") else ["https://www.google.cl/"])
    assert "<script>" not in html and "style=" not in html


@pytest.mark.parametrize("path", ["/", "/denunciar/", "/ingresar/", "/gestion/ingresar/", "/no-existe/"])
def test_every_response_forbids_cross_origin_embedding_and_keeps_the_channel_permissions(client, path):
    response = client.get(path)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    # The channel's own Permissions-Policy (denuncias/middleware.py) is not replaced by the main site's.
    assert "interest-cohort=()" in response["Permissions-Policy"]


def test_every_page_has_the_exit_button(client):
    html = client.get("/denunciar/").content.decode()
    assert 'class="exit-button"' in html and "Salir de esta página" in html and 'rel="noreferrer' in html
