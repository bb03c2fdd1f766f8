"""Admin panel that tells editors, in the edit view, what in the sheet's budget does not add up."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from .notices import budget_notices


class BudgetCheckPanel(Panel):
    """Shows the computed totals and every mismatch or over-execution of the page being edited.

    It reads the saved version being edited (the latest revision), so after
    "Guardar borrador" the editor sees the check for what was just saved.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "fichas/admin/budget_check_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            budget = getattr(self.instance, "budget", None) if self.instance.pk else None
            differences, over_executions = budget_notices(budget)
            context.update(
                budget=budget,
                differences=differences,
                over_executions=over_executions,
                import_url=reverse("fichas_import", args=[self.instance.pk]) if self.instance.pk else None,
            )
            return context
