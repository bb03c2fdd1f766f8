"""The budget-table block: amounts must be whole and non-negative, with Spanish errors, never a crash."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from fichas.blocks import AmountBlock, BudgetLineBlock, BudgetTableBlock, FichaBodyBlock

from .factories import BudgetLineBlockFactory, budget_body, budget_table, component, line


def line_value(code="21", approved=100, executed=90, *components):
    """A line's block value, as the factories build it: ``line_value("33", None, None, component(...))``."""
    values = line(code, approved, executed, *components)
    return BudgetLineBlockFactory(**values)


def messages(error):
    """Every message in a (possibly nested) block validation error, flattened."""
    found = []
    if hasattr(error, "block_errors") and error.block_errors:
        children = error.block_errors.values() if isinstance(error.block_errors, dict) else error.block_errors
        for child in children:
            if child is not None:
                found += messages(child)
    if getattr(error, "non_block_errors", None):
        found += [m for e in error.non_block_errors.as_data() for m in e.messages]
    if not hasattr(error, "block_errors"):
        found += error.messages
    return found


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "El monto no puede ser negativo."),
        (-5, "El monto no puede ser negativo."),
        ("1,5", "El monto debe ser un número entero de miles de pesos, sin decimales."),
        ("diez", "Escriba el monto solo con cifras, por ejemplo 8.713.930."),
    ],
)
def test_amount_block_rejects_bad_amounts_in_spanish(typed, message):
    with pytest.raises(ValidationError) as error:
        AmountBlock().clean(typed)
    assert error.value.messages == [message]


def test_amount_block_reads_es_cl_grouping_and_shows_it_back():
    block = AmountBlock()
    assert block.clean("8.713.930") == 8_713_930
    assert block.get_form_state(8_713_930) == "8.713.930"
    assert block.get_prep_value(8_713_930) == 8_713_930


def test_a_bad_amount_in_a_line_is_a_struct_block_error_on_that_field():
    block = BudgetLineBlock()
    value = line_value()
    value["executed"] = "-3"
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert list(error.value.block_errors) == ["executed"]
    assert messages(error.value) == ["El monto no puede ser negativo."]


def test_a_line_without_components_needs_both_amounts():
    block = BudgetLineBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(line_value(approved=None, executed=None))
    assert set(error.value.block_errors) == {"approved", "executed"}
    assert "o agregue componentes" in messages(error.value)[0]


def test_a_line_with_components_may_leave_its_own_amounts_empty():
    block = BudgetLineBlock()
    cleaned = block.clean(line_value("33", None, None, component("33.03.125", 5, 4)))
    assert cleaned["approved"] is None


def test_a_component_code_must_belong_to_its_line():
    block = BudgetLineBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(line_value("33", 100, 90, component("22.01", 5, 4)))
    assert messages(error.value) == ["El código 22.01 no pertenece a la línea 33."]


@pytest.mark.parametrize("code", ["2", "21.5", "abc", "33-03-125", "33.03.12"])
def test_codes_follow_the_budget_classification(code):
    block = BudgetLineBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(line_value(code))
    assert messages(error.value) == [
        "El código debe tener la forma 21, 33.03 o 33.03.125 (subtítulo, ítem y asignación)."
    ]


def test_repeated_codes_in_a_table_are_an_error():
    with pytest.raises(StructBlockValidationError) as error:
        BudgetTableBlock().clean(budget_table(line("21", 100, 90), line("21", 100, 90)))
    assert messages(error.value) == ["El código 21 está repetido en la tabla."]


def test_a_sheet_body_has_at_most_one_budget_table():
    table = budget_table(line("21", 100, 90))
    value = budget_body(line("21", 100, 90))
    value.append(("budget_table", table))
    with pytest.raises(StreamBlockValidationError) as error:
        FichaBodyBlock().clean(value)
    assert list(error.value.block_errors) == [1]
    assert "una sola tabla de presupuesto" in messages(error.value)[0]


def test_to_budget_computes_from_the_block_value():
    value = budget_table(
        line("21", 100, 100), line("33", None, None, component("33.03.125", 10, 5)), official_approved=111
    )
    computed = BudgetTableBlock.to_budget(value)
    assert (computed.approved, computed.executed) == (110, 105)
    assert [(d.measure, d.difference) for d in computed.differences] == [("approved", -1)]
