"""English goes live only when translated and approved (base/translation_workflow.py).

Everything goes through the admin as people use it: an editor of "Comunicaciones"
starts and translates, an approver of "Aprobadores" approves, a visitor reads.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from base.demo_pages import SLUG as STATEMENT_SLUG
from base.models import SiteTexts
from base.translation_workflow import missing_strings

pytestmark = pytest.mark.django_db

TITLE = "Cuenta pública participativa 2026"
INTRO = "El Gobierno de Santiago rinde cuentas ante la ciudadanía cada año."
ENGLISH = {
    TITLE: "Participatory public accounts 2026",
    INTRO: "The Gobierno de Santiago reports to citizens every year.",
}


def signed_in(client, django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """A member of "Comunicaciones" only: edits and translates, never publishes."""
    return signed_in(client, django_user_model, "comunicaciones", "Comunicaciones")


@pytest.fixture
def approver_client(django_user_model):
    from django.test import Client

    return signed_in(Client(), django_user_model, "aprobador", "Aprobadores")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def spanish_page(home):
    """A new published Spanish page, in the main menu, with no English version yet."""
    from base.models import StandardPage

    page = StandardPage(title=TITLE, slug="cuenta-publica-2026", introduction=INTRO, show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_strings(client, translation, mapping):
    """Type translations in the translation editor (wagtail-localize's API, as its React editor does)."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        if segment.string.data in mapping:
            url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
            body = urlencode({"value": mapping[segment.string.data]})
            response = client.put(url, body, content_type="application/x-www-form-urlencoded")
            assert response.status_code in (200, 201), response.content


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_editors_may_start_translations(editor_client):
    codenames = Group.objects.get(name="Comunicaciones").permissions.values_list("codename", flat=True)
    assert "submit_translation" in codenames


def test_a_new_translation_stays_a_draft_until_translated_and_approved(
    client, editor_client, approver_client, spanish_page, english
):
    # The editor chooses "Traducir" in the admin.
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[spanish_page.pk])
    assert editor_client.get(submit_url).status_code == 200
    response = editor_client.post(submit_url, {"locales": [english.pk]})
    assert response.status_code == 302

    english_page = spanish_page.get_translation(english)
    assert not english_page.live
    # Visitors see nothing of it: no page, no menu entry, the switcher points at the notice.
    assert client.get("/en/cuenta-publica-2026/").status_code == 404
    assert TITLE not in client.get("/en/").content.decode()
    spanish_html = client.get(spanish_page.url).content.decode()
    assert f"/en/sin-traduccion/?pagina={spanish_page.pk}" in spanish_html
    assert "/en/cuenta-publica-2026/" not in spanish_html
    notice = client.get(f"/en/sin-traduccion/?pagina={spanish_page.pk}")
    assert notice.status_code == 200
    assert "/en/cuenta-publica-2026/" not in notice.content.decode()

    # The editor opens the translation editor: "Publicar" is offered to them.
    editor = editor_client.get(edit_url(english_page))
    assert editor.status_code == 200
    assert "&quot;canPublish&quot;: true" in editor.content.decode()

    # Half translated: "Publicar" keeps a draft, nothing goes to the approvers or to visitors.
    translation = Translation.objects.get(source__object_id=spanish_page.translation_key, target_locale=english)
    translate_strings(editor_client, translation, {TITLE: ENGLISH[TITLE]})
    assert missing_strings(translation) == 1
    editor_client.post(edit_url(english_page), {"action": "publish"})
    english_page.refresh_from_db()
    assert not english_page.live
    assert english_page.current_workflow_state is None

    # Fully translated: "Publicar" submits it to "Aprobación de contenidos".
    translate_strings(editor_client, translation, ENGLISH)
    response = editor_client.post(edit_url(english_page), {"action": "publish"})
    assert response.status_code == 302
    english_page.refresh_from_db()
    assert not english_page.live
    state = english_page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Aprobación de contenidos"
    assert client.get("/en/cuenta-publica-2026/").status_code == 404

    # The approver approves: now it is live, in English, and the switcher leads to it.
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[english_page.pk, "approve", task_state.pk])
    assert approver_client.post(approve, {"comment": ""}).status_code in (200, 302)
    english_page.refresh_from_db()
    assert english_page.live
    page_en = client.get("/en/participatory-public-accounts-2026/")
    if page_en.status_code == 404:  # the slug is the Spanish one unless the translator changed it
        page_en = client.get("/en/cuenta-publica-2026/")
    html = page_en.content.decode()
    assert page_en.status_code == 200
    assert ENGLISH[INTRO] in html and INTRO not in html
    assert english_page.url in client.get(spanish_page.url).content.decode()
    assert ENGLISH[TITLE] in client.get("/en/").content.decode()


def test_an_editor_cannot_publish_a_translation_directly(editor_client, spanish_page, english):
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[spanish_page.pk])
    editor_client.post(submit_url, {"locales": [english.pk]})
    english_page = spanish_page.get_translation(english)
    translation = Translation.objects.get(source__object_id=spanish_page.translation_key, target_locale=english)
    translate_strings(editor_client, translation, ENGLISH)

    # "Sincronizar traducciones" with "Publicar" from an editor: submitted, not published.
    source = TranslationSource.objects.get_for_instance(spanish_page)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert editor_client.post(sync, {"publish_translations": "on"}).status_code == 302
    english_page.refresh_from_db()
    assert not english_page.live
    assert english_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.fixture
def statement(home, english):
    """The demo's accessibility statement: Spanish and a live English translation."""
    spanish = home.get_children().get(slug=STATEMENT_SLUG).specific
    return spanish, spanish.get_translation(english)


@pytest.mark.parametrize("how", ["sync", "editor"])
def test_publishing_an_incomplete_translation_keeps_the_english_text_live(
    client, approver_client, statement, english, django_capture_on_commit_callbacks, how
):
    spanish, english_page = statement
    english_intro = english_page.introduction
    new_intro = "Nueva introducción que aún nadie ha traducido al inglés."
    spanish.introduction = new_intro
    spanish.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        if how == "sync":
            source = TranslationSource.objects.get_for_instance(spanish)
            url = reverse("wagtail_localize:update_translations", args=[source.pk])
            response = approver_client.post(url, {"publish_translations": "on"})
        else:
            source = TranslationSource.objects.get_for_instance(spanish)
            source.update_from_db()
            response = approver_client.post(edit_url(english_page), {"action": "publish"})
    assert response.status_code == 302

    # Visitors still read the English text; the Spanish sentence waits in a draft.
    html = client.get(english_page.url).content.decode()
    assert english_intro in html
    assert new_intro not in html
    english_page = Page.objects.get(pk=english_page.pk).specific
    assert english_page.live and english_page.introduction == english_intro
    assert english_page.has_unpublished_changes
    assert english_page.get_latest_revision_as_object().introduction == new_intro


def test_an_approver_publishes_a_complete_translation_at_once(
    client, approver_client, statement, django_capture_on_commit_callbacks
):
    spanish, english_page = statement
    spanish.save_revision().publish()  # nothing new to translate
    source = TranslationSource.objects.get_for_instance(spanish)
    with django_capture_on_commit_callbacks(execute=True):
        response = approver_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    english_page = Page.objects.get(pk=english_page.pk).specific
    assert english_page.live and not english_page.has_unpublished_changes
    assert english_page.current_workflow_state is None
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(f"«{english_page.title}»" in message and "publicó" in message for message in told), told


def test_editors_may_synchronise_but_not_overwrite_the_site_texts(editor_client, home, english):
    from base.models import SiteSettings

    texts = SiteSettings.for_site(home.get_site()).texts
    english_texts = texts.get_translation(english)
    texts.office_hours = "Lunes a jueves, de 9:00 a 13:00 horas"
    texts.save()
    source = TranslationSource.objects.get_for_instance(texts)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    # Bringing the Spanish text in for translation is theirs to do...
    response = editor_client.post(url, {})
    assert response.status_code == 302 and response["Location"] != "/admin/"
    # ...applying it to the site texts (approvers only) is not: Wagtail turns them back to the dashboard.
    response = editor_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert SiteTexts.objects.get(pk=english_texts.pk).office_hours == english_texts.office_hours
