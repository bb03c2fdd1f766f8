"""Formatting filters for budget figures: templates format, ``fichas.budget`` computes."""

from django import template
from django.utils.html import format_html

from base.templatetags.base_tags import numero

from ..notices import amount

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
