"""Security headers the framework does not set by itself, and the request's CSP nonce anywhere.

``SecurityHeadersMiddleware`` adds ``Permissions-Policy`` (Django has no setting for it)
and remembers the current request in a context variable, so templates rendered without
a request in their context (form widgets, Wagtail admin components) can still put the
request's Content-Security-Policy nonce on an inline ``<script>`` through the
``{% csp_nonce %}`` tag in ``base_security``.
"""

from contextvars import ContextVar

from django.conf import settings

_current_request = ContextVar("current_request", default=None)

# Powerful browser features the site never uses: denied to the site and to any frame.
DEFAULT_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}


def format_permissions_policy(policy):
    """Render a ``{feature: [origins]}`` mapping as a ``Permissions-Policy`` header value.

    ``"self"`` and ``"*"`` are written as the keywords ``self`` and ``*``; any other origin is
    quoted. An empty list denies the feature everywhere: ``camera=()``.
    """
    parts = []
    for feature, origins in policy.items():
        tokens = [origin if origin in {"self", "*"} else f'"{origin}"' for origin in origins]
        parts.append(f"{feature}=({' '.join(tokens)})")
    return ", ".join(parts)


def current_request():
    """The request being handled by this thread or task, or None outside a request."""
    return _current_request.get()


def current_csp_nonce():
    """The current request's CSP nonce (generated on first use), or "" outside a request."""
    request = current_request()
    # django-csp's lazy nonce is falsy until first evaluated: test for None, then str() it.
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    return "" if nonce is None else str(nonce)


class SecurityHeadersMiddleware:
    """Adds ``Permissions-Policy`` to every response and exposes the request to ``{% csp_nonce %}``."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
        self.header = format_permissions_policy(policy)

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
