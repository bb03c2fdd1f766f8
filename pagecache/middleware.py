"""``PageCacheMiddleware``: anonymous GETs answered from the page cache (see ``pagecache.core``)."""

from . import core, varnish


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors.

    The first middleware: a hit is answered before any other middleware runs, so it costs
    one cache round trip and no sessions, locale, CSRF, authentication or database queries.
    A page is stored with every header the middleware below it added (HSTS, CSP, Permissions-
    Policy, Content-Language...): they are the same for every anonymous visitor, because a
    page whose CSP carries a per-request nonce is never stored. Static files and the admin
    are excluded by path, and plain-HTTP requests that must be redirected to HTTPS are left
    to ``SecurityMiddleware``. ``X-Page-Cache`` says ``hit`` or ``miss`` on pages that could
    be cached. With Varnish in front (``PAGE_CACHE_SHARED_MAX_AGE``), those pages also carry
    ``s-maxage`` and ``X-Cache-Tags``: the same decision tells Varnish what it may keep.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not core.enabled() or not core.request_is_cacheable(request):
            return self.get_response(request)
        cached, version = core.lookup(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        if version is not None:
            request._pagecache_version = version  # the fragments of this render reuse it
        response = self.get_response(request)
        if core.response_is_cacheable(request, response):
            shared_max_age = varnish.shared_max_age()
            if shared_max_age:
                # Only when Varnish (or a CDN) purged through wagtail.contrib.frontend_cache sits in
                # front: it keeps exactly the responses carrying the tags (pagecache/varnish.py). Set
                # before storing, so a hit from this cache carries them too.
                response[varnish.TAGS_HEADER] = varnish.response_tags(request)
                if not response.has_header("Cache-Control"):
                    response["Cache-Control"] = f"public, max-age=0, s-maxage={shared_max_age}"
            core.store(request, response, version)
            response["X-Page-Cache"] = "miss"
        return response
