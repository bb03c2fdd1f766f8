"""Admin: the programme's themes (a translatable snippet) and "Avance de compromisos" (milestones in bulk)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ConfirmView, ProgressSpreadsheetView, can_update_in_bulk, export_view
from .models import Tema


class TemaViewSet(SnippetViewSet):
    """Themes of the governor's programme (movilidad, acción climática, agua…)."""

    model = Tema
    icon = "tag"
    menu_label = _("Temas del programa")
    menu_name = "temas-programa"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(TemaViewSet)


@hooks.register("register_admin_urls")
def register_progress_spreadsheet_urls():
    return [
        path("programa-de-gobierno/avance/", ProgressSpreadsheetView.as_view(), name="programa_gobierno_bulk"),
        path("programa-de-gobierno/avance/confirmar/", ConfirmView.as_view(), name="programa_gobierno_bulk_confirm"),
        path(
            "programa-de-gobierno/avance/planilla.<str:fmt>",
            export_view,
            name="programa_gobierno_bulk_export",
        ),
    ]


class ProgressSpreadsheetMenuItem(MenuItem):
    """Shown to those who can edit the programme's pages."""

    def is_shown(self, request):
        return can_update_in_bulk(request.user)


@hooks.register("register_admin_menu_item")
def register_progress_spreadsheet_menu_item():
    return ProgressSpreadsheetMenuItem(
        _("Avance de compromisos"),
        reverse("programa_gobierno_bulk"),
        name="avance-compromisos",
        icon_name="table",
        order=311,
    )
