"""Progress of the governor's commitments: plain functions, tested directly.

The rule shown to citizens on every page:

* A commitment's progress is the weighted share of its completed milestones:
  ``progress = 100 × (sum of the weights of completed milestones) / (sum of all weights)``,
  shown with one decimal by the site's percentage rule (``base.numbers.percentage``:
  truncated, so 99.95 % shows 99,9 %, and a positive share never shows 0). No milestones,
  or weights adding up to zero, give 0 %.
* Its status follows the Open Government Partnership (OGP) completion scale and is derived
  from the exact share, not the shown one: nothing done "no iniciado", under 50 % "limitado",
  from 50 % to under 100 % "sustancial", every weight done "completo" (20 milestones of
  weight 100 done and one of weight 1 pending is "sustancial"). An editor may record a
  different status only together with a written reason, which is published next to it.
* A commitment is "cumplido" when its (effective) status is "completo".
* Overall progress (of the programme or of a theme) is the plain mean of the commitments'
  progress, so every commitment counts the same.

Templates only format what these functions return.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy as _

from base.numbers import exact_fraction, percentage

NOT_STARTED = "no_iniciado"
LIMITED = "limitado"
SUBSTANTIAL = "sustancial"
COMPLETE = "completo"


class Status(models.TextChoices):
    """The Open Government Partnership completion scale."""

    NOT_STARTED = NOT_STARTED, _("No iniciado")
    LIMITED = LIMITED, _("Limitado")
    SUBSTANTIAL = SUBSTANTIAL, _("Sustancial")
    COMPLETE = COMPLETE, _("Completo")


#: The OGP scale, in order.
STATUSES = (NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE)

#: Progress at or above which the derived status is "sustancial".
SUBSTANTIAL_FROM = Decimal("50")

ZERO = Decimal("0.0")
HUNDRED = Decimal("100")


def _shown(part, whole):
    """``100 × part / whole`` with one decimal by the site's rule (``base.numbers``); 0.0 when whole is 0."""
    shown = percentage(part, whole, 1)
    return ZERO if shown is None else shown


@dataclass(frozen=True)
class MilestoneShare:
    """A milestone's weight, whether it is completed, and its share of the total weight (0-100)."""

    weight: int
    completed: bool
    share: Decimal


def total_weight(milestones):
    """Sum of the weights of ``milestones`` (pairs of ``(weight, completed)``); negative weights count as 0."""
    return sum(max(int(weight or 0), 0) for weight, _completed in milestones)


def completed_weight(milestones):
    """Sum of the weights of the completed milestones among ``(weight, completed)`` pairs."""
    return sum(max(int(weight or 0), 0) for weight, completed in milestones if completed)


def progress_percentage(milestones):
    """Weighted share of completed milestones, 0.0-100.0 with one decimal, as shown to citizens.

    ``milestones`` is an iterable of ``(weight, completed)`` pairs. With no milestones,
    or when every weight is zero, the progress is 0.0: nothing measurable has been done.
    """
    milestones = list(milestones)
    return _shown(completed_weight(milestones), total_weight(milestones))


def exact_progress(milestones):
    """The exact weighted share of completed milestones, 0-100 (a Fraction): what statuses are decided on."""
    milestones = list(milestones)
    total = total_weight(milestones)
    if total == 0:
        return Fraction(0)
    return Fraction(completed_weight(milestones) * 100, total)


def milestone_shares(milestones):
    """Each milestone's share of the total weight (0-100, one decimal), in the given order.

    This is what the page shows next to every milestone, so citizens can redo the sum.
    """
    milestones = list(milestones)
    total = total_weight(milestones)
    shares = []
    for weight, completed in milestones:
        weight = max(int(weight or 0), 0)
        share = _shown(weight, total)
        shares.append(MilestoneShare(weight=weight, completed=bool(completed), share=share))
    return shares


def derive_status(progress):
    """The OGP completion level for a progress percentage (see the module docstring).

    Give it the exact progress (``exact_progress``): a shown value follows the same rule
    only because the display never rounds up to 50 or 100.
    """
    progress = exact_fraction(progress or 0)
    if progress <= 0:
        return NOT_STARTED
    if progress >= HUNDRED:
        return COMPLETE
    if progress >= SUBSTANTIAL_FROM:
        return SUBSTANTIAL
    return LIMITED


def effective_status(progress, override="", reason=""):
    """The status to publish: the editor's override when it comes with a reason, else the derived one.

    An override without a (non-blank) reason is ignored: the model refuses to save it
    anyway, and this keeps the rule true for data that bypassed validation.
    """
    if override in STATUSES and (reason or "").strip():
        return override
    return derive_status(progress)


def is_overridden(progress, override="", reason=""):
    """True when the published status differs from the derived one because of an editor's override."""
    return effective_status(progress, override, reason) != derive_status(progress)


@dataclass(frozen=True)
class Summary:
    """Commitments counted: how many there are, how many are "cumplidos", and their mean progress."""

    completed: int
    total: int
    progress: Decimal

    @property
    def completed_percentage(self):
        """Share of commitments completed, 0-100 with one decimal (the site's rule); 0 when there are none."""
        return _shown(self.completed, self.total)


def mean_progress(progresses):
    """Plain mean of progress percentages, one decimal by the site's rule; 0.0 for an empty list."""
    progresses = [exact_fraction(p or 0) for p in progresses]
    # The mean of percentages is a percentage of 100: part = sum / count, whole = 100.
    return _shown(sum(progresses, Fraction(0)), len(progresses) * 100) if progresses else ZERO


def summarize(commitments):
    """Summary of ``(progress, status)`` pairs: completed count, total and mean progress."""
    commitments = list(commitments)
    return Summary(
        completed=sum(1 for _progress, status in commitments if status == COMPLETE),
        total=len(commitments),
        progress=mean_progress(progress for progress, _status in commitments),
    )


def summarize_by_key(items):
    """Group ``(key, progress, status)`` triples by key and summarise each group: {key: Summary}."""
    groups = defaultdict(list)
    for key, progress, status in items:
        groups[key].append((progress, status))
    return {key: summarize(pairs) for key, pairs in groups.items()}


def status_counts(statuses):
    """How many commitments are in each status of the OGP scale, in scale order: {status: count}."""
    counts = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        if status in counts:
            counts[status] += 1
    return counts


def progress_changed(previous, current):
    """True when a new history entry is due: there is no previous entry, or progress or status moved.

    ``previous`` and ``current`` are ``(progress, status)`` pairs; ``previous`` may be None.
    """
    if previous is None:
        return True
    return Decimal(str(previous[0])) != Decimal(str(current[0])) or previous[1] != current[1]


def progress_timeline(milestones, start=None):
    """Progress after each completion date: ``[(date, progress, completed_count)]`` in date order.

    ``milestones`` is an iterable of ``(weight, completed_on)`` pairs (``completed_on`` a date or
    None). With a ``start`` date the timeline opens with 0 % on that date. Used to rebuild a
    dated history from milestones (the demo content, or data imported from elsewhere).
    """
    milestones = list(milestones)
    dates = sorted({completed_on for _weight, completed_on in milestones if completed_on is not None})
    timeline = [(start, ZERO, 0)] if start is not None and (not dates or start < dates[0]) else []
    for day in dates:
        pairs = [(weight, completed_on is not None and completed_on <= day) for weight, completed_on in milestones]
        timeline.append((day, progress_percentage(pairs), sum(1 for _w, done in pairs if done)))
    return timeline
