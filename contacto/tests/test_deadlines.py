"""Working-day deadlines on Chile's calendar: weekends and national holidays don't count."""

from datetime import date

import pytest

from contacto.deadlines import (
    add_working_days,
    answered_on_time,
    due_date,
    is_overdue,
    is_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 11, 27), True),  # Friday
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 9, 18), False),  # Fiestas Patrias
        (date(2026, 9, 17), True),
        (date(2026, 12, 8), False),  # Inmaculada Concepción, a Tuesday
        (date(2026, 12, 25), False),
        (date(2026, 1, 1), False),
        (date(2026, 4, 3), False),  # Viernes Santo
        (date(2026, 6, 29), False),  # San Pedro y San Pablo, moved to Monday
        (date(2026, 10, 12), False),  # Encuentro de Dos Mundos
        (date(2026, 5, 21), False),  # Glorias Navales
        (date(2026, 7, 16), False),  # Virgen del Carmen
        (date(2025, 6, 20), False),  # Día de los Pueblos Indígenas 2025
        (date(2026, 6, 22), True),
    ],
)
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
        (date(2026, 11, 23), 1, date(2026, 11, 24)),
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday -> Monday
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # received Saturday
        (date(2026, 11, 29), 1, date(2026, 11, 30)),  # received Sunday
        (date(2026, 11, 23), 10, date(2026, 12, 7)),
        (date(2026, 12, 7), 1, date(2026, 12, 9)),  # skips 8 December
        (date(2026, 9, 16), 2, date(2026, 9, 21)),  # skips 18 and the weekend
        (date(2026, 6, 26), 1, date(2026, 6, 30)),  # skips weekend and San Pedro y San Pablo
        (date(2026, 4, 2), 1, date(2026, 4, 6)),  # skips Good Friday and the weekend
        (date(2026, 12, 30), 2, date(2027, 1, 4)),  # crosses the year and 1 January
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # skips Christmas
        (date(2026, 1, 2), 20, date(2026, 1, 30)),
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1)


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2026, 11, 23), date(2026, 11, 23), 0),
        (date(2026, 11, 23), date(2026, 11, 20), 0),
        (date(2026, 11, 23), date(2026, 11, 24), 1),
        (date(2026, 11, 27), date(2026, 11, 30), 1),
        (date(2026, 11, 23), date(2026, 12, 7), 10),
        (date(2026, 9, 16), date(2026, 9, 21), 2),
        (date(2026, 11, 28), date(2026, 11, 29), 0),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


@pytest.mark.parametrize("days", [1, 3, 10, 25])
@pytest.mark.parametrize("start", [date(2026, 9, 14), date(2026, 12, 20), date(2026, 6, 27), date(2026, 4, 1)])
def test_counting_back_gives_the_same_number_of_days(start, days):
    assert working_days_between(start, add_working_days(start, days)) == days


def test_due_date_uses_the_type_deadline():
    assert due_date(date(2026, 11, 23), "reclamo") == date(2026, 12, 7)
    assert due_date(date(2026, 11, 23), "desconocido") == date(2026, 12, 7)


@pytest.mark.parametrize(
    "due, today, closed_on, expected",
    [
        (date(2026, 12, 7), date(2026, 12, 7), None, False),  # due today: not yet overdue
        (date(2026, 12, 7), date(2026, 12, 8), None, True),
        (date(2026, 12, 7), date(2026, 12, 1), None, False),
        (date(2026, 12, 7), date(2026, 12, 20), date(2026, 12, 10), False),  # answered (late): no longer open
    ],
)
def test_is_overdue(due, today, closed_on, expected):
    assert is_overdue(due, today, closed_on) is expected


def test_answered_on_time():
    assert answered_on_time(date(2026, 12, 7), date(2026, 12, 7))
    assert answered_on_time(date(2026, 12, 7), date(2026, 12, 1))
    assert not answered_on_time(date(2026, 12, 7), date(2026, 12, 8))
