"""Public statistics of the citizen attention office: pure functions, no personal data.

The page counts in the database (``views.statistics``: requests per type and month, on-time
answers, and answered requests per pair of receipt and answer dates) and hands these small
aggregated rows to the functions here, so the figures can be tested without a database and
the page reads the same few rows whether there are twenty requests or twenty thousand.
"""

from collections import Counter
from datetime import date

from .deadlines import working_days_between


def monthly_counts(rows, types):
    """Requests per month and type.

    ``rows`` are ``(request_type, month_start, count)`` triples (``month_start`` any date in the
    month); ``types`` the ordered type keys. Returns a list of
    ``{"year", "month", "month_start", "counts": [n per type], "total"}``, oldest first.
    """
    counter = Counter()
    for kind, month, count in rows:
        counter[(month.year, month.month, kind)] += count
    months = sorted({(year, month) for year, month, _ in counter})
    table = []
    for year, month in months:
        counts = [counter[(year, month, kind)] for kind in types]
        table.append(
            {"year": year, "month": month, "month_start": date(year, month, 1), "counts": counts, "total": sum(counts)}
        )
    return table


def type_totals(rows, types):
    """Total requests per type, in ``types`` order, as ``(type, n)`` pairs, from ``(type, month, count)`` rows."""
    counter = Counter()
    for kind, _month, count in rows:
        counter[kind] += count
    return [(kind, counter[kind]) for kind in types]


def on_time_share(answered, on_time):
    """Share (0..1) of answered requests answered on or before their due date; None if none answered."""
    if not answered:
        return None
    return on_time / answered


def median_working_days_to_answer(answered):
    """Median working days between receipt and answer; None if none answered.

    ``answered`` are ``(received_on, answered_on, count)`` triples: how many requests were
    received and answered on those two dates. Working days are counted once per pair.
    """
    days = Counter()
    for received, done, count in answered:
        days[working_days_between(received, done)] += count
    total = sum(days.values())
    if not total:
        return None
    ordered = sorted(days.items())

    def nth(position):  # the value at 0-based ``position`` of the sorted list of all requests
        seen = 0
        for value, count in ordered:
            seen += count
            if position < seen:
                return value
        raise IndexError(position)

    middle = total // 2
    if total % 2:
        return nth(middle)
    return (nth(middle - 1) + nth(middle)) / 2
