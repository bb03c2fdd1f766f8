"""URLs of the ethics-reporting channel (mounted at the root of its own host)."""

from django.urls import path

from . import views

app_name = "denuncias"

urlpatterns = [
    path("", views.home, name="inicio"),
    path("denunciar/", views.file_report, name="denunciar"),
    path("ingresar/", views.receipt_login, name="ingresar"),
    path("mi-denuncia/", views.my_report, name="mi_denuncia"),
    path("salir/", views.reporter_logout, name="salir"),
    path("gestion/ingresar/", views.handler_login, name="gestion_ingresar"),
    path("gestion/salir/", views.handler_logout, name="gestion_salir"),
    path("gestion/", views.report_list, name="gestion_lista"),
    path("gestion/auditoria/", views.audit_log, name="gestion_auditoria"),
    path("gestion/denuncias/<int:pk>/", views.report_detail, name="gestion_detalle"),
    path("gestion/denuncias/<int:pk>/mensaje/", views.report_message, name="gestion_mensaje"),
    path("gestion/denuncias/<int:pk>/estado/", views.report_status, name="gestion_estado"),
    path(
        "gestion/denuncias/<int:pk>/archivos/<int:attachment_pk>/",
        views.attachment_download,
        name="gestion_archivo",
    ),
]
