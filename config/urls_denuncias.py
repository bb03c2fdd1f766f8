"""Root URLconf of the ``denuncias`` deployment (``config.settings.denuncias``): the channel only."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

# Spanish at the root, English under /en/; the handlers' area redirects /en/gestion/... to Spanish
# (``denuncias.access.spanish_only``).
urlpatterns = i18n_patterns(path("", include("denuncias.urls")), prefix_default_language=False)

handler400 = "denuncias.errors.bad_request"
handler403 = "denuncias.errors.forbidden"
handler404 = "denuncias.errors.not_found"
handler500 = "denuncias.errors.server_error"
