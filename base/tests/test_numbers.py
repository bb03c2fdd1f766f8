"""The one percentage rule: truncated toward zero, 100 only when complete, 0 only when empty."""

from decimal import Decimal

import pytest

from base.numbers import percentage


@pytest.mark.parametrize(
    ("part", "whole", "decimals", "shown"),
    [
        # The edges the rule is written for, at one decimal.
        (5, 10_000, 1, Decimal("0.1")),  # 0.05 %: something done never shows 0
        (4_995, 10_000, 1, Decimal("49.9")),  # 49.95 %: never shows on the 50 % threshold
        (9_995, 10_000, 1, Decimal("99.9")),  # 99.95 %: never shows 100 while something is pending
        (2_000, 2_001, 1, Decimal("99.9")),  # 20 milestones of weight 100 done, one of weight 1 pending
        (0, 10, 1, Decimal("0.0")),
        (10, 10, 1, Decimal("100.0")),
        (1, 3, 1, Decimal("33.3")),
        (2, 3, 1, Decimal("66.6")),  # truncated, not rounded to 66.7
        # Two decimals (budget execution) and none (the home page's tallies).
        (69_636, 69_638, 2, Decimal("99.99")),
        (111_933, 111_931, 2, Decimal("100.00")),  # over 100 is kept (over-execution), still truncated
        (1, 100_000, 2, Decimal("0.01")),
        (999, 1_000, 0, Decimal("99")),
        (1, 1_000, 0, Decimal("1")),
        # Decimals and floats are taken at their written value.
        (Decimal("0.5"), Decimal("1000"), 1, Decimal("0.1")),
        (0.9995, 1, 1, Decimal("99.9")),
    ],
)
def test_percentage_truncates_and_keeps_the_ends_honest(part, whole, decimals, shown):
    result = percentage(part, whole, decimals)
    assert result == shown
    assert result.as_tuple().exponent == -decimals


def test_no_whole_no_percentage():
    assert percentage(0, 0) is None
    assert percentage(5, None) is None
    assert percentage(None, 5) is None
