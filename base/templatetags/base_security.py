"""``{% csp_nonce %}``: the current request's Content-Security-Policy nonce.

Works in templates that have no ``request`` in their context (form widgets, admin
components), through the request remembered by ``base.security.SecurityHeadersMiddleware``.
Use it as ``<script nonce="{% csp_nonce %}">``.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from base.security import current_csp_nonce

register = template.Library()


@register.simple_tag(takes_context=True)
def csp_nonce(context):
    """The nonce of the request in the context, else of the request being handled."""
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    return current_csp_nonce() if nonce is None else str(nonce)


@register.simple_tag
def head_script():
    """The inline ``<head>`` script of every page (``HEAD_SCRIPT``), allowed by its hash in the CSP."""
    return format_html("<script>{}</script>", mark_safe(settings.HEAD_SCRIPT))
