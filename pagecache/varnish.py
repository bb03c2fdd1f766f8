"""Varnish in front of the nodes: the tags a shared page carries, and the BAN that drops the stale ones.

The page cache (``pagecache.core``) decides whether a response is the same for every
anonymous visitor. When a shared cache sits in front (``PAGE_CACHE_SHARED_MAX_AGE`` > 0)
such a response also gets ``Cache-Control: s-maxage`` and ``X-Cache-Tags``; the VCL
(``config/varnish/default.vcl``) keeps only responses carrying that header, so Varnish and
the page cache apply one rule and the VCL duplicates none of it.

Tags use translation keys, shared by a page and its English twin, so one BAN reaches both
languages. A page served by Wagtail is tagged ``p:<its key>`` and ``a:<key>`` for every
ancestor down from the home page; anything else (search, sitemap, robots) is ``other``::

    X-Cache-Tags: ,p:7f3c…,a:11aa…,a:42be…,

When a page changes, the BAN drops the page and everything below it (``p:`` and ``a:`` of
its key: breadcrumbs and listings below show it), the pages above it but not their other
descendants (``p:`` of each ancestor: the listing it appears in, the home page's tallies),
pages that link to it (Wagtail's reference index) and the ``other`` responses. Its siblings
and the rest of the site stay cached. Changes that every page shows ban everything: a page
first published, unpublished, moved or deleted, a change of title, slug or menu flag (the
menu, breadcrumbs and links of other pages), and any snippet, setting, image, document,
site or locale (the footer, the header, settings read by templates).
"""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

TAGS_HEADER = "X-Cache-Tags"
BAN_HEADER = "X-Ban-Tags"
OTHER = "other"
#: A BAN pattern that matches every stored response (all of them carry tags).
EVERYTHING = "."
#: Page fields a change of which shows on other pages: the menu, breadcrumbs, links.
STRUCTURAL_FIELDS = ("live", "title", "slug", "show_in_menus", "url_path")


def shared_max_age():
    """Seconds a shared cache may keep an anonymous page (``PAGE_CACHE_SHARED_MAX_AGE``); 0: none in front."""
    return int(getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 0))


def page_keys(page):
    """``(own translation key, [keys of the ancestors from the home page down])``."""
    from wagtail.models import Page

    steplen = Page.steplen
    paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    ancestors = dict(Page.objects.filter(path__in=paths).values_list("path", "translation_key"))
    return str(page.translation_key), [str(ancestors[path]) for path in paths if path in ancestors]


def response_tags(request):
    """The ``X-Cache-Tags`` value of a shared response to ``request``."""
    page = getattr(request, "_pagecache_page", None)
    if page is None:
        return f",{OTHER},"
    own, ancestors = page_keys(page)
    return ",".join(["", f"p:{own}", *(f"a:{key}" for key in ancestors), ""])


def page_ban_pattern(page):
    """The BAN pattern for a change to ``page`` that shows only where the page itself appears."""
    from wagtail.models import Page, ReferenceIndex

    own, ancestors = page_keys(page)
    tags = {f"p:{own}", f"a:{own}", OTHER, *(f"p:{key}" for key in ancestors)}
    # Pages that link to or embed this one (rich text, page choosers), as Wagtail's reference index records them.
    referring = ReferenceIndex.get_references_to(page).filter(base_content_type__in=page_content_types())
    ids = {int(object_id) for object_id in referring.values_list("object_id", flat=True)}
    tags.update(f"p:{key}" for key in Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True))
    return ",(" + "|".join(sorted(tags)) + "),"


def page_content_types():
    """Content types whose rows are pages (the reference index records the base type of a page: Page)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return [ContentType.objects.get_for_model(Page)]


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (``PURGE`` of one URL) plus ``BAN`` of every response whose tags match.

    ``WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "pagecache.varnish.VarnishBackend",
    "LOCATION": "http://127.0.0.1:6081"}}``; one entry per Varnish server.
    """

    TIMEOUT = 2

    def ban(self, pattern):
        """Ask Varnish to drop every stored response whose ``X-Cache-Tags`` match ``pattern``; True if it did."""
        request = BanRequest(
            url=f"{self.cache_scheme}://{self.cache_netloc}/",
            headers={BAN_HEADER: pattern, "User-Agent": "gobierno-abierto-ban"},
        )
        try:
            with urlopen(request, timeout=self.TIMEOUT) as response:  # noqa: S310 - LOCATION is configured
                return response.status == 200
        except (URLError, OSError) as error:
            # Not fatal: the page stays stale for at most PAGE_CACHE_SHARED_MAX_AGE seconds.
            logger.error("BAN %s to %s failed: %s", pattern, self.cache_netloc, type(error).__name__)
            return False


def ban(pattern):
    """Send the BAN to every configured backend that can ban (each Varnish server); the count that took it."""
    backends = [backend for backend in get_backends().values() if hasattr(backend, "ban")]
    return sum(1 for backend in backends if backend.ban(pattern))


def banning_enabled():
    """True when a frontend cache that can ban is configured."""
    return any(hasattr(backend, "ban") for backend in get_backends().values())
