"""wagtail-localize's translation editor in the admin's language, where its catalogues cannot reach.

Most of the editor's texts come from wagtail-localize's catalogues, completed by the project's
(``locale/es/LC_MESSAGES/django.po`` and ``djangojs.po``). Three things in wagtail-localize
1.14.5 stay English whatever the catalogues say:

- the dates of "Traducido manualmente el …": ``StringTranslation.get_comment`` formats them with
  ``strftime``, whose month names follow the process's C locale (always English here) and whose
  day is UTC's. :func:`translation_comment` takes its place (see ``BaseConfig.ready``);
- the heading "Español to English translation" and the "More actions" label, written in English
  in its React script: ``base/templates/wagtail_localize/admin/edit_translation.html`` gives their
  translations to ``base/static/base/js/translation-editor.js``, which puts them in place.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def translation_comment(string_translation):
    """How and when a text was translated, dated in the admin's language and the site's time zone.

    wagtail-localize's own messages (its catalogues translate them), with the date formatted by
    Django: "Traducido manualmente el 2 de diciembre de 2026", "Translated manually on Dec. 2, 2026".
    """
    date = date_format(localtime(string_translation.updated_at))
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(tool_name=string_translation.tool_name, date=date)
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None
