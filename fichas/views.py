"""Admin view: import a sheet's budget lines from a spreadsheet, with a preview before anything is saved.

Reached from a sheet's edit page (the "Verificación de totales" panel and the
header's actions) and from the Fichas Ciudadanas index in the page explorer.
Two steps, one URL:

1. The editor uploads an XLSX or CSV file. It is read in memory (never stored)
   and the preview shows every line with its computed execution, the totals,
   their differences from the official totals and every problem by row. A file
   with problems answers 400 and offers nothing to confirm.
2. The preview's "Confirmar importación" posts back the parsed lines, signed
   with the site's secret (``django.core.signing``), for this user and this
   page, valid for an hour: no file is kept between the steps, and the lines
   cannot be altered in the browser. The view saves a draft revision (it never
   publishes), so the "Aprobación de contenidos" workflow applies as usual.
"""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .importer import MAX_FILE_BYTES, ImportResult, read_budget_file, too_large_message
from .models import FichaCiudadanaPage, FichasIndexPage
from .naming import PROGRAMME_NAMES, sheet_title
from .notices import budget_notices
from .sheet_import import create_sheet, current_table_and_body, find_sheet, save_import

SIGNING_SALT = "fichas.import"
SIGNED_DATA_MAX_AGE = 60 * 60  # seconds between the preview and its confirmation


class BudgetFileForm(forms.Form):
    """The upload: a spreadsheet, and (from the index) the year and programme it belongs to."""

    archivo = forms.FileField(
        label=gettext_lazy("Planilla (XLSX o CSV)"),
        help_text=gettext_lazy(
            "Informe de ejecución de DIPRES o el archivo datos.csv / datos.xlsx de la ficha, con columnas "
            "Subtítulo, Ítem, Asignación, Denominación, Presupuesto Vigente y Devengado. Nada se guarda "
            "hasta que confirme la vista previa."
        ),
        error_messages={
            "required": gettext_lazy("Elija el archivo que quiere importar."),
            "empty": gettext_lazy("El archivo está vacío."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def __init__(self, *args, with_programme=False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_programme:
            self.fields["year"] = forms.IntegerField(
                label=gettext_lazy("Año"),
                min_value=2000,
                max_value=2100,
                error_messages={
                    "required": gettext_lazy("Escriba el año presupuestario, por ejemplo 2024."),
                    "invalid": gettext_lazy("Escriba el año con cuatro cifras, por ejemplo 2024."),
                    "min_value": gettext_lazy("Escriba un año entre 2000 y 2100."),
                    "max_value": gettext_lazy("Escriba un año entre 2000 y 2100."),
                },
            )
            self.fields["programme_number"] = forms.ChoiceField(
                label=gettext_lazy("Programa"),
                choices=[(number, f"{number} {name}") for number, name in PROGRAMME_NAMES.items()],
                error_messages={"required": gettext_lazy("Elija el programa.")},
            )

    def clean_archivo(self):
        upload = self.cleaned_data["archivo"]
        if upload.size > MAX_FILE_BYTES:  # refused before reading a byte of it
            raise forms.ValidationError(too_large_message(upload.size))
        return upload


class ImportBudgetView(WagtailAdminTemplateMixin, View):
    """Upload → preview → confirm, for one sheet or (from the index) for a year and programme."""

    template_name = "fichas/admin/import.html"
    header_icon = "table"

    def setup(self, request, page_id):
        super().setup(request, page_id)
        page = get_object_or_404(Page, pk=page_id).specific
        if not isinstance(page, FichaCiudadanaPage | FichasIndexPage):
            raise PermissionDenied
        self.page = page
        self.index = page if isinstance(page, FichasIndexPage) else page.get_parent().specific

    def get_breadcrumbs_items(self):
        return []  # the plain header: title and the sheet as subtitle

    def get_page_title(self):
        return _("Importar planilla de presupuesto")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    @property
    def for_index(self):
        return isinstance(self.page, FichasIndexPage)

    def check_permission(self, sheet):
        """Anyone who may edit the sheet (or add one under the index, for a new sheet) may import."""
        permissions = (sheet or self.index).permissions_for_user(self.request.user)
        if not (permissions.can_edit() if sheet else permissions.can_add_subpage()):
            raise PermissionDenied

    def get(self, request, page_id):
        self.check_permission(None if self.for_index else self.page)
        return self.render_to_response(self.get_context_data(form=BudgetFileForm(with_programme=self.for_index)))

    def post(self, request, page_id):
        if "datos" in request.POST:
            return self.confirm(request.POST["datos"])
        form = BudgetFileForm(request.POST, request.FILES, with_programme=self.for_index)
        if not form.is_valid():
            self.check_permission(None if self.for_index else self.page)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if self.for_index:
            year, number = form.cleaned_data["year"], form.cleaned_data["programme_number"]
            sheet = find_sheet(self.index, year, number)
        else:
            year, number, sheet = self.page.year, self.page.programme_number, self.page
        self.check_permission(sheet)
        upload = form.cleaned_data["archivo"]
        parsed = read_budget_file(upload.read(), upload.name)
        context = self.get_context_data(form=BudgetFileForm(with_programme=self.for_index))
        context.update(self.preview_context(parsed, sheet, year, number, upload.name))
        return self.render_to_response(context, status=200 if parsed.is_valid else 400)

    def preview_context(self, parsed, sheet, year, number, filename):
        current = current_table_and_body(sheet)[0] if sheet else None
        current = current or {}
        computed = parsed.to_budget(current.get("official_approved"), current.get("official_executed"))
        differences, over_executions = budget_notices(computed)
        current_codes = [item.get("value", item).get("code") for item in current.get("lines") or []]
        imported_codes = {line.code for line in parsed.lines}
        context = {
            "filename": filename,
            "parsed": parsed,
            "budget": computed,
            "rows": [
                (line, imported.row, bool(sheet) and line.code not in current_codes)
                for line, imported in zip(computed.lines, parsed.lines, strict=True)
            ],
            "differences": differences,
            "over_executions": over_executions,
            "removed_codes": [code for code in current_codes if code not in imported_codes],
            "target_sheet": sheet,
            "new_sheet_title": None,
            "year": year,
            "programme_number": number,
        }
        if sheet is None:
            context["new_sheet_title"] = sheet_title(year, number, PROGRAMME_NAMES.get(number, number))
        if parsed.is_valid:
            context["signed_data"] = signing.dumps(
                {"year": year, "programme": number, "result": parsed.as_dict()},
                salt=self.signing_salt(),
                compress=True,
            )
        return context

    def signing_salt(self):
        """Signed data is only good for this page and this user."""
        return f"{SIGNING_SALT}:{self.page.pk}:{self.request.user.pk}"

    def confirm(self, signed_data):
        try:
            data = signing.loads(signed_data, salt=self.signing_salt(), max_age=SIGNED_DATA_MAX_AGE)
        except signing.SignatureExpired:
            return self.refuse(_("La vista previa tiene más de una hora: vuelva a subir el archivo."))
        except signing.BadSignature:
            return self.refuse(_("No se pudo confirmar la importación: vuelva a subir el archivo."))
        parsed = ImportResult.from_dict(data["result"])
        year, number = data["year"], data["programme"]
        sheet = find_sheet(self.index, year, number) if self.for_index else self.page
        self.check_permission(sheet)
        if sheet is None:
            sheet = create_sheet(self.index, year, number)
        save_import(sheet, parsed, user=self.request.user)
        messages.success(
            self.request,
            _(
                "Se importaron %(count)s líneas en «%(title)s» como borrador. Revíselo y envíelo a aprobación: "
                "la ficha publicada no cambia hasta que se apruebe."
            )
            % {"count": len(parsed.lines), "title": sheet.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", sheet.pk)

    def refuse(self, message):
        self.check_permission(None if self.for_index else self.page)
        context = self.get_context_data(form=BudgetFileForm(with_programme=self.for_index))
        context["refusal"] = message
        return self.render_to_response(context, status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            target=self.page,
            for_index=self.for_index,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            explore_url=reverse("wagtailadmin_explore", args=[self.index.pk]),
        )
        return context


def import_url(page):
    """The import view's address for a sheet or for the index."""
    return reverse("fichas_import", args=[page.pk])
