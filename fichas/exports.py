"""Open data of the citizen budget sheets: CSV, JSON, XLSX and a Fiscal Data Package descriptor.

Every export is built from the same ``budget.Budget`` the page shows, so the
downloaded numbers are the page's numbers. The CSV (and the XLSX "Datos" sheet)
has one row per amount that is not itself a sum: a line without components, or
each component of a line that has them. Summing the rows gives the programme
totals, so tools that aggregate (OpenSpending, a spreadsheet) count nothing twice.
Column names are the same in every language; texts follow the page's language.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from base.spreadsheets import keep_text_as_text

from . import budget as budget_rules

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

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
    ("sobreejecucion", "boolean", "true si el devengado supera al presupuesto vigente."),
]
CSV_FIELDS = [name for name, _type, _description in CSV_COLUMNS]


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
                "sobreejecucion": "true" if item.is_over_executed else "false",
            }
        )
    return rows


def csv_text(rows):
    """Rows as UTF-8 CSV text with a header line, comma-separated, CRLF line ends (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def csv_response(rows, filename):
    """An HTTP response with ``rows`` as a CSV download."""
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


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
    workbook = Workbook()
    data = workbook.active
    data.title = "Datos"
    data.append(CSV_FIELDS)
    for row in sheet_rows(sheet):
        values = dict(row)
        values["ejecucion_porcentaje"] = (
            float(Decimal(values["ejecucion_porcentaje"])) if values["ejecucion_porcentaje"] else None
        )
        values["sobreejecucion"] = values["sobreejecucion"] == "true"
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
    totals = workbook.create_sheet("Totales")
    totals.append(
        ["concepto", "presupuesto_vigente_miles_de_pesos", "devengado_miles_de_pesos", "ejecucion_porcentaje"]
    )
    totals.append(["Total (suma de las líneas)", budget.approved, budget.executed, rate_number(budget.execution_rate)])
    if budget.has_official_totals:
        totals.append(
            [
                "Total oficial publicado",
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


def sheet_datapackage(sheet, page_url=""):
    """A Fiscal Data Package (0.3) descriptor for the sheet's ``datos.csv``, referenced by relative path.

    Two measures in CLP with factor 1000 (the amounts are in thousands of pesos):
    the current budget (phase "approved") and the accrued expenditure ("executed").
    """
    name = f"gobierno-de-santiago-{sheet.year}-programa-{sheet.programme_number}-{sheet.locale.language_code}"
    return {
        "name": name.lower(),
        "title": sheet.title,
        "description": (
            f"{sheet.programme_number} {sheet.programme_name}, {sheet.year}: presupuesto vigente y devengado "
            "por subtítulo, en miles de pesos chilenos."
        ),
        "homepage": page_url,
        "countryCode": "CL",
        "profiles": {"fiscal": "*", "tabular": "*"},
        "granularity": "aggregated",
        "fiscalPeriod": {"start": f"{sheet.year}-01-01", "end": f"{sheet.year}-12-31"},
        "sources": [{"title": "Gobierno de Santiago", "web": page_url}],
        "resources": [
            {
                "name": "datos",
                "path": "datos.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": column, "type": kind, "description": description}
                        for column, kind, description in CSV_COLUMNS
                    ]
                },
            }
        ],
        "model": {
            "measures": {
                "presupuesto_vigente": {
                    "source": "presupuesto_vigente_miles_de_pesos",
                    "resource": "datos",
                    "currency": "CLP",
                    "factor": 1000,
                    "direction": "expenditure",
                    "phase": "approved",
                },
                "devengado": {
                    "source": "devengado_miles_de_pesos",
                    "resource": "datos",
                    "currency": "CLP",
                    "factor": 1000,
                    "direction": "expenditure",
                    "phase": "executed",
                },
            },
            "dimensions": {
                "anio": {
                    "dimensionType": "datetime",
                    "attributes": {"anio": {"source": "anio", "resource": "datos"}},
                    "primaryKey": "anio",
                },
                "programa": {
                    "dimensionType": "activity",
                    "attributes": {
                        "id": {"source": "programa_codigo", "resource": "datos"},
                        "title": {"source": "programa_nombre", "resource": "datos", "labelfor": "id"},
                    },
                    "primaryKey": "id",
                },
                "clasificacion_economica": {
                    "dimensionType": "classification",
                    "classificationType": "economic",
                    "attributes": {
                        "code": {"source": "linea_codigo", "resource": "datos"},
                        "title": {"source": "linea_nombre", "resource": "datos", "labelfor": "code"},
                        "componente_codigo": {"source": "componente_codigo", "resource": "datos", "parent": "code"},
                        "componente_nombre": {
                            "source": "componente_nombre",
                            "resource": "datos",
                            "labelfor": "componente_codigo",
                        },
                    },
                    "primaryKey": ["code", "componente_nombre"],
                },
            },
        },
    }
