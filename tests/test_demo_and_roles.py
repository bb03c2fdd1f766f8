"""The demo loader is idempotent; the editor roles and workflow exist after migrate."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, WorkflowPage

pytestmark = pytest.mark.django_db

PROJECT_APPS = settings.PROJECT_APPS


def content_counts():
    counts = {"pages": Page.objects.count()}
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            counts[model._meta.label] = model.objects.count()
    return counts


def test_second_load_changes_no_counts(home):
    before = content_counts()
    assert before["home.Iniciativa"] == 48  # 24 initiatives in Spanish and English
    call_command("load_demo_content", verbosity=0)
    assert content_counts() == before


def test_editor_roles_and_moderation_workflow_exist():
    editors = Group.objects.get(name="Comunicaciones")
    approvers = Group.objects.get(name="Aprobadores")
    root = Page.get_first_root_node()
    editor_perms = set(editors.page_permissions.filter(page=root).values_list("permission__codename", flat=True))
    approver_perms = set(approvers.page_permissions.filter(page=root).values_list("permission__codename", flat=True))
    assert {"add_page", "change_page"} <= editor_perms
    assert "publish_page" not in editor_perms
    assert "publish_page" in approver_perms
    workflow = WorkflowPage.objects.get(page=root).workflow
    task = workflow.workflow_tasks.get().task.specific
    assert list(task.groups.all()) == [approvers]


def test_editors_can_edit_initiatives_snippets():
    editors = Group.objects.get(name="Comunicaciones")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_iniciativa", "change_iniciativa", "change_eje", "access_admin"} <= codenames


def test_demo_page_tree_is_consistent(home):
    """Translations published on commit must not leave stale child counters behind."""
    assert all(not problems for problems in Page.find_problems())


def test_accessibility_statement_is_linked_from_every_footer(client, home):
    html = client.get("/").content.decode()
    assert 'href="/declaracion-de-accesibilidad/"' in html
    english = client.get("/en/").content.decode()
    assert 'href="/en/declaracion-de-accesibilidad/"' in english
    statement = client.get("/en/declaracion-de-accesibilidad/")
    assert statement.status_code == 200
    assert statement.context["page"].locale.language_code == "en"  # the translation, not the Spanish page
