"""Sentences that explain what does not add up in a budget, for editors (admin) and readers (public note).

The arithmetic is in ``fichas.budget``; this module only words it, with the
active language's number format ("M$ 99.002").
"""

from django.utils.translation import gettext as _

from base.templatetags.base_tags import numero

from . import budget as budget_rules


def amount(value):
    """12693714 -> "M$ 12.693.714" (with a non-breaking space)."""
    return f"M$\u00a0{numero(value)}"


def _measure_name(measure):
    return _("presupuesto vigente") if measure == budget_rules.APPROVED else _("devengado")


def total_difference_text():
    """The sentence for official totals that the lines do not add up to, with its %(…)s placeholders."""
    return _(
        "Total del %(measure)s: la suma de las líneas (%(computed)s) no coincide con el total oficial "
        "publicado (%(declared)s); las líneas suman %(difference)s %(direction)s."
    )


def line_difference_text():
    """The sentence for a line whose components do not add up to its typed amount (placeholders kept)."""
    return _(
        "Línea %(line)s, %(measure)s: la suma de sus componentes (%(computed)s) no coincide con el monto "
        "indicado para la línea (%(declared)s); los componentes suman %(difference)s %(direction)s."
    )


def over_execution_text():
    """The sentence for an over-executed line (placeholders kept); the admin's live check fills it in too."""
    return _("%(line)s: el devengado (%(executed)s) supera al presupuesto vigente (%(approved)s) en %(excess)s.")


def difference_message(difference):
    """One sentence for a ``budget.Difference``: what differs, from what, and by how much."""
    values = {
        "measure": _measure_name(difference.measure),
        "computed": amount(difference.computed),
        "declared": amount(difference.declared),
        "difference": amount(difference.absolute_difference),
        "direction": _("más") if difference.difference > 0 else _("menos"),
    }
    if difference.line is None:
        return total_difference_text() % values
    values["line"] = difference.line.label
    return line_difference_text() % values


def over_execution_message(line):
    """One sentence for a line whose executed amount is above its approved amount."""
    return over_execution_text() % {
        "line": line.label,
        "executed": amount(line.executed),
        "approved": amount(line.approved),
        "excess": amount(line.executed - line.approved),
    }


def budget_notices(budget):
    """(differences, over-executions): the sentences for everything in ``budget`` a reader should know."""
    if budget is None:
        return [], []
    differences = [difference_message(difference) for difference in budget.differences]
    over = [over_execution_message(line) for line in budget.over_executed_lines]
    if budget.lines and budget.is_over_executed:
        over.append(
            _("Programa completo: el devengado (%(executed)s) supera al presupuesto vigente (%(approved)s).")
            % {"executed": amount(budget.executed), "approved": amount(budget.approved)}
        )
    return differences, over


def headline_difference_message(difference):
    """Under the official headline: what the lines of the table add up to instead, and by how much."""
    values = {
        "computed": amount(difference.computed),
        "difference": amount(difference.absolute_difference),
    }
    if difference.measure == budget_rules.APPROVED:
        if difference.difference > 0:
            return (
                _("Presupuesto vigente: las líneas suman %(computed)s, %(difference)s más que el total oficial.")
                % values
            )
        return (
            _("Presupuesto vigente: las líneas suman %(computed)s, %(difference)s menos que el total oficial.") % values
        )
    if difference.difference > 0:
        return _("Devengado: las líneas suman %(computed)s, %(difference)s más que el total oficial.") % values
    return _("Devengado: las líneas suman %(computed)s, %(difference)s menos que el total oficial.") % values
