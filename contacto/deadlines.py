"""Deadlines in working days on Chile's calendar (weekends and national public holidays).

Pure functions over dates: no database, no clock. The `holidays` package supplies
Chile's public holidays, including the moving ones (e.g. San Pedro y San Pablo,
Encuentro de Dos Mundos) and those added by law in a given year.
"""

from datetime import timedelta
from functools import lru_cache

import holidays

# Working days the office gives itself to answer each kind of request.
DEADLINE_WORKING_DAYS = {
    "consulta": 10,
    "reclamo": 10,
    "sugerencia": 10,
    "felicitacion": 10,
}
DEFAULT_WORKING_DAYS = 10


@lru_cache(maxsize=64)
def _chile_holidays(year):
    return holidays.Chile(years=year)


def is_working_day(day):
    """True if ``day`` is Monday to Friday and not a Chilean public holiday."""
    return day.weekday() < 5 and day not in _chile_holidays(day.year)


def add_working_days(start, days):
    """The date ``days`` working days after ``start`` (``start`` itself never counts).

    A request received on a Saturday with a 1-day deadline is due on Monday (or
    the next working day if Monday is a holiday). ``days`` = 0 returns ``start``.
    """
    if days < 0:
        raise ValueError("days must be zero or positive")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start, end):
    """Working days after ``start`` up to and including ``end`` (0 if ``end`` <= ``start``)."""
    if end <= start:
        return 0
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def due_date(received_on, request_type):
    """The date by which a request of ``request_type`` received on ``received_on`` must be answered."""
    return add_working_days(received_on, DEADLINE_WORKING_DAYS.get(request_type, DEFAULT_WORKING_DAYS))


def is_overdue(due, today, closed_on=None):
    """True if the deadline has passed without an answer: still open after ``due``.

    ``closed_on`` is the date the request was answered, forwarded or closed (None while open).
    """
    if closed_on is not None:
        return False
    return today > due


def answered_on_time(due, answered_on):
    """True if ``answered_on`` is on or before ``due``."""
    return answered_on <= due
