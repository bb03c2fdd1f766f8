"""Security headers the framework does not set by itself, and the request's CSP nonce anywhere.

``SecurityHeadersMiddleware`` adds ``Permissions-Policy`` and ``Cross-Origin-Resource-Policy``
(Django has no setting for either) and remembers the current request in a context variable,
so templates rendered without a request in their context (form widgets, Wagtail admin components) can still put the
request's Content-Security-Policy nonce on an inline ``<script>`` through the
``{% csp_nonce %}`` tag in ``base_security``.
"""

from contextvars import ContextVar

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
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


# The one relaxation of the strict policy, for signed-in users inside the Wagtail admin only.
# Wagtail 8 and wagtail-localize still write inline <script> elements from Python and widget
# templates that have no access to the request's nonce (date/time pickers, page, snippet,
# image and document choosers, InlinePanel, the translation editor's chooser URLs), and
# wagtail-localize's editor injects <style> elements through styled-components. Without
# 'unsafe-inline' those pages break. Everything else stays strict in the admin too (no
# third-party origins, object-src 'none', base-uri/form-action/frame-ancestors 'self'), and the
# admin sign-in page and every public page keep the nonce-only policy.
ADMIN_CSP_RELAXATION = {"script-src": [SELF, UNSAFE_INLINE], "style-src": [SELF, UNSAFE_INLINE]}


def needs_admin_relaxation(request):
    """True for requests of signed-in users under the Wagtail admin (``/admin/``)."""
    if not request.path_info.startswith(getattr(settings, "WAGTAILADMIN_PATH_PREFIX", "/admin/")):
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with ``ADMIN_CSP_RELAXATION`` for signed-in admin users only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and needs_admin_relaxation(request):
            parts.replace = {**ADMIN_CSP_RELAXATION, **(parts.replace or {})}
        return parts


class SecurityHeadersMiddleware:
    """Adds ``Permissions-Policy`` and ``Cross-Origin-Resource-Policy`` to every response and exposes
    the request to ``{% csp_nonce %}``.

    It sits above whitenoise, so static files get the headers too, and the page cache stores
    them with each page, so hits carry them. ``Cross-Origin-Resource-Policy: same-origin``
    (``CROSS_ORIGIN_RESOURCE_POLICY``) keeps other sites from embedding our images, scripts
    and files in their pages (and from reading them through side channels such as Spectre).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
        self.header = format_permissions_policy(policy)
        self.resource_policy = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        if self.resource_policy and "Cross-Origin-Resource-Policy" not in response:
            response["Cross-Origin-Resource-Policy"] = self.resource_policy
        return response
