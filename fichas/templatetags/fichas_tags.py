"""Formatting filters for budget figures: templates format, ``fichas.budget`` computes."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from base.templatetags.base_tags import numero

from .. import budget as budget_rules
from ..notices import amount, headline_difference_message

register = template.Library()


@register.filter
def porcentaje(rate):
    """Decimal("94.91") -> "94,91 %" in es-CL (non-breaking space); None (approved 0) -> "—"."""
    if rate is None:
        return "—"
    return f"{numero(rate, 2)}\u00a0%"


@register.filter
def monto(value):
    """8713930 -> "M$ 8.713.930"; None -> "—"."""
    if value is None:
        return "—"
    return amount(value)


@register.filter
def svg_number(value):
    """A number as SVG attributes need it, with a dot whatever the language: Decimal("94.91") -> "94.91"."""
    return format_html("{}", f"{value:.2f}")


@register.filter
def en_palabras(value):
    """An amount in M$ in the words people use, rule in ``budget.in_millions``.

    es-CL: 143780698 -> "$143.781 millones", 69638 -> "$69,6 millones", 1000 -> "$1 millón",
    999 -> "$999.000"; English: "CLP 143,781 million". None -> "—".
    """
    scaled = budget_rules.in_millions(value)
    if scaled is None:
        return "—"
    unit, figure = scaled
    decimals = 0 if figure == int(figure) else 1
    number = numero(figure, decimals)
    if unit == budget_rules.PESOS:
        return _("$%(amount)s") % {"amount": number}
    if figure == 1:
        return _("$%(amount)s millón") % {"amount": number}
    return _("$%(amount)s millones") % {"amount": number}


@register.filter
def diferencia_titular(difference):
    """A ``budget.Difference`` of the official totals as the sentence under the headline figures."""
    return headline_difference_message(difference)
