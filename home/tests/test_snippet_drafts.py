"""Axes and initiatives reach visitors only when published: translations and Spanish edits alike.

Through the admin as people use it: an editor of "Comunicaciones" starts a translation
(*Traducir*), translates and submits; an approver of "Aprobadores" approves; a visitor
reads the home page in both languages.
"""

import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from home.models import Eje, Iniciativa

pytestmark = pytest.mark.django_db

NAME = "Innovación Pública"
SUMMARY = "Nuevas formas de resolver problemas públicos junto a la ciudadanía."
ENGLISH = {NAME: "Public Innovation", SUMMARY: "New ways of solving public problems together with citizens."}


def signed_in(username, group, django_user_model):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(django_user_model):
    return signed_in("redactora-prueba", "Comunicaciones", django_user_model)


@pytest.fixture
def approver_client(django_user_model):
    return signed_in("aprobadora-prueba", "Aprobadores", django_user_model)


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def new_axis(home):
    """A new Spanish axis, published, with no English version yet."""
    axis = Eje(locale=home.locale, name=NAME, summary=SUMMARY, sort_order=9)
    axis.save()
    axis.save_revision().publish()
    return axis


def translate_strings(client, translation, mapping):
    """Type translations in the translation editor (wagtail-localize's API, as its React editor does)."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in mapping:
            url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
            body = urlencode({"value": mapping[segment.string.data]})
            response = client.put(url, body, content_type="application/x-www-form-urlencoded")
            assert response.status_code in (200, 201), response.content


def edit_url(instance):
    return reverse(type(instance).snippet_viewset.get_url_name("edit"), args=[instance.pk])


def axis_headings(client, path):
    """{axis name: its lang attribute or None}, as the home page's axis sections show them."""
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return {h2.get_text(strip=True): h2.get("lang") for h2 in soup.select("section.axis h2")}


def tallies(client, path):
    """Each axis card's "N … de M" as (N, M), in order."""
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [tuple(re.findall(r"\d+", card.select_one(".tally").get_text(" "))) for card in soup.select(".axis-card")]


def approve(client, instance):
    """The approver's "Aprobar" on the instance's task in "Aprobación de contenidos"."""
    task_state = instance.current_workflow_state.current_task_state
    url = reverse(
        type(instance).snippet_viewset.get_url_name("workflow_action"), args=[instance.pk, "approve", task_state.pk]
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302), response.content


def test_a_snippet_translation_goes_live_only_when_translated_and_approved(
    client, editor_client, approver_client, new_axis, english
):
    # The editor chooses "Traducir": an English draft, not shown to visitors.
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "eje", new_axis.pk])
    assert editor_client.post(url, {"locales": [english.pk]}).status_code == 302
    english_axis = new_axis.get_translation(english)
    assert not english_axis.live
    # English visitors read the live Spanish axis, marked as Spanish (WCAG 3.1.2), never the draft.
    assert axis_headings(client, "/en/")[NAME] == "es-CL"
    assert axis_headings(client, "/")[NAME] is None

    # The translation editor offers the editor "Publicar" (which means "send for approval" for them).
    editor = editor_client.get(edit_url(english_axis))
    assert editor.status_code == 200
    assert "&quot;canPublish&quot;: true" in editor.content.decode()

    # Half translated: a draft revision, nothing submitted, nothing shown.
    translation = Translation.objects.get(source__object_id=new_axis.translation_key, target_locale=english)
    translate_strings(editor_client, translation, {NAME: ENGLISH[NAME]})
    editor_client.post(edit_url(english_axis), {"action": "publish"})
    english_axis.refresh_from_db()
    assert not english_axis.live and english_axis.current_workflow_state is None
    assert ENGLISH[NAME] not in axis_headings(client, "/en/")

    # Fully translated: submitted to "Aprobación de contenidos", still not live.
    translate_strings(editor_client, translation, ENGLISH)
    assert editor_client.post(edit_url(english_axis), {"action": "publish"}).status_code == 302
    english_axis.refresh_from_db()
    assert not english_axis.live
    state = english_axis.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Aprobación de contenidos"
    assert axis_headings(client, "/en/")[NAME] == "es-CL"

    # The approver approves: English visitors read it in English.
    approve(approver_client, english_axis)
    english_axis.refresh_from_db()
    assert english_axis.live
    headings = axis_headings(client, "/en/")
    assert headings[ENGLISH[NAME]] is None and NAME not in headings
    assert ENGLISH[SUMMARY] in client.get("/en/").content.decode()


def test_an_incomplete_translation_of_a_live_snippet_keeps_the_english_text_live(
    client, editor_client, home, english, django_capture_on_commit_callbacks
):
    initiative = Iniciativa.objects.filter(locale=home.locale).first()
    english_initiative = initiative.get_translation(english)
    english_name = english_initiative.name
    initiative.name = "Nombre nuevo que aún nadie ha traducido"
    initiative.save_revision().publish()
    TranslationSource.objects.get_for_instance(initiative).update_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(edit_url(english_initiative), {"action": "publish"})
    assert response.status_code == 302

    english_initiative = Iniciativa.objects.get(pk=english_initiative.pk)
    assert english_initiative.live and english_initiative.name == english_name
    assert english_initiative.has_unpublished_changes
    assert english_initiative.get_latest_revision_as_object().name == initiative.name
    html = client.get("/en/").content.decode()
    assert english_name in html and initiative.name not in html


def test_a_spanish_status_change_counts_only_once_published(client, editor_client, approver_client, home, english):
    initiative = Iniciativa.objects.filter(locale=home.locale).exclude(status="cumplida").first()
    english_initiative = initiative.get_translation(english)
    before = tallies(client, "/")
    assert tallies(client, "/en/") == before

    # The editor marks it completed and saves a draft: nobody sees it, nothing is counted.
    data = nested_form_data(
        {
            "eje": initiative.eje_id,
            "ambito": initiative.ambito_id or "",
            "name": initiative.name,
            "description": rich_text(initiative.description or "<p></p>"),
            "status": Iniciativa.Status.COMPLETED,
            "page": initiative.page_id or "",
            "sort_order": initiative.sort_order,
        }
    )
    assert editor_client.post(edit_url(initiative), data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.live and initiative.status != "cumplida" and initiative.has_unpublished_changes
    assert tallies(client, "/") == before and tallies(client, "/en/") == before

    # Submitted: still not counted. The editor may not publish it.
    assert editor_client.post(edit_url(initiative), {**data, "action-submit": "on"}).status_code == 302
    initiative.refresh_from_db()
    assert initiative.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert initiative.status != "cumplida" and tallies(client, "/") == before

    # Approved and published: both languages count it, and the English initiative has its status.
    approve(approver_client, initiative)
    initiative.refresh_from_db()
    assert initiative.status == "cumplida"
    after = tallies(client, "/")
    assert after != before and tallies(client, "/en/") == after
    english_initiative.refresh_from_db()
    assert english_initiative.live and english_initiative.status == "cumplida"
