"""Budget arithmetic for the citizen budget sheets: every number a sheet shows is computed here.

Amounts are whole thousands of pesos (M$), never negative. The execution rate is
executed / approved, truncated (never rounded) to two decimals, so a line shows
99,99 % until it is fully executed; an approved amount of 0 has no rate (None,
shown as "—"). Totals are the sums of the lines; a line with components takes
its amounts from them. Declared amounts (the official programme totals, or the
amounts typed on a line that has components) are checked against the sums; the
official totals, when both are published, are the page's headline figures
(``headline``), because they are what the government reports.

A line's share of the programme (``share``) follows the execution rule:
truncated to two decimals, so the shares of a programme never add up to more
than 100 % and fall short of it by less than 0,01 % per line.

Amounts in words (``in_millions``): M$ are thousands of pesos, so 143.780.698 M$
are $143.780,698 millones. From $1.000 millones up the words give whole millions;
from $1 millón, millions with one decimal; below that, the exact pesos. Rounded
half up (the nearest figure is what a reader repeats); the M$ figure beside it
stays exact.

Plain Python on Decimal and int: the models, blocks, templates and exports call
these functions and tests exercise them directly.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from base.numbers import percentage

FULL_BAR = Decimal("100.00")

# Largest accepted amount: 999.999.999.999 M$ (about a quadrillion pesos), far above
# any regional budget, so a mistyped extra group of digits is caught.
MAX_AMOUNT = 999_999_999_999

# "8713930", "8.713.930" (es-CL grouping) or "8 713 930"; nothing else.
_PLAIN_DIGITS = re.compile(r"^\d+$")
_GROUPED_DIGITS = re.compile(r"^\d{1,3}([. \u00a0]\d{3})+$")

APPROVED = "approved"
EXECUTED = "executed"


class AmountError(ValueError):
    """An amount an editor typed that is not a whole, non-negative number of M$."""


def parse_amount(text):
    """Read an amount in M$ as an editor types it; return an int, or None when empty.

    Accepts "8713930", "8.713.930" and "8 713 930". Raises ``AmountError`` with a
    Spanish message for anything else: negatives, decimals, letters, huge values.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise AmountError(_("Escriba el monto solo con cifras, por ejemplo 8.713.930."))
    if isinstance(text, int):
        value = text
    elif isinstance(text, Decimal | float):
        if text != int(text):
            raise AmountError(_("El monto debe ser un número entero de miles de pesos, sin decimales."))
        value = int(text)
    else:
        text = str(text).strip()
        if not text:
            return None
        if text.startswith("-"):
            raise AmountError(_("El monto no puede ser negativo."))
        compact = text.removeprefix("M$").strip()
        if _PLAIN_DIGITS.match(compact):
            value = int(compact)
        elif _GROUPED_DIGITS.match(compact):
            value = int(re.sub(r"\D", "", compact))
        elif re.match(r"^[\d.\s\u00a0]*[.,]\d{1,2}$", compact) or re.match(r"^\d+[.,]\d+$", compact):
            raise AmountError(_("El monto debe ser un número entero de miles de pesos, sin decimales."))
        else:
            raise AmountError(_("Escriba el monto solo con cifras, por ejemplo 8.713.930."))
    if value < 0:
        raise AmountError(_("El monto no puede ser negativo."))
    if value > MAX_AMOUNT:
        raise AmountError(_("El monto es demasiado grande: revise que esté en miles de pesos (M$)."))
    return value


def execution_rate(executed, approved):
    """Executed / approved as a percentage with two decimals (Decimal), or None if approved is 0.

    The site's percentage rule (``base.numbers.percentage``): truncated, never rounded up, so
    69.636 / 69.638 gives 99.99 and 111.933 / 111.931 gives 100.00 (an over-execution,
    flagged separately); anything executed shows at least 0.01.
    """
    return percentage(executed, approved, 2)


def share(part, whole):
    """``part`` as a percentage of ``whole``, truncated to two decimals like the execution rate; None if whole is 0."""
    return execution_rate(part, whole)


def excess(executed, approved):
    """How much more was executed than approved, in M$; 0 when not over-executed."""
    if approved is None or executed is None:
        return 0
    return max(executed - approved, 0)


PESOS = "pesos"
MILLIONS = "millions"

# Thresholds in M$ (thousands of pesos): $1 millón and $1.000 millones.
ONE_MILLION = 1_000
THOUSAND_MILLIONS = 1_000_000


def in_millions(value):
    """An amount in M$ as people say it: (PESOS, whole pesos) or (MILLIONS, millions as a Decimal).

    143_780_698 -> (MILLIONS, 143781); 69_638 -> (MILLIONS, 69.6); 8_000 -> (MILLIONS, 8);
    999 -> (PESOS, 999000); None -> None. Millions keep one decimal below $1.000 millones
    (dropped when it is 0) and none from there up; rounding half up, and a value that rounds
    up to 1.000 millones is written as such (999_999 -> (MILLIONS, 1000)).
    """
    if value is None:
        return None
    if value < ONE_MILLION:
        return PESOS, value * 1_000
    millions = Decimal(value) / 1_000
    if value < THOUSAND_MILLIONS:
        millions = millions.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if millions < 1_000 and millions != millions.to_integral_value():
            return MILLIONS, millions
    return MILLIONS, millions.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def bar_length(rate):
    """Length of a chart bar, 0-100, for an execution rate: capped at 100, 0 when there is no rate."""
    if rate is None:
        return Decimal("0.00")
    return min(rate, FULL_BAR)


def is_over_executed(executed, approved):
    """True when more was executed than approved (including anything executed against 0 approved)."""
    if approved is None or executed is None:
        return False
    return executed > approved


class ExecutionFigures:
    """What follows from ``approved`` and ``executed``, for a line, a table and a headline alike."""

    @property
    def execution_rate(self):
        return execution_rate(self.executed, self.approved)

    @property
    def bar_length(self):
        return bar_length(self.execution_rate)

    @property
    def is_over_executed(self):
        return is_over_executed(self.executed, self.approved)

    @property
    def excess(self):
        return excess(self.executed, self.approved)


@dataclass(frozen=True)
class Line(ExecutionFigures):
    """One budget line (a subtítulo, or a component of one) with its amounts in M$.

    ``approved`` and ``executed`` are the amounts the sheet uses: for a line with
    components they are the components' sums. ``declared_approved`` and
    ``declared_executed`` keep what the editor typed on such a line, to check it.
    """

    code: str
    name: str
    approved: int
    executed: int
    description: str = ""
    who_may_apply: str = ""
    components: tuple = ()
    declared_approved: int | None = None
    declared_executed: int | None = None

    @property
    def label(self):
        """Code and name, as a reader names the line: "33.03.125 FRIL"."""
        return f"{self.code} {self.name}".strip()


def make_line(code, name, approved=None, executed=None, components=(), description="", who_may_apply=""):
    """Build a ``Line``; with components its amounts are their sums and the typed ones are kept as declared."""
    components = tuple(components)
    if components:
        return Line(
            code=code,
            name=name,
            approved=sum_amounts(c.approved for c in components),
            executed=sum_amounts(c.executed for c in components),
            description=description,
            who_may_apply=who_may_apply,
            components=components,
            declared_approved=approved,
            declared_executed=executed,
        )
    return Line(
        code=code,
        name=name,
        approved=approved or 0,
        executed=executed or 0,
        description=description,
        who_may_apply=who_may_apply,
    )


def sum_amounts(amounts):
    """Sum of whole amounts; empty values count as 0."""
    return sum((amount or 0 for amount in amounts), 0)


@dataclass(frozen=True)
class Difference:
    """A declared amount that the lines below it do not add up to.

    ``line`` is None for the programme's official totals. ``difference`` is
    computed minus declared: positive when the lines add up to more.
    """

    measure: str  # APPROVED or EXECUTED
    computed: int
    declared: int
    line: Line | None = None

    @property
    def difference(self):
        return self.computed - self.declared

    @property
    def absolute_difference(self):
        return abs(self.difference)


@dataclass(frozen=True)
class Budget(ExecutionFigures):
    """A programme's budget table: its lines and, optionally, the official totals as published."""

    lines: tuple
    official_approved: int | None = None
    official_executed: int | None = None
    title: str = ""
    note: str = ""

    @property
    def approved(self):
        """Total approved: the sum of the lines."""
        return sum_amounts(line.approved for line in self.lines)

    @property
    def executed(self):
        """Total executed: the sum of the lines."""
        return sum_amounts(line.executed for line in self.lines)

    @property
    def official_execution_rate(self):
        """The rate of the official totals, when both were entered."""
        return execution_rate(self.official_executed, self.official_approved)

    @property
    def has_official_totals(self):
        return self.official_approved is not None or self.official_executed is not None

    @property
    def differences(self):
        """Every declared amount the lines do not add up to: programme totals first, then lines."""
        return find_differences(self)

    @property
    def over_executed_lines(self):
        """Lines and components whose executed amount is above the approved one, in table order."""
        return [line for line in self.all_lines() if line.is_over_executed]

    @property
    def headline(self):
        """The figures at the top of the page: the official totals when both are published, else the sums."""
        return headline(self)

    @property
    def shares(self):
        """(line, share %, bar length) for every line, in table order: where the approved money goes.

        Shares of the sum of the lines (so they add up to 100 % within truncation); components
        are left out, as their line already counts them.
        """
        total = self.approved
        rows = []
        for line in self.lines:
            percent = share(line.approved, total)
            rows.append((line, percent, bar_length(percent)))
        return rows

    def all_lines(self):
        """Lines and their components, in table order."""
        for line in self.lines:
            yield line
            yield from line.components

    def leaf_rows(self):
        """(line, component or None) for every amount that is not itself a sum: the rows of the open data.

        Summing these rows gives the programme totals exactly, so nothing is counted twice.
        """
        rows = []
        for line in self.lines:
            if line.components:
                rows.extend((line, component) for component in line.components)
            else:
                rows.append((line, None))
        return rows


def find_differences(budget):
    """The declared amounts of ``budget`` that differ from the sums they should equal."""
    differences = []
    for measure, computed, declared in (
        (APPROVED, budget.approved, budget.official_approved),
        (EXECUTED, budget.executed, budget.official_executed),
    ):
        if declared is not None and declared != computed:
            differences.append(Difference(measure, computed, declared))
    for line in budget.lines:
        if not line.components:
            continue
        for measure, computed, declared in (
            (APPROVED, line.approved, line.declared_approved),
            (EXECUTED, line.executed, line.declared_executed),
        ):
            if declared is not None and declared != computed:
                differences.append(Difference(measure, computed, declared, line=line))
    return differences


@dataclass(frozen=True)
class Headline(ExecutionFigures):
    """The key figures of a sheet and where they come from.

    ``official`` is True when they are the official totals as published; then
    ``differences`` lists how the sums of the lines differ from them (empty when
    they agree). Otherwise they are the sums of the lines.
    """

    approved: int
    executed: int
    official: bool
    differences: tuple = ()


def headline(budget):
    """The headline figures of ``budget``: official totals if both were published, else the sums of the lines.

    One official total alone is not enough: a rate from an official numerator over a
    computed denominator would be neither the government's figure nor ours.
    """
    if budget.official_approved is not None and budget.official_executed is not None:
        differences = tuple(d for d in find_differences(budget) if d.line is None)
        return Headline(budget.official_approved, budget.official_executed, official=True, differences=differences)
    return Headline(budget.approved, budget.executed, official=False)
