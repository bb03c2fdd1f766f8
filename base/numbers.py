"""The site's one rule for percentages, so every page, export and chart says the same thing.

A percentage is ``100 × part / whole`` computed exactly, then shown with a fixed number of
decimals (one for progress and shares, two for budget execution, none for the home page's
tallies), **truncated toward zero**, never rounded, with one exception at the low end:

* 100 % only when the part is the whole: 99.95 % shows 99.9 % (rounding would say 100,0 %
  while a milestone or a peso is still pending);
* 0 % only when the part is zero: a positive share smaller than one step shows one step
  (0.05 % shows 0.1 %), so "0 %" always means "nothing yet";
* 49.95 % shows 49.9 %: a value under a threshold (50 % "sustancial") never shows on it.

With ``whole`` equal to zero there is no percentage (None); callers say what that means
(a budget line without approved amount shows "—"; a commitment without milestones, 0 %).
Statuses and other decisions are taken on the exact value, never on the shown one.
"""

import math
from decimal import Decimal
from fractions import Fraction


def exact_fraction(value):
    """``value`` (int, Decimal, Fraction, float or numeric string) as an exact Fraction."""
    if isinstance(value, Fraction | int):
        return Fraction(value)
    return Fraction(str(value))


def percentage(part, whole, decimals=1):
    """``100 × part / whole`` as a Decimal with ``decimals`` places, by the rule above; None if whole is 0."""
    if part is None or whole is None or whole == 0:
        return None
    exact = exact_fraction(part) * 100 / exact_fraction(whole)
    steps = math.trunc(exact * 10**decimals)  # toward zero
    if steps == 0 and exact != 0:
        steps = 1 if exact > 0 else -1
    return Decimal(steps).scaleb(-decimals)
