"""Template context of the channel's own layout."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

# The other language of each: the reporter's pages switch between Spanish and English.
SWITCH = {"en": ("es-cl", "Español", "es"), "es-cl": ("en", "English", "en")}


def channel(request):
    """The institution's name, the exit button's destination, the page's language and its switch."""
    language = translation.get_language()
    other, label, lang = SWITCH.get(language, SWITCH[settings.LANGUAGE_CODE])
    return {
        "institution": settings.DENUNCIAS_INSTITUTION,
        "exit_url": settings.DENUNCIAS_EXIT_URL,
        "html_lang": "en" if language == "en" else "es-CL",
        # The same page in the other language (its path only: no query string travels).
        "language_switch": {"url": translate_url(request.path, other), "label": label, "lang": lang},
    }
