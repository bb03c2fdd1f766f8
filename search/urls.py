from django.urls import path

from . import views

urlpatterns = [path("buscar/", views.search, name="search")]
