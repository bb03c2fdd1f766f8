"""The public history of a commitment's progress: the ``RegistroAvance`` model and its one reading.

``timeline`` is the one reading of that history: the commitment page's timeline, the
Atom feeds (``feeds.py``) and the JSON and XLSX downloads (``exports.py``) all show
what it returns, so they always tell the same story.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import progress as rules
from .progress import Status


class RegistroAvance(models.Model):
    """One dated entry of a commitment's public progress history.

    Written when a publication changes progress or status (see ``signals``). Entries are
    shared by all translations of a commitment through its ``translation_key``.
    """

    commitment_key = models.UUIDField(_("compromiso"), db_index=True, editable=False)
    page = models.ForeignKey(
        "programa_gobierno.CompromisoPage",
        verbose_name=_("página"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("fecha"), default=timezone.now)
    progress = models.DecimalField(_("avance (%)"), max_digits=4, decimal_places=1)
    status = models.CharField(_("estado"), max_length=20, choices=Status.choices)
    completed_milestones = models.PositiveSmallIntegerField(_("hitos cumplidos"), default=0)
    total_milestones = models.PositiveSmallIntegerField(_("hitos"), default=0)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("registro de avance")
        verbose_name_plural = _("historial de avance")
        indexes = [models.Index(fields=["commitment_key", "-recorded_at"], name="programa_registro_key_date")]

    def __str__(self):
        return f"{self.recorded_at:%Y-%m-%d} · {self.progress} %"


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


@dataclass(frozen=True)
class TimelineStep:
    """One recorded change of a commitment, as every public view of the history shows it.

    ``evidence_url`` is the evidence of the last milestone completed by that day (absolute
    when read with a request), "" when none was; ``evidence_title`` names that milestone;
    ``evidence_document`` is its document when the evidence is one (pages state its format and size).
    """

    pk: int
    commitment: object  # the CompromisoPage, in the language it was read in
    recorded_at: datetime
    progress: Decimal
    status: str
    completed_milestones: int
    total_milestones: int
    evidence_url: str
    evidence_title: str
    evidence_document: object = None

    @property
    def status_label(self):
        """The status in the active language ("Sustancial", "Substantial")."""
        return Status(self.status).label

    @property
    def day(self):
        """The local day of the change."""
        return timezone.localdate(self.recorded_at)


def timeline(commitments, request=None, limit=None):
    """The recorded changes of ``commitments`` (pages of one language), newest first.

    Two queries whatever the number of commitments, changes or milestones: the history
    entries (shared by all translations, matched by ``translation_key``) and the completed
    milestones with evidence of these pages (in their language, for the evidence's title).
    """
    by_key = {page.translation_key: page for page in commitments}
    entries = RegistroAvance.objects.filter(commitment_key__in=by_key).order_by("-recorded_at", "-pk")
    entries = list(entries[:limit] if limit else entries)
    milestones = {}
    if not by_key:
        return []
    # The milestones of these pages (their ``hitos`` relation; this module does not import the page models).
    milestone_model = next(iter(by_key.values())).hitos.model
    completed = (
        milestone_model.objects.filter(page__in=[page.pk for page in by_key.values()], completed_on__isnull=False)
        .select_related("evidence_document", "evidence_image")
        .order_by("-completed_on", "-pk")
    )
    for milestone in completed:
        if milestone.has_evidence:
            milestones.setdefault(milestone.page_id, []).append(milestone)
    steps = []
    for entry in entries:
        page = by_key[entry.commitment_key]
        day = timezone.localdate(entry.recorded_at)
        evidence = next((m for m in milestones.get(page.pk, []) if m.completed_on <= day), None)
        steps.append(
            TimelineStep(
                pk=entry.pk,
                commitment=page,
                recorded_at=entry.recorded_at,
                progress=entry.progress,
                status=entry.status,
                completed_milestones=entry.completed_milestones,
                total_milestones=entry.total_milestones,
                evidence_url=evidence.evidence_link(request) if evidence else "",
                evidence_title=evidence.title if evidence else "",
                evidence_document=evidence.evidence_document if evidence and evidence.evidence_document_id else None,
            )
        )
    return steps
