"""``PageCacheMiddleware``: anonymous GETs answered from the page cache (see ``pagecache.core``)."""

from django.conf import settings

from . import core


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors.

    Sits after WhiteNoise (static files never reach it) and before the session, so a hit
    skips sessions, locale, CSRF, authentication and the page's database queries. The
    security headers (CSP, Permissions-Policy) are added by the middleware outside it on
    every response, hit or miss. ``X-Page-Cache`` says ``hit`` or ``miss`` on pages that
    could be cached.
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
        response = self.get_response(request)
        if core.response_is_cacheable(request, response):
            core.store(request, response, version)
            response["X-Page-Cache"] = "miss"
            shared_max_age = int(getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 0))
            if shared_max_age and not response.has_header("Cache-Control"):
                # Only when a CDN purged by wagtail.contrib.frontend_cache sits in front.
                response["Cache-Control"] = f"public, max-age=0, s-maxage={shared_max_age}"
        return response
