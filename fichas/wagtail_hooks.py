"""Admin hooks: after saving a sheet, tell the editor what in its budget does not add up."""

from django.contrib import messages
from wagtail import hooks

from .models import FichaCiudadanaPage
from .notices import budget_notices


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
