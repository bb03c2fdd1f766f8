"""Template context of the channel's own layout."""

from django.conf import settings


def channel(request):
    """The institution's name and the exit button's destination."""
    return {"institution": settings.DENUNCIAS_INSTITUTION, "exit_url": settings.DENUNCIAS_EXIT_URL}
