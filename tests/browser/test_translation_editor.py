"""wagtail-localize's translation editor reads in Spanish for a Comunicaciones editor, in a real browser.

The editor is a React script: its texts come from the JavaScript catalogue, two of them are
written in English in the script itself (the heading and the "more actions" label, put in Spanish
by ``base/static/base/js/translation-editor.js``) and its dates come from the server
(``base/translation_editor.py``). The page is read once the script has drawn it, with the same
rule as the admin crawl (``base/tests/test_admin_spanish.py``): no English interface word in
what a person reads or hears. Texts written by editors (titles, the strings being translated and
their translations) are not interface text and are left out. The browser enforces the CSP.
"""

import json
import re
import secrets

import pytest

from base.tests.test_admin_spanish import english_phrases, readable_texts

from .conftest import live_site_manage

pytestmark = pytest.mark.browser

# Printed as JSON by a shell on the live site's database: an English page and snippet that are
# synchronised translations, and every text editors wrote (the editor shows them as they are,
# or a fragment of one when a rich-text string has inline markup).
EDITOR_FIXTURE = """
import html, json
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import String, StringTranslation, Translation
from base.tests.test_admin_spanish import content_strings
from programa_gobierno.models import CompromisoPage, Tema

english = Locale.objects.get(language_code="en")
page = CompromisoPage.objects.filter(locale=english, alias_of__isnull=True).first()
topic = Tema.objects.filter(locale=english).first()
content = content_strings() | set(String.objects.values_list("data", flat=True))
content |= set(StringTranslation.objects.values_list("data", flat=True))
print(json.dumps({
    "page": reverse("wagtailadmin_pages:edit", args=[page.id]),
    "snippet": reverse(Tema.snippet_viewset.get_url_name("edit"), args=[topic.pk]),
    "content": sorted({html.unescape(text) for text in content}),
}))
"""


@pytest.fixture(scope="module")
def editor_site(live_site):
    """The live site with a Comunicaciones-only editor: base URL, credentials and what to read."""
    password = secrets.token_urlsafe(16)
    live_site_manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; from django.contrib.auth.models import Group; "
        "u = get_user_model().objects.create_user('traductora', 'traductora@example.org', "
        f"'{password}'); u.groups.set(Group.objects.filter(name='Comunicaciones'))",
    )
    fixture = json.loads(live_site_manage("shell", "-c", EDITOR_FIXTURE).strip().splitlines()[-1])
    return {"base_url": live_site, "username": "traductora", "password": password, **fixture}


@pytest.fixture
def editor_page(browser, editor_site):
    """A signed-in page at 1280 px whose context enforces the CSP; collects script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(editor_site["base_url"] + "/admin/login/")
    page.fill("input[name=username]", editor_site["username"])
    page.fill("input[name=password]", editor_site["password"])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    yield page
    context.close()


@pytest.mark.parametrize("kind", ["page", "snippet"])
def test_the_translation_editor_has_no_english_interface_text(editor_page, editor_site, kind):
    editor_page.goto(editor_site["base_url"] + editor_site[kind])
    # The script has drawn the editor once its segments' heading is there.
    heading = editor_page.locator(".js-translation-editor section h3").first
    heading.wait_for()
    assert heading.inner_text() == "Traducción de Español a Inglés"
    assert editor_page.locator(".js-translation-editor .w-sr-only", has_text="Más acciones").count() >= 1
    comments = editor_page.get_by_text(re.compile(r"^Traducido manualmente el \d{1,2} de [a-z]+ de \d{4}$"))
    assert comments.count() >= 1

    content = editor_site["content"]
    texts = [
        text
        for text in readable_texts(editor_page.content())
        if not any(text in written for written in content)  # a text editors wrote, or part of one
    ]
    assert english_phrases(texts, content=set()) == set()
    assert editor_page.errors == []
