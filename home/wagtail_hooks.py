"""Admin: the open-government model (axes, ámbitos, initiatives) under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Ambito, Eje, Iniciativa


class IniciativaFilterSet(WagtailFilterSet):
    class Meta:
        model = Iniciativa
        fields = ["eje", "status", "locale"]


class EjeViewSet(SnippetViewSet):
    model = Eje
    icon = "list-ul"
    list_display = ["name", "sort_order"]
    menu_label = _("Ejes")


class AmbitoViewSet(SnippetViewSet):
    model = Ambito
    icon = "folder-open-inverse"
    list_display = ["name", "eje"]
    list_filter = ["eje"]
    menu_label = _("Ámbitos")


class IniciativaViewSet(SnippetViewSet):
    model = Iniciativa
    icon = "tasks"
    list_display = ["name", "eje", "ambito", "status"]
    filterset_class = IniciativaFilterSet
    search_fields = ["name"]
    menu_label = _("Iniciativas")


class ModeloGobiernoAbiertoGroup(SnippetViewSetGroup):
    items = (EjeViewSet, AmbitoViewSet, IniciativaViewSet)
    menu_icon = "globe"
    menu_label = _("Modelo de Gobierno Abierto")
    menu_name = "modelo"


register_snippet(ModeloGobiernoAbiertoGroup)
