"""The citizen's side: sending a request, errors, abuse protection, bad input, confirmation and look-up."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django_recaptcha.client import RecaptchaResponse

from contacto.models import Attachment, CitizenRequest, OutgoingMail, RequestEvent, RoutingSettings

from .conftest import PDF_BYTES, png_bytes, upload

pytestmark = pytest.mark.django_db
REAL_KEYS = {"RECAPTCHA_PRIVATE_KEY": "real-private-key-for-tests", "RECAPTCHA_PUBLIC_KEY": "real-public-key"}


def post(client, office, data, **extra):
    return client.post(office.url, data, **extra)


def test_form_page_lists_all_fields_and_52_communes(client, office):
    response = client.get(office.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Atención Ciudadana"
    for name in ["request_type", "name", "email", "phone", "comuna", "subject", "message", "attachments", "consent"]:
        assert soup.find(attrs={"name": name}) is not None, name
    assert len(soup.select("#id_comuna option[value!='']")) == 52
    assert [i["value"] for i in soup.select("input[name=request_type]")] == [
        "consulta",
        "reclamo",
        "sugerencia",
        "felicitacion",
    ]
    # Every visible input has a label.
    for field in soup.select("form.contacto-form input:not([type=hidden]), form.contacto-form select, textarea"):
        assert soup.find("label", attrs={"for": field["id"]}) is not None, field


def test_valid_request_is_stored_with_code_history_and_mail(client, office, form_data):
    response = post(client, office, form_data)
    assert response.status_code == 303
    request_obj = CitizenRequest.objects.get()
    assert request_obj.code.startswith(f"OAC-{request_obj.year}-")
    assert len(request_obj.code) == len("OAC-2026-000123")
    assert request_obj.status == "recibida"
    assert request_obj.comuna_name == "Ñuñoa"
    assert request_obj.page_id == office.pk
    assert request_obj.events.get().action == RequestEvent.Action.CREATED
    # Receipt to the citizen and notice to the routing addresses set for reclamos.
    mails = {m.recipients: m for m in OutgoingMail.objects.filter(request=request_obj)}
    assert request_obj.code in mails["maria.perez@example.org"].body
    routing = RoutingSettings.objects.get()
    assert routing.recipients_for("reclamo") == ["oac@gobiernosantiago.cl", "calidad@gobiernosantiago.cl"]
    assert "oac@gobiernosantiago.cl, calidad@gobiernosantiago.cl" in mails
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert request_obj.code in confirmation.content.decode()


def test_each_type_routes_to_its_addresses(client, office, form_data):
    routing = RoutingSettings.objects.get()
    routing.consulta_recipients = "consultas@example.org"
    routing.felicitacion_recipients = ""
    routing.save()
    post(client, office, {**form_data, "request_type": "consulta", "subject": "Consulta"})
    post(client, office, {**form_data, "request_type": "felicitacion", "subject": "Felicitación"})
    consulta = CitizenRequest.objects.get(request_type="consulta")
    felicitacion = CitizenRequest.objects.get(request_type="felicitacion")
    assert set(consulta.mails.values_list("recipients", flat=True)) == {
        "maria.perez@example.org",
        "consultas@example.org",
    }
    assert list(felicitacion.mails.values_list("recipients", flat=True)) == ["maria.perez@example.org"]


def test_codes_follow_a_yearly_sequence(client, office, form_data):
    for index in range(3):
        post(client, office, {**form_data, "subject": f"Asunto {index}"})
    codes = list(CitizenRequest.objects.order_by("number").values_list("code", "number"))
    numbers = [number for _, number in codes]
    assert numbers == list(range(numbers[0], numbers[0] + 3))
    assert all(code.endswith(f"{number:06d}") for code, number in codes)


def test_attachments_are_stored(client, office, form_data):
    files = [upload("carta.pdf", PDF_BYTES), upload("foto.png", png_bytes())]
    response = post(client, office, {**form_data, "attachments": files})
    assert response.status_code == 303
    stored = Attachment.objects.order_by("original_name")
    assert [(a.original_name, a.kind) for a in stored] == [("carta.pdf", "pdf"), ("foto.png", "png")]
    assert all(a.file.name.startswith("contacto/adjuntos/") and "carta" not in a.file.name for a in stored)
    # Kept outside the public media folder, with no URL.
    from django.conf import settings

    assert stored[0].file.path.startswith(settings.CONTACTO_ATTACHMENTS_ROOT)
    assert not stored[0].file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        _ = stored[0].file.url


def test_errors_are_shown_next_to_fields_and_in_a_summary_with_input_kept(client, office, form_data):
    data = {**form_data, "email": "no-es-un-correo", "comuna": "", "consent": ""}
    response = post(client, office, data)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#resumen-errores")
    assert summary["tabindex"] == "-1" and summary["role"] == "alert"
    links = {a["href"]: a.get_text() for a in summary.select("a")}
    assert set(links) == {"#id_email", "#id_comuna", "#id_consent"}
    assert "Escriba un correo válido" in links["#id_email"]
    assert "Elija su comuna" in links["#id_comuna"]
    assert "aviso de privacidad" in links["#id_consent"]
    email = soup.select_one("#id_email")
    assert email["aria-invalid"] == "true"
    assert "id_email_error" in email["aria-describedby"].split()
    assert soup.select_one("#id_email_error").get_text(strip=True).startswith("Escriba un correo válido")
    # What the citizen typed is kept.
    assert email["value"] == "no-es-un-correo"
    assert soup.select_one("#id_name")["value"] == form_data["name"]
    assert soup.select_one("#id_message").get_text().strip() == form_data["message"]
    assert soup.select_one("#id_request_type_1").has_attr("checked")
    assert soup.title.get_text().startswith("Error:")
    assert not CitizenRequest.objects.exists()


def test_missing_type_links_to_first_radio(client, office, form_data):
    response = post(client, office, {**form_data, "request_type": ""})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#resumen-errores a")["href"] == "#id_request_type_0"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "x" * 151, "hasta 150 caracteres"),
        ("subject", "x" * 201, "hasta 200 caracteres"),
        ("message", "x" * 5001, "hasta 5000 caracteres"),
        ("email", "a" * 250 + "@example.org", "hasta 254 caracteres"),
        ("message", "Hola <script>alert('x')</script>", "no puede contener código HTML"),
        ("subject", '<img src=x onerror="alert(1)">', "no puede contener código HTML"),
        ("message", "ver javascript:alert(1)", "no puede contener código HTML"),
        ("message", "texto con \ufffd caracteres rotos", "no se pudieron leer"),
        ("message", "control \x1b[31m", "caracteres de control"),
        ("subject", "linea uno\r\nBcc: otro@example.org", "una sola línea"),
        ("phone", "llámeme", "teléfono válido"),
        ("request_type", "denuncia", "Elija un tipo de solicitud de la lista"),
        ("comuna", "valparaiso", "Elija una comuna de la lista"),
    ],
)
def test_bad_input_gets_a_clear_400_and_stores_nothing(client, office, form_data, field, value, message):
    response = post(client, office, {**form_data, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CitizenRequest.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_null_character_is_refused(client, office, form_data):
    response = post(client, office, {**form_data, "message": "hola\x00mundo"})
    assert response.status_code == 400
    assert not CitizenRequest.objects.exists()


def test_broken_utf8_bytes_are_refused(client, office, form_data):
    """Invalid UTF-8 in a raw urlencoded body is decoded as U+FFFD and refused."""
    from urllib.parse import urlencode

    body = urlencode({**form_data, "message": "PLACEHOLDER"}).replace("PLACEHOLDER", "caf%E9%FF")
    response = client.post(office.url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "no se pudieron leer" in response.content.decode()
    assert not CitizenRequest.objects.exists()


@pytest.mark.parametrize(
    "files, message",
    [
        ([upload("programa.exe", b"MZ\x90\x00")], "no es un tipo de archivo aceptado"),
        ([upload("falso.pdf", b"GIF89a....")], "no corresponde a un archivo PDF"),
        ([upload("roto.png", png_bytes()[:40])], "dañada"),
        ([upload(f"f{i}.pdf", PDF_BYTES) for i in range(4)], "hasta 3 archivos"),
    ],
)
def test_invalid_files_get_a_400_and_nothing_is_stored(client, office, form_data, files, message):
    response = post(client, office, {**form_data, "attachments": files})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CitizenRequest.objects.exists()
    assert not Attachment.objects.exists()


def test_failure_while_saving_leaves_nothing_half_stored(client, office, form_data):
    files = [upload("carta.pdf", PDF_BYTES)]
    with mock.patch("contacto.services.queue_mail", side_effect=RuntimeError("boom")):
        client.raise_request_exception = False
        response = post(client, office, {**form_data, "attachments": files})
    assert response.status_code == 500
    assert not CitizenRequest.objects.exists()
    assert not Attachment.objects.exists()
    assert not RequestEvent.objects.exists()


def test_oversized_request_is_refused_unread(client, office, form_data):
    from contacto.views import MAX_REQUEST_BYTES

    big = upload("enorme.pdf", b"%PDF-1.4\n" + b"0" * MAX_REQUEST_BYTES + b"\n%%EOF")
    response = post(client, office, {**form_data, "attachments": [big]})
    assert response.status_code == 413
    assert "demasiado grande" in response.content.decode()
    assert not CitizenRequest.objects.exists()


def test_repeated_submission_gets_409(client, office, form_data):
    assert post(client, office, form_data).status_code == 303
    response = post(client, office, form_data)
    assert response.status_code == 409
    assert "idéntica" in response.content.decode()
    assert CitizenRequest.objects.count() == 1


def test_honeypot_refuses_bots(client, office, form_data):
    response = post(client, office, {**form_data, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not CitizenRequest.objects.exists()


@override_settings(CONTACTO_RATE_LIMITS={"submit": (2, 600)})
def test_rate_limit_per_client(client, office, form_data):
    assert post(client, office, {**form_data, "subject": "uno"}).status_code == 303
    assert post(client, office, {**form_data, "subject": "dos"}).status_code == 303
    response = post(client, office, {**form_data, "subject": "tres"})
    assert response.status_code == 429
    assert "demasiados envíos" in response.content.decode()
    # Another client is not affected.
    assert post(client, office, {**form_data, "subject": "cuatro"}, REMOTE_ADDR="10.0.0.9").status_code == 303
    assert CitizenRequest.objects.count() == 3


@override_settings(**REAL_KEYS)
def test_recaptcha_with_real_keys_is_verified_and_failure_is_refused(client, office, form_data):
    page = client.get(office.url).content.decode()
    assert 'data-sitekey="real-public-key"' in page
    with mock.patch("django_recaptcha.fields.client.submit") as submit:
        submit.return_value = RecaptchaResponse(is_valid=False, error_codes=["invalid-input-response"])
        response = post(client, office, {**form_data, "g-recaptcha-response": "token"})
        assert response.status_code == 400
        error = BeautifulSoup(response.content, "html.parser").select_one("#id_captcha_error")
        assert error is not None and "comprobar" in error.get_text()  # on the captcha, in Spanish
        submit.return_value = RecaptchaResponse(is_valid=True)
        response = post(client, office, {**form_data, "g-recaptcha-response": "token"})
        assert response.status_code == 303
        assert submit.call_args.kwargs["private_key"] == "real-private-key-for-tests"
    assert CitizenRequest.objects.count() == 1


@override_settings(**REAL_KEYS)
def test_recaptcha_with_real_keys_requires_the_checkbox(client, office, form_data):
    with mock.patch("django_recaptcha.fields.client.submit") as submit:
        response = post(client, office, form_data)
    assert response.status_code == 400
    assert "No soy un robot" in response.content.decode()
    submit.assert_not_called()


def test_test_keys_never_call_google(client, office, form_data):
    with mock.patch("django_recaptcha.fields.client.submit") as submit:
        assert post(client, office, form_data).status_code == 303
    submit.assert_not_called()
    assert "google.com" not in client.get(office.url).content.decode()


def test_confirmation_without_a_submission_goes_back_to_the_form(client, office):
    response = client.get(office.url + "confirmacion/")
    assert response.status_code == 302
    assert response["Location"] == office.url


def _database_down():
    """Every query on the default database fails as if PostgreSQL were restarting."""
    import sqlite3

    from django.db import OperationalError, connection

    error = OperationalError("could not connect to server: Connection refused")
    error.__cause__ = sqlite3.OperationalError("could not connect to server: Connection refused")
    return mock.patch.object(connection, "cursor", side_effect=error)


def test_confirmation_shows_the_tracking_code_even_if_the_database_fails_after_the_submission(
    client, office, form_data
):
    response = post(client, office, form_data)
    assert response.status_code == 303
    code = CitizenRequest.objects.get().code
    with _database_down():
        confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    tracking_code = BeautifulSoup(confirmation.content, "html.parser").select_one(".tracking-code")
    assert tracking_code is not None and tracking_code.get_text(strip=True) == code
    assert confirmation["Cache-Control"] == "no-store"


def test_confirmation_is_personal_and_never_cached(client, office, form_data):
    response = post(client, office, form_data)
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert CitizenRequest.objects.get().code in confirmation.content.decode()
    assert confirmation["Cache-Control"] == "no-store"


def test_altered_confirmation_code_is_not_shown_even_when_the_database_fails(client, office, form_data):
    from contacto.views import CONFIRMATION_COOKIE

    response = post(client, office, form_data)
    client.cookies[CONFIRMATION_COOKIE] = "OAC-2026-999999:forged"
    assert client.get(response["Location"]).status_code == 302
    with _database_down():
        refused = client.get(response["Location"])
    assert refused.status_code == 503
    assert "OAC-2026-999999" not in refused.content.decode()


def test_type_not_accepted_by_the_office_is_refused(client, office, form_data):
    office.accepts_felicitacion = False
    office.save()
    response = post(client, office, {**form_data, "request_type": "felicitacion"})
    assert response.status_code == 400
    assert 'value="felicitacion"' not in client.get(office.url).content.decode()


def test_english_page_serves_the_form(client, office):
    from wagtail.models import Locale

    english = office.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(english.url)
    assert response.status_code == 200
    assert english.url.startswith("/en/")
