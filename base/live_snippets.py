"""What visitors read of a translatable snippet: its live version, in their language or else in Spanish.

Axes, ámbitos, initiatives, programme themes and the site texts have a draft state
(Wagtail's ``DraftStateMixin``): a new translation (*Traducir*) is a draft, and an
edit waits in a revision until it is published. Public pages therefore read only
live rows. On a page in another language, each live Spanish (source) row is replaced
by its live translation; while there is none (not translated yet, or the translation
still waits for approval) the live Spanish row is shown instead, carrying
``fallback_language`` so the template marks it ``lang="es-CL"`` (WCAG 3.1.2). A draft
is never shown, in any language.
"""

from wagtail.models import Locale


def live_in_language(queryset, locale_id):
    """The live rows of ``queryset`` to show in ``locale_id``, in the order of the Spanish ones.

    Each row has ``fallback_language``: None when it is in ``locale_id``, else the
    language code of the Spanish row shown in its place. Two queries (one in Spanish).
    """
    default = Locale.get_default()
    sources = list(queryset.filter(locale_id=default.pk, live=True))
    for row in sources:
        row.fallback_language = None
    if locale_id == default.pk:
        return sources
    translated = {
        row.translation_key: row
        for row in queryset.filter(
            locale_id=locale_id, live=True, translation_key__in=[source.translation_key for source in sources]
        )
    }
    shown = []
    for source in sources:
        row = translated.get(source.translation_key)
        if row is None:
            row = source
            row.fallback_language = default.language_code
        else:
            row.fallback_language = None
        shown.append(row)
    return shown


def live_translation(instance, locale_id):
    """The live version of snippet ``instance`` to show in ``locale_id`` (or None when none is live).

    ``instance`` may be in any language (a commitment's theme points at the theme in its
    own language, which may still be a draft). The result carries ``fallback_language``
    as in :func:`live_in_language`.
    """
    if instance is None:
        return None
    default = Locale.get_default()
    rows = {
        row.locale_id: row
        for row in type(instance).objects.filter(
            translation_key=instance.translation_key, locale_id__in={locale_id, default.pk}, live=True
        )
    }
    row = rows.get(locale_id)
    if row is not None:
        row.fallback_language = None
        return row
    row = rows.get(default.pk)
    if row is not None:
        row.fallback_language = default.language_code
    return row
