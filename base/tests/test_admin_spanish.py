"""The admin reads in Spanish for a Comunicaciones editor: no English interface text.

Crawls the admin pages an editor uses (dashboard, explorer, page edit and create for every
project page type, snippets, images, documents, reports, account, wagtail-localize's "Traducir",
"Sincronizar traducciones", convert-to-alias and "Traducciones" screens), as a member of
Comunicaciones only, and looks for common English interface words in what a person reads:
visible text and the labels a screen reader reads (``aria-label``, ``title``, ``placeholder``).
Wagtail 8 and wagtail-localize 1.14.5 have strings their Spanish catalogues lack; the project
catalogue (``locale/es/LC_MESSAGES/django.po`` and ``djangojs.po``) fills them until upstream has
them. The translation editor itself is drawn by a script: ``tests/browser/test_translation_editor.py``
reads it in a browser.
"""

import json
import re
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

pytestmark = pytest.mark.django_db

PROJECT_APPS = settings.PROJECT_APPS

# English words and phrases of Wagtail's interface that have no Spanish look-alike.
ENGLISH = [
    "Search",
    "Pages",
    "Page",
    "Autosave",
    "Publish",
    "Publish in",
    "Save draft",
    "Edit",
    "Delete",
    "Settings",
    "Dashboard",
    "Cancel",
    "Submit",
    "Preview",
    "History",
    "Status",
    "Draft",
    "Sort",
    "Filter",
    "Filters",
    "Loading",
    "Choose",
    "Upload",
    "Password",
    "Sign out",
    "Log out",
    "Reports",
    "Workflow",
    "Updated",
    "Owner",
    "Actions",
    "Select",
    "Show",
    "Hide",
    "More",
    "Close",
    "Apply",
    "Clear",
    "Previous",
    "Next",
    "Comments",
    "Comment",
    "Unpublish",
    "Revisions",
    "Translate",
    "Sync",
    "Language",
    "Privacy",
    "Private",
    "Collection",
    "Tags",
    "Images",
    "Image",
    "Documents",
    "Document",
    "File",
    "Snippets",
    "Notifications",
    "Account",
    "Profile",
    "Add",
    "Copy",
    "Move",
    "View",
    "Items",
    "Results",
    "Drag",
    "Expand",
    "Collapse",
    "Required",
    "Toggle",
    "Paused",
    "of",
    "the",
    "and",
    "your",
    "you",
    "with",
    "this",
    "is",
    "are",
    "has",
    "been",
    "not",
    "should",
    "must",
    "only",
    "field",
    "slug",
    "to",
    "translation",
    "Translation",
    "translations",
    "locale",
    "Locale",
    "Lock",
    "Unlock",
    # Month names: Spanish ones are written in lower case and none is spelt like an English one.
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH) + r")(?![\w-])")
# Names that are the same in both languages (brands, formats), removed before the search.
ALLOWED = ["Wagtail", "Gobierno Abierto", "Markdown", "Google", "YouTube", "LinkedIn", "Instagram", "Facebook"]


def readable_texts(html):
    """What a person reads or hears on an admin page: visible text and accessible labels."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript", "svg"]):
        hidden.decompose()
    root = soup.find("body") or soup  # listings' results are fragments, without a <body>
    texts = [text.strip() for text in root.find_all(string=True)]
    for attribute in ("aria-label", "title", "placeholder", "alt"):
        texts += [element[attribute] for element in soup.find_all(attrs={attribute: True})]
    return [text for text in texts if text]


def english_phrases(texts, content):
    """Texts with an English interface word; ``content`` (titles and other editor-written text) is ignored."""
    found = set()
    for text in texts:
        cleaned = text
        for allowed in [*ALLOWED, *sorted(content, key=len, reverse=True)]:
            cleaned = cleaned.replace(allowed, " ")
        if ENGLISH_RE.search(cleaned):
            found.add(text)
    return found


def editor_admin_urls(user, image):
    """The admin pages a Comunicaciones editor uses, built from the demo content and ``image`` (the library's).

    Only what ``user`` may open: pages that allow another child of their type under the
    parent (index pages are one per site) and snippets the role edits.
    """
    spanish = Locale.get_default()
    home = Page.objects.get(depth=2, locale=spanish)
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[home.id]),
        reverse("wagtailadmin_pages:search") + "?q=programa",
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
    ]
    for model in get_page_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        page = model.objects.filter(locale=spanish).first()
        if page is None:
            continue
        parent = page.get_parent().specific
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.id]))
        if model.can_create_at(parent) and parent.permissions_for_user(user).can_add_subpage():
            urls.append(
                reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.id])
            )
    for model in get_snippet_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            continue
        urls.append(reverse(model.snippet_viewset.get_url_name("list")))
        instance = model.objects.first()
        if instance is not None:
            urls.append(reverse(model.snippet_viewset.get_url_name("edit"), args=[instance.pk]))
    urls.append(reverse("wagtailimages:edit", args=[image.id]))
    document = get_document_model().objects.first()
    if document is not None:
        urls.append(reverse("wagtaildocs:edit", args=[document.id]))
    return urls + localize_admin_urls()


def localize_admin_urls():
    """wagtail-localize's screens other than the translation editor, for a demo page and a snippet."""
    english = Locale.objects.get(language_code="en")
    page_translation = Translation.objects.filter(
        target_locale=english, source__specific_content_type__model="compromisopage"
    ).first()
    snippet_translation = Translation.objects.filter(
        target_locale=english, source__specific_content_type__model="tema"
    ).first()
    page = page_translation.source.get_source_instance()
    snippet = snippet_translation.source.get_source_instance()
    english_page = page.get_translation(english)
    return [
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        reverse("wagtail_localize:submit_snippet_translation", args=["programa_gobierno", "tema", snippet.pk]),
        reverse("wagtail_localize:update_translations", args=[page_translation.source_id]),
        reverse("wagtail_localize:update_translations", args=[snippet_translation.source_id]),
        reverse("wagtail_localize:convert_to_alias", args=[english_page.id]),
        reverse("wagtailadmin_pages:history", args=[english_page.id]),
        reverse("wagtail_localize:translations_report"),
        reverse("wagtail_localize:translations_report_results") + "?source_locale=es-cl&target_locale=en",
    ]


def content_strings():
    """Text written by editors (page, snippet, image and document titles...): not interface text."""
    strings = set(Page.objects.values_list("title", flat=True))
    strings |= set(get_image_model().objects.values_list("title", flat=True))
    strings |= set(get_document_model().objects.values_list("title", flat=True))
    for model in get_snippet_models():
        if model._meta.app_label in PROJECT_APPS:
            strings |= {str(instance) for instance in model.objects.all()}
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.fields:
                if field.get_internal_type() in ("CharField", "TextField") and field.name not in ("slug",):
                    strings |= {value for value in model.objects.values_list(field.name, flat=True) if value}
    return {string for string in strings if string}


@pytest.fixture
def comunicaciones_editor(django_user_model):
    editor = django_user_model.objects.create_user("solo-comunicaciones", "c@example.org", "una-clave-muy-segura-5")
    editor.groups.set(Group.objects.filter(name="Comunicaciones"))
    return editor


@pytest.fixture
def photo():
    """An image in the library to open in the admin (the demo ships none), where uploads go: the root collection."""
    from wagtail_factories import ImageFactory

    return ImageFactory(title="Sesión del consejo regional", collection=Collection.get_first_root_node())


@pytest.fixture
def comunicaciones_client(client, comunicaciones_editor):
    client.force_login(comunicaciones_editor)
    return client


def test_the_admin_pages_an_editor_uses_have_no_english_interface_text(
    comunicaciones_client, comunicaciones_editor, photo
):
    content = content_strings()
    problems = {}
    urls = editor_admin_urls(comunicaciones_editor, photo)
    assert len(urls) > 25  # every page type, snippet, image and document view is in the crawl
    for url in urls:
        response = comunicaciones_client.get(url)
        assert response.status_code == 200, url
        found = english_phrases(readable_texts(response.content.decode()), content)
        if found:
            problems[url] = sorted(found)
    assert problems == {}


def test_the_admin_javascript_catalogue_translates_what_wagtail_8_and_wagtail_localize_left_out(
    comunicaciones_client,
):
    """The admin's scripts read their strings from this catalogue (Django's JavaScriptCatalog)."""
    catalogue = comunicaciones_client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    entries = json.loads(re.search(r"const newcatalog = (\{.*?\});", catalogue, re.DOTALL).group(1))
    for english in ("Changes have been autosaved.", "Autosave in progress…"):
        assert "guard" in entries.get(english, "").lower(), english  # Spanish ("guardar"), not left out
    # wagtail-localize's Spanish lacks the space before the language ("Publicar enEnglish").
    assert entries["Publish in "] == "Publicar en "


def test_the_translations_report_filters_by_language_under_spanish_labels(comunicaciones_client):
    """wagtail-localize leaves these two filters unlabelled; django-filter then wrote "Source locale"."""
    response = comunicaciones_client.get(reverse("wagtail_localize:translations_report") + "?target_locale=en")
    assert response.status_code == 200
    labels = [label.get_text(strip=True) for label in BeautifulSoup(response.content, "html.parser")("label")]
    assert "Región de origen" in labels
    assert "Región de destino" in labels
    listed = list(response.context["object_list"])
    assert listed
    assert {row.target_locale.language_code for row in listed} == {"en"}


def editor_comments(client, url):
    """The comments ("Traducido manualmente el ...") the translation editor's script receives."""
    response = client.get(url)
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    return {item["comment"] for item in json.loads(editor["data-props"])["initialStringTranslations"]}


def test_the_translation_editor_dates_each_translation_in_the_admin_language_and_local_time(
    comunicaciones_client, comunicaciones_editor
):
    """wagtail-localize wrote these dates with strftime: English month names, and UTC's day."""
    english = Locale.objects.get(language_code="en")
    page = Page.objects.filter(locale=english, depth__gt=2, alias_of__isnull=True).first().specific
    # 02:30 UTC on 24 November is still the 23rd in Santiago (UTC-3 in summer).
    StringTranslation.objects.filter(locale=english).update(
        updated_at=datetime(2026, 11, 24, 2, 30, tzinfo=UTC), translation_type="manual", tool_name=""
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.id])
    assert editor_comments(comunicaciones_client, url) == {"Traducido manualmente el 23 de noviembre de 2026"}
    profile = UserProfile.get_for_user(comunicaciones_editor)
    profile.preferred_language = "en"
    profile.save()
    assert editor_comments(comunicaciones_client, url) == {"Translated manually on Nov. 23, 2026"}
    with translation.override("es"):
        machine = StringTranslation.objects.filter(locale=english).first()
        machine.tool_name = "DeepL"
        assert machine.get_comment() == "Traducido con DeepL el 23 de noviembre de 2026"


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/password_reset/"])
def test_the_sign_in_pages_read_in_spanish(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert english_phrases(readable_texts(response.content.decode()), content=set()) == set()
    if url == "/admin/login/":
        assert "Contraseña" in response.content.decode()
