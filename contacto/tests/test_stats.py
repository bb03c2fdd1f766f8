"""Public statistics: per-month counts, on-time share, median working days."""

from datetime import date

from contacto.stats import median_working_days_to_answer, monthly_counts, on_time_share, type_totals

TYPES = ["consulta", "reclamo", "sugerencia", "felicitacion"]


def test_monthly_counts_orders_months_and_fills_zeros():
    rows = [
        ("reclamo", date(2026, 11, 3)),
        ("consulta", date(2026, 10, 30)),
        ("reclamo", date(2026, 11, 20)),
        ("felicitacion", date(2025, 12, 31)),
    ]
    table = monthly_counts(rows, TYPES)
    assert [(row["year"], row["month"]) for row in table] == [(2025, 12), (2026, 10), (2026, 11)]
    assert table[2]["counts"] == [0, 2, 0, 0]
    assert table[2]["total"] == 2
    assert table[0]["month_start"] == date(2025, 12, 1)


def test_monthly_counts_empty():
    assert monthly_counts([], TYPES) == []


def test_type_totals_in_type_order():
    rows = [("reclamo", date(2026, 1, 5)), ("reclamo", date(2026, 2, 5)), ("sugerencia", date(2026, 2, 5))]
    assert type_totals(rows, TYPES) == [("consulta", 0), ("reclamo", 2), ("sugerencia", 1), ("felicitacion", 0)]


def test_on_time_share():
    assert on_time_share([]) is None
    answered = [
        (date(2026, 12, 7), date(2026, 12, 7)),  # on the due date: on time
        (date(2026, 12, 7), date(2026, 12, 1)),
        (date(2026, 12, 7), date(2026, 12, 8)),
        (date(2026, 12, 7), date(2026, 12, 30)),
    ]
    assert on_time_share(answered) == 0.5
    assert on_time_share(answered[:2]) == 1.0


def test_median_working_days_to_answer():
    assert median_working_days_to_answer([]) is None
    answered = [
        (date(2026, 11, 23), date(2026, 11, 24)),  # 1
        (date(2026, 11, 27), date(2026, 11, 30)),  # 1 (weekend)
        (date(2026, 11, 23), date(2026, 12, 7)),  # 10
    ]
    assert median_working_days_to_answer(answered) == 1
    assert median_working_days_to_answer(answered[1:]) == 5.5
