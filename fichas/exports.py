"""Open data of the citizen budget sheets: CSV, JSON, XLSX and a Fiscal Data Package descriptor.

Every export is built from the same ``budget.Budget`` the page shows, so the
downloaded numbers are the page's numbers. The CSV (and the XLSX "Datos" sheet)
has one row per amount that is not itself a sum: a line without components, or
each component of a line that has them. Summing the rows gives the programme
totals, so tools that aggregate (OpenSpending, a spreadsheet) count nothing twice.
Texts follow the page's language, and so do the words about them: under /en/ the column
names, sheet names and descriptions are English (``ENGLISH_COLUMNS``); the numbers and
codes are the same in both languages.
"""

import io
from decimal import Decimal

from django.conf import settings
from django.utils.translation import get_language
from openpyxl import Workbook
from openpyxl.styles import Font

from base import csvfiles
from base.spreadsheets import keep_text_as_text

from . import budget as budget_rules

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The licence the open data is published under, named in every datapackage (Data Package "licenses");
# ``settings.OPEN_DATA_LICENSE`` (a dict of the same shape) replaces it.
DEFAULT_DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}

# (column, type in the Table Schema, description)
CSV_COLUMNS = [
    ("anio", "integer", "Año presupuestario."),
    ("programa_codigo", "string", "Número del programa presupuestario (01, 02)."),
    ("programa_nombre", "string", "Nombre del programa presupuestario."),
    ("linea_codigo", "string", "Código de la línea: subtítulo y, si corresponde, ítem y asignación."),
    ("linea_nombre", "string", "Nombre de la línea."),
    ("componente_codigo", "string", "Código del componente de la línea, si lo tiene."),
    ("componente_nombre", "string", "Nombre del componente de la línea, si lo tiene."),
    ("presupuesto_vigente_miles_de_pesos", "integer", "Presupuesto vigente, en miles de pesos chilenos (M$)."),
    ("devengado_miles_de_pesos", "integer", "Gasto devengado, en miles de pesos chilenos (M$)."),
    (
        "ejecucion_porcentaje",
        "number",
        "Devengado / presupuesto vigente × 100, truncado a dos decimales; vacío si el presupuesto es 0.",
    ),
    ("sobreejecucion", "boolean", "«sí» si el devengado supera al presupuesto vigente, si no «no»."),
]
CSV_FIELDS = [name for name, _type, _description in CSV_COLUMNS]
# The same columns in the English downloads: Spanish column -> (English column, description).
ENGLISH_COLUMNS = {
    "anio": ("year", "Budget year."),
    "programa_codigo": ("programme_code", "Number of the budget programme (01, 02)."),
    "programa_nombre": ("programme_name", "Name of the budget programme."),
    "linea_codigo": ("line_code", "Code of the line: subtítulo and, where relevant, ítem and asignación."),
    "linea_nombre": ("line_name", "Name of the line."),
    "componente_codigo": ("component_code", "Code of the line's component, if it has one."),
    "componente_nombre": ("component_name", "Name of the line's component, if it has one."),
    "presupuesto_vigente_miles_de_pesos": (
        "current_budget_thousands_of_pesos",
        "Current budget (presupuesto vigente), in thousands of Chilean pesos (M$).",
    ),
    "devengado_miles_de_pesos": (
        "accrued_expenditure_thousands_of_pesos",
        "Accrued expenditure (devengado), in thousands of Chilean pesos (M$).",
    ),
    "ejecucion_porcentaje": (
        "execution_percentage",
        "Accrued expenditure / current budget × 100, truncated to two decimals; empty when the budget is 0.",
    ),
    "sobreejecucion": ("over_execution", '"yes" when the accrued expenditure exceeds the current budget, else "no".'),
}
# Other words of the downloads: Spanish -> English.
ENGLISH_WORDS = {
    "datos": "data",
    "Datos": "Data",
    "Totales": "Totals",
    "concepto": "item",
    "Total (suma de las líneas)": "Total (sum of the lines)",
    "Total oficial publicado": "Official total as published",
    "presupuesto_vigente": "current_budget",
    "devengado": "accrued_expenditure",
    "anio": "year",
    "programa": "programme",
    "clasificacion_economica": "economic_classification",
}


def is_english(language=None):
    """Whether ``language`` (by default the active one, that of the page's URL) is English."""
    return (language or get_language() or "").lower().startswith("en")


def word(spanish, language=None):
    """A column name, sheet name or label in ``language``: English under /en/, else as written."""
    if not is_english(language):
        return spanish
    if spanish in ENGLISH_COLUMNS:
        return ENGLISH_COLUMNS[spanish][0]
    return ENGLISH_WORDS.get(spanish, spanish)


def columns(language=None):
    """(name, Table Schema type, description) of each CSV column, in ``language``."""
    if not is_english(language):
        return CSV_COLUMNS
    return [(ENGLISH_COLUMNS[name][0], kind, ENGLISH_COLUMNS[name][1]) for name, kind, _description in CSV_COLUMNS]


def rate_text(rate):
    """94.91 -> "94.91" (a dot, two decimals), None -> "": the machine form of a percentage."""
    return "" if rate is None else f"{rate:.2f}"


def rate_number(rate):
    """The rate as a JSON/XLSX number (94.91), or None."""
    return None if rate is None else float(rate)


def sheet_rows(sheet):
    """The CSV rows (dicts keyed by ``CSV_FIELDS``) of one ``FichaCiudadanaPage``."""
    budget = sheet.budget
    if budget is None:
        return []
    rows = []
    for line, component in budget.leaf_rows():
        item = component or line
        rows.append(
            {
                "anio": sheet.year,
                "programa_codigo": sheet.programme_number,
                "programa_nombre": sheet.programme_name,
                "linea_codigo": line.code,
                "linea_nombre": line.name,
                "componente_codigo": component.code if component else "",
                "componente_nombre": component.name if component else "",
                "presupuesto_vigente_miles_de_pesos": item.approved,
                "devengado_miles_de_pesos": item.executed,
                "ejecucion_porcentaje": rate_text(item.execution_rate),
                "sobreejecucion": item.is_over_executed,
            }
        )
    return rows


def csv_text(rows, language=None):
    """Rows as the site's CSV (``base.csvfiles``: BOM, RFC 4180, yes/no words) with a header in ``language``."""
    header = [name for name, _type, _description in columns(language)]
    return csvfiles.csv_text(header, ([row[field] for field in CSV_FIELDS] for row in rows), language)


def csv_response(rows, filename, language=None):
    """An HTTP response with ``rows`` as a CSV download (header in ``language``, by default the active one)."""
    return csvfiles.csv_response(csv_text(rows, language), filename)


def _line_json(line):
    data = {
        "codigo": line.code,
        "nombre": line.name,
        "descripcion": line.description,
        "quienes_pueden_postular": line.who_may_apply,
        "presupuesto_vigente": line.approved,
        "devengado": line.executed,
        "ejecucion_porcentaje": rate_number(line.execution_rate),
        "sobreejecucion": line.is_over_executed,
    }
    if line.components:
        data["componentes"] = [_line_json(component) for component in line.components]
    return data


def _difference_json(difference):
    return {
        "linea_codigo": difference.line.code if difference.line else None,
        "medida": "presupuesto_vigente" if difference.measure == budget_rules.APPROVED else "devengado",
        "suma_de_las_lineas": difference.computed,
        "declarado": difference.declared,
        "diferencia": difference.difference,
    }


def sheet_json(sheet, page_url=""):
    """The whole sheet as a JSON-ready dict: lines (with components), totals and differences."""
    budget = sheet.budget or budget_rules.Budget(lines=())
    return {
        "titulo": sheet.title,
        "url": page_url,
        "idioma": sheet.locale.language_code,
        "anio": sheet.year,
        "programa": {"codigo": sheet.programme_number, "nombre": sheet.programme_name},
        "unidad": "miles de pesos chilenos (M$)",
        "moneda": "CLP",
        "factor": 1000,
        "lineas": [_line_json(line) for line in budget.lines],
        "totales": {
            "presupuesto_vigente": budget.approved,
            "devengado": budget.executed,
            "ejecucion_porcentaje": rate_number(budget.execution_rate),
            "sobreejecucion": budget.is_over_executed,
        },
        "totales_oficiales": {
            "presupuesto_vigente": budget.official_approved,
            "devengado": budget.official_executed,
            "ejecucion_porcentaje": rate_number(budget.official_execution_rate),
        }
        if budget.has_official_totals
        else None,
        "diferencias": [_difference_json(difference) for difference in budget.differences],
        "nota": budget.note,
    }


def sheet_xlsx(sheet):
    """An XLSX workbook (bytes): a "Datos" sheet with the CSV rows and a "Totales" sheet."""
    language = sheet.locale.language_code
    workbook = Workbook()
    data = workbook.active
    data.title = word("Datos", language)
    data.append([name for name, _type, _description in columns(language)])
    for row in sheet_rows(sheet):
        values = dict(row)
        values["ejecucion_porcentaje"] = (
            float(Decimal(values["ejecucion_porcentaje"])) if values["ejecucion_porcentaje"] else None
        )
        data.append([values[name] for name in CSV_FIELDS])
    for cell in data[1]:
        cell.font = Font(bold=True)
    amount_columns = ("H", "I")
    for column in amount_columns:
        for cell in data[column][1:]:
            cell.number_format = "#,##0"
    for cell in data["J"][1:]:
        cell.number_format = "0.00"
    for column, width in zip("ABCDEFGHIJK", (6, 10, 28, 12, 40, 14, 40, 18, 18, 12, 10), strict=True):
        data.column_dimensions[column].width = width
    data.freeze_panes = "A2"

    budget = sheet.budget or budget_rules.Budget(lines=())
    totals = workbook.create_sheet(word("Totales", language))
    header = ["concepto", "presupuesto_vigente_miles_de_pesos", "devengado_miles_de_pesos", "ejecucion_porcentaje"]
    totals.append([word(name, language) for name in header])
    lines_total = [budget.approved, budget.executed, rate_number(budget.execution_rate)]
    totals.append([word("Total (suma de las líneas)", language), *lines_total])
    if budget.has_official_totals:
        totals.append(
            [
                word("Total oficial publicado", language),
                budget.official_approved,
                budget.official_executed,
                rate_number(budget.official_execution_rate),
            ]
        )
    for cell in totals[1]:
        cell.font = Font(bold=True)
    totals.column_dimensions["A"].width = 30
    for column in "BCD":
        totals.column_dimensions[column].width = 22
    workbook.properties.title = sheet.title
    workbook.properties.creator = "Gobierno de Santiago"
    output = io.BytesIO()
    keep_text_as_text(workbook).save(output)
    return output.getvalue()


def schema_field(column, kind, description, language=None):
    """A Table Schema field; a boolean one declares the words the CSV writes (``base.csvfiles``)."""
    field = {"name": column, "type": kind, "description": description}
    if kind == "boolean":
        yes, no = csvfiles.boolean_words(language)
        field.update(trueValues=[yes], falseValues=[no])
    return field


def sheet_datapackage(sheet, page_url=""):
    """A Fiscal Data Package (0.3) descriptor for the sheet's ``datos.csv``, referenced by relative path.

    Two measures in CLP with factor 1000 (the amounts are in thousands of pesos):
    the current budget (phase "approved") and the accrued expenditure ("executed").
    In the sheet's language: the English sheet's descriptor names the English columns
    of the English ``datos.csv`` beside it.
    """
    language = sheet.locale.language_code
    name = f"gobierno-de-santiago-{sheet.year}-programa-{sheet.programme_number}-{language}"
    if is_english(language):
        description = (
            f"{sheet.programme_number} {sheet.programme_name}, {sheet.year}: current budget (presupuesto vigente) "
            "and accrued expenditure (devengado) by subtítulo, in thousands of Chilean pesos."
        )
    else:
        description = (
            f"{sheet.programme_number} {sheet.programme_name}, {sheet.year}: presupuesto vigente y devengado "
            "por subtítulo, en miles de pesos chilenos."
        )
    resource = word("datos", language)

    def source(column):
        return {"source": word(column, language), "resource": resource}

    def measure(column, phase):
        return {**source(column), "currency": "CLP", "factor": 1000, "direction": "expenditure", "phase": phase}

    component_code, component_name = word("componente_codigo", language), word("componente_nombre", language)
    return {
        "name": name.lower(),
        "title": sheet.title,
        "description": description,
        "homepage": page_url,
        "countryCode": "CL",
        "licenses": [getattr(settings, "OPEN_DATA_LICENSE", DEFAULT_DATA_LICENSE)],
        "profiles": {"fiscal": "*", "tabular": "*"},
        "granularity": "aggregated",
        "fiscalPeriod": {"start": f"{sheet.year}-01-01", "end": f"{sheet.year}-12-31"},
        "sources": [{"title": "Gobierno de Santiago", "web": page_url}],
        "resources": [
            {
                "name": resource,
                "path": "datos.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [schema_field(column, kind, text, language) for column, kind, text in columns(language)]
                },
            }
        ],
        "model": {
            "measures": {
                word("presupuesto_vigente", language): measure("presupuesto_vigente_miles_de_pesos", "approved"),
                word("devengado", language): measure("devengado_miles_de_pesos", "executed"),
            },
            "dimensions": {
                word("anio", language): {
                    "dimensionType": "datetime",
                    "attributes": {word("anio", language): source("anio")},
                    "primaryKey": word("anio", language),
                },
                word("programa", language): {
                    "dimensionType": "activity",
                    "attributes": {
                        "id": source("programa_codigo"),
                        "title": {**source("programa_nombre"), "labelfor": "id"},
                    },
                    "primaryKey": "id",
                },
                word("clasificacion_economica", language): {
                    "dimensionType": "classification",
                    "classificationType": "economic",
                    "attributes": {
                        "code": source("linea_codigo"),
                        "title": {**source("linea_nombre"), "labelfor": "code"},
                        component_code: {**source("componente_codigo"), "parent": "code"},
                        component_name: {**source("componente_nombre"), "labelfor": component_code},
                    },
                    "primaryKey": ["code", component_name],
                },
            },
        },
    }
