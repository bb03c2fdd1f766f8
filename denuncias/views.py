"""The channel's pages: the reporter's (form, receipt, follow-up) and the handlers'."""

import logging
from datetime import datetime, timedelta

import django_otp
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import receipts, services, throttle
from .access import REPORT_SESSION_KEY, handler_required, reporter_required, spanish_only
from .forms import (
    HandlerLoginForm,
    HandlerMessageForm,
    ReceiptLoginForm,
    ReporterMessageForm,
    ReportForm,
    StatusForm,
)
from .models import Attachment, AuditEntry, Report

logger = logging.getLogger(__name__)
HANDLER_FAILURES_KEY = "denuncias_fallos_gestion"


def _minutes(wait):
    return max(1, int(wait.total_seconds() // 60) + (1 if wait.total_seconds() % 60 else 0))


def _too_large(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > settings.DENUNCIAS_MAX_REQUEST_SIZE
    except ValueError:
        return False


def _too_large_message():
    return _("Los archivos enviados superan el tamaño total permitido; no se guardó nada. Adjunte menos archivos.")


# --- Reporter ---------------------------------------------------------------


def home(request):
    """What the channel is, and the two ways in: file a report, or follow one up."""
    return render(request, "denuncias/home.html")


def file_report(request):
    """The report form; on success the receipt is shown once, in this very response."""
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES)
        if _too_large(request):
            form.is_valid()
            form.add_error("files", _too_large_message())
            return render(request, "denuncias/report_form.html", {"form": form}, status=413)
        if form.is_valid():
            key_hash = services.submission_key_hash(form.cleaned_data["submission_key"])
            if Report.objects.filter(submission_key=key_hash).exists():
                return render(request, "denuncias/already_sent.html", status=409)
            try:
                report, receipt = services.file_report(form.cleaned_data)
            except DatabaseError:
                logger.exception("A report could not be stored; nothing was kept.")
                form.add_error(
                    None,
                    _("No pudimos guardar su denuncia y no quedó nada registrado. Intente de nuevo en unos minutos."),
                )
                return render(request, "denuncias/report_form.html", {"form": form}, status=503)
            return render(
                request,
                "denuncias/receipt.html",
                {"receipt": receipts.grouped(receipt), "received_at": report.received_at},
            )
        return render(request, "denuncias/report_form.html", {"form": form}, status=400)
    return render(request, "denuncias/report_form.html", {"form": ReportForm()})


def receipt_login(request):
    """Log in with the receipt: slowed by a slow hash and a growing delay, never locked (throttle.py)."""
    form = ReceiptLoginForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            throttle.slow_down(request.session)
            receipt = form.cleaned_data["receipt"]
            candidates = Report.objects.filter(receipt_hint=receipts.hint(receipt)).only("pk", "receipt_hash")[:50]
            report = receipts.find_match(receipt, candidates)
            if report is not None:
                throttle.clear(request.session)
                request.session.cycle_key()
                request.session[REPORT_SESSION_KEY] = report.pk
                return redirect("denuncias:mi_denuncia")
            throttle.record_failure(request.session)
            form.add_error("receipt", _("El código no corresponde a ninguna denuncia. Revise los 16 dígitos."))
        return render(request, "denuncias/login.html", {"form": form}, status=400)
    return render(request, "denuncias/login.html", {"form": form})


@reporter_required
def my_report(request, report):
    """The reporter's view: status, the conversation, and a form to answer and add files."""
    if request.method == "POST" and report.is_closed:
        form, status = ReporterMessageForm(), 400
    elif request.method == "POST":
        form = ReporterMessageForm(request.POST, request.FILES)
        if _too_large(request):
            form.is_valid()
            form.add_error("files", _too_large_message())
            status = 413
        elif form.is_valid():
            try:
                services.add_reporter_message(report, form.cleaned_data["body"], form.cleaned_data["files"])
            except DatabaseError:
                logger.exception("A reporter message could not be stored; nothing was kept.")
                form.add_error(None, _("No pudimos guardar su mensaje y no quedó nada registrado. Intente de nuevo."))
                status = 503
            else:
                return redirect(request.path + "?enviado=1#conversacion")
        else:
            status = 400
    else:
        form, status = ReporterMessageForm(), 200
    context = {
        "report": report,
        "messages_list": report.messages.prefetch_related("attachments"),
        "report_files": report.attachments.filter(message__isnull=True),
        "form": form,
        "sent": request.GET.get("enviado") == "1",
    }
    return render(request, "denuncias/my_report.html", context, status=status)


@require_POST
def reporter_logout(request):
    """End the receipt session (the session is deleted on the server)."""
    request.session.flush()
    return redirect("denuncias:inicio")


# --- Handlers ---------------------------------------------------------------


@spanish_only
def handler_login(request):
    """Password and TOTP code together; repeated failures lock the account, and this browser, for a while.

    Per account: failures are counted against the user name typed (a keyed hash, existing
    account or not), whatever browser they come from. Per browser: its session counts them too.
    There is no lock per address, because the channel never learns one (README, Canal de Denuncias).
    """
    form = HandlerLoginForm(request.POST or None)
    if request.method == "POST":
        now, window = timezone.now(), timedelta(minutes=settings.DENUNCIAS_LOCKOUT_MINUTES)
        failures = [datetime.fromisoformat(v) for v in request.session.get(HANDLER_FAILURES_KEY, [])]
        failures = [moment for moment in failures if now - moment < window]
        username = request.POST.get("username", "")
        wait = throttle.handler_lockout_remaining(username, failures, now)
        if wait is not None:
            return render(
                request,
                "denuncias/gestion/login.html",
                {"form": HandlerLoginForm(), "locked_minutes": _minutes(wait)},
                status=429,
            )
        if form.is_valid():
            user = authenticate(request, username=form.cleaned_data["username"], password=form.cleaned_data["password"])
            device = django_otp.match_token(user, form.cleaned_data["otp_token"].strip()) if user else None
            if user is not None and device is not None:
                throttle.clear_handler_failures(username)
                login(request, user)
                django_otp.login(request, device)
                return redirect(request.GET.get("next") if _safe_next(request) else "denuncias:gestion_lista")
            request.session[HANDLER_FAILURES_KEY] = [m.isoformat() for m in [*failures, now]]
            throttle.record_handler_failure(username, now)
            form.add_error(None, _("Usuario, contraseña o código de verificación incorrectos."))
        return render(request, "denuncias/gestion/login.html", {"form": form}, status=400)
    return render(request, "denuncias/gestion/login.html", {"form": form})


def _safe_next(request):
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.GET.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith("/")


@require_POST
@spanish_only
def handler_logout(request):
    """End the handler's session."""
    logout(request)
    return redirect("denuncias:gestion_ingresar")


@handler_required
def report_list(request):
    """All reports with their deadlines, overdue ones first; no report content is decrypted here."""
    today = timezone.localdate()
    reports = list(Report.objects.defer("description", "when_where", "people_involved", "identity"))
    rows = [(report, report.deadline_state(today)) for report in reports]
    rows.sort(key=lambda row: (row[0].is_closed, not row[1].overdue, row[0].received_at))
    return render(
        request,
        "denuncias/gestion/report_list.html",
        {"rows": rows, "overdue_count": sum(1 for _r, state in rows if state.overdue)},
    )


@handler_required
def report_detail(request, pk):
    """One report, decrypted; each opening is written to the audit log."""
    report = get_object_or_404(Report, pk=pk)
    AuditEntry.record(request.user, AuditEntry.Action.OPENED, report.pk)
    return render(request, "denuncias/gestion/report_detail.html", _detail_context(report))


def _detail_context(report, message_form=None, status_form=None):
    return {
        "report": report,
        "state": report.deadline_state(),
        "messages_list": report.messages.select_related("handler").prefetch_related("attachments"),
        "report_files": report.attachments.filter(message__isnull=True),
        "message_form": message_form or HandlerMessageForm(),
        "status_form": status_form or StatusForm(initial={"status": report.status}),
        "audit": AuditEntry.objects.filter(report_id=report.pk)[:50],
    }


@require_POST
@handler_required
def report_message(request, pk):
    """A handler's message to the reporter."""
    report = get_object_or_404(Report, pk=pk)
    form = HandlerMessageForm(request.POST)
    if not form.is_valid():
        # The page shown again holds the decrypted report: that is an opening too.
        AuditEntry.record(request.user, AuditEntry.Action.OPENED, report.pk)
        return render(
            request, "denuncias/gestion/report_detail.html", _detail_context(report, message_form=form), status=400
        )
    services.add_handler_message(report, request.user, form.cleaned_data["body"], form.cleaned_data["is_feedback"])
    return redirect("denuncias:gestion_detalle", pk=report.pk)


@require_POST
@handler_required
def report_status(request, pk):
    """Change a report's status."""
    report = get_object_or_404(Report, pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        AuditEntry.record(request.user, AuditEntry.Action.OPENED, report.pk)
        return render(
            request, "denuncias/gestion/report_detail.html", _detail_context(report, status_form=form), status=400
        )
    if form.cleaned_data["status"] != report.status:
        services.change_status(report, request.user, form.cleaned_data["status"])
    return redirect("denuncias:gestion_detalle", pk=report.pk)


@handler_required
def attachment_download(request, pk, attachment_pk):
    """A decrypted attachment, always as a download (never rendered by the browser); audited."""
    attachment = get_object_or_404(Attachment, pk=attachment_pk, report_id=pk)
    AuditEntry.record(request.user, AuditEntry.Action.DOWNLOADED, pk, f"archivo {attachment.pk}")
    response = HttpResponse(attachment.content, content_type="application/octet-stream")
    response["Content-Disposition"] = _attachment_disposition(attachment.filename)
    return response


def _attachment_disposition(filename):
    from django.utils.http import content_disposition_header

    return content_disposition_header(as_attachment=True, filename=filename)


@handler_required
def audit_log(request):
    """The audit log, read-only: the latest 500 entries."""
    return render(request, "denuncias/gestion/audit_log.html", {"entries": AuditEntry.objects.all()[:500]})
