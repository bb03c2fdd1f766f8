"""Reading a budget sheet's lines from a spreadsheet: DIPRES execution reports and our own exports.

Pure Python on bytes (openpyxl for XLSX, the csv module for CSV); nothing here
touches the database. ``read_budget_file`` returns an ``ImportResult``: the
lines found, the official totals of the total row, and every problem with the
file's row number and a Spanish explanation. A file with any ``errors`` must not
be saved; ``warnings`` are shown but do not stop the import.

What is accepted, and why:

- Columns are found by their header, whatever the case, accents or
  abbreviation ("Subt.", "Ítem", "Asig.", "Denominación", "Presupuesto Vigente",
  "Devengado"/"Ejecutado"), so DIPRES's reports and a hand-made sheet both work.
  Our own ``datos.csv``/``datos.xlsx`` headers (``linea_codigo``,
  ``componente_codigo``…) are recognised too, so export → edit → import
  round-trips with no difference.
- Title rows above the header, blank rows and notes after the table are skipped.
- A row whose label starts with "Total" ("Total", "Total programa") gives the
  sheet's official totals. Our XLSX keeps them on its "Totales" sheet instead
  ("Total oficial publicado"); our CSV has none, and then the sheet keeps the
  official totals it already had (a warning says so).
- Amounts are read by ``budget.parse_amount``: numeric cells, or text with
  es-CL separators ("8.713.930"). The same rules as in the edit form.
- A row with only a subtítulo is a line; a row with ítem and/or asignación is a
  component of its subtítulo's line. A component that has components of its own
  in the file (an ítem row above its asignaciones) is a subtotal: it is skipped,
  so nothing is counted twice.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import budget

# A real programme's execution report is a few dozen KB; anything near this is not one.
MAX_FILE_BYTES = 2 * 1024 * 1024
# Rows read before giving up: a budget has tens of lines, DIPRES reports a few hundred.
MAX_ROWS = 5_000
# Rows searched for the header (DIPRES puts titles, dates and units above it).
HEADER_SEARCH_ROWS = 30
MAX_NAME_LENGTH = 200

CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{3})?)?$")

# Column keys.
SUBTITLE, ITEM, ASSIGNMENT, NAME = "subtitle", "item", "assignment", "name"
APPROVED, EXECUTED = "approved", "executed"
LINE_CODE, LINE_NAME, COMPONENT_CODE, COMPONENT_NAME = "line_code", "line_name", "component_code", "component_name"


def normalise(text):
    """ "Presupuesto  Vigente (M$)" -> "presupuesto vigente m": lower case, no accents, words only."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text.lower()).split())


def column_key(header):
    """The column a header names (one of the keys above), or None for a column the import ignores."""
    text = normalise(header)
    if not text or "%" in text or "porcentaje" in text:
        return None  # "% Ejecución", "ejecucion_porcentaje": computed, never read
    exact = {
        "subtitulo": SUBTITLE,
        "subt": SUBTITLE,
        "sub": SUBTITLE,
        "item": ITEM,
        "asignacion": ASSIGNMENT,
        "asig": ASSIGNMENT,
        "denominacion": NAME,
        "denom": NAME,
        "nombre": NAME,
        "linea codigo": LINE_CODE,
        "linea nombre": LINE_NAME,
        "componente codigo": COMPONENT_CODE,
        "componente nombre": COMPONENT_NAME,
        "vigente": APPROVED,
        "devengado": EXECUTED,
        "ejecutado": EXECUTED,
    }
    if text in exact:
        return exact[text]
    words = text.split()
    if "vigente" in words:
        return APPROVED  # "Presupuesto Vigente", "Ppto. Vigente (M$)", "presupuesto_vigente_miles_de_pesos"
    if "devengado" in words or "ejecutado" in words:
        return EXECUTED  # "Gasto Devengado", "devengado_miles_de_pesos", "Monto ejecutado"
    return None


COLUMN_NAMES = {
    SUBTITLE: "Subtítulo",
    ITEM: "Ítem",
    ASSIGNMENT: "Asignación",
    NAME: "Denominación",
    APPROVED: "Presupuesto Vigente",
    EXECUTED: "Devengado",
    LINE_CODE: "linea_codigo",
    LINE_NAME: "linea_nombre",
    COMPONENT_CODE: "componente_codigo",
    COMPONENT_NAME: "componente_nombre",
}


@dataclass(frozen=True)
class Problem:
    """Something wrong in the file: its row number (None for the whole file) and a Spanish explanation."""

    row: int | None
    message: str

    def __str__(self):
        if self.row is None:
            return self.message
        return _("Fila %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportedLine:
    """A line (or a component) read from the file, with the row it came from."""

    code: str
    name: str
    approved: int | None
    executed: int | None
    row: int
    components: list = field(default_factory=list)

    def as_dict(self):
        """A JSON-ready dict (what the admin signs between preview and confirm)."""
        return {
            "code": self.code,
            "name": self.name,
            "approved": self.approved,
            "executed": self.executed,
            "row": self.row,
            "components": [component.as_dict() for component in self.components],
        }

    @classmethod
    def from_dict(cls, data):
        return cls(
            code=data["code"],
            name=data["name"],
            approved=data["approved"],
            executed=data["executed"],
            row=data["row"],
            components=[cls.from_dict(component) for component in data.get("components", [])],
        )


@dataclass
class ImportResult:
    """What a file holds: its lines, its official totals (None when absent), errors and warnings."""

    lines: list = field(default_factory=list)
    official_approved: int | None = None
    official_executed: int | None = None
    has_total_row: bool = False
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors and bool(self.lines)

    def to_budget(self, official_approved=None, official_executed=None):
        """The ``budget.Budget`` these lines make: what the preview shows and the sheet would show.

        ``official_*`` are used when the file has no total row (the sheet keeps its own).
        """
        lines = tuple(
            budget.make_line(
                code=line.code,
                name=line.name,
                approved=line.approved,
                executed=line.executed,
                components=[
                    budget.make_line(c.code, c.name, approved=c.approved, executed=c.executed) for c in line.components
                ],
            )
            for line in self.lines
        )
        if self.has_total_row:
            official_approved, official_executed = self.official_approved, self.official_executed
        return budget.Budget(lines=lines, official_approved=official_approved, official_executed=official_executed)

    def as_dict(self):
        return {
            "lines": [line.as_dict() for line in self.lines],
            "official_approved": self.official_approved,
            "official_executed": self.official_executed,
            "has_total_row": self.has_total_row,
            "warnings": [[problem.row, problem.message] for problem in self.warnings],
        }

    @classmethod
    def from_dict(cls, data):
        return cls(
            lines=[ImportedLine.from_dict(line) for line in data["lines"]],
            official_approved=data["official_approved"],
            official_executed=data["official_executed"],
            has_total_row=data["has_total_row"],
            warnings=[Problem(row, message) for row, message in data.get("warnings", [])],
        )


def _fail(message):
    return ImportResult(errors=[Problem(None, message)])


def too_large_message(size):
    """The refusal for a file over ``MAX_FILE_BYTES``, said before reading it."""
    return _(
        "El archivo pesa %(size)s MB y el máximo es %(limit)s MB: una ficha tiene pocas decenas de líneas. "
        "Revise que sea la planilla correcta o quite las hojas que no sean del programa."
    ) % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ","), "limit": MAX_FILE_BYTES // 1024 // 1024}


def read_budget_file(data, filename=""):
    """Read an uploaded file (bytes) as an XLSX or CSV budget: an ``ImportResult``.

    The size is checked first, then the kind of file by its content (not its
    name): XLSX is a ZIP archive, anything else must be text. Old binary Excel
    files and other documents are refused with a message saying what to do.
    """
    if len(data) > MAX_FILE_BYTES:
        return _fail(too_large_message(len(data)))
    if not data.strip():
        return _fail(_("El archivo está vacío."))
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _fail(_("Es un archivo de Excel antiguo (.xls): ábralo en Excel y guárdelo como .xlsx o .csv."))
    if filename.lower().endswith(".xlsx"):
        return _fail(_("El archivo dice ser .xlsx pero no es una planilla de Excel válida."))
    text = decode_text(data)
    if text is None:
        return _fail(_("El archivo no es una planilla: suba un archivo .xlsx o .csv."))
    return read_csv_text(text)


def decode_text(data):
    """Bytes -> text: UTF-8 (with or without BOM), else Windows-1252/Latin-1; None when it is not text."""
    if b"\x00" in data[:4096]:
        return None  # binary (PDF, images, UTF-16): not a CSV we can read
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(ord(char) < 32 and char not in "\r\n\t" for char in text[:4096]):
            return None
        return text
    return None


def read_csv_text(text):
    """Read CSV text, with ``;`` or ``,`` as delimiter: the one under which a header row is found."""
    best = None
    for delimiter in (";", ","):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        header = find_header(rows)
        if header is not None and (best is None or len(header[1]) > len(best[1][1])):
            best = (rows, header)
    if best is None:
        return _fail(missing_header_message())
    rows, header = best
    return parse_rows(rows, header)


def read_xlsx(data):
    """Read the first worksheet of an XLSX workbook (and the official totals of a "Totales" sheet)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        return _fail(
            _("El archivo no es una planilla de Excel válida: ábralo en Excel y guárdelo de nuevo como .xlsx.")
        )
    try:
        rows = []
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append(list(values))
            if len(rows) > MAX_ROWS:
                return _fail(too_many_rows_message())
        header = find_header(rows)
        if header is None:
            return _fail(missing_header_message())
        result = parse_rows(rows, header)
        if not result.has_total_row and "Totales" in workbook.sheetnames:
            read_totals_sheet(workbook["Totales"], result)
        return result
    finally:
        workbook.close()


def read_totals_sheet(worksheet, result):
    """Our own XLSX keeps the official totals on a "Totales" sheet, row "Total oficial publicado"."""
    for number, values in enumerate(worksheet.iter_rows(values_only=True, max_row=20), start=1):
        values = list(values) + [None, None, None]
        if normalise(values[0]).startswith("total oficial"):
            amounts = _read_amounts(values[1], values[2], number, result.errors, sheet=_("hoja Totales"))
            if amounts:
                result.official_approved, result.official_executed = amounts
                result.has_total_row = True
                result.warnings = [w for w in result.warnings if w.message != missing_total_message()]
            return


def too_many_rows_message():
    return _("El archivo tiene más de %(rows)s filas: no parece la planilla de un programa.") % {"rows": MAX_ROWS}


def missing_header_message():
    return _(
        "No se encontró la fila de encabezados. La planilla debe tener columnas llamadas Subtítulo (o Subt.), "
        "Denominación, Presupuesto Vigente y Devengado; Ítem y Asignación son opcionales."
    )


def missing_total_message():
    return _(
        "El archivo no tiene fila de total («Total» o «Total programa»): la ficha conserva los totales oficiales "
        "que ya tenía."
    )


def find_header(rows):
    """(index, {column key: position}) of the first row that names the columns the import needs, or None."""
    for index, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = {}
        for position, value in enumerate(values):
            key = column_key(value)
            if key is not None and key not in columns:
                columns[key] = position
        has_code = SUBTITLE in columns or LINE_CODE in columns
        has_name = NAME in columns or LINE_NAME in columns
        if has_code and has_name and APPROVED in columns and EXECUTED in columns:
            return index, columns
    return None


def cell_text(value):
    """A cell as text: numbers without ".0", None as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def code_part(value, width, label, row, errors):
    """One part of a DIPRES code ("21", 3 -> "03", "125"): zero-padded digits, or "" with an error."""
    text = cell_text(value)
    if not text:
        return ""
    if not text.isdigit() or len(text) > width:
        errors.append(
            Problem(
                row,
                _("%(column)s «%(value)s» no es válido: debe ser un número de hasta %(width)s cifras.")
                % {"column": label, "value": text, "width": width},
            )
        )
        return ""
    return text.zfill(width)


def _read_amounts(approved_cell, executed_cell, row, errors, sheet=None):
    """(approved, executed) read with the edit form's rules; None (and errors) when one cannot be read."""
    amounts = []
    for column, value in ((_("Presupuesto Vigente"), approved_cell), (_("Devengado"), executed_cell)):
        if sheet:
            column = f"{column} ({sheet})"
        try:
            amounts.append(budget.parse_amount(value.strip() if isinstance(value, str) else value))
        except (budget.AmountError, ValueError, TypeError) as error:
            message = str(error) if isinstance(error, budget.AmountError) else _("no es un monto.")
            errors.append(
                Problem(
                    row,
                    _("%(column)s «%(value)s»: %(message)s")
                    % {"column": column, "value": cell_text(value), "message": message},
                )
            )
            amounts.append(False)
    if False in amounts:
        return None
    return tuple(amounts)


def parse_rows(rows, header):
    """Read the rows below ``header`` (index, columns) into an ``ImportResult``. Rows are numbered from 1."""
    header_index, columns = header
    result = ImportResult()
    errors = result.errors
    lines = {}
    seen_rows = {}  # code -> row where it first appeared
    unreadable_rows = set()
    own_layout = LINE_CODE in columns

    def get(values, key):
        position = columns.get(key)
        if position is None or position >= len(values):
            return None
        return values[position]

    for index in range(header_index + 1, len(rows)):
        if index >= MAX_ROWS:
            errors.append(Problem(None, too_many_rows_message()))
            break
        values = rows[index]
        row = index + 1
        texts = [cell_text(value) for value in values]
        if not any(texts):
            continue  # blank row
        name = cell_text(get(values, LINE_NAME if own_layout else NAME))
        code_cells = [cell_text(get(values, key)) for key in (SUBTITLE, ITEM, ASSIGNMENT, LINE_CODE)]
        label_cells = [get(values, key) for key in (SUBTITLE, ITEM, ASSIGNMENT, NAME, LINE_CODE, LINE_NAME)]
        # "Total" or "Total programa" in any label column of a row without a code (a line may be named "Total…").
        is_total = not any(any(char.isdigit() for char in code) for code in code_cells) and any(
            normalise(cell).startswith("total") for cell in label_cells if cell_text(cell)
        )
        approved_cell, executed_cell = get(values, APPROVED), get(values, EXECUTED)
        has_amounts = bool(cell_text(approved_cell) or cell_text(executed_cell))

        if is_total:
            if result.has_total_row:
                errors.append(
                    Problem(row, _("Hay una segunda fila de total: deje solo una, la del total del programa."))
                )
                continue
            amounts = _read_amounts(approved_cell, executed_cell, row, errors)
            if amounts:
                result.official_approved, result.official_executed = amounts
            result.has_total_row = True
            continue

        if not has_amounts and not any(any(char.isdigit() for char in code) for code in code_cells):
            continue  # a note or a sub-heading ("Fuente: DIPRES."): text without a code or amounts

        # The code of the row: a full code in our own layout, or built from DIPRES's columns.
        if own_layout:
            line_code = cell_text(get(values, LINE_CODE))
            component_code = cell_text(get(values, COMPONENT_CODE))
            component_name = cell_text(get(values, COMPONENT_NAME))
            is_component = bool(component_code or component_name)
            for code in (line_code, component_code):
                if code and not CODE_RE.match(code):
                    errors.append(
                        Problem(
                            row,
                            _("El código «%(code)s» debe tener la forma 21, 33.03 o 33.03.125.") % {"code": code},
                        )
                    )
                    line_code = "" if code == line_code else line_code
        else:
            subtitle = code_part(get(values, SUBTITLE), 2, _("El subtítulo"), row, errors)
            item = code_part(get(values, ITEM), 2, _("El ítem"), row, errors)
            assignment = code_part(get(values, ASSIGNMENT), 3, _("La asignación"), row, errors)
            line_code = subtitle
            is_component = bool(item or assignment)
            component_code = ".".join(part for part in (subtitle, item or "00", assignment) if part)
            component_name = name
            if any(cell_text(get(values, key)) for key in (SUBTITLE, ITEM, ASSIGNMENT)) and not subtitle:
                if cell_text(get(values, SUBTITLE)):
                    continue  # the subtítulo was invalid: already reported
                errors.append(Problem(row, _("Falta el subtítulo de esta fila.")))
                continue

        if not line_code:
            if has_amounts or name:
                if has_amounts:
                    errors.append(
                        Problem(row, _("Esta fila tiene montos pero no tiene código de subtítulo ni dice «Total»."))
                    )
                # A row with a text and no code nor amounts is a note or a title: skipped.
            continue

        if is_component:
            line = lines.get(line_code)
            if line is None:
                if own_layout:
                    line = ImportedLine(line_code, name, None, None, row)
                    lines[line_code] = line
                    seen_rows[line_code] = row
                    _check_name(line, row, errors)
                else:
                    errors.append(
                        Problem(
                            row,
                            _("El componente %(code)s aparece antes que su subtítulo %(line)s: ordene las filas.")
                            % {"code": component_code, "line": line_code},
                        )
                    )
                    continue
            key = component_code or f"{line_code}:{component_name}"
            if key in seen_rows:
                errors.append(
                    Problem(
                        row,
                        _("El componente %(code)s está repetido (ya aparece en la fila %(first)s).")
                        % {"code": component_code or component_name, "first": seen_rows[key]},
                    )
                )
                continue
            seen_rows[key] = row
            amounts = _read_amounts(approved_cell, executed_cell, row, errors)
            component = ImportedLine(component_code, component_name, *(amounts or (None, None)), row=row)
            _check_name(component, row, errors)
            if amounts and None in amounts:
                errors.append(Problem(row, _("Faltan el presupuesto vigente o el devengado de este componente.")))
            line.components.append(component)
            continue

        if line_code in seen_rows:
            errors.append(
                Problem(
                    row,
                    _("El subtítulo %(code)s está repetido (ya aparece en la fila %(first)s).")
                    % {"code": line_code, "first": seen_rows[line_code]},
                )
            )
            continue
        seen_rows[line_code] = row
        amounts = _read_amounts(approved_cell, executed_cell, row, errors)
        line = ImportedLine(line_code, name, *(amounts or (None, None)), row=row)
        _check_name(line, row, errors)
        lines[line_code] = line
        if amounts is None:
            unreadable_rows.add(row)  # already reported: not "missing" as well

    for line in lines.values():
        line.components = _without_subtotals(line.components)
        if line.components:
            foreign = [c for c in line.components if c.code and not c.code.startswith(line.code + ".")]
            for component in foreign:
                errors.append(
                    Problem(
                        component.row,
                        _("El código %(component)s no pertenece a la línea %(code)s.")
                        % {"component": component.code, "code": line.code},
                    )
                )
        elif (line.approved is None or line.executed is None) and line.row not in unreadable_rows:
            errors.append(Problem(line.row, _("Faltan el presupuesto vigente o el devengado de esta línea.")))

    result.lines = list(lines.values())
    if not result.lines and not errors:
        errors.append(Problem(None, _("El archivo no tiene líneas de presupuesto bajo los encabezados.")))
    if not result.has_total_row:
        result.warnings.append(Problem(None, missing_total_message()))
    errors.sort(key=lambda problem: problem.row or 0)
    return result


def _check_name(line, row, errors):
    if not line.name:
        errors.append(Problem(row, _("Falta la denominación de %(code)s.") % {"code": line.code or _("la fila")}))
    elif len(line.name) > MAX_NAME_LENGTH:
        errors.append(
            Problem(row, _("La denominación tiene más de %(max)s caracteres: acórtela.") % {"max": MAX_NAME_LENGTH})
        )


def _without_subtotals(components):
    """Drop the components that others in the file belong to (an ítem above its asignaciones): they are sums."""
    codes = [component.code for component in components if component.code]
    return [
        component
        for component in components
        if not component.code or not any(code.startswith(component.code + ".") for code in codes)
    ]
