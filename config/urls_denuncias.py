"""Root URLconf of the ``denuncias`` deployment (``config.settings.denuncias``): the channel only."""

from django.urls import include, path

urlpatterns = [path("", include("denuncias.urls"))]

handler400 = "denuncias.errors.bad_request"
handler403 = "denuncias.errors.forbidden"
handler404 = "denuncias.errors.not_found"
handler500 = "denuncias.errors.server_error"
