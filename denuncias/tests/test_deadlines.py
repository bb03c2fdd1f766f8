"""The legal deadlines (7 days to acknowledge, 3 months to give feedback) and retention."""

from datetime import date

import pytest

from denuncias import deadlines


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 3, date(2026, 4, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 31), 3, date(2026, 6, 30)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
        (date(2026, 10, 10), 12, date(2027, 10, 10)),
        (date(2026, 5, 31), 0, date(2026, 5, 31)),
    ],
)
def test_add_months_clamps_to_the_end_of_shorter_months(day, months, expected):
    assert deadlines.add_months(day, months) == expected


def test_acknowledgement_is_due_seven_days_after_receipt():
    assert deadlines.acknowledgement_due(date(2026, 11, 27)) == date(2026, 12, 4)
    assert deadlines.acknowledgement_due(date(2026, 12, 28)) == date(2027, 1, 4)


def test_feedback_is_due_three_months_after_the_acknowledgement():
    assert deadlines.feedback_due(date(2026, 11, 1), date(2026, 11, 3)) == date(2027, 2, 3)


def test_feedback_without_acknowledgement_counts_from_the_end_of_the_seven_days():
    assert deadlines.feedback_due(date(2026, 11, 1), None) == date(2027, 2, 8)


def _state(today, acknowledged=None, feedback=None, closed=False):
    return deadlines.deadline_state(date(2026, 11, 1), acknowledged, feedback, closed, today)


def test_nothing_is_overdue_on_the_last_day():
    state = _state(date(2026, 11, 8))
    assert not state.acknowledgement_overdue and not state.overdue


def test_acknowledgement_is_overdue_the_day_after_the_limit():
    state = _state(date(2026, 11, 9))
    assert state.acknowledgement_overdue and state.overdue and not state.feedback_overdue


def test_a_late_acknowledgement_is_no_longer_overdue():
    assert not _state(date(2026, 11, 20), acknowledged=date(2026, 11, 15)).acknowledgement_overdue


def test_feedback_becomes_overdue_after_three_months():
    acknowledged = date(2026, 11, 2)
    assert not _state(date(2027, 2, 2), acknowledged=acknowledged).feedback_overdue
    assert _state(date(2027, 2, 3), acknowledged=acknowledged).feedback_overdue


def test_feedback_given_meets_the_deadline():
    assert not _state(date(2027, 6, 1), acknowledged=date(2026, 11, 2), feedback=date(2027, 1, 5)).overdue


def test_closed_reports_are_never_overdue():
    assert not _state(date(2027, 6, 1), closed=True).overdue


def test_state_reports_both_due_dates():
    state = _state(date(2026, 11, 2))
    assert state.acknowledgement_due == date(2026, 11, 8)
    assert state.feedback_due == date(2027, 2, 8)


@pytest.mark.parametrize(
    ("closed", "days", "today", "expected"),
    [
        (None, 30, date(2030, 1, 1), False),
        (date(2026, 1, 1), 30, date(2026, 1, 30), False),
        (date(2026, 1, 1), 30, date(2026, 1, 31), True),
        (date(2026, 1, 1), 0, date(2026, 1, 1), True),
        (date(2026, 1, 1), 730, date(2027, 12, 31), False),
        (date(2026, 1, 1), 730, date(2028, 1, 1), True),
    ],
)
def test_purge_is_due_after_the_retention_period(closed, days, today, expected):
    assert deadlines.purge_due(closed, days, today) is expected


def test_purge_cutoff():
    assert deadlines.purge_cutoff(date(2026, 3, 1), 30) == date(2026, 1, 30)
