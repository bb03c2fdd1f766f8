"""Admin: the programme's themes, editable (and translatable) as a snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Tema


class TemaViewSet(SnippetViewSet):
    """Themes of the governor's programme (movilidad, acción climática, agua…)."""

    model = Tema
    icon = "tag"
    menu_label = _("Temas del programa")
    menu_name = "temas-programa"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(TemaViewSet)
