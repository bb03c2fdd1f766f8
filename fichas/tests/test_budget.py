"""The budget arithmetic, tested directly: truncation, zero, sums, mismatches and over-execution."""

from decimal import Decimal

import pytest

from fichas import budget
from fichas.budget import AmountError, Budget, Difference, execution_rate, make_line, parse_amount


@pytest.mark.parametrize(
    ("executed", "approved", "expected"),
    [
        # The seed's lines, computed (the seed prints some rounded, e.g. 97,9 % for subtítulo 22).
        (8_713_930, 8_795_139, "99.07"),  # seed says 99,08: rounding, not truncation
        (2_453_174, 2_766_276, "88.68"),  # seed says 97,9
        (69_636, 69_638, "99.99"),
        (897_094, 976_687, "91.85"),
        (111_933, 111_931, "100.00"),  # over-executed: still 100,00, flagged apart
        (546_949, 654_571, "83.55"),
        (12_693_714, 13_374_244, "94.91"),
        (143_575_300, 143_780_698, "99.85"),
        (48_791_357, 48_818_412, "99.94"),
        # Truncation, never rounding
        (2, 3, "66.66"),
        (1, 3, "33.33"),
        (99_999, 100_000, "99.99"),
        (999_999_999, 1_000_000_000, "99.99"),
        (1, 7, "14.28"),
        (5, 1000, "0.50"),
        (1, 100_000, "0.01"),  # anything executed shows (base.numbers: 0 % means nothing yet)
        # Whole and beyond
        (0, 5, "0.00"),
        (7, 7, "100.00"),
        (3, 2, "150.00"),
    ],
)
def test_execution_rate_is_truncated_to_two_decimals(executed, approved, expected):
    rate = execution_rate(executed, approved)
    assert isinstance(rate, Decimal)
    assert rate == Decimal(expected)
    assert str(rate) == expected


@pytest.mark.parametrize(("executed", "approved"), [(0, 0), (10, 0), (None, 5), (5, None)])
def test_no_rate_without_an_approved_amount(executed, approved):
    assert execution_rate(executed, approved) is None


def test_rate_just_below_complete_never_shows_complete():
    assert execution_rate(10**12 - 1, 10**12) == Decimal("99.99")


@pytest.mark.parametrize(
    ("executed", "approved", "over"),
    [(111_933, 111_931, True), (5, 5, False), (4, 5, False), (1, 0, True), (0, 0, False)],
)
def test_over_execution(executed, approved, over):
    assert budget.is_over_executed(executed, approved) is over
    assert make_line("26", "x", approved, executed).is_over_executed is over


@pytest.mark.parametrize(
    ("rate", "length"),
    [(None, "0.00"), (Decimal("0.00"), "0.00"), (Decimal("94.91"), "94.91"), (Decimal("150.00"), "100.00")],
)
def test_bar_length_is_capped_at_a_full_bar(rate, length):
    assert budget.bar_length(rate) == Decimal(length)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8713930", 8_713_930),
        ("8.713.930", 8_713_930),
        ("8 713 930", 8_713_930),
        (" 69.636 ", 69_636),
        ("M$ 1.500", 1_500),
        ("0", 0),
        ("", None),
        ("   ", None),
        (None, None),
        (42, 42),
        (Decimal("12"), 12),
    ],
)
def test_parse_amount_accepts_whole_numbers_as_editors_type_them(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "no puede ser negativo"),
        ("-1.000", "no puede ser negativo"),
        (-3, "no puede ser negativo"),
        ("1,5", "sin decimales"),
        ("1.5", "sin decimales"),
        ("12.50", "sin decimales"),
        ("8713930,25", "sin decimales"),
        (Decimal("1.5"), "sin decimales"),
        ("abc", "solo con cifras"),
        ("12a", "solo con cifras"),
        ("1.00.000", "solo con cifras"),
        ("1e6", "solo con cifras"),
        (True, "solo con cifras"),
        ("1.000.000.000.000", "demasiado grande"),
    ],
)
def test_parse_amount_rejects_anything_else_in_spanish(text, message):
    with pytest.raises(AmountError, match=message):
        parse_amount(text)


def test_a_line_with_components_takes_their_sums_and_keeps_what_was_typed():
    components = [
        make_line("33.03.125", "FRIL", 10, 9),
        make_line("33.03.150", "Otras", 20, 20),
        make_line("", "FIC-R", 5, 1),
    ]
    line = make_line("33", "Transferencias de Capital", approved=36, executed=None, components=components)
    assert (line.approved, line.executed) == (35, 30)
    assert (line.declared_approved, line.declared_executed) == (36, None)
    assert line.execution_rate == Decimal("85.71")


def test_totals_are_the_sums_of_the_lines():
    lines = (
        make_line("21", "a", 100, 50),
        make_line("22", "b", 0, 0),
        make_line("33", "c", components=[make_line("", "d", 7, 7)]),
    )
    sheet = Budget(lines=lines)
    assert (sheet.approved, sheet.executed) == (107, 57)
    assert sheet.execution_rate == Decimal("53.27")
    assert sheet.differences == []
    assert Budget(lines=()).execution_rate is None


def test_official_totals_that_do_not_add_up_are_reported_with_the_difference():
    lines = (make_line("21", "a", 100, 90), make_line("22", "b", 50, 60))
    sheet = Budget(lines=lines, official_approved=152, official_executed=150)
    assert sheet.differences == [Difference(budget.APPROVED, computed=150, declared=152)]
    assert sheet.differences[0].difference == -2
    sheet = Budget(lines=lines, official_approved=150, official_executed=140)
    assert sheet.differences == [Difference(budget.EXECUTED, computed=150, declared=140)]
    assert sheet.differences[0].difference == 10
    assert Budget(lines=lines, official_approved=150, official_executed=150).differences == []
    assert Budget(lines=lines, official_approved=None, official_executed=150).differences == []


def test_a_line_whose_components_do_not_add_up_is_reported():
    line = make_line(
        "33", "c", approved=100, executed=80, components=[make_line("", "x", 60, 50), make_line("", "y", 40, 20)]
    )
    differences = Budget(lines=(line,)).differences
    assert differences == [Difference(budget.EXECUTED, computed=70, declared=80, line=line)]


def test_over_executed_lines_include_components_in_table_order():
    over_component = make_line("", "x", 1, 2)
    lines = (
        make_line("26", "a", 111_931, 111_933),
        make_line("33", "b", components=[over_component, make_line("", "y", 5, 1)]),
    )
    sheet = Budget(lines=lines)
    assert [line.name for line in sheet.over_executed_lines] == ["a", "x"]
    assert not sheet.is_over_executed


def test_leaf_rows_sum_to_the_totals_without_counting_twice():
    lines = (
        make_line("21", "a", 10, 5),
        make_line("33", "b", components=[make_line("", "x", 1, 1), make_line("", "y", 2, 2)]),
    )
    sheet = Budget(lines=lines)
    rows = sheet.leaf_rows()
    assert [(line.code, component.name if component else None) for line, component in rows] == [
        ("21", None),
        ("33", "x"),
        ("33", "y"),
    ]
    assert sum((component or line).approved for line, component in rows) == sheet.approved


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, (budget.PESOS, 0)),
        (1, (budget.PESOS, 1_000)),
        (999, (budget.PESOS, 999_000)),  # below $1 millón: the exact pesos
        (1_000, (budget.MILLIONS, Decimal("1"))),
        (1_049, (budget.MILLIONS, Decimal("1"))),
        (1_050, (budget.MILLIONS, Decimal("1.1"))),  # half up
        (69_638, (budget.MILLIONS, Decimal("69.6"))),
        (8_000, (budget.MILLIONS, Decimal("8"))),  # no ",0"
        (999_949, (budget.MILLIONS, Decimal("999.9"))),
        (999_950, (budget.MILLIONS, Decimal("1000"))),  # rounds up to 1.000 millones: whole millions
        (1_000_000, (budget.MILLIONS, Decimal("1000"))),
        (1_000_500, (budget.MILLIONS, Decimal("1001"))),
        (143_780_000, (budget.MILLIONS, Decimal("143780"))),
        (143_780_499, (budget.MILLIONS, Decimal("143780"))),
        (143_780_698, (budget.MILLIONS, Decimal("143781"))),
        (budget.MAX_AMOUNT, (budget.MILLIONS, Decimal("1000000000"))),
    ],
)
def test_amounts_in_millions_at_their_edges(value, expected):
    unit, figure = budget.in_millions(value)
    assert (unit, figure) == expected
    assert str(figure) == str(expected[1])


def test_no_amount_has_no_words():
    assert budget.in_millions(None) is None


@pytest.mark.parametrize(
    ("value", "spanish", "english"),
    [
        (None, "—", "—"),
        (0, "$0", "CLP 0"),
        (999, "$999.000", "CLP 999,000"),
        (1_000, "$1 millón", "CLP 1 million"),
        (69_638, "$69,6 millones", "CLP 69.6 million"),
        (999_950, "$1.000 millones", "CLP 1,000 million"),
        (143_780_698, "$143.781 millones", "CLP 143,781 million"),
    ],
)
def test_amounts_in_words_in_both_languages(value, spanish, english):
    from django.utils import translation

    from fichas.templatetags.fichas_tags import en_palabras

    with translation.override("es-cl"):
        assert en_palabras(value) == spanish
    with translation.override("en"):
        assert en_palabras(value) == english


def test_shares_are_truncated_and_add_up_to_at_most_100():
    lines = [make_line(code, code, approved=1, executed=0) for code in ("21", "22", "23")]
    shares = Budget(lines=tuple(lines)).shares
    assert [percent for _line, percent, _length in shares] == [Decimal("33.33")] * 3
    assert Budget(lines=(make_line("21", "a", approved=0, executed=0),)).shares[0][1:] == (None, Decimal("0.00"))


def test_headline_uses_the_official_totals_only_when_both_are_published():
    lines = (make_line("21", "a", approved=100, executed=50),)
    both = Budget(lines=lines, official_approved=110, official_executed=50).headline
    assert (both.approved, both.executed, both.official) == (110, 50, True)
    assert [d.measure for d in both.differences] == [budget.APPROVED]
    one = Budget(lines=lines, official_approved=110).headline
    assert (one.approved, one.executed, one.official, one.differences) == (100, 50, False, ())
    over = Budget(lines=lines, official_approved=40, official_executed=50).headline
    assert over.is_over_executed and over.excess == 10 and over.execution_rate == Decimal("125.00")
