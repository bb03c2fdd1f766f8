"""Open-data spreadsheets: what editors typed stays text.

openpyxl stores any string that starts with "=" as a formula, so a budget line or a
commitment named "=HYPERLINK(...)" would become a live formula in the downloaded XLSX
(spreadsheet formula injection). ``keep_text_as_text`` marks such cells as plain strings:
the value is unchanged, it just is not evaluated. The CSV downloads are left exactly as the
data is (they are data for programs; RFC 4180 has no formulas).
"""


def keep_text_as_text(workbook):
    """Turn every formula cell of ``workbook`` back into a string cell (values unchanged)."""
    for worksheet in workbook.worksheets:
        for row in worksheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.data_type = "s"
    return workbook
