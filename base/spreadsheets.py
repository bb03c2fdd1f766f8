"""Open-data spreadsheets: what editors typed stays text.

openpyxl stores any string that starts with "=" as a formula, so a budget line or a
commitment named "=HYPERLINK(...)" would become a live formula in the downloaded XLSX
(spreadsheet formula injection). ``keep_text_as_text`` marks such cells as plain strings:
the value is unchanged, it just is not evaluated. The open-data CSV downloads are left exactly
as the data is (they are data for programs; RFC 4180 has no formulas).

Staff CSV exports are different: they hold what citizens typed and are opened in a spreadsheet
by staff, which evaluates a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
as a formula. ``neutralise_formula`` prefixes such a cell with an apostrophe (OWASP's advice),
so it is shown as typed and never run.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """``value`` made safe for a CSV cell a spreadsheet opens: text that a spreadsheet would read as
    a formula gets a leading apostrophe; anything else (numbers, dates, other text) is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def keep_text_as_text(workbook):
    """Turn every formula cell of ``workbook`` back into a string cell (values unchanged)."""
    for worksheet in workbook.worksheets:
        for row in worksheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.data_type = "s"
    return workbook
