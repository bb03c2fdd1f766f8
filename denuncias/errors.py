"""Error pages in the channel's own layout (Spanish, no third-party content)."""

from django.shortcuts import render
from django.utils.translation import gettext as _


def _error(request, status, title, text):
    return render(request, "denuncias/error.html", {"title": title, "text": text}, status=status)


def bad_request(request, exception=None):
    """400."""
    return _error(request, 400, _("Solicitud no válida"), _("La solicitud no se pudo procesar. Vuelva al inicio."))


def forbidden(request, exception=None):
    """403: also what staff outside the ethics committee see."""
    return _error(request, 403, _("Acceso denegado"), _("Solo el Comité de Ética puede ver las denuncias."))


def not_found(request, exception=None):
    """404."""
    return _error(request, 404, _("Página no encontrada"), _("La dirección no existe en el Canal de Denuncias."))


def server_error(request):
    """500."""
    return _error(
        request, 500, _("Error del servidor"), _("Ocurrió un error. Si estaba enviando una denuncia, no se guardó.")
    )


def csrf_failure(request, reason=""):
    """403 on a CSRF failure: usually a form left open too long."""
    return _error(
        request,
        403,
        _("El formulario caducó"),
        _("Por seguridad, el formulario dejó de ser válido. Vuelva atrás, recargue la página y envíelo de nuevo."),
    )
