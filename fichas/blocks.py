"""StreamField blocks of the citizen budget sheets: the budget table and the sheet body.

Editors type amounts and codes; every total, percentage and warning is computed
by ``fichas.budget`` from the block's value (``BudgetTableBlock.to_budget``).
Amounts and codes are not text fields, so wagtail-localize keeps them in sync
with Spanish instead of offering them for translation: texts translate, numbers do not.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from base.blocks import HeadingBlock

from . import budget
from .notices import budget_notices

CODE_PATTERN = r"^\d{2}(\.\d{2}(\.\d{3})?)?$"


def format_amount_for_input(value):
    """8713930 -> "8.713.930": how an amount is shown back to an editor in the form."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", ".")


class AmountField(forms.CharField):
    """A form field for an amount in M$: "8.713.930" or "8713930" in, an int out."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        text = value if isinstance(value, int) else super().to_python(value)
        try:
            return budget.parse_amount(text)
        except budget.AmountError as error:
            raise ValidationError(str(error), code="invalid_amount") from error

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_amount_for_input(value)
        return value


class AmountBlock(blocks.FieldBlock):
    """A whole, non-negative amount in thousands of pesos, stored as an integer."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = AmountField(required=required, help_text=help_text)
        super().__init__(**kwargs)

    def to_python(self, value):
        return self._as_amount(value, default=None)

    def get_prep_value(self, value):
        # The admin also calls this on unvalidated input (to detect changes): keep what
        # cannot be read yet as it is; ``clean`` reports it to the editor.
        return self._as_amount(value, default=value)

    @staticmethod
    def _as_amount(value, default):
        if value in (None, ""):
            return None
        try:
            return budget.parse_amount(value)
        except budget.AmountError:
            return default

    def get_searchable_content(self, value):
        return []

    class Meta:
        icon = "order"


class CodeBlock(blocks.RegexBlock):
    """A budget classification code: subtítulo, ítem and asignación ("21", "33.03", "33.03.125")."""

    def __init__(self, required=True, **kwargs):
        super().__init__(
            regex=CODE_PATTERN,
            required=required,
            max_length=9,
            error_messages={
                "invalid": gettext_lazy(
                    "El código debe tener la forma 21, 33.03 o 33.03.125 (subtítulo, ítem y asignación)."
                )
            },
            **kwargs,
        )


def _line_fields(code_required):
    return [
        (
            "code",
            CodeBlock(
                label=gettext_lazy("Código"),
                required=code_required,
                help_text=gettext_lazy("Subtítulo y, si corresponde, ítem y asignación: 21, 33.03 o 33.03.125."),
            ),
        ),
        ("name", blocks.CharBlock(label=gettext_lazy("Nombre"), max_length=200)),
        (
            "description",
            blocks.TextBlock(
                label=gettext_lazy("Descripción en lenguaje claro"),
                required=False,
                help_text=gettext_lazy("En qué se gasta este dinero, en palabras simples."),
            ),
        ),
        (
            "who_may_apply",
            blocks.TextBlock(
                label=gettext_lazy("Quiénes pueden postular"),
                required=False,
                help_text=gettext_lazy("Solo si estos fondos se postulan; déjelo vacío si no corresponde."),
            ),
        ),
    ]


class BudgetComponentBlock(blocks.StructBlock):
    """A component of a budget line, e.g. 33.03.125 FRIL within subtítulo 33."""

    def __init__(self, **kwargs):
        super().__init__(
            _line_fields(code_required=False)
            + [
                ("approved", AmountBlock(label=gettext_lazy("Presupuesto vigente (M$)"))),
                ("executed", AmountBlock(label=gettext_lazy("Devengado (M$)"))),
            ],
            **kwargs,
        )

    class Meta:
        icon = "list-ul"
        label = gettext_lazy("Componente")
        form_classname = "budget-component"


class BudgetLineBlock(blocks.StructBlock):
    """A budget line (usually a subtítulo) with its amounts, or with components that carry them."""

    def __init__(self, **kwargs):
        super().__init__(
            _line_fields(code_required=True)
            + [
                (
                    "approved",
                    AmountBlock(
                        label=gettext_lazy("Presupuesto vigente (M$)"),
                        required=False,
                        help_text=gettext_lazy(
                            "En miles de pesos, sin decimales. Con componentes es opcional: "
                            "si lo escribe, se comprueba contra la suma de los componentes."
                        ),
                    ),
                ),
                (
                    "executed",
                    AmountBlock(
                        label=gettext_lazy("Devengado (M$)"),
                        required=False,
                        help_text=gettext_lazy("En miles de pesos, sin decimales."),
                    ),
                ),
                (
                    "components",
                    blocks.ListBlock(
                        BudgetComponentBlock(),
                        label=gettext_lazy("Componentes"),
                        default=[],
                        collapsed=True,
                    ),
                ),
            ],
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        components = value.get("components") or []
        if not components:
            for name in ("approved", "executed"):
                if value.get(name) is None:
                    errors[name] = ValidationError(
                        _("Escriba este monto en miles de pesos, o agregue componentes que lo sumen.")
                    )
        code = value.get("code") or ""
        foreign = {
            index: StructBlockValidationError(
                block_errors={
                    "code": ValidationError(
                        _("El código %(component)s no pertenece a la línea %(code)s.")
                        % {"component": component.get("code"), "code": code}
                    )
                }
            )
            for index, component in enumerate(components)
            if code and component.get("code") and not component.get("code").startswith(code + ".")
        }
        if foreign:
            errors["components"] = ListBlockValidationError(block_errors=foreign)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "list-ol"
        label = gettext_lazy("Línea de presupuesto")


class BudgetTableBlock(blocks.StructBlock):
    """A programme's budget table: lines, optional official totals and a note.

    Rendered as an accessible table, a bar chart of execution per line and the
    lines' descriptions; exported as CSV, JSON, XLSX and a Fiscal Data Package.
    """

    title = blocks.CharBlock(
        label=gettext_lazy("Título de la tabla"),
        max_length=200,
        help_text=gettext_lazy("Se usa como título de la tabla, por ejemplo «Ejecución presupuestaria 2023»."),
    )
    lines = blocks.ListBlock(BudgetLineBlock(), label=gettext_lazy("Líneas"), min_num=1)
    official_approved = AmountBlock(
        label=gettext_lazy("Total oficial del presupuesto vigente (M$)"),
        required=False,
        help_text=gettext_lazy("Tal como se publicó. El sitio calcula la suma de las líneas y avisa si no coincide."),
    )
    official_executed = AmountBlock(
        label=gettext_lazy("Total oficial devengado (M$)"),
        required=False,
        help_text=gettext_lazy("Tal como se publicó."),
    )
    note = blocks.TextBlock(
        label=gettext_lazy("Nota"),
        required=False,
        help_text=gettext_lazy("Fuente de los datos y cualquier aclaración para quien lee."),
    )

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        repeated = {}
        for index, line in enumerate(value.get("lines") or []):
            code = line.get("code")
            if code in seen:
                repeated[index] = StructBlockValidationError(
                    block_errors={
                        "code": ValidationError(_("El código %(code)s está repetido en la tabla.") % {"code": code})
                    }
                )
            seen.add(code)
        if repeated:
            raise StructBlockValidationError(block_errors={"lines": ListBlockValidationError(block_errors=repeated)})
        return value

    @staticmethod
    def to_budget(value):
        """The ``budget.Budget`` for this block's value: what the page shows and exports."""
        lines = []
        for line in value.get("lines") or []:
            components = [
                budget.make_line(
                    code=component.get("code") or "",
                    name=component.get("name") or "",
                    approved=component.get("approved"),
                    executed=component.get("executed"),
                    description=component.get("description") or "",
                    who_may_apply=component.get("who_may_apply") or "",
                )
                for component in line.get("components") or []
            ]
            lines.append(
                budget.make_line(
                    code=line.get("code") or "",
                    name=line.get("name") or "",
                    approved=line.get("approved"),
                    executed=line.get("executed"),
                    components=components,
                    description=line.get("description") or "",
                    who_may_apply=line.get("who_may_apply") or "",
                )
            )
        return budget.Budget(
            lines=tuple(lines),
            official_approved=value.get("official_approved"),
            official_executed=value.get("official_executed"),
            title=value.get("title") or "",
            note=value.get("note") or "",
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["budget"] = self.to_budget(value)
        context["differences"], context["over_executions"] = budget_notices(context["budget"])
        return context

    class Meta:
        icon = "table"
        label = gettext_lazy("Tabla de presupuesto")
        template = "fichas/blocks/budget_table.html"


class FichaBodyBlock(blocks.StreamBlock):
    """The body of a sheet: headings, plain-language text and one budget table."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=gettext_lazy("Párrafo"), icon="pilcrow", features=["h3", "h4", "bold", "italic", "link", "ol", "ul"]
    )
    budget_table = BudgetTableBlock()

    def clean(self, value):
        value = super().clean(value)
        tables = [index for index, child in enumerate(value) if child.block_type == "budget_table"]
        if len(tables) > 1:
            raise StreamBlockValidationError(
                block_errors={
                    index: ValidationError(
                        _("Una ficha tiene una sola tabla de presupuesto: quite esta tabla o cree otra ficha.")
                    )
                    for index in tables[1:]
                }
            )
        return value
