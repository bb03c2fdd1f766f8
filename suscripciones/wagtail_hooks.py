"""Admin: how many addresses follow each commitment or body (counts only, never the addresses)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FOLLOWERS_PERMISSION, followers_report


@hooks.register("register_admin_urls")
def suscripciones_admin_urls():
    return [path("reports/seguidores/", followers_report, name="suscripciones_report")]


class FollowersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(FOLLOWERS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_followers_report():
    return FollowersMenuItem(_("Seguidores por correo"), reverse("suscripciones_report"), icon_name="mail", order=900)
