"""The reporter: filing, the receipt shown once, logging back in, slowed guessing, files, follow-up."""

import re
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.test import override_settings

from denuncias.models import Attachment, Message, ReceiptLoginFailure, Report

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% documento de prueba\n"


def form_data(client, path="/denunciar/", **overrides):
    """A complete report form as a browser would post it (with the form's own submission key from ``path``)."""
    page = client.get(path)
    key = re.search(rb'name="submission_key" value="([^"]+)"', page.content).group(1).decode()
    data = {
        "category": "conflicto_interes",
        "description": "El jefe adjudicó un contrato a la empresa de su hermano.",
        "when_where": "Marzo de 2026, Departamento de Compras",
        "people_involved": "Jefe de compras",
        "identity_choice": "anonima",
        "identity": "",
        "submission_key": key,
    }
    data.update(overrides)
    return data


def receipt_from(response):
    match = re.search(rb'class="receipt"[^>]*><strong>([\d ]{19})</strong>', response.content)
    assert match, response.content.decode()
    return match.group(1).decode().replace(" ", "")


def test_filing_a_report_shows_a_16_digit_receipt_once(client):
    response = client.post("/denunciar/", form_data(client))
    assert response.status_code == 200
    receipt = receipt_from(response)
    assert len(receipt) == 16
    assert "se muestra solo esta vez" in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    report = Report.objects.get()
    assert report.category == "conflicto_interes" and report.status == "recibida"
    assert receipt not in report.receipt_hash
    assert report.is_anonymous


def test_reposting_the_same_form_does_not_store_twice_nor_show_the_receipt(client):
    data = form_data(client)
    client.post("/denunciar/", data)
    response = client.post("/denunciar/", data)
    assert response.status_code == 409
    assert "ya fue enviada" in response.content.decode()
    assert 'class="receipt"' not in response.content.decode()
    assert Report.objects.count() == 1


def test_identity_is_kept_only_when_the_reporter_chooses_to_give_it(client):
    client.post("/denunciar/", form_data(client, identity="Escrito y luego arrepentido"))
    client.post("/denunciar/", form_data(client, identity_choice="identificada", identity="Ana Pérez, 912345678"))
    anonymous, identified = Report.objects.order_by("pk")
    assert anonymous.identity == "" and anonymous.is_anonymous
    assert identified.identity == "Ana Pérez, 912345678"


def test_choosing_to_identify_requires_an_identity(client):
    response = client.post("/denunciar/", form_data(client, identity_choice="identificada"))
    assert response.status_code == 400
    assert "Escriba su nombre" in response.content.decode()
    assert not Report.objects.exists()


def test_missing_fields_give_clear_messages_tied_to_the_fields(client):
    response = client.post("/denunciar/", form_data(client, category="", description=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_description_error"' in html
    assert 'aria-describedby="id_description_ayuda id_description_error"' in html
    assert 'aria-invalid="true"' in html


def test_files_are_stored_with_the_report(client):
    upload = SimpleUploadedFile("contrato.pdf", PDF, content_type="application/pdf")
    response = client.post("/denunciar/", {**form_data(client), "files": [upload]})
    assert response.status_code == 200
    attachment = Attachment.objects.get()
    assert attachment.filename == "contrato.pdf"
    assert attachment.content == PDF
    assert attachment.size == len(PDF) and attachment.content_type == "application/pdf"


def test_an_invalid_file_is_refused_with_a_clear_message_and_nothing_is_stored(client):
    good = SimpleUploadedFile("contrato.pdf", PDF)
    bad = SimpleUploadedFile("programa.exe", b"MZ\x90\x00 binario")
    response = client.post("/denunciar/", {**form_data(client), "files": [good, bad]})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["files"]  # on its field, naming the file, in Spanish
    assert "«programa.exe»" in errors["files"][0] and "permitido" in errors["files"][0]
    assert 'id="id_files_error"' in response.content.decode()
    assert not Report.objects.exists() and not Attachment.objects.exists()


@override_settings(DENUNCIAS_MAX_FILE_SIZE=100)
def test_an_oversized_file_is_refused(client):
    big = SimpleUploadedFile("grande.pdf", PDF + b"x" * 200)
    response = client.post("/denunciar/", {**form_data(client), "files": [big]})
    assert response.status_code == 400
    assert "supera el máximo" in response.content.decode()
    assert not Report.objects.exists()


@override_settings(DENUNCIAS_MAX_REQUEST_SIZE=1000)
def test_a_request_over_the_total_limit_is_refused_with_413(client):
    big = SimpleUploadedFile("grande.pdf", PDF + b"x" * 5000)
    response = client.post("/denunciar/", {**form_data(client), "files": [big]})
    assert response.status_code == 413
    assert "superan el tamaño total" in response.content.decode()
    assert not Report.objects.exists()


@override_settings(DENUNCIAS_MAX_FILES=2)
def test_too_many_files_are_refused(client):
    files = [SimpleUploadedFile(f"f{i}.pdf", PDF) for i in range(3)]
    response = client.post("/denunciar/", {**form_data(client), "files": files})
    assert response.status_code == 400
    assert "como máximo 2 archivos" in response.content.decode()


def test_a_storage_failure_leaves_nothing_half_stored(client):
    upload = SimpleUploadedFile("contrato.pdf", PDF)
    with mock.patch("denuncias.models.Attachment.save", side_effect=DatabaseError("disk full")):
        response = client.post("/denunciar/", {**form_data(client), "files": [upload]})
    assert response.status_code == 503
    assert "no quedó nada registrado" in response.content.decode()
    assert not Report.objects.exists() and not Attachment.objects.exists()


def test_the_receipt_logs_the_reporter_in_to_see_status_and_messages(client):
    receipt = receipt_from(client.post("/denunciar/", form_data(client)))
    response = client.post("/ingresar/", {"receipt": " ".join(receipt[i : i + 4] for i in range(0, 16, 4))})
    assert response.status_code == 302 and response["Location"] == "/mi-denuncia/"
    page = client.get("/mi-denuncia/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Recibida" in html and "El jefe adjudicó un contrato" in html


def test_a_wrong_receipt_fails_and_is_counted(client, report):
    stored, receipt = report
    wrong = f"{(int(receipt) + 1) % 10**16:016d}"
    response = client.post("/ingresar/", {"receipt": wrong})
    assert response.status_code == 400
    assert "no corresponde a ninguna denuncia" in response.content.decode()
    assert ReceiptLoginFailure.objects.count() == 1
    assert client.get("/mi-denuncia/")["Location"] == "/ingresar/"


def test_a_malformed_receipt_is_explained_and_not_counted_as_a_guess(client):
    response = client.post("/ingresar/", {"receipt": "12345"})
    assert response.status_code == 400
    assert "16 dígitos" in response.content.decode()
    assert not ReceiptLoginFailure.objects.exists()


@pytest.fixture
def waits(monkeypatch):
    """The delays receipt sign-in asks for, recorded instead of slept."""
    from denuncias import throttle

    recorded = []
    monkeypatch.setattr(throttle, "sleep", recorded.append)
    return recorded


def test_repeated_failures_slow_the_browser_down_but_the_right_receipt_still_gets_in(client, report, waits):
    stored, receipt = report
    for n in range(7):
        assert client.post("/ingresar/", {"receipt": f"{n:016d}"}).status_code == 400
    assert waits == [1.0, 2.0]  # five free failures, then a doubling delay
    response = client.post("/ingresar/", {"receipt": receipt})
    assert response.status_code == 302 and response["Location"] == "/mi-denuncia/"
    assert waits == [1.0, 2.0, 4.0]  # the right receipt waits like a wrong one: the delay tells nothing
    assert client.get("/mi-denuncia/").status_code == 200


def test_fifty_wrong_receipts_from_fresh_browsers_slow_guessing_but_lock_no_reporter_out(report, waits):
    from django.test import Client

    stored, receipt = report
    for n in range(50):
        assert Client().post("/ingresar/", {"receipt": f"{n:016d}"}).status_code == 400
    assert waits == []
    reporter = Client()
    response = reporter.post("/ingresar/", {"receipt": receipt})
    assert response.status_code == 302 and response["Location"] == "/mi-denuncia/"
    assert waits == [1.0]  # everyone is slowed a little once guessing starts, nobody is refused


@override_settings(DENUNCIAS_GLOBAL_DELAY_STEP=2, DENUNCIAS_MAX_DELAY_SECONDS=3)
def test_the_delay_for_everyone_grows_with_guessing_and_stops_at_the_cap(report, waits):
    from django.test import Client

    stored, receipt = report
    for n in range(10):
        Client().post("/ingresar/", {"receipt": f"{n:016d}"})
    assert waits == [1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0]
    assert Client().post("/ingresar/", {"receipt": receipt}).status_code == 302
    assert waits[-1] == 3.0


def test_a_successful_login_rotates_the_session_and_clears_the_count(client, report):
    stored, receipt = report
    client.post("/ingresar/", {"receipt": "0000000000000001"})
    before = client.session.session_key
    client.post("/ingresar/", {"receipt": receipt})
    assert client.session.session_key != before
    assert "denuncias_fallos" not in client.session


def test_the_reporter_answers_and_adds_files(reporter_client, report):
    stored, _ = report
    upload = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    response = reporter_client.post("/mi-denuncia/", {"body": "Agrego una foto.", "files": [upload]})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.author == "denunciante" and message.body == "Agrego una foto."
    assert message.attachments.get().filename == "foto.png"
    html = reporter_client.get("/mi-denuncia/?enviado=1").content.decode()
    assert "Agrego una foto." in html and "foto.png" in html and "fue enviado" in html


def test_an_empty_answer_is_refused(reporter_client):
    response = reporter_client.post("/mi-denuncia/", {"body": "  "})
    assert response.status_code == 400
    assert "Escriba un mensaje o adjunte" in response.content.decode()


def test_the_reporter_reads_the_handlers_messages(reporter_client, report, handler):
    from denuncias.services import add_handler_message

    add_handler_message(report[0], handler, "Acusamos recibo. ¿Tiene el contrato?", False)
    html = reporter_client.get("/mi-denuncia/").content.decode()
    assert "Acusamos recibo. ¿Tiene el contrato?" in html
    assert "Comité de Ética" in html
    assert "etica" not in html.split("<main", 1)[1]  # the handler's user name stays internal


def test_logging_out_deletes_the_session(reporter_client):
    from django.contrib.sessions.models import Session

    assert Session.objects.count() == 1
    reporter_client.post("/salir/")
    assert not Session.objects.exists()
    assert reporter_client.get("/mi-denuncia/").status_code == 302


def test_a_closed_report_takes_no_more_messages(reporter_client, report):
    stored, _ = report
    stored.set_status("cerrada")
    stored.save()
    response = reporter_client.post("/mi-denuncia/", {"body": "Algo más"})
    assert response.status_code == 400
    assert not Message.objects.exists()
    assert "está cerrada" in response.content.decode()
