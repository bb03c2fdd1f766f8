"""Admin: the "Traducciones desactualizadas" report and its dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .translation_status import outdated_translations


class OutdatedTranslationsReport(ReportView):
    """Spanish pages and snippets changed after their translations were last synchronised."""

    page_title = _("Traducciones desactualizadas")
    header_icon = "globe"
    index_url_name = "search_outdated_translations"
    index_results_url_name = "search_outdated_translations_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Contenido en español"), get_url=lambda row: row.edit_url),
        Column("kind_label", label=_("Tipo")),
        TitleColumn("locales_label", label=_("Traducciones"), get_url=lambda row: row.translation_edit_url),
        DateColumn("source_changed_at", label=_("Cambiado en español")),
        DateColumn("synced_at", label=_("Última sincronización")),
        TitleColumn(
            "sync",
            label=_("Actualizar"),
            accessor=lambda row: _("Sincronizar traducciones"),
            get_url=lambda row: row.sync_url,
        ),
    ]

    def get_queryset(self):
        return outdated_translations()


class OutdatedTranslationsPanel(Component):
    """Dashboard panel: how many translations are out of date, with the first few."""

    name = "outdated_translations"
    order = 150
    template_name = "search/admin/outdated_translations_panel.html"

    def get_context_data(self, parent_context):
        rows = outdated_translations()
        return {"count": len(rows), "rows": rows[:5], "report_url": reverse("search_outdated_translations")}


@hooks.register("register_admin_urls")
def register_outdated_translations_urls():
    view = OutdatedTranslationsReport
    return [
        path("reportes/traducciones-desactualizadas/", view.as_view(), name="search_outdated_translations"),
        path(
            "reportes/traducciones-desactualizadas/resultados/",
            view.as_view(results_only=True),
            name="search_outdated_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return MenuItem(
        _("Traducciones desactualizadas"),
        reverse("search_outdated_translations"),
        name="outdated-translations",
        icon_name="globe",
        order=1000,
    )


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    panels.append(OutdatedTranslationsPanel())
