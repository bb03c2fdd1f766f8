"""Admin registration of the citizen attention office: the inbox and the mail outbox."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks

from .admin_views import download_attachment
from .viewsets import AtencionCiudadanaGroup


@hooks.register("register_admin_viewset")
def register_atencion_ciudadana():
    return AtencionCiudadanaGroup()


@hooks.register("insert_global_admin_css")
def contacto_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("contacto/admin.css"))


@hooks.register("register_admin_urls")
def contacto_admin_urls():
    return [path("atencion-ciudadana/adjuntos/<int:pk>/", download_attachment, name="contacto_attachment")]
