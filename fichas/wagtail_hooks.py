"""Admin hooks: the budget import view and its buttons, and warnings after saving a sheet."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .models import FichaCiudadanaPage, FichasIndexPage
from .notices import budget_notices
from .views import ImportBudgetView, import_url


def _warn_about_budget(request, page):
    page = page.specific
    if not isinstance(page, FichaCiudadanaPage):
        return
    differences, over_executions = budget_notices(page.get_latest_revision_as_object().budget)
    for message in differences:
        messages.warning(request, message)
    for message in over_executions:
        messages.info(request, message)


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_about_budget(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_about_budget(request, page)


@hooks.register("register_admin_urls")
def fichas_admin_urls():
    return [path("fichas/importar/<int:page_id>/", ImportBudgetView.as_view(), name="fichas_import")]


class ImportButton(PageMenuItem):
    """ "Importar planilla" for a sheet (its lines) or the index (a sheet by year and programme)."""

    label = _("Importar planilla de presupuesto")
    icon_name = "upload"

    @property
    def url(self):
        return import_url(self.page)

    def is_shown(self, user):
        permissions = self.page.permissions_for_user(user)
        if isinstance(self.page.specific_deferred, FichasIndexPage):
            return permissions.can_add_subpage()
        return permissions.can_edit()


def _is_fichas_page(page):
    return page.specific_class in (FichaCiudadanaPage, FichasIndexPage)


@hooks.register("register_page_header_buttons")
def import_header_button(page, user, view_name, next_url=None):
    """In the edit view's and the explorer's header actions of the index and of each sheet."""
    if _is_fichas_page(page):
        yield ImportButton(page=page, priority=12)


@hooks.register("register_page_listing_more_buttons")
def import_listing_button(page, user, next_url=None):
    """In each sheet's "more" menu of the index's listing."""
    if page.specific_class is FichaCiudadanaPage:
        yield ImportButton(page=page, priority=15)


@hooks.register("insert_global_admin_css")
def fichas_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("fichas/admin.css"))
