"""Management commands: retention purge and handler creation."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from denuncias.management.commands.denuncias_purgar import purge
from denuncias.models import Attachment, AuditEntry, Message, Report

pytestmark = pytest.mark.django_db


def close(report, days_ago):
    report.set_status("cerrada", now=timezone.now() - timedelta(days=days_ago))
    report.save()


def test_purge_deletes_closed_reports_past_retention_with_messages_and_files(make_report, settings):
    settings.DENUNCIAS_RETENTION_DAYS = 30
    old, _ = make_report()
    recent, _ = make_report()
    open_, _ = make_report()
    for report in (old, recent, open_):
        message = Message.objects.create(report=report, author="denunciante", body="x")
        Attachment.objects.create(
            report=report, message=message, filename="a.txt", content_type="text/plain", size=1, content=b"a"
        )
    close(old, 31)
    close(recent, 5)
    Report.objects.filter(pk=open_.pk).update(received_at=timezone.now() - timedelta(days=400))

    out = io.StringIO()
    call_command("denuncias_purgar", stdout=out)

    assert set(Report.objects.values_list("pk", flat=True)) == {recent.pk, open_.pk}
    assert not Message.objects.filter(report_id=old.pk).exists()
    assert not Attachment.objects.filter(report_id=old.pk).exists()
    assert Attachment.objects.count() == 2
    assert AuditEntry.objects.get(action="purgo").report_id == old.pk
    assert "eliminadas: 1" in out.getvalue()


def test_purge_keeps_the_audit_history_of_purged_reports(make_report, handler):
    old, _ = make_report()
    AuditEntry.record(handler, AuditEntry.Action.OPENED, old.pk)
    close(old, 1000)
    purge()
    assert AuditEntry.objects.filter(report_id=old.pk).count() == 2


def test_purge_can_simulate_and_take_another_period(make_report):
    report, _ = make_report()
    close(report, 10)
    out = io.StringIO()
    call_command("denuncias_purgar", "--dias", "5", "--simular", stdout=out)
    assert "se eliminarían: 1" in out.getvalue()
    assert Report.objects.exists()
    call_command("denuncias_purgar", "--dias", "15", stdout=io.StringIO())
    assert Report.objects.exists()
    call_command("denuncias_purgar", "--dias", "5", stdout=io.StringIO())
    assert not Report.objects.exists()


def test_create_handler_command_adds_the_group_and_a_totp_device(monkeypatch, settings):
    monkeypatch.setenv("DENUNCIAS_GESTOR_PASSWORD", "clave-segura-del-gestor-2026")
    out = io.StringIO()
    call_command("denuncias_crear_gestor", "rosa", stdout=out)
    user = User.objects.get(username="rosa")
    assert user.groups.filter(name=settings.DENUNCIAS_HANDLER_GROUP).exists()
    assert user.check_password("clave-segura-del-gestor-2026")
    assert user.totpdevice_set.get().confirmed
    assert "otpauth://totp/" in out.getvalue()


def test_create_handler_refuses_a_weak_password(monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.setenv("DENUNCIAS_GESTOR_PASSWORD", "123")
    with pytest.raises(CommandError):
        call_command("denuncias_crear_gestor", "debil", stdout=io.StringIO())
    assert not User.objects.filter(username="debil").exists()
