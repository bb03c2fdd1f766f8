"""Who may do what: the reporter by receipt, handlers by group and two factors."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

REPORT_SESSION_KEY = "denuncias_denuncia"


def is_handler(user) -> bool:
    """True for an active member of the ethics committee group (being a superuser is not enough)."""
    return bool(
        user.is_authenticated and user.is_active and user.groups.filter(name=settings.DENUNCIAS_HANDLER_GROUP).exists()
    )


def handler_required(view):
    """Only verified (password + TOTP) members of the committee; others get 403, strangers the login."""

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
