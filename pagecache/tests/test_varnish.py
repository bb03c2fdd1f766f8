"""What a change bans in Varnish, and the tags shared pages carry (``pagecache/varnish.py``).

The BANs are sent over HTTP to a small server on loopback that records them, standing where
Varnish listens; ``tests/cluster/`` runs the same code against the real Varnish.
"""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Locale, Page

from contacto.models import ContactoPage
from fichas.models import FichaCiudadanaPage
from pagecache import varnish

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    received = []

    def do_BAN(self):  # noqa: N802 - the HTTP method's name
        self.received.append(("BAN", self.headers.get(varnish.BAN_HEADER)))
        self.send_response(200)
        self.end_headers()

    def do_PURGE(self):  # noqa: N802
        self.received.append(("PURGE", self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def bans(settings, page_cache):
    """The BAN patterns sent to the frontend cache during the test (a list that fills up)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Recorder.received = []
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pagecache.varnish.VarnishBackend", "LOCATION": f"http://127.0.0.1:{server.server_port}"}
    }
    settings.PAGE_CACHE_SHARED_MAX_AGE = 300

    class Bans(list):
        def refresh(self):
            self[:] = [value for method, value in Recorder.received if method == "BAN"]
            return self

    yield Bans()
    server.shutdown()
    server.server_close()


@pytest.fixture
def sheet(home):
    """A live Spanish budget sheet with a live sibling."""
    sheets = FichaCiudadanaPage.objects.live().filter(locale=home.locale)
    return next(page for page in sheets if page.get_siblings().live().count() > 1)


def tags_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response["X-Cache-Tags"]


def test_a_shared_page_carries_its_own_and_its_ancestors_keys(client, bans, sheet):
    response = client.get(sheet.url)
    tags = response["X-Cache-Tags"]
    assert f",p:{sheet.translation_key}," in tags
    for ancestor in sheet.get_ancestors().filter(depth__gte=2):
        assert f",a:{ancestor.translation_key}," in tags
    assert "s-maxage=300" in response["Cache-Control"]
    # A hit from the page cache carries the same tags and lifetime.
    hit = client.get(sheet.url)
    assert hit["X-Page-Cache"] == "hit"
    assert hit["X-Cache-Tags"] == tags
    assert hit["Cache-Control"] == response["Cache-Control"]


def test_a_page_with_a_form_or_a_nonce_is_not_tagged(client, bans, home):
    contact = ContactoPage.objects.live().filter(locale=home.locale).first()
    response = client.get(contact.url)
    assert response.status_code == 200
    assert "X-Cache-Tags" not in response
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_without_a_shared_cache_nothing_is_tagged(client, page_cache, home):
    assert "X-Cache-Tags" not in client.get("/")


def test_publishing_bans_the_page_its_twin_and_where_it_is_listed_but_not_its_siblings(
    client, bans, sheet, home, django_capture_on_commit_callbacks
):
    sibling = sheet.get_siblings(inclusive=False).live().first()
    other_section = Page.objects.live().filter(locale=home.locale, depth=3).exclude(path=sheet.path[:12]).first()
    tags = {name: tags_of(client, page) for name, page in {"sibling": sibling, "other": other_section}.items()}
    tags["page"] = tags_of(client, sheet)
    tags["home"] = tags_of(client, home)
    tags["parent"] = tags_of(client, sheet.get_parent())
    twin = sheet.get_translations().live().first()
    if twin:
        tags["twin"] = tags_of(client, twin)

    with django_capture_on_commit_callbacks(execute=True):
        sheet.search_description = "Nueva descripción"
        sheet.save_revision().publish()

    patterns = bans.refresh()
    assert patterns and varnish.EVERYTHING not in patterns

    def banned(name):
        return any(re.search(pattern, tags[name]) for pattern in patterns)

    for name in ("page", "home", "parent", *(["twin"] if twin else [])):
        assert banned(name), name
    assert not banned("sibling")
    assert not banned("other")


def test_a_new_title_bans_everything(bans, sheet, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sheet.title = "Otro título"
        sheet.save_revision().publish()
    assert varnish.EVERYTHING in bans.refresh()


def test_a_draft_bans_nothing(bans, sheet, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sheet.title = "Borrador"
        sheet.save_revision()
    assert bans.refresh() == []


def test_unpublishing_and_settings_ban_everything(bans, sheet, home, django_capture_on_commit_callbacks):
    from wagtail.models import Site

    with django_capture_on_commit_callbacks(execute=True):
        sheet.unpublish()
    assert varnish.EVERYTHING in bans.refresh()
    Recorder.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Locale.objects.get(language_code="en").save()
    assert bans.refresh() == [varnish.EVERYTHING]
    Recorder.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.first().save()
    assert bans.refresh() == [varnish.EVERYTHING]


def test_a_ban_varnish_refuses_or_misses_is_logged_not_raised(settings, caplog):
    from tests.browser.conftest import free_port

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pagecache.varnish.VarnishBackend", "LOCATION": f"http://127.0.0.1:{free_port()}"}
    }
    assert varnish.ban(varnish.EVERYTHING) == 0
    assert "BAN . to" in caplog.text and "failed: URLError" in caplog.text  # the address is masked in logs
