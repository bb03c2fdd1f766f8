"""Follow by e-mail, inside i18n_patterns: /seguir/… in Spanish, /en/seguir/… in English."""

from django.urls import path

from . import views

app_name = "suscripciones"
urlpatterns = [
    path("seguir/<int:page_id>/", views.follow, name="follow"),
    path("seguir/<int:page_id>/solicitado/", views.requested, name="requested"),
    path("seguir/confirmar/<str:token>/", views.confirm, name="confirm"),
    path("seguir/baja/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
