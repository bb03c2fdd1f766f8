"""The full-page cache: hits make no queries, and publishing anything shows at once.

Runs against real caches: Django's local-memory cache in every run, and the Redis server
at ``REDIS_TEST_URL`` (CI sets it; 127.0.0.1:6379/15 otherwise) in the ``redis`` tests.
"""

import os

import pytest
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from contacto.models import ContactoPage
from fichas.models import FichaCiudadanaPage
from home.models import Iniciativa
from pagecache import core

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def sheet(home):
    """A live Spanish budget sheet of the demo."""
    return FichaCiudadanaPage.objects.live().filter(locale=home.locale).first()


def test_second_request_is_served_from_the_cache_without_queries(client, page_cache, django_assert_num_queries):
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The security headers are stored with the page: a hit carries the same ones.
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert second[header] == first[header]
    assert "nonce-" not in second["Content-Security-Policy"]


def test_a_hit_skips_every_other_middleware(client, page_cache):
    miss = client.get("/")
    assert hasattr(miss.wsgi_request, "csp_nonce") and hasattr(miss.wsgi_request, "LANGUAGE_CODE")
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    # The CSP middleware, right after Django's SecurityMiddleware (which leaves no mark), and
    # LocaleMiddleware, SessionMiddleware and AuthenticationMiddleware never ran on the hit.
    assert not hasattr(response.wsgi_request, "csp_nonce")
    assert not hasattr(response.wsgi_request, "LANGUAGE_CODE")
    assert not hasattr(response.wsgi_request, "session")
    assert not hasattr(response.wsgi_request, "user")


def test_plain_http_is_redirected_to_https_not_served_from_the_cache(client, page_cache, settings):
    client.get("/", secure=True)
    assert client.get("/", secure=True)["X-Page-Cache"] == "hit"
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get("/")  # a new client: SecurityMiddleware reads the setting when it is built
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/", secure=True)["X-Page-Cache"] == "hit"


def test_pages_served_from_the_cache_carry_the_cross_origin_resource_policy(client, page_cache):
    client.get("/")
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Cross-Origin-Resource-Policy"] == "same-origin"


def test_an_https_hit_carries_hsts_even_when_plain_http_was_cached_first(client, page_cache, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    # Loopback without a TLS proxy (make serve): plain HTTP is served, not redirected.
    plain = Client().get("/")
    assert plain["X-Page-Cache"] == "miss"
    assert "Strict-Transport-Security" not in plain
    for _ in range(2):  # the miss that stores the HTTPS page, then its hit
        secure = Client().get("/", secure=True)
        assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
    assert secure["X-Page-Cache"] == "hit"


def test_query_strings_and_languages_are_separate_entries(client, page_cache, home_en):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/?a=1")["X-Page-Cache"] == "miss"
    english = client.get("/en/")
    assert english["X-Page-Cache"] == "hit"
    assert english["Content-Language"] == "en"


def test_publishing_shows_the_new_content_at_once(client, page_cache, sheet):
    url = sheet.url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    sheet.title = "Ficha con título nuevo"
    sheet.save_revision().publish()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Ficha con título nuevo" in response.content.decode()
    # Other pages (the index lists the sheet) are purged too.
    assert "Ficha con título nuevo" in client.get(sheet.get_parent().url).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/programa-de-gobierno/avances.atom",
        "/participacion/sesiones.atom",
        "/fichas-ciudadanas/fichas.atom",
        "/en/fichas-ciudadanas/fichas.atom",
    ],
)
def test_atom_feeds_are_cached_like_pages(client, page_cache, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_publishing_a_sheet_shows_in_the_feed_at_once(client, page_cache, sheet):
    url = f"{sheet.get_parent().url}fichas.atom"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    sheet.title = "Ficha con título nuevo"
    sheet.save_revision().publish()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "<title>Ficha con título nuevo</title>" in response.content.decode()


def test_a_draft_is_not_shown_until_published(client, page_cache, sheet):
    url = sheet.url
    client.get(url)
    sheet.title = "Borrador sin publicar"
    sheet.save_revision()
    assert "Borrador sin publicar" not in client.get(url).content.decode()


def test_unpublishing_answers_404_at_once(client, page_cache, sheet):
    url = sheet.url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    sheet.unpublish()
    assert client.get(url).status_code == 404


def test_moving_and_deleting_purge(client, page_cache, sheet, home):
    url = sheet.url
    client.get(url)
    sheet.move(home, pos="last-child")
    # The old address is no longer the page: Wagtail answers with its automatic redirect.
    old = client.get(url)
    assert old.status_code == 301
    assert "X-Page-Cache" not in old
    moved_url = Page.objects.get(pk=sheet.pk).url
    assert client.get(moved_url).status_code == 200
    client.get(moved_url)
    Page.objects.get(pk=sheet.pk).delete()
    assert client.get(moved_url).status_code == 404


def test_a_snippet_change_shows_at_once(client, page_cache, home):
    before = client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"
    initiative = Iniciativa.objects.filter(locale=home.locale).first()
    initiative.name = "Iniciativa renombrada en el fragmento"
    initiative.save()
    after = client.get("/").content.decode()
    assert "Iniciativa renombrada en el fragmento" in after
    assert after != before


def test_a_setting_change_purges(client, page_cache, home):
    from base.models import SiteSettings

    client.get("/")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.save()
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_signed_in_users_bypass_the_cache(admin_client, client, page_cache):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get("/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert len(queries) > 0  # rendered for the editor, not answered from the cache


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_session_and_messages_cookies_bypass(client, page_cache, cookie):
    client.get("/")
    client.cookies[cookie] = "x"
    assert "X-Page-Cache" not in client.get("/")


def test_posts_and_pages_with_forms_are_never_cached(client, page_cache, home):
    contacto = ContactoPage.objects.live().filter(locale=home.locale).first()
    assert contacto is not None
    for _ in range(2):
        response = client.get(contacto.url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.post(contacto.url, {})


def test_private_pages_are_never_cached(client, page_cache, sheet):
    PageViewRestriction.objects.create(page=sheet, restriction_type=PageViewRestriction.PASSWORD, password="clave")
    for _ in range(2):
        response = client.get(sheet.url)
        assert "X-Page-Cache" not in response
        assert sheet.programme_name not in response.content.decode()


def test_errors_and_admin_are_never_cached(client, page_cache):
    assert "X-Page-Cache" not in client.get("/no-existe/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_off_by_default_in_tests_and_development(client):
    for _ in range(2):  # the second request would be a hit with the cache on
        assert "X-Page-Cache" not in client.get("/")


def test_purge_command(client, page_cache):
    client.get("/")
    call_command("purge_page_cache", stdout=open(os.devnull, "w"))
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_a_lost_version_key_never_brings_back_old_pages(client, page_cache):
    client.get("/")
    page_cache.delete(core.VERSION_KEY)
    assert client.get("/")["X-Page-Cache"] == "miss"


def redis_caches(url):
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "base.cache.ResilientRedisCache", "LOCATION": url, "KEY_PREFIX": "pagecache-test"},
    }


@pytest.mark.redis
def test_with_a_real_redis(client, settings, sheet, django_assert_num_queries):
    with override_settings(CACHES=redis_caches(REDIS_TEST_URL), PAGE_CACHE_ENABLED=True, PAGE_CACHE_ALIAS="pages"):
        caches["pages"].clear()
        url = sheet.url
        assert client.get(url)["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            hit = client.get(url)
        assert hit["X-Page-Cache"] == "hit"
        sheet.title = "Ficha publicada con Redis"
        sheet.save_revision().publish()
        assert "Ficha publicada con Redis" in client.get(url).content.decode()
        sheet.unpublish()
        assert client.get(url).status_code == 404
        caches["pages"].clear()


@pytest.mark.redis
def test_redis_down_is_a_cache_miss_not_an_error(client, sheet):
    with override_settings(
        CACHES=redis_caches("redis://127.0.0.1:1/0"), PAGE_CACHE_ENABLED=True, PAGE_CACHE_ALIAS="pages"
    ):
        for _ in range(2):
            response = client.get(sheet.url)
            assert response.status_code == 200
            assert sheet.title in response.content.decode()
        sheet.save_revision().publish()  # purging while Redis is down does not fail


class OutageCache(LocMemCache):
    """A local-memory cache that, while ``down``, behaves like ``ResilientRedisCache`` during an
    outage: reads miss and writes are lost, but what was stored before is there again afterwards
    (Redis unreachable, not flushed)."""

    down = False

    def get(self, key, default=None, version=None):
        return default if self.down else super().get(key, default, version)

    def get_many(self, keys, version=None):
        return {} if self.down else super().get_many(keys, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not self.down:
            super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return False if self.down else super().add(key, value, timeout, version)


@pytest.fixture
def outage_cache():
    caches_setting = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": f"{__name__}.OutageCache", "LOCATION": "outage"},
    }
    with override_settings(CACHES=caches_setting, PAGE_CACHE_ENABLED=True, PAGE_CACHE_ALIAS="pages"):
        caches["pages"].clear()
        yield caches["pages"]
        OutageCache.down = False
        core.purge()
        caches["pages"].clear()


def test_a_purge_while_the_cache_is_down_is_not_lost_when_it_comes_back(client, sheet, outage_cache):
    url = sheet.url
    old_title = sheet.title
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"

    OutageCache.down = True
    sheet.title = "Ficha publicada durante la caída"
    sheet.save_revision().publish()  # the purge cannot be written
    during = client.get(url)
    assert "Ficha publicada durante la caída" in during.content.decode()

    OutageCache.down = False  # the old version and the old page are still in the cache
    after = client.get(url)
    assert "Ficha publicada durante la caída" in after.content.decode()
    assert old_title not in after.content.decode()
    assert after["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"  # caching again once the purge is written


def test_the_purge_command_fails_when_the_cache_is_down(outage_cache):
    OutageCache.down = True
    with pytest.raises(CommandError, match="la caché no responde"):
        call_command("purge_page_cache", stdout=open(os.devnull, "w"))


class RecordingBackend:
    """A front-end cache backend that records what it was asked to purge."""

    purged = []

    def __init__(self, params):
        pass

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)

    def invalidates_hostname(self, hostname):
        return True


def test_frontend_cache_purges_published_pages_when_configured(sheet, settings):
    RecordingBackend.purged = []
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    sheet.save_revision().publish()
    assert any(url.endswith(sheet.url) for url in RecordingBackend.purged), RecordingBackend.purged


def test_frontend_cache_is_empty_by_default():
    """No shared cache is told anything on publish unless the deployment names one."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    assert get_backends() == {} or os.environ.get("WAGTAILFRONTENDCACHE")
