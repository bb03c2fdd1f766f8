"""Helpers for the demo content: idempotent page creation and English translations.

Each project app may have a ``demo`` module (found like ``admin.py`` or ``wagtail_hooks.py``,
see ``demo_modules``); ``load_demo_content`` calls its functions, app by app in the order of
``settings.PROJECT_APPS``:

- ``load_home(root, locale)``: creates and returns the Spanish home page (one app: ``home``);
- ``load(home)``: builds the app's part of the demo site under the Spanish home page;
- ``finish(home)``: runs once every app has loaded (links between sections, translations).

Everything here is get-or-create: a second run changes nothing.

English versions are made through wagtail-localize, as an editor would: a
translation source is extracted from the Spanish object, each string gets its
English text from a mapping, and the translation is saved (and published).
The pages stay synchronised with Spanish and editors can keep translating them.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

ENGLISH = "en"


def demo_modules():
    """The ``demo`` modules of the project apps that have one, in the order of ``settings.PROJECT_APPS``."""
    configs = [apps.get_app_config(label) for label in settings.PROJECT_APPS]
    return [import_module(f"{config.name}.demo") for config in configs if module_has_submodule(config.module, "demo")]


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


def translate(instance, mapping, locale_code=ENGLISH):
    """Create (once) the ``locale_code`` translation of ``instance`` using ``mapping``.

    ``mapping`` maps each Spanish string (a field value, or one paragraph of rich
    text) to its translation; strings not in it keep the Spanish text. Returns
    the translated object. An existing translation is left as it is.
    """
    locale = Locale.objects.get(language_code=locale_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    with transaction.atomic():
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            text = mapping.get(segment.string.data)
            if text is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
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
