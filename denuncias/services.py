"""Storing reports, messages and files: all or nothing, encrypted on the way in."""

import hashlib

from django.db import transaction
from django.utils import timezone

from . import receipts, uploads
from .models import Attachment, AuditEntry, Author, Message, Report


def submission_key_hash(key: str) -> str:
    """What is stored of a form's one-time submission key (never the key itself)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _store_files(report, message, files):
    for upload in files:
        upload.seek(0)
        data = upload.read()
        Attachment.objects.create(
            report=report,
            message=message,
            filename=upload.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:255],
            content_type=uploads.content_type_for(upload.name),
            size=len(data),
            content=data,
        )


def file_report(data) -> tuple[Report, str]:
    """Store a report from a valid ``ReportForm``'s cleaned data; return it and its receipt.

    One transaction: on any failure nothing at all is stored.
    """
    receipt = receipts.new_receipt()
    with transaction.atomic():
        report = Report.objects.create(
            category=data["category"],
            description=data["description"],
            when_where=data.get("when_where", ""),
            people_involved=data.get("people_involved", ""),
            identity=data.get("identity", ""),
            receipt_hash=receipts.hash_receipt(receipt),
            receipt_hint=receipts.hint(receipt),
            submission_key=submission_key_hash(data["submission_key"]),
        )
        _store_files(report, None, data.get("files") or [])
    return report, receipt


def add_reporter_message(report, body, files) -> Message:
    """The reporter answers and/or adds files; one transaction."""
    with transaction.atomic():
        message = Message.objects.create(report=report, author=Author.REPORTER, body=body)
        _store_files(report, message, files)
    return message


def add_handler_message(report, user, body, is_feedback) -> Message:
    """A handler writes to the reporter: acknowledges the report, and counts as feedback when marked."""
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            report=report, author=Author.HANDLER, handler=user, body=body, is_feedback=is_feedback, created_at=now
        )
        if report.acknowledged_at is None:
            report.acknowledged_at = now
        if is_feedback and report.feedback_given_at is None:
            report.feedback_given_at = now
        report.save(update_fields=["acknowledged_at", "feedback_given_at"])
        AuditEntry.record(user, AuditEntry.Action.MESSAGE, report.pk, "retroalimentación" if is_feedback else "")
    return message


def change_status(report, user, status) -> None:
    """Move a report to ``status`` and write it to the audit log."""
    old = report.get_status_display()
    with transaction.atomic():
        report.set_status(status)
        report.save(update_fields=["status", "closed_at", "acknowledged_at"])
        AuditEntry.record(user, AuditEntry.Action.STATUS, report.pk, f"{old} → {report.get_status_display()}")
