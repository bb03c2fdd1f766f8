"""Factories for the citizen budget sheets: the index, the sheets and the budget-table blocks.

A sheet's budget is declared with ``budget_body``, which reads like the table it makes::

    FichaCiudadanaPageFactory(parent=index, body=budget_body(line("21", 100, 80), line("22", 50, 50)))

The index goes under a factory-made home page (``home.tests.factories``), so a test's tree is
a few pages of its own, whatever the demo site holds.
"""

import factory
import wagtail_factories

from fichas.blocks import BudgetComponentBlock, BudgetLineBlock, BudgetTableBlock, FichaBodyBlock
from fichas.models import FichaCiudadanaPage, FichasIndexPage
from home.tests.factories import HomePageFactory


class BudgetComponentBlockFactory(wagtail_factories.StructBlockFactory):
    """A component of a line, e.g. 33.03.125 FRIL within subtítulo 33."""

    code = ""
    name = factory.Sequence(lambda n: f"Componente {n}")
    description = ""
    who_may_apply = ""
    approved = 0
    executed = 0

    class Meta:
        model = BudgetComponentBlock


class BudgetLineBlockFactory(wagtail_factories.StructBlockFactory):
    """A budget line (a subtítulo) with its own amounts and no components."""

    code = "21"
    name = factory.LazyAttribute(lambda line: f"Línea {line.code}")
    description = ""
    who_may_apply = ""
    approved = 0
    executed = 0
    components = wagtail_factories.ListBlockFactory(BudgetComponentBlockFactory)

    class Meta:
        model = BudgetLineBlock


class BudgetTableBlockFactory(wagtail_factories.StructBlockFactory):
    """A budget table without official totals (give ``official_approved`` / ``official_executed`` to add them)."""

    title = "Ejecución presupuestaria de prueba"
    lines = wagtail_factories.ListBlockFactory(BudgetLineBlockFactory)
    official_approved = None
    official_executed = None
    note = ""

    class Meta:
        model = BudgetTableBlock


class FichaBodyBlockFactory(wagtail_factories.StreamBlockFactory):
    """A sheet's body; ``body__0__budget_table__lines__0__approved=…`` and so on declare its blocks."""

    budget_table = factory.SubFactory(BudgetTableBlockFactory)

    class Meta:
        model = FichaBodyBlock


def line(code, approved, executed, *components, name=None, **fields):
    """The factory keywords of one line: ``line("21", 100, 80)``; components as ``component(...)``."""
    values = {"code": code, "approved": approved, "executed": executed, **fields}
    if name is not None:
        values["name"] = name
    for index, parts in enumerate(components):
        values.update({f"components__{index}__{key}": value for key, value in parts.items()})
    return values


def component(code, approved, executed, name=None, **fields):
    """The factory keywords of one component of a line: ``component("33.03.125", 10, 5)``."""
    return {"code": code, "approved": approved, "executed": executed, **({"name": name} if name else {}), **fields}


def budget_table(*lines, **fields):
    """A budget-table block value built by the factories from ``line(...)`` keywords and table fields."""
    return BudgetTableBlockFactory(**_table_keywords(lines, fields))


def budget_body(*lines, **fields):
    """A sheet body holding one budget table of ``lines`` (see ``budget_table``)."""
    keywords = {"0__budget_table__" + key: value for key, value in _table_keywords(lines, fields).items()}
    return FichaBodyBlockFactory(**keywords)


def _table_keywords(lines, fields):
    keywords = dict(fields)
    for index, parts in enumerate(lines):
        keywords.update({f"lines__{index}__{key}": value for key, value in parts.items()})
    return keywords


class FichasIndexPageFactory(wagtail_factories.PageFactory):
    """The sheets' index, under a new home page of its own unless a ``parent`` is given."""

    title = "Fichas Ciudadanas"
    slug = "fichas-ciudadanas"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = FichasIndexPage


class FichaCiudadanaPageFactory(wagtail_factories.PageFactory):
    """A published sheet of programme 01 for 2023 with one budget line (21: 100 approved, 80 executed)."""

    year = 2023
    programme_number = "01"
    programme_name = "Gastos de Funcionamiento"
    title = factory.LazyAttribute(lambda sheet: f"Ficha {sheet.programme_number} {sheet.year}")
    slug = factory.LazyAttribute(lambda sheet: f"{sheet.year}-programa-{sheet.programme_number}")
    parent = factory.SubFactory(FichasIndexPageFactory)
    body = factory.LazyFunction(lambda: budget_body(line("21", 100, 80)))

    class Meta:
        model = FichaCiudadanaPage
