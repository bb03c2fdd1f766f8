"""The admin reads in Spanish for a Comunicaciones editor: no English interface text.

Crawls the admin pages an editor uses (dashboard, explorer, page edit and create for every
project page type, snippets, images, documents, reports, account), as a member of
Comunicaciones only, and looks for common English interface words in what a person reads:
visible text and the labels a screen reader reads (``aria-label``, ``title``, ``placeholder``).
Wagtail 8 added strings its Spanish catalogue lacks; the project catalogue
(``locale/es/LC_MESSAGES/django.po`` and ``djangojs.po``) fills them until upstream has them.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, get_page_models
from wagtail.snippets.models import get_snippet_models

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
]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH) + r")(?![\w-])")
# Names that are the same in both languages (brands, formats), removed before the search.
ALLOWED = ["Wagtail", "Gobierno Abierto", "Markdown", "Google", "YouTube", "LinkedIn", "Instagram", "Facebook"]


def readable_texts(html):
    """What a person reads or hears on an admin page: visible text and accessible labels."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript", "svg"]):
        hidden.decompose()
    texts = [text.strip() for text in soup.find("body").find_all(string=True)]
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


def editor_admin_urls(user):
    """The admin pages a Comunicaciones editor uses, built from the demo content.

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
    image = get_image_model().objects.first()
    if image is not None:
        urls.append(reverse("wagtailimages:edit", args=[image.id]))
    document = get_document_model().objects.first()
    if document is not None:
        urls.append(reverse("wagtaildocs:edit", args=[document.id]))
    return urls


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
def comunicaciones_client(client, comunicaciones_editor):
    client.force_login(comunicaciones_editor)
    return client


def test_the_admin_pages_an_editor_uses_have_no_english_interface_text(comunicaciones_client, comunicaciones_editor):
    content = content_strings()
    problems = {}
    urls = editor_admin_urls(comunicaciones_editor)
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


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/password_reset/"])
def test_the_sign_in_pages_read_in_spanish(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert english_phrases(readable_texts(response.content.decode()), content=set()) == set()
    if url == "/admin/login/":
        assert "Contraseña" in response.content.decode()
