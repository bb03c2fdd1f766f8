"""The demo accounts (``ensure_demo_accounts``, run by ``make run``) show the real workflow.

``redactora`` (Comunicaciones only) edits and submits for moderation but cannot publish;
``aprobadora`` (Aprobadores only) approves, which publishes. Both sign in with the password
the command prints, and act through the admin's own views.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from base.models import StandardPage

pytestmark = pytest.mark.django_db


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def passwords(capsys):
    """Run the command; the passwords it printed, by user name."""
    call_command("ensure_demo_accounts")
    out = capsys.readouterr().out
    return dict(re.findall(r"usuario:\s+(\S+)\n\s+contraseña:\s+(\S+)", out))


@pytest.fixture
def statement(home):
    """The accessibility statement, a plain content page of the demo site."""
    return StandardPage.objects.child_of(home).get(slug="declaracion-de-accesibilidad")


def edit(client, page, title, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "introduction": page.introduction,
            "body": streamfield([]),
            action: "1",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), data)


def test_demo_accounts_are_created_once_each_with_their_groups(passwords, capsys, django_user_model):
    assert set(passwords) == {"redactora", "aprobadora", "editora"}
    groups = {
        name: set(django_user_model.objects.get(username=name).groups.values_list("name", flat=True))
        for name in passwords
    }
    assert groups["redactora"] == {"Comunicaciones"}
    assert groups["aprobadora"] == {"Aprobadores"}
    assert groups["editora"] == {"Comunicaciones", "Aprobadores", "Atención Ciudadana"}
    assert not any(django_user_model.objects.get(username=name).is_superuser for name in passwords)
    call_command("ensure_demo_accounts")
    assert "contraseña:" not in capsys.readouterr().out


def test_the_comunicaciones_editor_submits_but_cannot_publish_and_the_approver_publishes(client, passwords, statement):
    live_title = statement.title

    assert client.login(username="redactora", password=passwords["redactora"])
    # Asking to publish only saves a draft: the live page keeps its title.
    response = edit(client, statement, "Declaración de accesibilidad (borrador)", "action-publish")
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title == live_title and statement.has_unpublished_changes
    assert not statement.permissions_for_user(_user("redactora")).can_publish()

    # Submitting starts the approval workflow; still nothing published.
    response = edit(client, statement, "Declaración de accesibilidad revisada", "action-submit")
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title == live_title
    task_state = statement.current_workflow_task_state
    assert task_state is not None and task_state.status == "in_progress"

    # The editor cannot approve her own submission...
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[statement.id, "approve", task_state.id])
    client.post(approve_url)
    statement.refresh_from_db()
    assert statement.title == live_title

    # ...the approver can, and approving publishes the submitted revision.
    client.logout()
    assert client.login(username="aprobadora", password=passwords["aprobadora"])
    response = client.post(approve_url)
    assert response.status_code in (200, 302)
    statement.refresh_from_db()
    assert statement.title == "Declaración de accesibilidad revisada"
    assert not statement.has_unpublished_changes
    assert statement.permissions_for_user(_user("aprobadora")).can_publish()
