"""The spreadsheet importer on its own: DIPRES-shaped and hand-made files, and many broken ones."""

import io

import pytest
from openpyxl import Workbook

from fichas.importer import MAX_FILE_BYTES, column_key, read_budget_file


def xlsx_bytes(rows, totals_sheet=None):
    """An XLSX file (bytes) whose first sheet has ``rows``."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if totals_sheet:
        totals = workbook.create_sheet("Totales")
        for row in totals_sheet:
            totals.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def csv_bytes(rows, delimiter=";", encoding="utf-8"):
    text = "\r\n".join(delimiter.join(str(cell) for cell in row) for row in rows)
    return text.encode(encoding)


DIPRES_ROWS = [
    ["Gobierno Regional Región Metropolitana de Santiago"],
    ["Informe de Ejecución Presupuestaria al 31 de diciembre de 2024 (miles de $)"],
    ["Partida 31, Capítulo 01, Programa 02"],
    [],
    [
        "Subt.",
        "Ítem",
        "Asig.",
        "Denominación",
        "Ley de Presupuestos",
        "Presupuesto Vigente",
        "Devengado",
        "% Ejecución",
    ],
    [22, None, None, "Bienes y Servicios de Consumo", 1000, "1.259.160", "1.190.244", 0.94],
    [],
    [33, None, None, "Transferencias de Capital", 0, 3000, 2500, 0.83],
    [33, 3, None, "A Otras Entidades Públicas", 0, 3000, 2500, 0.83],
    [33, 3, 125, "Municipalidades - Fondo Regional de Iniciativa Local", 0, "2.000", "1.800", 0.9],
    [33, "03", "200", "Otras transferencias", 0, 1000.0, 700, 0.7],
    [None, None, None, "Total programa", 1000, "1.262.160", "1.192.744", 0.94],
    ["Fuente: DIPRES."],
]


def test_a_dipres_shaped_xlsx_gives_lines_components_and_official_totals():
    result = read_budget_file(xlsx_bytes(DIPRES_ROWS), "ejecucion.xlsx")
    assert result.errors == []
    assert [(line.code, line.name, line.approved, line.executed) for line in result.lines] == [
        ("22", "Bienes y Servicios de Consumo", 1_259_160, 1_190_244),
        ("33", "Transferencias de Capital", 3000, 2500),
    ]
    # The ítem row 33.03 is the sum of its asignaciones: skipped, so nothing counts twice.
    assert [(c.code, c.approved, c.executed, c.row) for c in result.lines[1].components] == [
        ("33.03.125", 2000, 1800, 10),
        ("33.03.200", 1000, 700, 11),
    ]
    assert (result.official_approved, result.official_executed) == (1_262_160, 1_192_744)
    assert result.warnings == []
    computed = result.to_budget()
    assert (computed.approved, computed.executed) == (1_262_160, 1_192_744)
    assert str(computed.execution_rate) == "94.50"  # 1.192.744 / 1.262.160, truncated
    assert computed.differences == []


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("SUBTÍTULO", "subtitle"),
        ("subt.", "subtitle"),
        ("Item", "item"),
        ("ASIG.", "assignment"),
        ("denominacion", "name"),
        ("Ppto. Vigente (M$)", "approved"),
        ("VIGENTE", "approved"),
        ("Gasto Devengado", "executed"),
        ("Ejecutado", "executed"),
        ("% Ejecución", None),
        ("ejecucion_porcentaje", None),
        ("Ley de Presupuestos", None),
    ],
)
def test_columns_are_found_whatever_the_case_accents_or_abbreviation(header, key):
    assert column_key(header) == key


def test_a_semicolon_csv_with_upper_case_abbreviated_headers_and_es_cl_amounts():
    rows = [
        ["SUBT.", "ITEM", "ASIG.", "DENOMINACION", "VIGENTE", "EJECUTADO"],
        ["21", "", "", "Gastos en Personal", "8.795.139", "8.713.930"],
        ["TOTAL", "", "", "", "8.795.139", "8.713.930"],
    ]
    result = read_budget_file(csv_bytes(rows, ";"), "datos.csv")
    assert result.errors == []
    assert [(line.code, line.approved, line.executed) for line in result.lines] == [("21", 8_795_139, 8_713_930)]
    assert result.official_executed == 8_713_930


def test_a_comma_csv_with_bom_and_quoted_amounts():
    text = '\ufeffSubtítulo,Denominación,Presupuesto Vigente,Devengado\r\n21,Personal,"8.795.139","8.713.930"\r\n'
    result = read_budget_file(text.encode("utf-8"), "datos.csv")
    assert result.errors == []
    assert result.lines[0].name == "Personal" and result.lines[0].approved == 8_795_139


def test_a_latin_1_csv_keeps_its_accents():
    rows = [["Subtítulo", "Denominación", "Vigente", "Devengado"], ["31", "Iniciativas de Inversión", "10", "5"]]
    result = read_budget_file(csv_bytes(rows, ";", encoding="latin-1"), "datos.csv")
    assert result.errors == []
    assert result.lines[0].name == "Iniciativas de Inversión"


def test_wrong_headers_are_refused_with_the_expected_names():
    rows = [["Código", "Glosa", "Monto"], ["21", "Personal", "100"]]
    result = read_budget_file(csv_bytes(rows), "datos.csv")
    assert not result.is_valid and result.lines == []
    assert "No se encontró la fila de encabezados" in str(result.errors[0])
    assert "Presupuesto Vigente" in str(result.errors[0])


HEADER = ["Subt.", "Denominación", "Presupuesto Vigente", "Devengado"]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (["21", "Personal", "mucho", "10"], "Fila 3: Presupuesto Vigente «mucho»: Escriba el monto solo con cifras"),
        (["21", "Personal", "100", "-5"], "Fila 3: Devengado «-5»: El monto no puede ser negativo."),
        (["21", "Personal", "100,5", "10"], "Fila 3: Presupuesto Vigente «100,5»: El monto debe ser un número entero"),
        (["21", "Personal", 100.5, "10"], "Fila 3: Presupuesto Vigente «100.5»: El monto debe ser un número entero"),
        (["21", "Personal", -100, "10"], "Fila 3: Presupuesto Vigente «-100»: El monto no puede ser negativo."),
        (["21", "", "100", "10"], "Fila 3: Falta la denominación de 21."),
        (["2x", "Personal", "100", "10"], "Fila 3: El subtítulo «2x» no es válido"),
        (["", "Personal", "100", "10"], "Fila 3: Esta fila tiene montos pero no tiene código"),
        (["21", "Personal", "", "10"], "Fila 3: Faltan el presupuesto vigente o el devengado de esta línea."),
    ],
)
def test_a_bad_row_is_an_error_with_its_row_number(cells, message):
    rows = [["Ejecución 2024"], HEADER, cells, ["22", "Bienes", "10", "5"]]
    result = read_budget_file(xlsx_bytes(rows), "ejecucion.xlsx")
    assert not result.is_valid
    assert any(str(problem).startswith(message) for problem in result.errors), [str(p) for p in result.errors]


def test_a_duplicated_line_says_where_it_first_appeared():
    rows = [HEADER, ["21", "Personal", "100", "10"], ["22", "Bienes", "10", "5"], ["21", "Personal", "100", "10"]]
    result = read_budget_file(csv_bytes(rows), "datos.csv")
    assert [str(problem) for problem in result.errors] == [
        "Fila 4: El subtítulo 21 está repetido (ya aparece en la fila 2)."
    ]


def test_a_duplicated_component_is_an_error():
    rows = [
        ["Subt.", "Ítem", "Asig.", "Denominación", "Vigente", "Devengado"],
        ["33", "", "", "Transferencias", "30", "20"],
        ["33", "03", "125", "FRIL", "30", "20"],
        ["33", "03", "125", "FRIL", "30", "20"],
    ]
    result = read_budget_file(csv_bytes(rows), "datos.csv")
    assert [str(problem) for problem in result.errors] == [
        "Fila 4: El componente 33.03.125 está repetido (ya aparece en la fila 3)."
    ]


def test_a_component_before_its_subtitle_is_an_error():
    rows = [["Subt.", "Ítem", "Asig.", "Denominación", "Vigente", "Devengado"], ["33", "03", "125", "FRIL", "3", "2"]]
    result = read_budget_file(csv_bytes(rows), "datos.csv")
    assert "Fila 2: El componente 33.03.125 aparece antes que su subtítulo 33" in str(result.errors[0])


def test_a_missing_total_row_is_a_warning_not_an_error():
    rows = [HEADER, ["21", "Personal", "100", "10"]]
    result = read_budget_file(csv_bytes(rows), "datos.csv")
    assert result.is_valid
    assert result.official_approved is None and not result.has_total_row
    assert "no tiene fila de total" in str(result.warnings[0])


def test_two_total_rows_are_an_error():
    rows = [HEADER, ["21", "Personal", "100", "10"], ["Total", "", "100", "10"], ["Total programa", "", "100", "10"]]
    result = read_budget_file(csv_bytes(rows), "datos.csv")
    assert [str(problem) for problem in result.errors] == [
        "Fila 4: Hay una segunda fila de total: deje solo una, la del total del programa."
    ]


def test_a_total_row_that_does_not_match_the_lines_is_read_as_declared():
    rows = [HEADER, ["21", "Personal", "100", "10"], ["", "Total programa", "150", "10"]]
    result = read_budget_file(csv_bytes(rows), "datos.csv")
    assert result.is_valid
    differences = result.to_budget().differences
    assert [(d.computed, d.declared) for d in differences] == [(100, 150)]


def test_an_empty_file_is_refused():
    for data in (b"", b"  \r\n\r\n"):
        result = read_budget_file(data, "vacio.csv")
        assert [str(problem) for problem in result.errors] == ["El archivo está vacío."]


def test_a_header_without_lines_is_refused():
    result = read_budget_file(csv_bytes([HEADER]), "datos.csv")
    assert not result.is_valid
    assert "no tiene líneas de presupuesto" in str(result.errors[0])


def test_a_10_mb_file_is_refused_before_reading_it():
    data = csv_bytes([HEADER]) + b"\r\n" + b"21;Personal;100;10\r\n" * (10 * 1024 * 1024 // 20)
    assert len(data) >= 10 * 1024 * 1024 > MAX_FILE_BYTES
    result = read_budget_file(data, "enorme.csv")
    assert len(result.errors) == 1 and result.lines == []
    assert "El archivo pesa 10,0 MB y el máximo es 2 MB" in str(result.errors[0])


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00", "ficha.pdf", "El archivo no es una planilla"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.csv", "El archivo no es una planilla"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "antiguo.xls", "Es un archivo de Excel antiguo"),
        (b"PK\x03\x04 not really a zip", "roto.xlsx", "no es una planilla de Excel válida"),
        (b"Subt;Denominacion;Vigente;Devengado", "texto.xlsx", "dice ser .xlsx pero no es"),
        (b"Hola, esto es una carta.\nSaludos.", "carta.csv", "No se encontró la fila de encabezados"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(data, filename, message):
    result = read_budget_file(data, filename)
    assert not result.is_valid
    assert message in str(result.errors[0])


def test_our_xlsx_totals_sheet_gives_the_official_totals():
    rows = [
        ["anio", "programa_codigo", "programa_nombre", "linea_codigo", "linea_nombre", "componente_codigo",
         "componente_nombre", "presupuesto_vigente_miles_de_pesos", "devengado_miles_de_pesos",
         "ejecucion_porcentaje", "sobreejecucion"],
        [2024, "01", "Gastos", "21", "Personal", "", "", 100, 90, 90.0, False],
        [2024, "01", "Gastos", "33", "Transferencias", "33.03.125", "FRIL", 30, 20, 66.66, False],
        [2024, "01", "Gastos", "33", "Transferencias", "", "Sin código", 10, 5, 50.0, False],
    ]  # fmt: skip
    totals = [["concepto", "a", "b", "c"], ["Total (suma de las líneas)", 140, 115, 82.14],
              ["Total oficial publicado", 141, 115, 81.56]]  # fmt: skip
    result = read_budget_file(xlsx_bytes(rows, totals_sheet=totals), "datos.xlsx")
    assert result.errors == [] and result.warnings == []
    assert [(line.code, line.name, line.approved) for line in result.lines] == [
        ("21", "Personal", 100),
        ("33", "Transferencias", None),
    ]
    assert [(c.code, c.name) for c in result.lines[1].components] == [("33.03.125", "FRIL"), ("", "Sin código")]
    assert (result.official_approved, result.official_executed) == (141, 115)
