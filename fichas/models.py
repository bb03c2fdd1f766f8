"""Citizen budget sheets (Fichas Ciudadanas): what the regional government was given and what it spent.

``FichasIndexPage`` lists every sheet by year and programme, newest first, and
offers them all in one CSV. ``FichaCiudadanaPage`` is one programme in one year:
a plain-language introduction and a body with one budget table, whose totals,
percentages and warnings are computed by ``fichas.budget``. Each sheet's data
downloads at stable URLs beside the page: ``datos.csv``, ``datos.json``,
``datos.xlsx`` and ``datapackage.json`` (see ``fichas.exports`` and ``fichas.urls``).
"""

from itertools import groupby

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from search.kinds import FICHA

from . import exports
from .blocks import BudgetTableBlock, FichaBodyBlock
from .feeds import FEED_FILE, NewSheetsFeed
from .forms import FichaPageForm
from .panels import BudgetCheckPanel

INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]

# Export routes: (route name, file name, label shown on the page, format description).
EXPORTS = [
    ("datos_csv", "datos.csv", "CSV", _("valores separados por comas")),
    ("datos_json", "datos.json", "JSON", _("para programas y aplicaciones")),
    ("datos_xlsx", "datos.xlsx", "Excel (XLSX)", _("planilla de cálculo")),
    ("datapackage", "datapackage.json", "Fiscal Data Package", _("descriptor JSON que acompaña al CSV")),
]


def export_url(page, request, file_name):
    """The stable public URL of one of ``page``'s downloads: the page URL plus the file name."""
    return f"{page.get_url(request)}{file_name}"


class YearFilterForm(forms.Form):
    """The index's "filter by year" form: any budget year; the select offers the years that have sheets."""

    anio = forms.IntegerField(
        label=_("Año"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Elija un año de la lista, por ejemplo 2023."),
            "min_value": _("Elija un año de la lista, por ejemplo 2023."),
            "max_value": _("Elija un año de la lista, por ejemplo 2023."),
        },
    )


class FichasIndexPage(RoutablePageMixin, Page):
    """All citizen budget sheets, by year (newest first) and programme, with a year filter and one CSV of all."""

    introduction = RichTextField(_("introducción"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["fichas.FichaCiudadanaPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("índice de fichas ciudadanas")
        verbose_name_plural = _("índices de fichas ciudadanas")

    def get_sheets(self):
        """The live sheets under this index, newest year first, then by programme number: one query."""
        return list(FichaCiudadanaPage.objects.child_of(self).live().order_by("-year", "programme_number", "title"))

    def get_new_sheets(self, limit):
        """The ``limit`` live, public sheets under this index published most recently for the first time."""
        sheets = FichaCiudadanaPage.objects.child_of(self).live().public().order_by("-first_published_at", "-pk")
        return list(sheets[:limit])

    def feed_url(self, request):
        """The public URL of the Atom feed of newly published sheets (``<index URL>fichas.atom``)."""
        return export_url(self, request, FEED_FILE)

    def home_task_summary(self, request=None):
        """What the home page's task entry shows under a link here: the latest year and its number of sheets.

        One query, whatever the number of sheets.
        """
        latest = (
            FichaCiudadanaPage.objects.child_of(self)
            .live()
            .order_by()
            .values("year")
            .annotate(count=models.Count("pk"))
            .order_by("-year")
            .first()
        )
        return {
            "template": "fichas/includes/home_task.html",
            "year": latest["year"] if latest else None,
            "count": latest["count"] if latest else 0,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sheets = self.get_sheets()
        years = {sheet.year for sheet in sheets}
        form = YearFilterForm(request.GET or None)
        selected_year = form.cleaned_data["anio"] if form.is_valid() else None
        if selected_year is not None:
            sheets = [sheet for sheet in sheets if sheet.year == selected_year]
            years.add(selected_year)  # a year without sheets stays selected and shows an empty list
        context.update(
            filter_form=form,
            year_choices=sorted(years, reverse=True),
            selected_year=selected_year,
            sheet_count=len(sheets),
            sheets_by_year=[(year, list(group)) for year, group in groupby(sheets, key=lambda sheet: sheet.year)],
            all_data_url=export_url(self, request, "datos.csv"),
            feed_url=self.feed_url(request),
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The listing; an invalid year filter answers 400 with the message beside the field."""
        context = self.get_context(request)
        status = 400 if context["filter_form"].errors else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path("datos.csv/", name="datos_csv")
    def all_sheets_csv(self, request):
        """Every live sheet's rows in one CSV, with the same columns as each sheet's own CSV."""
        rows = [row for sheet in self.get_sheets() for row in exports.sheet_rows(sheet)]
        return exports.csv_response(rows, filename=f"{self.slug}.csv")

    @path("fichas.atom/", name="new_sheets_feed")
    def new_sheets_feed(self, request):
        """The newly published sheets as an Atom feed, in this page's language (``feeds.NewSheetsFeed``)."""
        return NewSheetsFeed()(request, index=self)


class FichaCiudadanaPage(RoutablePageMixin, Page):
    """One programme's budget in one year, in plain language, with computed execution and open data."""

    search_result_kind = FICHA  # what search results call it

    year = models.PositiveSmallIntegerField(
        _("año"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], help_text=_("Año presupuestario.")
    )
    programme_number = models.CharField(
        _("número de programa"),
        max_length=2,
        validators=[RegexValidator(r"^\d{2}$", _("Escriba el número con dos cifras, por ejemplo 01."))],
        help_text=_("Dos cifras: 01 Gastos de Funcionamiento, 02 Inversión Regional."),
    )
    programme_name = models.CharField(_("nombre del programa"), max_length=150)
    introduction = RichTextField(
        _("introducción"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("Qué es este programa y para qué sirve, en lenguaje claro."),
    )
    body = StreamField(FichaBodyBlock(), verbose_name=_("cuerpo"), blank=True)

    content_panels = Page.content_panels + [
        BudgetCheckPanel(heading=_("Verificación de totales")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("year"), FieldPanel("programme_number")]), FieldPanel("programme_name")],
            heading=_("Programa"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("programme_name"),
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("year"),
    ]
    # The year and the programme number identify the sheet in every language.
    override_translatable_fields = [SynchronizedField("programme_number")]

    parent_page_types = ["fichas.FichasIndexPage"]
    subpage_types = []
    base_form_class = FichaPageForm  # names new sheets from their year and programme

    class Meta:
        verbose_name = _("ficha ciudadana")
        verbose_name_plural = _("fichas ciudadanas")

    @cached_property
    def budget(self):
        """The sheet's ``budget.Budget`` (from its budget-table block), or None while it has none."""
        for child in self.body:
            if child.block_type == "budget_table":
                return BudgetTableBlock.to_budget(child.value)
        return None

    def downloads(self, request):
        """The sheet's downloads, in the order the page lists them: dicts of label, description and URL."""
        return [
            {"label": label, "description": description, "url": export_url(self, request, file_name)}
            for _name, file_name, label, description in EXPORTS
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["budget"] = self.budget
        context["downloads"] = self.downloads(request)
        return context

    @path("datos.csv/", name="datos_csv")
    def data_csv(self, request):
        """The sheet's rows as CSV (one row per amount that is not itself a sum)."""
        return exports.csv_response(exports.sheet_rows(self), filename=f"{self.slug}.csv")

    @path("datos.json/", name="datos_json")
    def data_json(self, request):
        """The whole sheet as JSON: lines with components, totals, official totals and differences."""
        return JsonResponse(
            exports.sheet_json(self, page_url=request.build_absolute_uri(self.get_url(request))),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )

    @path("datos.xlsx/", name="datos_xlsx")
    def data_xlsx(self, request):
        """The sheet's rows and totals as an Excel workbook."""
        response = HttpResponse(exports.sheet_xlsx(self), content_type=exports.XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.xlsx"'
        return response

    @path("datapackage.json/", name="datapackage")
    def data_package(self, request):
        """A Fiscal Data Package descriptor for ``datos.csv``, which sits beside it."""
        return JsonResponse(
            exports.sheet_datapackage(self, page_url=request.build_absolute_uri(self.get_url(request))),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
