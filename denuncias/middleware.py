"""Privacy middleware: forget who the client is, and tell the browser to keep nothing."""

from django.conf import settings

# Request headers that identify or fingerprint the client. Proxies may add the
# first ones; the rest are what browsers send about themselves.
CLIENT_HEADERS = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CLIENT_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_USER_AGENT",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_MOBILE",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_ACCEPT_LANGUAGE",
)
ANONYMOUS_ADDRESS = "0.0.0.0"


class ForgetClientMiddleware:
    """Remove the client's address and browser fingerprint from every request.

    It runs first, so no view, form, log record or error report below it can
    see them. ``REMOTE_ADDR`` is set to ``0.0.0.0`` because some code expects
    the key to exist.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for header in CLIENT_HEADERS:
            request.META.pop(header, None)
        request.META["REMOTE_ADDR"] = ANONYMOUS_ADDRESS
        return self.get_response(request)


class PrivacyHeadersMiddleware:
    """Strict CSP (nothing from third parties), no referrer to other sites, no caching, no indexing.

    ``same-origin`` rather than ``no-referrer``: with ``no-referrer`` browsers
    send ``Origin: null`` on form posts, which Django's CSRF check rightly refuses.
    """

    CSP = (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        response.setdefault("X-Robots-Tag", "noindex, nofollow")
        response["Referrer-Policy"] = "same-origin"
        if not request.path.startswith(settings.STATIC_URL):
            # Reports and receipts must not stay in the browser's cache or history snapshots.
            response["Cache-Control"] = "no-store"
        return response
