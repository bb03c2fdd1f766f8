"""Helpers for the demo content: idempotent page creation and English translations.

Each project app may have a ``demo`` module (found like ``admin.py`` or ``wagtail_hooks.py``,
see ``demo_modules``); ``load_demo_content`` calls its functions, app by app in the order of
``settings.PROJECT_APPS``:

- ``load_home(root, locale)``: creates and returns the Spanish home page (one app: ``home``);
- ``load(home)``: builds the app's part of the demo site under the Spanish home page;
- ``finish(home)``: runs once every app has loaded (links between sections, translations).

Everything here is get-or-create: a second run changes nothing.

The texts and figures themselves are data, not code: each app keeps them in
``<app>/demo/content.toml`` (sample files beside it), read by ``load_content``.
A text that has an English version is written as a pair, ``title.es = "..."``
and ``title.en = "..."`` (a table ``{es, en}``); ``spanish`` picks the Spanish
side and ``english_mapping`` collects every pair for ``translate``.

English versions are made through wagtail-localize, as an editor would: a
translation source is extracted from the Spanish object, each string gets its
English text from a mapping, and the translation is saved (and published).
The pages stay synchronised with Spanish and editors can keep translating them.
"""

import tomllib
from importlib import import_module
from pathlib import Path

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


def load_content(module_file):
    """The demo content of the app whose ``demo.py`` is ``module_file``: its ``demo/content.toml``."""
    with open(Path(module_file).resolve().parent / "demo" / "content.toml", "rb") as toml_file:
        return tomllib.load(toml_file)


def demo_file(module_file, name):
    """The path of a sample file (PDF, image) kept in the app's ``demo/`` folder."""
    return Path(module_file).resolve().parent / "demo" / name


def is_text_pair(value):
    """Whether ``value`` is a text written in both languages, ``{"es": ..., "en": ...}``."""
    return isinstance(value, dict) and set(value) == {"es", "en"}


def spanish(value):
    """``value`` with every text pair replaced by its Spanish side, through lists and tables."""
    if is_text_pair(value):
        return value["es"]
    if isinstance(value, dict):
        return {key: spanish(item) for key, item in value.items()}
    if isinstance(value, list):
        return [spanish(item) for item in value]
    return value


def english_mapping(*contents):
    """Every Spanish text of ``contents`` mapped to its English text, for ``translate``.

    The same Spanish text must have the same English everywhere (a translation is
    stored once per string), so a second, different English text is an error.
    """
    mapping = {}

    def collect(value):
        if is_text_pair(value):
            if mapping.setdefault(value["es"], value["en"]) != value["en"]:
                raise ValueError(f"Two English texts for {value['es']!r}: {mapping[value['es']]!r}, {value['en']!r}")
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for content in contents:
        collect(content)
    return mapping


def rich_text(entries):
    """The rich-text HTML of a field written as entries: ``{"p": text}`` a paragraph, ``{"li": text}`` a bullet.

    Bullets in a row make one list. The texts are Spanish (or pairs, of which the Spanish is used).
    """
    html, bullets = [], []
    for entry in entries:
        if "li" in entry:
            bullets.append(f"<li>{spanish(entry['li'])}</li>")
            continue
        if bullets:
            html.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        html.append(f"<p>{spanish(entry['p'])}</p>")
    if bullets:
        html.append("<ul>" + "".join(bullets) + "</ul>")
    return "".join(html)
