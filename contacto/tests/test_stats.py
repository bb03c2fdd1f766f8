"""Public statistics: per-month counts, on-time share, median working days."""

from datetime import date

from contacto.stats import median_working_days_to_answer, monthly_counts, on_time_share, type_totals

TYPES = ["consulta", "reclamo", "sugerencia", "felicitacion"]


def test_monthly_counts_orders_months_and_fills_zeros():
    rows = [
        ("reclamo", date(2026, 11, 1), 1),
        ("consulta", date(2026, 10, 1), 1),
        ("reclamo", date(2026, 11, 20), 1),  # same month as the first: added up
        ("felicitacion", date(2025, 12, 1), 1),
    ]
    table = monthly_counts(rows, TYPES)
    assert [(row["year"], row["month"]) for row in table] == [(2025, 12), (2026, 10), (2026, 11)]
    assert table[2]["counts"] == [0, 2, 0, 0]
    assert table[2]["total"] == 2
    assert table[0]["month_start"] == date(2025, 12, 1)


def test_monthly_counts_empty():
    assert monthly_counts([], TYPES) == []


def test_type_totals_in_type_order():
    rows = [("reclamo", date(2026, 1, 1), 2), ("reclamo", date(2026, 2, 1), 3), ("sugerencia", date(2026, 2, 1), 1)]
    assert type_totals(rows, TYPES) == [("consulta", 0), ("reclamo", 5), ("sugerencia", 1), ("felicitacion", 0)]


def test_on_time_share():
    assert on_time_share(0, 0) is None
    assert on_time_share(4, 2) == 0.5
    assert on_time_share(2, 2) == 1.0


def test_median_working_days_to_answer():
    assert median_working_days_to_answer([]) is None
    answered = [
        (date(2026, 11, 23), date(2026, 11, 24), 1),  # 1
        (date(2026, 11, 27), date(2026, 11, 30), 1),  # 1 (weekend)
        (date(2026, 11, 23), date(2026, 12, 7), 1),  # 10
    ]
    assert median_working_days_to_answer(answered) == 1
    assert median_working_days_to_answer(answered[1:]) == 5.5


def test_median_counts_every_request_of_a_pair():
    # 3 requests answered after 1 working day, 4 after 10: the median is 10.
    answered = [(date(2026, 11, 23), date(2026, 11, 24), 3), (date(2026, 11, 23), date(2026, 12, 7), 4)]
    assert median_working_days_to_answer(answered) == 10
    # 4 and 4: the mean of the two middle values.
    answered[0] = (date(2026, 11, 23), date(2026, 11, 24), 4)
    assert median_working_days_to_answer(answered) == 5.5
    expanded = [(date(2026, 11, 23), date(2026, 11, 24), 1)] * 4 + [(date(2026, 11, 23), date(2026, 12, 7), 1)] * 4
    assert median_working_days_to_answer(expanded) == 5.5
