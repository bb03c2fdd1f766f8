"""Template context for cached fragments of the layout (``{% cache %}`` in base.html and its includes)."""

from django.utils.functional import SimpleLazyObject

from . import core


def fragments(request):
    """``fragment_seconds`` (0: not cached) and ``content_version``, the key part a purge replaces.

    The version is read from the cache only when a template uses it, once per request.
    """
    return {
        "fragment_seconds": core.fragment_seconds(),
        "content_version": SimpleLazyObject(lambda: core.fragment_version(request)),
    }
