"""Blocks of the home page: the top tasks people come to do, as entry points."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class TaskBlock(blocks.StructBlock):
    """One top task: a heading that links to the page where it is done, and a line that says what is there.

    The figure under it (e.g. the programme's progress, the next council sessions) is not typed:
    the linked page computes it when its model offers a ``home_task_summary`` (see ``HomePage.get_tasks``).
    """

    heading = blocks.CharBlock(
        label=_("Título de la tarea"),
        max_length=80,
        help_text=_("Lo que la persona quiere hacer, con verbo: «Ver el presupuesto», «Enviar una solicitud»."),
    )
    text = blocks.TextBlock(label=_("Descripción breve"), required=False, max_length=200)
    page = blocks.PageChooserBlock(label=_("Página de destino"))

    class Meta:
        icon = "link"
        label = _("Tarea")


class TaskStreamBlock(blocks.StreamBlock):
    """The home page's top tasks, in the order editors give them."""

    task = TaskBlock()

    class Meta:
        max_num = 8
