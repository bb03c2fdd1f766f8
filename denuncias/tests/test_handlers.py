"""Handlers: access for each role, two factors, audit log, statuses, deadlines, downloads."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from denuncias.conftest import PASSWORD, make_user, sign_in
from denuncias.models import Attachment, AuditEntry, Report

pytestmark = pytest.mark.django_db

HANDLER_URLS = ["/gestion/", "/gestion/auditoria/", "/gestion/denuncias/{pk}/", "/gestion/denuncias/{pk}/archivos/{a}/"]


@pytest.fixture
def report_with_file(report):
    stored, receipt = report
    attachment = Attachment.objects.create(
        report=stored, filename="prueba.pdf", content_type="application/pdf", size=9, content=b"%PDF-data"
    )
    return stored, attachment


def urls(report, attachment):
    return [url.format(pk=report.pk, a=attachment.pk) for url in HANDLER_URLS]


def test_strangers_are_sent_to_the_login(client, report_with_file):
    for url in urls(*report_with_file):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/gestion/ingresar/?next=")


def test_a_reporter_session_gives_no_handler_access(reporter_client, report_with_file):
    for url in urls(*report_with_file):
        assert reporter_client.get(url).status_code == 302


@pytest.mark.parametrize(
    "role", [{"is_staff": True}, {"is_staff": True, "is_superuser": True}, {}], ids=["staff", "superuser", "user"]
)
def test_users_outside_the_committee_get_nothing_even_with_two_factors(client, report_with_file, role):
    user = make_user("otra", **role)
    assert sign_in(client, user).status_code == 302
    for url in urls(*report_with_file):
        response = client.get(url)
        assert response.status_code == 403
        assert "Solo el Comité de Ética" in response.content.decode()
        assert "Hechos de prueba" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="abrio").exists()


def test_a_committee_member_without_the_second_factor_is_not_let_in(client, report_with_file, handler):
    client.force_login(handler)  # password only: not verified
    for url in urls(*report_with_file):
        assert client.get(url).status_code == 302


def test_login_needs_the_right_totp_code(client, handler):
    data = {"username": "etica", "password": PASSWORD, "otp_token": "000000"}
    response = client.post("/gestion/ingresar/", data)
    assert response.status_code == 400
    assert "incorrectos" in response.content.decode()
    assert client.get("/gestion/").status_code == 302


def test_login_with_a_wrong_password_fails_even_with_the_right_code(client, handler):
    from denuncias.conftest import token_for

    device = handler.totpdevice_set.get()
    data = {"username": "etica", "password": "otra-clave-equivocada", "otp_token": token_for(device)}
    assert client.post("/gestion/ingresar/", data).status_code == 400


def test_handler_login_locks_out_after_repeated_failures(client, handler):
    for _ in range(5):
        client.post("/gestion/ingresar/", {"username": "etica", "password": "mala-clave-123", "otp_token": "1"})
    assert sign_in(client, handler).status_code == 429


def test_failures_from_many_browsers_lock_the_account_and_only_that_account(handler):
    for _ in range(10):
        Client().post("/gestion/ingresar/", {"username": "ETICA ", "password": "mala-clave-123", "otp_token": "1"})
    assert sign_in(Client(), handler).status_code == 429
    colleague = make_user("etica2", in_group=True)
    assert sign_in(Client(), colleague).status_code == 302


def test_the_account_lock_keeps_no_user_name_and_a_sign_in_clears_it(handler):
    from denuncias.models import HandlerLoginFailure

    for _ in range(3):
        Client().post("/gestion/ingresar/", {"username": "etica", "password": "mala-clave-123", "otp_token": "1"})
    stored = list(HandlerLoginFailure.objects.values_list("account", flat=True))
    assert len(stored) == 3 and all("etica" not in account for account in stored)
    assert sign_in(Client(), handler).status_code == 302
    assert not HandlerLoginFailure.objects.exists()


def test_a_verified_member_sees_the_list_without_decrypting_reports(handler_client, report):
    response = handler_client.get("/gestion/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Denuncia {report[0].pk}" in html and "Corrupción" in html
    assert "Hechos de prueba" not in html
    assert not AuditEntry.objects.exists()


def test_every_opening_of_a_report_is_audited(handler_client, report_with_file):
    stored, attachment = report_with_file
    html = handler_client.get(f"/gestion/denuncias/{stored.pk}/").content.decode()
    assert "Hechos de prueba" in html and "Persona X" in html and "prueba.pdf" in html
    handler_client.get(f"/gestion/denuncias/{stored.pk}/")
    entries = AuditEntry.objects.filter(report_id=stored.pk, action="abrio")
    assert entries.count() == 2
    assert {e.username for e in entries} == {"etica"}


def test_downloads_are_decrypted_forced_as_attachments_and_audited(handler_client, report_with_file):
    stored, attachment = report_with_file
    response = handler_client.get(f"/gestion/denuncias/{stored.pk}/archivos/{attachment.pk}/")
    assert response.status_code == 200
    assert response.content == b"%PDF-data"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;") and "prueba.pdf" in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action="descargo", report_id=stored.pk).exists()


def test_an_attachment_is_only_reachable_through_its_own_report(handler_client, report_with_file, make_report):
    other, _ = make_report()
    stored, attachment = report_with_file
    assert handler_client.get(f"/gestion/denuncias/{other.pk}/archivos/{attachment.pk}/").status_code == 404


def test_the_first_message_acknowledges_and_feedback_is_recorded(handler_client, report):
    stored, _ = report
    handler_client.post(f"/gestion/denuncias/{stored.pk}/mensaje/", {"body": "Acusamos recibo."})
    stored.refresh_from_db()
    assert stored.acknowledged_at is not None and stored.feedback_given_at is None
    handler_client.post(f"/gestion/denuncias/{stored.pk}/mensaje/", {"body": "Abrimos sumario.", "is_feedback": "on"})
    stored.refresh_from_db()
    assert stored.feedback_given_at is not None
    assert AuditEntry.objects.filter(action="mensaje").count() == 2


def test_an_empty_handler_message_is_refused(handler_client, report):
    response = handler_client.post(f"/gestion/denuncias/{report[0].pk}/mensaje/", {"body": ""})
    assert response.status_code == 400
    # The form is shown again with the report: that opening is audited as well.
    assert AuditEntry.objects.filter(action="abrio", report_id=report[0].pk).count() == 1


def test_status_changes_are_audited_and_closing_sets_the_date(handler_client, report):
    stored, _ = report
    for status in ("en_analisis", "en_investigacion", "cerrada"):
        assert handler_client.post(f"/gestion/denuncias/{stored.pk}/estado/", {"status": status}).status_code == 302
    stored.refresh_from_db()
    assert stored.status == "cerrada" and stored.closed_at is not None and stored.acknowledged_at is not None
    details = list(AuditEntry.objects.filter(action="estado").order_by("pk").values_list("detail", flat=True))
    assert details == ["Recibida → En análisis", "En análisis → En investigación", "En investigación → Cerrada"]
    handler_client.post(f"/gestion/denuncias/{stored.pk}/estado/", {"status": "en_analisis"})
    stored.refresh_from_db()
    assert stored.closed_at is None


def test_an_unknown_status_is_refused(handler_client, report):
    response = handler_client.post(f"/gestion/denuncias/{report[0].pk}/estado/", {"status": "borrada"})
    assert response.status_code == 400


def test_overdue_reports_are_highlighted_and_listed_first(handler_client, make_report):
    late, _ = make_report()
    Report.objects.filter(pk=late.pk).update(received_at=timezone.now() - timedelta(days=10))
    fresh, _ = make_report()
    html = handler_client.get("/gestion/").content.decode()
    assert "1 denuncia tiene un plazo vencido" in html
    assert html.index(f"Denuncia {late.pk}<") < html.index(f"Denuncia {fresh.pk}<")
    assert 'class="overdue"' in html and "Vencido el" in html


def test_the_audit_log_page_lists_entries(handler_client, report):
    handler_client.get(f"/gestion/denuncias/{report[0].pk}/")
    html = handler_client.get("/gestion/auditoria/").content.decode()
    assert "Abrió la denuncia" in html and "etica" in html


def test_the_audit_log_cannot_be_changed_through_the_model(handler):
    entry = AuditEntry.record(handler, AuditEntry.Action.OPENED, 1)
    entry.detail = "borrado"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().update(detail="x")
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().delete()


@pytest.mark.parametrize(
    "sql",
    ["UPDATE denuncias_auditentry SET detail = 'x'", "DELETE FROM denuncias_auditentry"],
    ids=["update", "delete"],
)
def test_the_database_itself_refuses_to_change_the_audit_log(handler, sql):
    AuditEntry.record(handler, AuditEntry.Action.OPENED, 1)
    with pytest.raises((DatabaseError, IntegrityError)), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.filter(detail="").count() == 1


def test_logging_out_ends_the_handler_session(handler_client):
    handler_client.post("/gestion/salir/")
    assert handler_client.get("/gestion/").status_code == 302


def test_a_safe_next_address_is_followed_after_login(handler):
    client = Client()
    from denuncias.conftest import token_for

    data = {"username": "etica", "password": PASSWORD, "otp_token": token_for(handler.totpdevice_set.get())}
    assert client.post("/gestion/ingresar/?next=/gestion/auditoria/", data)["Location"] == "/gestion/auditoria/"
    other = make_user("otro", in_group=True)
    data = {"username": "otro", "password": PASSWORD, "otp_token": token_for(other.totpdevice_set.get())}
    assert Client().post("/gestion/ingresar/?next=https://malo.example/", data)["Location"] == "/gestion/"
