"""How a translation reaches visitors: only translated and approved, never Spanish text on English pages.

wagtail-localize applies translated strings with ``Translation.save_target``; left to
itself it publishes at once (the translation editor's "Publicar", "Sincronizar
traducciones" with "Publicar inmediatamente"), fills every untranslated string with the
Spanish text, and, when asked for a draft of a live page, overwrites the page row that
visitors read. Here one function, :func:`apply_translation`, decides instead:

- a page or snippet with strings still untranslated is saved as a draft revision, never
  published nor submitted: visitors keep the English text that is live (or, for a page,
  the "not yet translated" notice; for a snippet, the live Spanish text marked as such);
- a complete one is published by whoever may publish it (Aprobadores) and otherwise
  submitted to its workflow ("Aprobación de contenidos") for them to approve.

Snippets are treated like pages: the translatable ones (axes, ámbitos, initiatives,
themes, site texts) have Wagtail's draft state and revisions (``DraftStateMixin``).

New translations are drafts from the start (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
= False`` in the settings); the admin hooks in ``base/wagtail_hooks.py`` route the editor's
and the synchronisation's "publish" through here.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from wagtail.models import Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name

PUBLISHED = "published"
SUBMITTED = "submitted"
DRAFT = "draft"


@dataclass(frozen=True)
class Outcome:
    """What happened to one translation: ``action`` (one of the constants above) and to what."""

    action: str
    instance: object
    missing: int


def missing_strings(translation):
    """How many of the source's texts have no translation in the target language yet.

    The slug is not counted: it is an address, not text people read, and the site keeps
    the Spanish slugs in English (``/en/declaracion-de-accesibilidad/``) unless a
    translator chooses another.
    """
    segments = translation.source.stringsegment_set.annotate_translation(translation.target_locale)
    return segments.filter(translation__isnull=True).exclude(context__path="slug").count()


def target_or_none(translation):
    """The translated page or snippet, or None when it has not been created yet."""
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return instance.specific if isinstance(instance, Page) else instance


def reload(instance):
    """``instance`` read again from the database (the specific page, or the snippet)."""
    if isinstance(instance, Page):
        return Page.objects.get(pk=instance.pk).specific
    return type(instance).objects.get(pk=instance.pk)


def save_draft(translation, user):
    """Save the translation as a new draft revision without touching what visitors see.

    A page or snippet that is not live is simply saved (its row is no one's live content).
    For a live one, ``save_target(publish=False)`` would write the draft into the row that
    visitors are served (and mark a snippet not live); so it runs inside a savepoint that
    is rolled back, and only the revision it produced is kept, saved the way Wagtail's own
    "Guardar borrador" saves a draft of a live page or snippet.
    """
    target = target_or_none(translation)
    if target is None or not target.live:
        translation.save_target(user=user, publish=False)
        return target_or_none(translation)
    with transaction.atomic():
        savepoint = transaction.savepoint()
        translation.save_target(user=user, publish=False)
        content = reload(target).get_latest_revision().content
        transaction.savepoint_rollback(savepoint)
        draft = reload(target).with_content_json(content)
        draft.save_revision(user=user, clean=False, log_action=True)
    return reload(target)


class Permissions:
    """What ``user`` may do with a page or a snippet: edit it, publish it."""

    def __init__(self, instance, user):
        self.instance = instance
        self.user = user

    def can_edit(self):
        if isinstance(self.instance, Page):
            return self.instance.permissions_for_user(self.user).can_edit()
        return self.user.has_perm(get_permission_name("change", type(self.instance)))

    def can_publish(self):
        if isinstance(self.instance, Page):
            return self.instance.permissions_for_user(self.user).can_publish()
        return self.user.has_perm(get_permission_name("publish", type(self.instance)))


def submit_for_moderation(instance, user):
    """Put the latest revision in front of its approvers, as Wagtail's "Enviar a moderación" does."""
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None or not state.is_active:
        instance.get_workflow().start(instance, user)
    # A workflow already in progress approves the latest revision: nothing more to do.


def apply_translation(translation, user):
    """Apply the translated strings of ``translation`` as ``user`` may, never publishing Spanish text.

    Pages and snippets alike. Returns an :class:`Outcome`. Raises ``PermissionDenied`` when
    the user may not edit the target at all.
    """
    missing = missing_strings(translation)
    target = target_or_none(translation)
    source_instance = translation.source.get_source_instance()
    # A page not translated yet is checked when created (under an English parent); a snippet by its model.
    checked = target if target is not None or isinstance(source_instance, Page) else source_instance
    if checked is not None and not Permissions(checked, user).can_edit():
        raise PermissionDenied
    if missing:
        return Outcome(DRAFT, save_draft(translation, user), missing)
    if isinstance(target, Page) and Permissions(target, user).can_publish():
        translation.save_target(user=user, publish=True)
        return Outcome(PUBLISHED, target_or_none(translation), 0)
    instance = save_draft(translation, user)
    if Permissions(instance, user).can_publish():
        instance.get_latest_revision().publish(user=user)
        return Outcome(PUBLISHED, reload(instance), 0)
    if not hasattr(instance, "get_workflow") or instance.get_workflow() is None:  # site texts: approvers' own
        return Outcome(DRAFT, instance, 0)
    submit_for_moderation(instance, user)
    return Outcome(SUBMITTED, instance, 0)
