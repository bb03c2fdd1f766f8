"""Who may do what: the reporter by receipt, handlers by group and two factors."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import translate_url
from django.utils import translation

REPORT_SESSION_KEY = "denuncias_denuncia"


def is_handler(user) -> bool:
    """True for an active member of the ethics committee group (being a superuser is not enough)."""
    return bool(
        user.is_authenticated and user.is_active and user.groups.filter(name=settings.DENUNCIAS_HANDLER_GROUP).exists()
    )


def spanish_only(view):
    """The handlers' area is Spanish: its English address (/en/gestion/...) redirects to the Spanish one.

    Its records (the audit log's status changes) are written in the language of the request, and
    the committee works in Spanish.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if translation.get_language() != settings.LANGUAGE_CODE:
            return redirect(translate_url(request.get_full_path(), settings.LANGUAGE_CODE))
        return view(request, *args, **kwargs)

    return wrapped


def handler_required(view):
    """Only verified (password + TOTP) members of the committee; others get 403, strangers the login.

    Spanish only (``spanish_only``).
    """

    @spanish_only
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or not user.is_verified():
            return redirect_to_login(request.get_full_path())
        if not is_handler(user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def reporter_required(view):
    """Only a browser session that logged in with a receipt; the report is passed to the view."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        from .models import Report

        report_id = request.session.get(REPORT_SESSION_KEY)
        report = Report.objects.filter(pk=report_id).first() if report_id else None
        if report is None:
            request.session.pop(REPORT_SESSION_KEY, None)
            return redirect("denuncias:ingresar")
        return view(request, report, *args, **kwargs)

    return wrapped
