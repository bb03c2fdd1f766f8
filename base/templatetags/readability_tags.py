"""The plain-language score of the page being edited, for the editor's checks panel."""

from django import template

from base.readability import page_readability

register = template.Library()


@register.simple_tag
def readability_of(page):
    """The readability of ``page``'s body text as saved in the form's latest revision, or None."""
    if page is None or not hasattr(page, "locale_id"):
        return None
    return page_readability(page)
