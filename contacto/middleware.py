"""The confirmation of a stored request survives a database failure (issue #18).

A request is committed before the citizen is redirected to ``confirmacion/``. If the database
fails on that second request (a restart, a lost connection), Wagtail cannot even find the page,
and ``DatabaseUnavailableMiddleware`` would answer 503: the citizen would lose the tracking code
of a request that was stored. ``ConfirmationFallbackMiddleware`` replaces any 5xx answer to a
confirmation request that carries a valid signed code with a minimal page showing that code.
"""

from django.utils import translation

from .views import confirmed_code, standalone_confirmation

CONFIRMATION_SEGMENT = "confirmacion/"


class ConfirmationFallbackMiddleware:
    """A 5xx on ``…/confirmacion/`` with a valid signed code becomes the standalone confirmation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 500 or request.method != "GET":
            return response
        if not request.path.endswith("/" + CONFIRMATION_SEGMENT):
            return response
        code = confirmed_code(request)
        if not code:
            return response
        office_url = request.path[: -len(CONFIRMATION_SEGMENT)]
        language = translation.get_language_from_path(request.path_info) or "es"
        with translation.override(language):
            return standalone_confirmation(code, office_url)
