"""Commitments' progress in bulk: milestones out to a spreadsheet, back in, previewed, then saved as drafts.

Editors update many milestones at once: they export every milestone of the programme (one row
each, identified by the commitment's page id and the milestone's id), fill in completion dates,
evidence links and evidence dates, and upload the file again. Reading and checking the file
(``read_table``, ``plan_import``) writes nothing; ``apply_plan`` saves one draft revision per
changed commitment and submits it to its workflow, so Aprobadores still publish.

Milestones are read from each commitment's latest revision, as the page editor does, so a
draft that is waiting is neither overwritten nor ignored. Progress and status before and after
come from ``CompromisoPage.refresh_progress`` (the rules of ``programa_gobierno.progress``), and
each changed milestone goes through ``Hito.clean``: the same checks as the page editor.
"""

import csv
import datetime
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from wagtail.models import WorkflowState

from base import csvfiles
from base.spreadsheets import keep_text_as_text
from base.uploads import HEAD_BYTES, document_content_error

from .models import CompromisoPage, Status

#: Largest file accepted: the whole programme is a few hundred rows, well under 100 KB.
MAX_BYTES = 2 * 1024 * 1024
#: Most rows read from a file (a guard against a sheet padded with millions of rows).
MAX_ROWS = 5000
EDITABLE_MARK = "(editable)"
DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d")

#: Columns of the spreadsheet, in order: key, header, editable.
COLUMNS = [
    ("commitment_id", "ID compromiso", False),
    ("commitment", "Compromiso", False),
    ("theme", "Tema", False),
    ("milestone_id", "ID hito", False),
    ("milestone", "Hito", False),
    ("weight", "Ponderación", False),
    ("due_date", "Fecha comprometida", False),
    ("completed_on", f"Fecha de cumplimiento {EDITABLE_MARK}", True),
    ("evidence_url", f"Enlace de evidencia {EDITABLE_MARK}", True),
    ("evidence_date", f"Fecha de la evidencia {EDITABLE_MARK}", True),
    ("other_evidence", "Otra evidencia (documento o imagen)", False),
    ("evidence_description", "Descripción de la evidencia", False),
    ("progress", "Avance actual (%)", False),
    ("status", "Estado actual", False),
]
HEADERS = {key: header for key, header, _editable in COLUMNS}
EDITABLE = [key for key, _header, editable in COLUMNS if editable]
#: Columns the import needs: the two identifiers and the editable ones.
REQUIRED = ["commitment_id", "milestone_id", *EDITABLE]
DATE_FIELDS = {"completed_on", "evidence_date"}

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE = "Hitos"
INSTRUCTIONS = [
    "Cómo actualizar el avance de los compromisos con esta planilla",
    "1. Cambie solo las columnas marcadas «(editable)» (en amarillo): fecha de cumplimiento, enlace de "
    "evidencia y fecha de la evidencia.",
    "2. Fechas como 15-03-2025, 15/03/2025 o 2025-03-15. No se aceptan fechas futuras.",
    "3. Un hito cumplido necesita evidencia (un enlace aquí, o un documento o imagen ya cargado en la página) "
    "y la fecha de esa evidencia.",
    "4. No cambie «ID compromiso» ni «ID hito»: identifican qué hito se actualiza. Las demás columnas son "
    "informativas y se ignoran.",
    "5. Suba el archivo en «Avance de compromisos» del administrador: verá cada cambio antes de guardarlo. "
    "Se guarda un borrador por compromiso, que Aprobadores revisan y publican.",
]


class FileRefused(Exception):
    """The upload cannot be read at all: too big, not a spreadsheet, unreadable. ``status`` is the HTTP code."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


class StalePlan(Exception):
    """A commitment changed between the preview and the confirmation."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, by spreadsheet row (1 is the header row)."""

    row: int
    message: str


@dataclass
class FieldChange:
    """One editable value of a milestone, before and after."""

    label: str
    before: str
    after: str


@dataclass
class MilestoneChange:
    """A milestone whose editable values change."""

    row: int
    milestone_id: int
    title: str
    values: dict
    fields: list = field(default_factory=list)


@dataclass
class CommitmentChange:
    """A commitment with at least one changed milestone, and its progress and status before and after."""

    page_id: int
    title: str
    revision_id: int | None
    progress_before: object
    status_before: str
    progress_after: object = None
    status_after: str = ""
    milestones: list = field(default_factory=list)

    @property
    def status_before_label(self):
        return Status(self.status_before).label

    @property
    def status_after_label(self):
        return Status(self.status_after).label


@dataclass
class Plan:
    """What an uploaded file would change, and what is wrong with it. Nothing is saved unless ``is_valid``."""

    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    rows_read: int = 0

    @property
    def is_valid(self):
        return not self.problems

    def payload(self):
        """The changes as JSON-ready data, kept in the session between preview and confirmation."""
        return [
            {
                "page": change.page_id,
                "revision": change.revision_id,
                "milestones": {str(m.milestone_id): m.values for m in change.milestones},
            }
            for change in self.changes
        ]


# Export -----------------------------------------------------------------------------------


def commitments_of(index_page):
    """The commitments under ``index_page`` (live or not), in the order of the open-data downloads."""
    return (
        CompromisoPage.objects.child_of(index_page)
        .select_related("tema")
        .order_by("tema__sort_order", "tema__name", "title", "pk")
    )


def editable_copy(page):
    """``page`` as its latest revision has it, with its milestones held in memory.

    Assigning the list makes the milestones part of the in-memory page (modelcluster), so
    changes to them are what ``refresh_progress`` counts and what ``save_revision`` stores,
    also for a page whose revision predates its milestones or that has no revision at all.
    """
    draft = page.get_latest_revision_as_object()
    draft.hitos = list(draft.hitos.all())
    return draft


def _figures(page):
    """(progress, status) of ``page`` as its milestones stand in memory."""
    page.refresh_progress()
    return page.progress, page.status


def export_rows(index_page):
    """One dict per milestone of every commitment, from each commitment's latest revision (what editors see)."""
    rows = []
    for page in commitments_of(index_page):
        draft = editable_copy(page)
        progress, status = _figures(draft)
        for hito in sorted(draft.hitos.all(), key=lambda h: (h.sort_order or 0, h.pk or 0)):
            other = ""
            if hito.evidence_document_id or hito.evidence_image_id:
                other = _evidence_file_url(hito)
            rows.append(
                {
                    "commitment_id": page.pk,
                    "commitment": draft.title,
                    "theme": page.tema.name,
                    "milestone_id": hito.pk,
                    "milestone": hito.title,
                    "weight": hito.weight,
                    "due_date": hito.due_date,
                    "completed_on": hito.completed_on,
                    "evidence_url": hito.evidence_url,
                    "evidence_date": hito.evidence_date,
                    "other_evidence": other,
                    "evidence_description": hito.evidence_description,
                    "progress": float(progress),
                    "status": str(Status(status).label),
                }
            )
    return rows


def _evidence_file_url(hito):
    """Address of the milestone's uploaded evidence (document first, then image), for information only."""
    if hito.evidence_document_id:
        return hito.evidence_document.url
    return hito.evidence_image.file.url


def _text_date(value):
    return value.strftime("%d-%m-%Y") if isinstance(value, datetime.date) else value


def to_csv(rows):
    """The spreadsheet's columns as the site's CSV (``base.csvfiles``: BOM, RFC 4180), dates as dd-mm-aaaa."""
    titles = [title for _key, title, _editable in COLUMNS]
    return csvfiles.csv_text(titles, ([_text_date(row[key]) for key, _h, _e in COLUMNS] for row in rows))


def to_xlsx(rows):
    """XLSX: sheet "Hitos" (editable columns in yellow, real date cells) and sheet "Instrucciones"."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append([header for _key, header, _editable in COLUMNS])
    editable_fill = PatternFill("solid", fgColor="FFF2A8")
    for number, (_key, header, editable) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=number)
        cell.font = Font(bold=True)
        if editable:
            cell.fill = editable_fill
        sheet.column_dimensions[cell.column_letter].width = min(max(len(header) + 2, 12), 48)
    for row in rows:
        sheet.append([row[key] for key, _header, _editable in COLUMNS])
        for number, (key, _header, editable) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=sheet.max_row, column=number)
            if key in DATE_FIELDS or key == "due_date":
                cell.number_format = "DD-MM-YYYY"
            if editable:
                cell.fill = editable_fill
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("Instrucciones")
    for line in INSTRUCTIONS:
        about.append([line])
    about.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    keep_text_as_text(workbook).save(buffer)
    return buffer.getvalue()


# Reading a file ---------------------------------------------------------------------------


def read_table(name, content):
    """Rows of the uploaded file as ``[(row_number, [values])]``; raises ``FileRefused`` when unreadable.

    ``content`` is the whole file (bytes). XLSX is read from the "Hitos" sheet (else the first);
    CSV may use commas or semicolons (what a spreadsheet program saves in es-CL) and UTF-8 or
    Windows-1252.
    """
    if len(content) > MAX_BYTES:
        raise FileRefused(
            _("El archivo pesa %(size)s MB; el máximo es %(max)s MB.")
            % {"size": f"{len(content) / 1024 / 1024:.1f}".replace(".", ","), "max": MAX_BYTES // 1024 // 1024},
            status=413,
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ("xlsx", "csv"):
        raise FileRefused(_("El archivo debe ser una planilla .xlsx o .csv (la que se descarga en esta página)."))
    error = document_content_error(name, content[:HEAD_BYTES])
    if error:
        raise FileRefused(_("El archivo no es una planilla que se pueda leer: %(error)s") % {"error": error})
    rows = _read_xlsx(content) if extension == "xlsx" else _read_csv(content)
    if len(rows) > MAX_ROWS:
        raise FileRefused(_("El archivo tiene más de %(max)s filas.") % {"max": MAX_ROWS}, status=413)
    return rows


def _read_xlsx(content):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.worksheets[0]
            rows = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.append((number, list(values)))
                if number > MAX_ROWS:
                    break
            return rows
        finally:
            workbook.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError, IndexError):
        raise FileRefused(_("No se pudo leer el archivo como planilla XLSX. Guárdelo de nuevo como .xlsx.")) from None


def _read_csv(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return [(number, values) for number, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)]
    except csv.Error:
        raise FileRefused(_("No se pudo leer el archivo como CSV.")) from None


# Checking a file ---------------------------------------------------------------------------


def normalize_header(text):
    """A header as compared: no accents, no case, no "(editable)" mark, single spaces."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    return " ".join(text.replace(EDITABLE_MARK, " ").split())


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def parse_id(value):
    """A page or milestone id from a cell (12, 12.0, "12"); None when blank; ValueError otherwise."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        raise ValueError(value)
    return int(text)


def parse_date(value):
    """A date from a cell: a real date cell, or text dd-mm-aaaa, dd/mm/aaaa or aaaa-mm-dd. None when blank.

    Raises ValueError for anything else (including impossible dates such as 31-02-2025).
    """
    if _blank(value):
        return None
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0, 0):
            raise ValueError(value)
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if text.endswith(" 00:00:00"):  # a date cell saved as text by some spreadsheet programs
        text = text[: -len(" 00:00:00")]
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise ValueError(value)


_url_validator = URLValidator(schemes=["http", "https"])


def parse_url(value):
    """An evidence link from a cell: "" when blank; ValueError unless an http(s) address of up to 200 characters."""
    if _blank(value):
        return ""
    text = str(value).strip()
    if len(text) > 200:
        raise ValueError(value)
    try:
        _url_validator(text)
    except ValidationError:
        raise ValueError(value) from None
    return text


def _shown(value):
    """How a value reads in the preview: dd-mm-aaaa for dates, "(vacío)" for nothing."""
    if value in (None, ""):
        return _("(vacío)")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def _header_problems(header_row):
    """(column positions by key, problems) for the first row of the file."""
    positions = {}
    known = {normalize_header(header): key for key, header, _editable in COLUMNS}
    for position, value in enumerate(header_row):
        key = known.get(normalize_header(value))
        if key and key not in positions:
            positions[key] = position
    missing = [HEADERS[key] for key in REQUIRED if key not in positions]
    if not missing:
        return positions, []
    message = _(
        "Faltan las columnas %(columns)s en la primera fila. Use la planilla que se descarga en esta página "
        "sin cambiar sus encabezados."
    ) % {"columns": ", ".join(f"«{header}»" for header in missing)}
    return positions, [Problem(1, message)]


def _field_label(key):
    return HEADERS[key].replace(EDITABLE_MARK, "").strip()


def plan_import(rows, index_page, user):
    """Check the rows of a file against the commitments under ``index_page`` and work out their changes.

    Pure with respect to the database (nothing is written). Every problem is reported with its
    row, so the editor can fix the whole file at once; the plan is only applied when it has none.
    """
    plan = Plan()
    rows = [(number, values) for number, values in rows if not all(_blank(v) for v in values)]
    if not rows:
        plan.problems.append(Problem(1, _("El archivo está vacío: no tiene encabezados ni filas.")))
        return plan
    header_number, header_row = rows[0]
    positions, problems = _header_problems(header_row)
    if problems:
        plan.problems.extend(Problem(header_number, p.message) for p in problems)
        return plan

    pages = {page.pk: page for page in commitments_of(index_page)}
    drafts = {}  # page id -> (latest revision as a page object, its milestones by id, CommitmentChange)
    seen = {}  # milestone id -> row
    for number, values in rows[1:]:
        plan.rows_read += 1

        def cell(key, values=values):
            position = positions[key]
            return values[position] if position < len(values) else None

        try:
            page_id = parse_id(cell("commitment_id"))
            milestone_id = parse_id(cell("milestone_id"))
        except ValueError:
            plan.problems.append(Problem(number, _("«ID compromiso» e «ID hito» deben ser números enteros.")))
            continue
        if milestone_id is None:
            continue  # a commitment without milestones, or a milestone only in a draft: nothing to update
        if page_id is None:
            plan.problems.append(Problem(number, _("Falta el «ID compromiso» de este hito.")))
            continue
        if page_id not in pages:
            plan.problems.append(
                Problem(number, _("No hay un compromiso con ID «%(id)s» en el Programa de Gobierno.") % {"id": page_id})
            )
            continue
        if milestone_id in seen:
            plan.problems.append(
                Problem(
                    number,
                    _("El hito con ID «%(id)s» ya aparece en la fila %(row)s.")
                    % {"id": milestone_id, "row": seen[milestone_id]},
                )
            )
            continue
        seen[milestone_id] = number
        if page_id not in drafts:
            page = pages[page_id]
            draft = editable_copy(page)
            progress, status = _figures(draft)
            drafts[page_id] = (
                draft,
                {hito.pk: hito for hito in draft.hitos.all() if hito.pk},
                CommitmentChange(
                    page_id=page_id,
                    title=draft.title,
                    revision_id=page.latest_revision_id,
                    progress_before=progress,
                    status_before=status,
                ),
            )
        draft, milestones, change = drafts[page_id]
        hito = milestones.get(milestone_id)
        if hito is None:
            plan.problems.append(
                Problem(
                    number,
                    _("El compromiso «%(title)s» no tiene un hito con ID «%(id)s».")
                    % {"title": draft.title, "id": milestone_id},
                )
            )
            continue

        new_values, row_ok = {}, True
        for key in EDITABLE:
            raw = cell(key)
            try:
                new_values[key] = parse_date(raw) if key in DATE_FIELDS else parse_url(raw)
            except ValueError:
                row_ok = False
                if key in DATE_FIELDS:
                    message = _("«%(column)s»: «%(value)s» no es una fecha; escriba por ejemplo 15-03-2025.")
                else:
                    message = _(
                        "«%(column)s»: «%(value)s» no es un enlace válido; debe empezar por https:// o http:// "
                        "y tener hasta 200 caracteres."
                    )
                plan.problems.append(Problem(number, message % {"column": _field_label(key), "value": raw}))
        if not row_ok:
            continue

        fields = [
            FieldChange(_field_label(key), _shown(getattr(hito, key)), _shown(new_values[key]))
            for key in EDITABLE
            if getattr(hito, key) != new_values[key]
        ]
        if not fields:
            continue
        for key in EDITABLE:
            setattr(hito, key, new_values[key])
        try:
            hito.clean()  # the page editor's rules: evidence to complete, its date, no future dates
        except ValidationError as error:
            for messages in error.message_dict.values():
                plan.problems.extend(Problem(number, message) for message in messages)
            continue
        change.milestones.append(
            MilestoneChange(
                row=number,
                milestone_id=milestone_id,
                title=hito.title,
                values={key: _stored(value) for key, value in new_values.items()},
                fields=fields,
            )
        )

    for draft, _milestones, change in drafts.values():
        if not change.milestones:
            continue
        problem = _cannot_change(draft, user)
        if problem:
            plan.problems.append(Problem(change.milestones[0].row, problem))
            continue
        change.progress_after, change.status_after = _figures(draft)
        plan.changes.append(change)
    return plan


def _cannot_change(page, user):
    """Why ``user`` may not save a new draft of ``page`` now (Spanish), or None."""
    if not page.permissions_for_user(user).can_edit():
        return _("No tiene permiso para editar el compromiso «%(title)s».") % {"title": page.title}
    if page.workflow_in_progress:
        return _(
            "El compromiso «%(title)s» está esperando aprobación: espere la decisión de Aprobadores antes de "
            "cambiarlo con una planilla."
        ) % {"title": page.title}
    lock = page.get_lock()
    if lock and lock.for_user(user):
        return _("El compromiso «%(title)s» está bloqueado para edición.") % {"title": page.title}
    return None


def _stored(value):
    """A value as kept in the session (JSON): dates as ISO text."""
    return value.isoformat() if isinstance(value, datetime.date) else value


# Applying ---------------------------------------------------------------------------------


def _stored_value(key, value):
    if key in DATE_FIELDS:
        return datetime.date.fromisoformat(value) if value else None
    return value or ""


@transaction.atomic
def apply_plan(payload, user):
    """Save a draft revision for each commitment of ``payload`` (see ``Plan.payload``) and submit it.

    Each commitment must still be at the revision the preview was computed from, otherwise
    ``StalePlan`` is raised and nothing is saved (the transaction rolls back). The new
    revision goes to the commitment's workflow ("Aprobación de contenidos") as the page
    editor's "Enviar a revisión" does; publishing stays with the approvers. Returns the pages.
    """
    saved = []
    for entry in payload:
        page = CompromisoPage.objects.select_for_update().filter(pk=entry["page"]).first()
        if page is None or page.latest_revision_id != entry["revision"]:
            raise StalePlan(page.title if page else str(entry["page"]))
        draft = editable_copy(page)
        milestones = {str(hito.pk): hito for hito in draft.hitos.all() if hito.pk}
        for milestone_id, values in entry["milestones"].items():
            hito = milestones.get(milestone_id)
            if hito is None:
                raise StalePlan(draft.title)
            for key, value in values.items():
                setattr(hito, key, _stored_value(key, value))
            hito.clean()
        if _cannot_change(draft, user):
            raise StalePlan(draft.title)
        draft.save_revision(user=user, log_action=True)
        state = draft.current_workflow_state
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        else:
            workflow = draft.get_workflow()
            if workflow is not None:
                workflow.start(draft, user)
        saved.append(draft)
    return saved
