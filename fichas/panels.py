"""Admin panel that tells editors, in the edit view, what in the sheet's budget does not add up."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel

from .notices import budget_notices, line_difference_text, over_execution_text, total_difference_text


def live_totals_texts():
    """The sentences of ``fichas.notices`` as templates for the live check (``live-totals.js``), same words."""
    return {
        "heading": _("Mientras escribe:"),
        "totals": _(
            "suma de las líneas: presupuesto vigente %(approved)s, devengado %(executed)s, ejecución %(rate)s."
        ),
        "unreadable": _("Hay montos que no se pueden leer: escríbalos solo con cifras, por ejemplo 8.713.930."),
        "approved": _("presupuesto vigente"),
        "executed": _("devengado"),
        "more": _("más"),
        "less": _("menos"),
        "total_difference": total_difference_text(),
        "line_difference": line_difference_text(),
        "over": over_execution_text(),
    }


class BudgetCheckPanel(Panel):
    """Shows the computed totals and every mismatch or over-execution of the page being edited.

    It reads the saved version being edited (the latest revision), so after
    "Guardar borrador" the editor sees the check for what was just saved.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "fichas/admin/budget_check_panel.html"

        class Media:
            js = ["fichas/live-totals.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            budget = getattr(self.instance, "budget", None) if self.instance.pk else None
            differences, over_executions = budget_notices(budget)
            context.update(
                budget=budget,
                differences=differences,
                over_executions=over_executions,
                live_texts=live_totals_texts(),
                import_url=reverse("fichas_import", args=[self.instance.pk]) if self.instance.pk else None,
            )
            return context
