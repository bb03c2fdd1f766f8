"""Admin views of the programme: "Avance de compromisos", milestones updated from a spreadsheet.

The page explains the steps, offers the spreadsheet (XLSX or CSV), takes it back, shows the
preview (``bulk.plan_import``) and, once confirmed, saves the drafts (``bulk.apply_plan``).
Between preview and confirmation the changes live in the editor's session, tied to the
revision of each commitment they were computed from.
"""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from . import bulk
from .models import ProgramaIndexPage

SESSION_KEY = "programa_gobierno_bulk_progress"


def programme_index():
    """The Spanish (default-language) programme page, whose commitments the spreadsheet covers."""
    return ProgramaIndexPage.objects.filter(locale=Locale.get_default()).first()


def can_update_in_bulk(user, index=None):
    """Anyone who can edit the programme's pages (Comunicaciones, Aprobadores) may use the spreadsheet."""
    index = index or programme_index()
    return index is not None and index.permissions_for_user(user).can_edit()


class UploadForm(forms.Form):
    """The edited spreadsheet."""

    archivo = forms.FileField(
        label=_("Planilla editada (.xlsx o .csv)"),
        error_messages={"required": _("Elija el archivo de la planilla."), "empty": _("El archivo está vacío.")},
    )


class ProgrammeAdminMixin:
    """Find the programme and refuse users who cannot edit it."""

    def dispatch(self, request, *args, **kwargs):
        self.index = programme_index()
        if self.index is None:
            raise Http404(_("No hay un Programa de Gobierno en el sitio."))
        if not can_update_in_bulk(request.user, self.index):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProgressSpreadsheetView(ProgrammeAdminMixin, WagtailAdminTemplateMixin, TemplateView):
    """Download the milestones, upload them edited, see every change and every problem before saving."""

    page_title = _("Avance de compromisos")
    header_icon = "table"
    template_name = "programa_gobierno/admin/progress_spreadsheet.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            index=self.index,
            export_xlsx_url=reverse("programa_gobierno_bulk_export", args=["xlsx"]),
            export_csv_url=reverse("programa_gobierno_bulk_export", args=["csv"]),
            upload_url=reverse("programa_gobierno_bulk"),
            confirm_url=reverse("programa_gobierno_bulk_confirm"),
            max_megabytes=bulk.MAX_BYTES // 1024 // 1024,
        )
        context.setdefault("form", UploadForm())
        return context

    def post(self, request, *args, **kwargs):
        request.session.pop(SESSION_KEY, None)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        uploaded = form.cleaned_data["archivo"]
        context = {"form": form, "filename": uploaded.name}
        if uploaded.size > bulk.MAX_BYTES:  # before reading it into memory
            context["refused"] = bulk.FileRefused(
                _("El archivo pesa más de %(max)s MB, el máximo.") % {"max": bulk.MAX_BYTES // 1024 // 1024}, 413
            )
            return self.render_to_response(self.get_context_data(**context), status=413)
        try:
            rows = bulk.read_table(uploaded.name, uploaded.read())
        except bulk.FileRefused as refused:
            context["refused"] = refused
            return self.render_to_response(self.get_context_data(**context), status=refused.status)
        plan = bulk.plan_import(rows, self.index, request.user)
        context["plan"] = plan
        if plan.is_valid and plan.changes:
            token = uuid.uuid4().hex
            request.session[SESSION_KEY] = {"token": token, "payload": plan.payload()}
            context["token"] = token
        return self.render_to_response(self.get_context_data(**context), status=200 if plan.is_valid else 400)


class ConfirmView(ProgressSpreadsheetView):
    """Save the previewed changes: one draft revision per commitment, submitted to the workflow."""

    http_method_names = ["post"]

    def refuse(self, message, status):
        context = self.get_context_data(refused=bulk.FileRefused(message, status))
        return self.render_to_response(context, status=status)

    def post(self, request, *args, **kwargs):
        pending = request.session.get(SESSION_KEY)
        if not pending or request.POST.get("token") != pending["token"]:
            return self.refuse(_("No hay cambios pendientes de confirmar: suba la planilla de nuevo."), 400)
        try:
            pages = bulk.apply_plan(pending["payload"], request.user)
        except bulk.StalePlan as stale:
            request.session.pop(SESSION_KEY, None)
            return self.refuse(
                _(
                    "El compromiso «%(title)s» cambió después de la vista previa. No se guardó nada: "
                    "descargue la planilla de nuevo."
                )
                % {"title": stale},
                409,
            )
        request.session.pop(SESSION_KEY, None)
        messages.success(
            request,
            ngettext(
                "Se guardó un borrador y se envió a revisión de Aprobadores.",
                "Se guardaron %(count)d borradores y se enviaron a revisión de Aprobadores.",
                len(pages),
            )
            % {"count": len(pages)},
        )
        return redirect("programa_gobierno_bulk")


def export_view(request, fmt):
    """The programme's milestones as XLSX or CSV, ready to edit and upload again."""
    index = programme_index()
    if index is None or fmt not in ("xlsx", "csv"):
        raise Http404
    if not can_update_in_bulk(request.user, index):
        raise PermissionDenied
    rows = bulk.export_rows(index)
    if fmt == "xlsx":
        response = HttpResponse(bulk.to_xlsx(rows), content_type=bulk.XLSX_CONTENT_TYPE)
    else:
        response = HttpResponse(bulk.to_csv(rows), content_type="text/csv; charset=utf-8")
    filename = f"avance-compromisos-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
