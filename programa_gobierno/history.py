"""The public history of a commitment's progress (``RegistroAvance``)."""

from django.utils import timezone

from . import progress as rules
from .models import RegistroAvance


def latest_entry(page):
    """The most recent history entry of ``page``'s commitment (any language), or None."""
    return RegistroAvance.objects.filter(commitment_key=page.translation_key).order_by("-recorded_at", "-pk").first()


def record_progress(page, when=None):
    """Add a history entry for ``page`` when its progress or status differ from the last one.

    Translations share the history (by ``translation_key``), so publishing the English
    version with the same figures adds nothing. Returns the new entry, or None.
    """
    last = latest_entry(page)
    previous = (last.progress, last.status) if last else None
    if not rules.progress_changed(previous, (page.progress, page.status)):
        return None
    pairs = page.milestone_pairs()
    return RegistroAvance.objects.create(
        commitment_key=page.translation_key,
        page=page,
        recorded_at=when or timezone.now(),
        progress=page.progress,
        status=page.status,
        completed_milestones=sum(1 for _weight, completed in pairs if completed),
        total_milestones=len(pairs),
    )


def history_for(page):
    """The public history of ``page``'s commitment, newest first (one query)."""
    return list(RegistroAvance.objects.filter(commitment_key=page.translation_key).order_by("-recorded_at", "-pk"))
