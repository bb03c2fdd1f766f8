"""Public statistics of the citizen attention office: pure functions, no personal data.

They take plain rows (type, dates) that the page reads in one query, so the
figures can be tested without a database and the page's query count is fixed.
"""

from collections import Counter
from datetime import date
from statistics import median

from .deadlines import working_days_between


def monthly_counts(rows, types):
    """Requests per month and type.

    ``rows`` are ``(request_type, received_on)`` pairs; ``types`` the ordered type keys.
    Returns a list of ``{"year", "month", "month_start", "counts": [n per type], "total"}``, oldest first.
    """
    counter = Counter((received.year, received.month, kind) for kind, received in rows)
    months = sorted({(year, month) for year, month, _ in counter})
    table = []
    for year, month in months:
        counts = [counter[(year, month, kind)] for kind in types]
        table.append(
            {"year": year, "month": month, "month_start": date(year, month, 1), "counts": counts, "total": sum(counts)}
        )
    return table


def type_totals(rows, types):
    """Total requests per type, in ``types`` order, as ``(type, n)`` pairs."""
    counter = Counter(kind for kind, _ in rows)
    return [(kind, counter[kind]) for kind in types]


def on_time_share(answered):
    """Share (0..1) of answered requests answered on or before their due date; None if none answered.

    ``answered`` are ``(due_on, answered_on)`` pairs.
    """
    answered = list(answered)
    if not answered:
        return None
    on_time = sum(1 for due, done in answered if done <= due)
    return on_time / len(answered)


def median_working_days_to_answer(answered):
    """Median working days between receipt and answer; None if none answered.

    ``answered`` are ``(received_on, answered_on)`` pairs.
    """
    days = [working_days_between(received, done) for received, done in answered]
    if not days:
        return None
    return median(days)
