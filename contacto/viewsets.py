"""Staff inbox of the citizen attention office in the Wagtail admin.

Visible to the "Atención Ciudadana" group (view and change permissions on
``CitizenRequest``, granted by migration) and to superusers. Staff list and
filter requests, assign, answer and forward them; every change goes through
``services.apply_staff_changes`` so it is kept in the request's history and the
mail it causes goes through the outbox.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpResponseForbidden
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from base.csvfiles import bom_first
from base.spreadsheets import neutralise_formula

from . import services
from .records import CitizenRequest, OutgoingMail, RequestStatus

STAFF_GROUP = "Atención Ciudadana"


class RequestDetailPanel(Panel):
    """Read-only: what the citizen sent, the attachments, the history and the mail sent about it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "contacto/admin/request_detail_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            request_obj = self.instance
            context.update(
                request_obj=request_obj,
                attachments=list(request_obj.attachments.all()),
                events=list(request_obj.events.select_related("actor")),
                mails=list(request_obj.mails.order_by("created_at")),
            )
            return context


class CitizenRequestForm(WagtailAdminModelForm):
    """What staff may change: status, assignee, public answer, forwarding, plus an internal note."""

    note = forms.CharField(
        label=_("Nota interna"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Queda en el historial; no se envía a la persona."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assigned_to" in self.fields:
            self.fields["assigned_to"].queryset = (
                get_user_model()
                .objects.filter(is_active=True, groups__name=STAFF_GROUP)
                .order_by("first_name", "last_name", "username")
                .distinct()
            )

    def clean(self):
        cleaned = super().clean()
        institution = cleaned.get("forwarded_institution")
        email = cleaned.get("forwarded_email")
        if bool(institution) != bool(email):
            raise forms.ValidationError(_("Para derivar indique el nombre y el correo de la institución."))
        if cleaned.get("status") == RequestStatus.DERIVADA and not (institution and email):
            self.add_error("status", _("Indique a qué institución se deriva."))
        return cleaned


class CitizenRequestEditView(EditView):
    """Edit view that records each change in the history and queues the mail it causes."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self.previous = {
            "status": obj.status,
            "assigned_to_id": obj.assigned_to_id,
            "public_answer": obj.public_answer,
            "forwarded_institution": obj.forwarded_institution,
            "forwarded_email": obj.forwarded_email,
        }
        return obj

    def save_instance(self):
        instance = self.form.save(commit=False)
        return services.apply_staff_changes(
            instance, self.previous, self.request.user, note=self.form.cleaned_data.get("note", "")
        )


class CitizenRequestFilterSet(WagtailFilterSet):
    """Inbox filters: type, status, comuna and a date range of receipt."""

    received_on = django_filters.DateFromToRangeFilter(label=_("Recibida entre"), widget=DateRangePickerWidget)

    class Meta:
        model = CitizenRequest
        fields = ["request_type", "status", "comuna", "received_on", "assigned_to"]


EXPORT_PERMISSION = "contacto.export_citizenrequest"


class CitizenRequestIndexView(IndexView):
    """The inbox list: the assignee is fetched with the requests (fixed number of queries).

    Exports hold citizens' requests in bulk: only staff with ``export_citizenrequest`` see the
    buttons and may download (others get a 403). CSV cells that a spreadsheet would run as a
    formula are neutralised (``base.spreadsheets.neutralise_formula``; Wagtail does it for XLSX).
    """

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assigned_to")

    def can_export(self):
        return self.request.user.has_perm(EXPORT_PERMISSION)

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not self.can_export():
            # A plain 403 (Wagtail would turn PermissionDenied into a redirect that hides the refusal).
            return HttpResponseForbidden(_("No tiene permiso para exportar solicitudes."), content_type="text/plain")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.can_export()

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise_formula(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        """Wagtail's CSV export with the site's byte-order mark (``base.csvfiles``), so Excel reads the accents."""
        return bom_first(super().stream_csv(queryset))


class CitizenRequestViewSet(ModelViewSet):
    """The inbox: list, filters, CSV export and the edit (manage) view of citizen requests."""

    model = CitizenRequest
    icon = "mail"
    menu_label = _("Solicitudes")
    url_prefix = "atencion-ciudadana/solicitudes"
    index_view_class = CitizenRequestIndexView
    edit_view_class = CitizenRequestEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["code", "subject", "request_type", "status", "comuna", "received_on", "deadline", "assigned_to"]
    filterset_class = CitizenRequestFilterSet
    search_fields = ["code", "subject"]
    list_export = [
        "code",
        "get_request_type_display",
        "get_status_display",
        "comuna_name",
        "subject",
        "received_on",
        "due_on",
        "overdue_text",
        "assigned_to",
        "answered_at",
        "forwarded_institution",
        "forwarded_at",
    ]
    export_headings = {
        "code": _("Código"),
        "get_request_type_display": _("Tipo"),
        "get_status_display": _("Estado"),
        "comuna_name": _("Comuna"),
        "subject": _("Asunto"),
        "received_on": _("Recibida"),
        "due_on": _("Plazo"),
        "overdue_text": _("Vencida"),
        "assigned_to": _("Asignada a"),
        "answered_at": _("Respondida"),
        "forwarded_institution": _("Derivada a"),
        "forwarded_at": _("Derivada el"),
    }
    export_filename = "solicitudes-atencion-ciudadana"

    edit_handler = ObjectList(
        [
            RequestDetailPanel(heading=_("Solicitud")),
            MultiFieldPanel([FieldPanel("status"), FieldPanel("assigned_to")], heading=_("Gestión")),
            MultiFieldPanel([FieldPanel("public_answer")], heading=_("Responder")),
            MultiFieldPanel(
                [FieldPanel("forwarded_institution"), FieldPanel("forwarded_email")],
                heading=_("Derivar a otra institución"),
                help_text=_(
                    "Para solicitudes fuera de las facultades del Gobierno de Santiago. "
                    "Se avisa a la institución y a la persona."
                ),
            ),
            FieldPanel("note"),
        ],
        base_form_class=CitizenRequestForm,
    )


class OutgoingMailViewSet(ModelViewSet):
    """The mail outbox, read-only: what was sent, what waits for the mail server and why."""

    model = OutgoingMail
    icon = "mail"
    menu_label = _("Correos salientes")
    url_prefix = "atencion-ciudadana/correos"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]


class AtencionCiudadanaGroup(ViewSetGroup):
    """The admin menu section of the office."""

    menu_label = _("Atención Ciudadana")
    menu_icon = "mail"
    menu_order = 250
    items = (CitizenRequestViewSet, OutgoingMailViewSet)
