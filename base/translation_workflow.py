"""How a translation reaches visitors: only translated and approved, never Spanish text on English pages.

wagtail-localize applies translated strings with ``Translation.save_target``; left to
itself it publishes at once (the translation editor's "Publicar", "Sincronizar
traducciones" with "Publicar inmediatamente"), fills every untranslated string with the
Spanish text, and, when asked for a draft of a live page, overwrites the page row that
visitors read. Here one function, :func:`apply_translation`, decides instead:

- a page with strings still untranslated is saved as a draft revision, never published
  nor submitted: visitors keep the English text that is live (or the "not yet
  translated" notice);
- a complete page is published by whoever may publish it (Aprobadores) and otherwise
  submitted to the page's workflow ("Aprobación de contenidos") for them to approve;
- a snippet (no draft state) with untranslated strings is left as it is, so its English
  text is not replaced by Spanish; a complete one is saved.

New translations are drafts from the start (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
= False`` in the settings); the admin hooks in ``base/wagtail_hooks.py`` route the editor's
and the synchronisation's "publish" through here.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name

PUBLISHED = "published"
SUBMITTED = "submitted"
DRAFT = "draft"
KEPT = "kept"


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


def save_draft(translation, user):
    """Save the translation as a new draft revision without touching what visitors see.

    A page that is not live is simply saved (its row is no one's live content). For a
    live page, ``save_target(publish=False)`` would write the draft into the page row,
    which is what visitors are served; so it runs inside a savepoint that is rolled
    back, and only the revision it produced is kept, saved the way Wagtail's own
    "Guardar borrador" saves a draft of a live page.
    """
    page = target_or_none(translation)
    if page is None or not page.live:
        translation.save_target(user=user, publish=False)
        return target_or_none(translation)
    with transaction.atomic():
        savepoint = transaction.savepoint()
        translation.save_target(user=user, publish=False)
        content = Page.objects.get(pk=page.pk).specific.get_latest_revision().content
        transaction.savepoint_rollback(savepoint)
        page = Page.objects.get(pk=page.pk).specific
        draft = page.with_content_json(content)
        draft.save_revision(user=user, clean=False, log_action=True)
    return Page.objects.get(pk=page.pk).specific


def submit_for_moderation(page, user):
    """Put the page's latest revision in front of its approvers, as Wagtail's "Enviar a moderación" does."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None or not state.is_active:
        page.get_workflow().start(page, user)
    # A workflow already in progress approves the latest revision: nothing more to do.


def apply_translation(translation, user):
    """Apply the translated strings of ``translation`` as ``user`` may, never publishing Spanish text.

    Returns an :class:`Outcome`. Raises ``PermissionDenied`` when the user may not edit
    the target at all.
    """
    missing = missing_strings(translation)
    target = target_or_none(translation)
    source_instance = translation.source.get_source_instance()
    if isinstance(source_instance, Page):
        if target is not None and not target.permissions_for_user(user).can_edit():
            raise PermissionDenied
        if missing:
            return Outcome(DRAFT, save_draft(translation, user), missing)
        if target is not None and target.permissions_for_user(user).can_publish():
            translation.save_target(user=user, publish=True)
            return Outcome(PUBLISHED, target_or_none(translation), 0)
        page = save_draft(translation, user)
        if page.permissions_for_user(user).can_publish():  # a page this call has just created
            page.get_latest_revision().publish(user=user)
            return Outcome(PUBLISHED, Page.objects.get(pk=page.pk).specific, 0)
        if page.get_workflow() is None:
            return Outcome(DRAFT, page, 0)
        submit_for_moderation(page, user)
        return Outcome(SUBMITTED, page, 0)

    model = type(source_instance)
    if not user.has_perm(get_permission_name("change", model)):
        raise PermissionDenied
    if isinstance(source_instance, DraftStateMixin):  # none in this project; kept for safety
        publish = not missing and user.has_perm(get_permission_name("publish", model))
        translation.save_target(user=user, publish=publish)
        return Outcome(PUBLISHED if publish else DRAFT, target_or_none(translation), missing)
    if missing and target is not None:
        return Outcome(KEPT, target, missing)
    translation.save_target(user=user, publish=True)
    return Outcome(PUBLISHED, target_or_none(translation), missing)
