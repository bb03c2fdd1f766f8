"""Search URLs, inside i18n_patterns: /buscar/ in Spanish, /en/buscar/ in English."""

from django.urls import path

from . import views

urlpatterns = [
    path("buscar/", views.search, name="search"),
    path("buscar/sugerencias/", views.suggestions, name="search_suggestions"),
    path("sin-traduccion/", views.translation_missing, name="translation_missing"),
]
