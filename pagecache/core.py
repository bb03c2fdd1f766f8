"""The full-page cache's rules, in small functions the middleware and the signals share.

Every cached page is stored with the site-wide *content version* it was rendered under.
Publishing, unpublishing, moving or deleting a page, or saving a snippet, a setting, an
image or a document, replaces the version with a new random token (``purge``): from then
on every stored page is a miss and is rendered again. One cache round trip per request
reads the version and the page together (``get_many``). The version is a random token, not
a counter, so an evicted or flushed version key can never bring back an old generation.
A purge that the cache did not take (Redis down) is retried on the next requests, which
meanwhile bypass the cache, so old pages are not served once Redis is back (``purge``).

What is never cached: requests other than GET, requests carrying a session or messages
cookie (signed-in editors, someone who just sent a form), the admin and other excluded
paths, and responses that are not a plain 200, set a cookie (CSRF forms do), vary on
``*``, say ``private``/``no-cache``/``no-store`` (Wagtail's private-page responses),
stream, or used the request's CSP nonce.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

VERSION_KEY = "pagecache:version"
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz", "/i18n/", "/static/", "/media/")
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}


def enabled():
    """True when ``PAGE_CACHE_ENABLED`` is on (production default; off in development and tests)."""
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", False))


def get_cache():
    """The cache that holds pages: ``PAGE_CACHE_ALIAS`` (the Redis ``default`` in production)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def timeout():
    """How long a page may live in the cache at most, in seconds (``PAGE_CACHE_SECONDS``)."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 300))


def bypass_cookies():
    """Cookies whose presence means the visitor may see something personal: the session and messages."""
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}


def request_is_cacheable(request):
    """True when ``request`` may be answered from (and stored in) the page cache."""
    if request.method != "GET":
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False  # SecurityMiddleware redirects it to HTTPS
    if any(name in request.COOKIES for name in bypass_cookies()):
        return False
    excluded = tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES))
    return not request.path_info.startswith(excluded)


def response_is_cacheable(request, response):
    """True when ``response`` to an anonymous GET is the same for every anonymous visitor."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    # ``Vary: Cookie`` is on nearly every page (the user bar reads ``request.user``); it is
    # harmless here because only requests without session or messages cookies are served.
    if "*" in {header.strip() for header in cc_delim_re.split(response.get("Vary", ""))}:
        return False
    # django-csp's lazy nonce is truthy once evaluated: a page with a nonce is personal.
    if bool(getattr(request, "csp_nonce", None)):
        return False
    return True


def page_key(request):
    """The cache key of a request: scheme, host and full path (language is in the path), hashed.

    The scheme is part of it because the stored headers depend on it: HSTS is only sent over
    HTTPS, so a page stored from a plain-HTTP request must never answer an HTTPS one.
    """
    raw = f"{request.scheme}|{request.get_host()}|{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def current_version(cache=None):
    """The content version pages are stored under, creating it if the cache has none."""
    cache = cache or get_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def fragment_seconds():
    """How long rendered fragments and computed data live, in seconds (``FRAGMENT_CACHE_SECONDS``).

    0 (development and tests) computes everything on every request.
    """
    return int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0))


def fragment_version(request=None):
    """The content version fragments are keyed on, or "" when fragments are not cached.

    Read once per request: kept on ``request`` (the page cache's middleware leaves there the
    version it already read on a miss), so the fragments and memoized data share one read.
    """
    if not fragment_seconds():
        return ""
    version = getattr(request, "_pagecache_version", None)
    if version is None and purge_is_pending():
        return ""  # computed every time until the purge is written
    if version is None:
        version = current_version() or ""
        if request is not None:
            request._pagecache_version = version
    return version


def memoize(name, parts, compute, request=None):
    """``compute()``, kept in the cache under the current content version for ``fragment_seconds()``.

    For data every visitor sees alike (the home page's axes and tallies): computed once after
    each change, since any purge replaces the version the key is built on. Without a version
    (the cache is down) or with fragments off, it is computed every time.
    """
    seconds = fragment_seconds()
    version = fragment_version(request) if seconds else ""
    if not version:
        return compute()
    cache = get_cache()
    raw = "|".join([name, version, *(str(part) for part in parts)])
    key = "pagecache:data:" + hashlib.sha256(raw.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


#: True in this process while a purge could not be written (the cache was down): see ``purge``.
_purge_pending = False


def purge():
    """Make every cached page stale at once by replacing the content version; True when it took.

    A cache that is down swallows the write (``base.cache.ResilientRedisCache``), so the new
    version is read back. When it did not take, the purge stays pending in this process:
    until it is written, this process neither serves nor stores pages or fragments from the
    cache, and retries the purge on each request. Otherwise the old version would still be
    there once Redis answers again, and every page cached before the change would be served
    for up to ``PAGE_CACHE_SECONDS``.
    """
    global _purge_pending
    cache = get_cache()
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    _purge_pending = cache.get(VERSION_KEY) != version
    return not _purge_pending


def purge_is_pending():
    """Retry a purge that did not take; True while it still has not (the cache must not be trusted)."""
    return _purge_pending and not purge()


def lookup(request):
    """``(response or None, version)``: the stored response if it belongs to the current version.

    ``(None, None)`` while a purge is pending: nothing is served from the cache, nor stored.
    """
    if purge_is_pending():
        return None, None
    cache = get_cache()
    key = page_key(request)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = current_version(cache)
    entry = found.get(key)
    if entry is None or version is None or entry[0] != version:
        return None, version
    _version, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response, version


def store(request, response, version):
    """Store ``response`` under ``version`` (headers and body only, not the response object)."""
    if version is None:  # the cache is down: nothing to store
        return
    headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
    get_cache().set(page_key(request), (version, response.status_code, headers, response.content), timeout())
