"""Legal deadlines of a report, as pure functions of dates.

Ley 21.592 and EU Directive 2019/1937 (art. 9) ask for an acknowledgement of
receipt within 7 days and feedback within 3 months of that acknowledgement or,
when none was sent, of the end of those 7 days. Retention decides when a
closed report must be purged.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

ACKNOWLEDGEMENT_DAYS = 7
FEEDBACK_MONTHS = 3


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def acknowledgement_due(received: date) -> date:
    """Last day to acknowledge a report received on ``received``."""
    return received + timedelta(days=ACKNOWLEDGEMENT_DAYS)


def feedback_due(received: date, acknowledged: date | None) -> date:
    """Last day to give feedback: 3 months from the acknowledgement, or from the 7-day limit without one."""
    start = acknowledged if acknowledged is not None else acknowledgement_due(received)
    return add_months(start, FEEDBACK_MONTHS)


@dataclass(frozen=True)
class DeadlineState:
    """Where a report stands against its two deadlines on a given day."""

    acknowledgement_due: date
    feedback_due: date
    acknowledgement_overdue: bool
    feedback_overdue: bool

    @property
    def overdue(self) -> bool:
        """True when any deadline has passed unmet."""
        return self.acknowledgement_overdue or self.feedback_overdue


def deadline_state(
    received: date, acknowledged: date | None, feedback_given: date | None, closed: bool, today: date
) -> DeadlineState:
    """Both deadlines and whether each is overdue on ``today``.

    A deadline is overdue when ``today`` is after it and it was not met; a
    closed report is never overdue (it ends the procedure). A late
    acknowledgement or feedback meets the deadline from then on.
    """
    ack_due = acknowledgement_due(received)
    fb_due = feedback_due(received, acknowledged)
    return DeadlineState(
        acknowledgement_due=ack_due,
        feedback_due=fb_due,
        acknowledgement_overdue=not closed and acknowledged is None and today > ack_due,
        feedback_overdue=not closed and feedback_given is None and today > fb_due,
    )


def purge_due(closed: date | None, retention_days: int, today: date) -> bool:
    """True when a report closed on ``closed`` has been kept ``retention_days`` full days by ``today``."""
    if closed is None:
        return False
    return today >= closed + timedelta(days=retention_days)


def purge_cutoff(today: date, retention_days: int) -> date:
    """Reports closed on or before this day are due for purging on ``today``."""
    return today - timedelta(days=retention_days)
