"""Carry language-neutral values (figures) from Spanish pages and snippets to their translations.

Spanish is the source language. Amounts, years, programme numbers, milestone weights and
dates, evidence files and links, statuses, session dates, images, documents and ordering
are the same in every language, so they must reach the English version the moment the
Spanish one is published (a page or a translatable snippet: drafts change nothing), without
anyone pressing "Sincronizar traducciones" and without touching the English words.

What is a figure and what is a word is wagtail-localize's own notion
(``get_translatable_fields``): fields it declares ``SynchronizedField`` are copied; text
fields (``TranslatableField``) are left as the translator wrote them. Inside StreamFields,
blocks are matched by their id (wagtail-localize keeps block ids across translations): text
blocks (the ones wagtail-localize offers for translation) keep the English value, every other
block (amounts, codes, dates, choices, choosers, URLs) takes the Spanish one, and the
structure and order follow Spanish. Child objects (milestones, sessions, members) are matched
by ``translation_key``; a new Spanish child arrives with its Spanish text (the out-of-date
report then lists the page for a translator) and a removed one disappears.

A live English page gets a new revision published at once by no user: a mechanical copy of
figures an approver has just published in Spanish, so it bypasses the approval workflow on
purpose. An English draft stays a draft (the figures go into a new draft revision), and an
English page whose changes are waiting in the workflow keeps its live version and gets the
figures in a new draft revision, so the approval in progress is not cancelled. Nothing is
saved when nothing changed, so the sync is idempotent.

Finally the wagtail-localize ``TranslationSource`` is refreshed from the Spanish object, so
the translation editor starts from today's figures (publishing from it never brings back
old ones) and shows the Spanish words that changed as the ones to translate.
"""

import copy
import json
import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from .translation_status import words_changed_since_sync

logger = logging.getLogger(__name__)

# Blocks whose value wagtail-localize extracts as words (see its segments/extract.py).
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.BlockQuoteBlock, blocks.RichTextBlock)

MISSING = object()

_syncing = ContextVar("figure_sync_running", default=False)


@contextmanager
def syncing():
    """Mark the current context as a sync, so the saves it makes do not start another one."""
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def is_syncing():
    """True while a sync is writing translations (their saves must not sync back)."""
    return _syncing.get()


def is_text_block(block):
    """Whether ``block`` holds words a translator writes (its value stays as translated)."""
    return hasattr(block, "get_translatable_segments") or isinstance(block, TEXT_BLOCKS)


# StreamField values ----------------------------------------------------------------------


def merge_block_data(block, source, target=MISSING):
    """The raw value of ``block``: Spanish figures and structure, English words where they exist.

    ``source`` and ``target`` are raw (JSON) values of the same block in Spanish and English;
    ``target`` is MISSING when English has no counterpart (a new block), which then takes
    the Spanish value whole.
    """
    if target is MISSING:
        return copy.deepcopy(source)
    if is_text_block(block):
        return copy.deepcopy(target)
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(source, list):
            return copy.deepcopy(source)
        return _merge_children(source, target, lambda child: block.child_blocks.get(child.get("type")))
    if isinstance(block, blocks.ListBlock):
        if not isinstance(source, list):
            return copy.deepcopy(source)
        if all(isinstance(item, dict) and "id" in item for item in source):
            return _merge_children(source, target, lambda child: block.child_block)
        target = target if isinstance(target, list) else []
        return [
            merge_block_data(block.child_block, item, target[index] if index < len(target) else MISSING)
            for index, item in enumerate(source)
        ]
    if isinstance(block, blocks.StructBlock):
        if not isinstance(source, dict):
            return copy.deepcopy(source)
        target = target if isinstance(target, dict) else {}
        return {
            name: merge_block_data(block.child_blocks[name], value, target.get(name, MISSING))
            if name in block.child_blocks
            else copy.deepcopy(value)
            for name, value in source.items()
        }
    return copy.deepcopy(source)


def _merge_children(source, target, block_for):
    """Merge a list of ``{"type", "value", "id"}`` children: Spanish order, matched by id."""
    by_id = {}
    for child in target if isinstance(target, list) else []:
        if isinstance(child, dict) and child.get("id"):
            by_id[child["id"]] = child
    merged = []
    for child in source:
        match = by_id.get(child.get("id")) if isinstance(child, dict) else None
        child_block = block_for(child) if isinstance(child, dict) else None
        if match is None or child_block is None or match.get("type") != child.get("type"):
            merged.append(copy.deepcopy(child))
        else:
            merged.append({**child, "value": merge_block_data(child_block, child.get("value"), match.get("value"))})
    return merged


def raw_stream(field, instance):
    """The raw JSON-able list stored for StreamField ``field`` of ``instance``."""
    value = getattr(instance, field.attname)
    return json.loads(json.dumps(field.stream_block.get_prep_value(value), cls=DjangoJSONEncoder))


def sync_stream(field, source, target):
    """Give ``target``'s StreamField the merged value; True if it changed."""
    current = raw_stream(field, target)
    merged = merge_block_data(field.stream_block, raw_stream(field, source), current)
    if merged == current:
        return False
    setattr(target, field.attname, StreamValue(field.stream_block, merged, is_lazy=True))
    return True


# Model fields and child objects --------------------------------------------------------------


def translation_in(instance, locale_id):
    """``instance``'s translation in ``locale_id``, or ``instance`` itself when it has none."""
    if instance is None or instance.locale_id == locale_id:
        return instance
    return type(instance).objects.filter(translation_key=instance.translation_key, locale_id=locale_id).first() or (
        instance
    )


def set_if_different(target, attname, value):
    """Set ``target.attname`` to ``value``; True if that changed it."""
    if getattr(target, attname) == value:
        return False
    setattr(target, attname, value)
    return True


def is_child_relation(field):
    return isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey)


def sync_fields(source, target):
    """Copy every language-neutral value of ``source`` onto ``target`` (same model); True if any changed."""
    changed = False
    model = type(source)
    for translatable_field in get_translatable_fields(model):
        field = translatable_field.get_field(model)
        if is_child_relation(field):
            changed |= sync_children(source, target, field)
        elif isinstance(field, StreamField):
            changed |= sync_stream(field, source, target)
        elif isinstance(field, ParentalManyToManyField):
            continue
        elif isinstance(translatable_field, SynchronizedField):
            changed |= set_if_different(target, field.attname, getattr(source, field.attname))
        elif isinstance(field, models.ForeignKey) and issubclass(field.related_model, TranslatableMixin):
            # A chosen snippet (a theme, an axis): the same one, in the translation's language.
            related = translation_in(getattr(source, field.name), target.locale_id)
            changed |= set_if_different(target, field.attname, related.pk if related is not None else None)
    if isinstance(source, Orderable):
        changed |= set_if_different(target, "sort_order", source.sort_order)
    return changed


def copy_as_translation(source, locale_id):
    """A new, unsaved copy of child object ``source`` in ``locale_id``, with its own children."""
    model = type(source)
    child = model()
    for field in model._meta.concrete_fields:
        if field.primary_key or isinstance(field, ParentalKey):
            continue
        setattr(child, field.attname, getattr(source, field.attname))
    if isinstance(source, TranslatableMixin):
        child.locale_id = locale_id
    sync_fields(source, child)  # children of the child, and translated choices
    return child


def plain_values(instance):
    """What a non-translatable child object holds, for comparing copies (no keys, no parent)."""
    return {
        field.attname: field.value_from_object(instance)
        for field in type(instance)._meta.concrete_fields
        if not field.primary_key and not isinstance(field, ParentalKey)
    }


def sync_children(source, target, relation):
    """Make ``target``'s children of ``relation`` follow the source's; True if anything changed.

    Translatable children are matched by ``translation_key`` and keep their words; others
    (related pages, documents) hold no words and are copied whole when they differ.
    """
    name = relation.get_accessor_name()
    source_children = list(getattr(source, name).all())
    target_children = list(getattr(target, name).all())
    if not issubclass(relation.related_model, TranslatableMixin):
        if [plain_values(c) for c in source_children] == [plain_values(c) for c in target_children]:
            return False
        setattr(target, name, [copy_as_translation(child, target.locale_id) for child in source_children])
        return True

    by_key = {child.translation_key: child for child in target_children}
    changed = len(by_key) != len(source_children)
    children = []
    for source_child in source_children:
        child = by_key.pop(source_child.translation_key, None)
        if child is None:
            child = copy_as_translation(source_child, target.locale_id)
            changed = True
        else:
            changed |= sync_fields(source_child, child)
        children.append(child)
    changed |= bool(by_key) or [c.translation_key for c in children] != [c.translation_key for c in target_children]
    if changed:
        setattr(target, name, children)
    return changed


# Pages ------------------------------------------------------------------------------------------


def is_source(instance):
    """Whether ``instance`` is in the default (source) language."""
    return instance.locale_id == Locale.get_default().pk


def refresh_translation_source(instance):
    """Bring wagtail-localize's copy of ``instance`` up to date when only its figures changed.

    When its words changed too the copy is left as it is: the out-of-date report
    (``search.translation_status``) lists it until a translator synchronises.
    """
    for source in TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id):
        if not words_changed_since_sync(instance, source):
            source.update_from_db()


def is_publishable(source, translation):
    """Whether ``translation`` passes its model's validation once given today's figures.

    A figure can make a text required that the translation does not have yet: a status
    override published in Spanish needs its reason, and the English reason has not been
    written. Such a text is filled with the source's words, as wagtail-localize shows an
    untranslated segment (the out-of-date report then lists the page for translation). If
    the translation is still invalid, it is not published: the figures wait in a draft
    revision and the Spanish publish goes ahead.
    """
    try:
        translation.full_clean()
        return True
    except ValidationError as error:
        for name in getattr(error, "error_dict", {}):
            try:
                field = type(translation)._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            value = getattr(source, field.attname, None)
            if isinstance(field, models.CharField | models.TextField) and value and not getattr(translation, name):
                setattr(translation, field.attname, value)
    try:
        translation.full_clean()
    except ValidationError:
        logger.warning("translation %s keeps today's figures in a draft: it does not validate", translation.pk)
        return False
    return True


def sync_translation(source, translation):
    """Apply ``source``'s figures to one translated page or snippet; returns what was done.

    "published" (live translation, new revision published), "draft" (new draft revision),
    or "" when nothing changed. Pages and the translatable snippets (which have Wagtail's
    draft state) are treated alike.
    """
    if isinstance(translation, Page):
        translation = translation.specific
    pending = translation.latest_revision if translation.has_unpublished_changes else None
    in_moderation = getattr(translation, "current_workflow_state", None) is not None  # site texts have none
    done = ""
    if translation.live and not in_moderation:
        if sync_fields(source, translation):
            publishable = is_publishable(source, translation)
            revision = translation.save_revision(user=None, clean=False, log_action=False)
            if publishable:
                # The English words are the approved ones; only figures approved in Spanish change.
                revision.publish(user=None, skip_permission_checks=True)
                done = "published"
            else:
                done = "draft"
    if pending is not None or not translation.live or in_moderation:
        # The pending changes stay the latest revision (approving a workflow publishes the
        # latest one), now with today's figures.
        draft = pending.as_object() if pending is not None else translation.get_latest_revision_as_object()
        if sync_fields(source, draft) or (done and pending is not None):
            draft.save_revision(user=None, clean=False, log_action=False)
            done = done or "draft"
    return done


def sync_page(source):
    """Apply the figures of Spanish page ``source`` to all its translations: {locale code: what was done}."""
    source = source.specific
    results = {}
    with syncing(), transaction.atomic():
        translations = Page.objects.filter(translation_key=source.translation_key).exclude(locale_id=source.locale_id)
        for translation in translations.select_related("locale"):
            results[translation.locale.language_code] = sync_translation(source, translation)
        refresh_translation_source(source)
    return results


def source_of(translation):
    """The default-language (Spanish) version of ``translation``, or None."""
    return (
        type(translation)
        .objects.filter(translation_key=translation.translation_key, locale_id=Locale.get_default().pk)
        .first()
    )


def resync_page_translation(translation):
    """A translation was published by someone (e.g. from the translation editor): give it today's figures.

    The translation editor builds the page from the copy of Spanish it last extracted,
    which may hold older figures; the live Spanish page is what counts.
    """
    source = source_of(Page.objects.get(pk=translation.pk))
    if source is None or not source.live:
        return ""
    with syncing(), transaction.atomic():
        return sync_translation(source.specific, translation)


# Snippets ----------------------------------------------------------------------------------


def is_translatable_snippet(model):
    """Translatable snippet models (axes, ámbitos, initiatives, themes, site texts), not pages."""
    return issubclass(model, TranslatableMixin) and not issubclass(model, Page) and model in get_snippet_models()


def sync_snippet(source):
    """Apply the figures of published Spanish snippet ``source`` to its translations: {locale code: what was done}.

    As for pages: a live translation gets a new revision published at once, a draft or a
    translation waiting for approval gets the figures in a new draft revision.
    """
    results = {}
    with syncing(), transaction.atomic():
        translations = type(source).objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
        for translation in translations.select_related("locale"):
            results[translation.locale.language_code] = sync_translation(source, translation)
        refresh_translation_source(source)
    return results


def resync_snippet_translation(translation):
    """A translated snippet was published by someone: give it the live Spanish figures again.

    The translation editor builds the snippet from the copy of Spanish it last extracted,
    which may hold older figures; the live Spanish snippet is what counts.
    """
    source = source_of(translation)
    if source is None or not source.live:
        return ""
    with syncing(), transaction.atomic():
        return sync_translation(source, type(translation).objects.get(pk=translation.pk))
