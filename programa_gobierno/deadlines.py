"""Overdue commitments and milestones: plain functions, tested directly.

The rule shown to citizens: a milestone is *atrasado* when its committed date has passed
and it is not completed; a commitment is *atrasado* when its end date has passed and its
published status is not "completo". Something due today is not late yet: the day still
counts. "Today" is the date in the site's time zone (America/Santiago), not in UTC, so
a milestone does not turn late at 21:00 Chilean time.
"""

from django.db.models import Q
from django.utils import timezone

from .progress import COMPLETE


def today():
    """The current date in the site's time zone (``TIME_ZONE``, America/Santiago)."""
    return timezone.localdate()


def is_overdue(due_date, completed, on):
    """True when ``due_date`` is before the day ``on`` and the item is not ``completed``.

    A missing date is never overdue: there is nothing to be late for.
    """
    if completed or due_date is None:
        return False
    return due_date < on


def overdue_commitments_q(on):
    """The same rule for commitments as a database filter, so listings filter in SQL."""
    return Q(end_date__lt=on) & ~Q(status=COMPLETE)


def overdue_milestones_q(on):
    """The rule for milestones (``Hito`` rows) as a database filter."""
    return Q(due_date__lt=on, completed_on__isnull=True)
