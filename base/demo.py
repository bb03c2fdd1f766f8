"""Helpers for the demo content: idempotent page creation and English translations.

Each area app has a ``demo.py`` with a ``load(home)`` function that builds its
part of the demo site under the Spanish home page; ``load_demo_content`` calls
them in order. Everything here is get-or-create: a second run changes nothing.

English versions are made through wagtail-localize, as an editor would: a
translation source is extracted from the Spanish object, each string gets its
English text from a mapping, and the translation is saved (and published).
The pages stay synchronised with Spanish and editors can keep translating them.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

ENGLISH = "en"


def get_or_create_page(parent, model, slug, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if missing.

    An existing page is returned untouched, so editors' changes survive a re-run.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, locale_id=parent.locale_id, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(instance, mapping, locale_code=ENGLISH, update=False):
    """Create (once) the ``locale_code`` translation of ``instance`` using ``mapping``.

    ``mapping`` maps each Spanish string (a field value, or one paragraph of rich
    text) to its translation; strings not in it keep the Spanish text. Returns
    the translated object. An existing translation is left as it is, unless
    ``update``: then strings of the Spanish object that have no translation yet get
    theirs from ``mapping`` and the translation is saved again (only if one was
    missing: a re-run changes nothing); strings already translated keep theirs.
    """
    locale = Locale.objects.get(language_code=locale_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not update:
        return existing
    with transaction.atomic():
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        changed = False
        for segment in segments:
            text = mapping.get(segment.string.data)
            if text is None:
                continue
            # On an update, what is already translated (perhaps by an editor) is kept.
            store = StringTranslation.objects.get_or_create if update else StringTranslation.objects.update_or_create
            _translation, created = store(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
            changed = changed or created or not update
        if existing is None or changed:
            translation.save_target(publish=True)
    return instance.get_translation(locale)


def untranslated_strings(instance, mapping):
    """The Spanish strings of ``instance`` that ``mapping`` has no translation for (for tests)."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    return [
        segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related("string")
        if segment.string.data not in mapping
    ]


def page_by_slug(slug, locale_code=None):
    """The live page with ``slug`` in the default (or given) locale, or None."""
    pages = Page.objects.filter(slug=slug)
    if locale_code:
        pages = pages.filter(locale__language_code=locale_code)
    else:
        pages = pages.filter(locale=Locale.get_default())
    return pages.first()
