"""Open data: every commitment with its milestones as JSON, CSV and XLSX.

The fields follow the Open Government Partnership (OGP) commitment template: lead
institution, public problem, description, other actors, milestones, start and end dates
and completion level. Records are plain dicts (see ``ProgramaIndexPage.export_records``);
the functions here only serialise them, so each format carries exactly the same data.
Under /en/ the CSV and XLSX speak English (column names, sheet names, the meaning of
each column, yes/no); the JSON keeps its keys in every language, like an API.
"""

import io
import json
from decimal import Decimal

from django.utils.translation import get_language
from openpyxl import Workbook

from base import csvfiles
from base.spreadsheets import keep_text_as_text

#: Commitment fields, in column order: key -> column header (the OGP template's field).
COMMITMENT_FIELDS = {
    "id": "ID",
    "compromiso": "Compromiso",
    "url": "URL",
    "tema": "Tema",
    "tema_id": "Identificador del tema",
    "institucion_responsable": "Institución responsable (lead institution)",
    "otros_actores": "Otros actores involucrados",
    "problema": "Problema público que aborda",
    "descripcion": "Descripción del compromiso",
    "fecha_inicio": "Fecha de inicio",
    "fecha_termino": "Fecha de término",
    "avance_porcentaje": "Avance (%)",
    "nivel_cumplimiento": "Nivel de cumplimiento (código OGP)",
    "nivel_cumplimiento_texto": "Nivel de cumplimiento",
    "nivel_cumplimiento_calculado": "Nivel calculado según el avance",
    "motivo_nivel_registrado": "Motivo del nivel registrado",
    "hitos_cumplidos": "Hitos cumplidos",
    "hitos_total": "Hitos",
    "ultima_publicacion": "Última publicación",
}

#: Milestone fields: key -> column header.
MILESTONE_FIELDS = {
    "hito": "Hito",
    "fecha_comprometida": "Fecha comprometida",
    "fecha_cumplimiento": "Fecha de cumplimiento",
    "cumplido": "Cumplido",
    "ponderacion": "Ponderación",
    "porcentaje_del_total": "Porcentaje del total (%)",
    "evidencia_descripcion": "Evidencia",
    "evidencia_enlace": "Enlace de la evidencia",
    "evidencia_fecha": "Fecha de la evidencia",
}

#: Fields of a step of the progress history (``history.timeline``, as the page's timeline and the feed): key -> header.
HISTORY_FIELDS = {
    "fecha": "Fecha del cambio",
    "avance_porcentaje": "Avance (%)",
    "nivel_cumplimiento": "Nivel de cumplimiento (código OGP)",
    "nivel_cumplimiento_texto": "Nivel de cumplimiento",
    "hitos_cumplidos": "Hitos cumplidos",
    "hitos_total": "Hitos",
    "evidencia_enlace": "Enlace de la evidencia",
}

#: Column keys of the flat (one row per milestone) CSV.
CSV_COLUMNS = list(COMMITMENT_FIELDS) + [f"hito_{key}" if key != "hito" else key for key in MILESTONE_FIELDS]

#: The same columns in the English downloads: key -> (English column, its meaning).
ENGLISH_FIELDS = {
    "id": ("id", "ID"),
    "compromiso": ("commitment", "Commitment"),
    "url": ("url", "URL"),
    "tema": ("theme", "Theme"),
    "tema_id": ("theme_id", "Theme identifier"),
    "institucion_responsable": ("lead_institution", "Lead institution"),
    "otros_actores": ("other_actors", "Other actors involved"),
    "problema": ("public_problem", "Public problem addressed"),
    "descripcion": ("description", "Description of the commitment"),
    "fecha_inicio": ("start_date", "Start date"),
    "fecha_termino": ("end_date", "End date"),
    "avance_porcentaje": ("progress_percentage", "Progress (%)"),
    "nivel_cumplimiento": ("completion_level", "Level of completion (OGP code)"),
    "nivel_cumplimiento_texto": ("completion_level_text", "Level of completion"),
    "nivel_cumplimiento_calculado": ("completion_level_computed", "Level computed from progress"),
    "motivo_nivel_registrado": ("recorded_level_reason", "Reason for the recorded level"),
    "hitos_cumplidos": ("milestones_completed", "Milestones completed"),
    "hitos_total": ("milestones_total", "Milestones"),
    "ultima_publicacion": ("last_published", "Last published"),
    "hito": ("milestone", "Milestone"),
    "fecha_comprometida": ("due_date", "Due date"),
    "fecha_cumplimiento": ("completion_date", "Completion date"),
    "cumplido": ("completed", "Completed"),
    "ponderacion": ("weight", "Weight"),
    "porcentaje_del_total": ("share_of_total_percentage", "Share of the total (%)"),
    "evidencia_descripcion": ("evidence", "Evidence"),
    "evidencia_enlace": ("evidence_link", "Evidence link"),
    "evidencia_fecha": ("evidence_date", "Evidence date"),
    "id_compromiso": ("commitment_id", "Commitment ID"),
    "fecha": ("date", "Date of the change"),
}
#: Other words of the CSV and XLSX: Spanish -> English.
ENGLISH_WORDS = {
    "Compromisos": "Commitments",
    "Hitos": "Milestones",
    "Historial": "History",
    "Metodología": "Methodology",
    "columna": "column",
    "significado": "meaning",
    "sí": "yes",
    "no": "no",
    # What each download says about itself (ProgramaIndexPage.export_meta; the JSON keeps these keys).
    "programa": "programme",
    "idioma": "language",
    "generado": "generated",
    "formula_avance": "progress_formula",
    "escala_cumplimiento": "completion_scale",
    "licencia": "licence",
}


def is_english(language=None):
    """Whether ``language`` (by default the active one, that of the page's URL) is English."""
    return (language or get_language() or "").lower().startswith("en")


def column(key, language=None):
    """The column name of ``key`` (``hito_fecha_comprometida`` included) in ``language``."""
    if not is_english(language):
        return key
    if key.startswith("hito_"):
        return "milestone_" + ENGLISH_FIELDS[key.removeprefix("hito_")][0]
    return ENGLISH_FIELDS[key][0]


def word(spanish, language=None):
    """A sheet name or label in ``language``."""
    return ENGLISH_WORDS.get(spanish, spanish) if is_english(language) else spanish


def meaning(key, label, language=None):
    """What a column means, for the XLSX "Metodología" sheet, in ``language``."""
    return ENGLISH_FIELDS[key][1] if is_english(language) else label


def _plain(value):
    """JSON/CSV/XLSX-friendly scalar: Decimals become floats, None stays None."""
    if isinstance(value, Decimal):
        return float(value)
    return value


def to_json(records, meta):
    """The JSON document: ``meta`` (programme, formula, generation date) plus the commitments."""
    document = dict(meta)
    document["compromisos"] = [
        {
            **{key: _plain(record[key]) for key in COMMITMENT_FIELDS},
            "hitos": [{key: _plain(m[key]) for key in MILESTONE_FIELDS} for m in record["hitos"]],
            "historial": [{key: _plain(step[key]) for key in HISTORY_FIELDS} for step in record["historial"]],
        }
        for record in records
    ]
    return json.dumps(document, ensure_ascii=False, indent=2)


def flat_rows(records):
    """One row per milestone with its commitment's fields (a commitment without milestones gives one row)."""
    rows = []
    for record in records:
        base = {key: _plain(record[key]) for key in COMMITMENT_FIELDS}
        milestones = record["hitos"] or [dict.fromkeys(MILESTONE_FIELDS)]
        for milestone in milestones:
            row = dict(base)
            for key in MILESTONE_FIELDS:
                row[f"hito_{key}" if key != "hito" else key] = _plain(milestone[key])
            rows.append(row)
    return rows


def to_csv(records, language=None):
    """The site's CSV (``base.csvfiles``: BOM, RFC 4180, yes/no words), one row per milestone.

    The header and the yes/no words are in ``language`` (by default the active one).
    """
    header = [column(key, language) for key in CSV_COLUMNS]
    rows = ([row[key] for key in CSV_COLUMNS] for row in flat_rows(records))
    return csvfiles.csv_text(header, rows, language)


def to_xlsx(records, meta):
    """An XLSX workbook: sheets "Compromisos" (one row each), "Hitos", "Historial" and "Metodología"."""
    language = meta.get("idioma")
    workbook = Workbook()
    commitments = workbook.active
    commitments.title = word("Compromisos", language)
    commitments.append([column(key, language) for key in COMMITMENT_FIELDS])
    for record in records:
        commitments.append([_plain(record[key]) for key in COMMITMENT_FIELDS])
    milestones = workbook.create_sheet(word("Hitos", language))
    milestones.append([column(key, language) for key in ["id_compromiso", "compromiso", *MILESTONE_FIELDS]])
    for record in records:
        for milestone in record["hitos"]:
            milestones.append([record["id"], record["compromiso"], *(_plain(milestone[k]) for k in MILESTONE_FIELDS)])
    history = workbook.create_sheet(word("Historial", language))
    history.append([column(key, language) for key in ["id_compromiso", "compromiso", *HISTORY_FIELDS]])
    for record in records:
        for step in record["historial"]:
            history.append([record["id"], record["compromiso"], *(_plain(step[k]) for k in HISTORY_FIELDS)])
    about = workbook.create_sheet(word("Metodología", language))
    for key, value in meta.items():
        about.append([word(key, language), str(value)])
    about.append([])
    about.append([word("columna", language), word("significado", language)])
    for key, label in {**COMMITMENT_FIELDS, **MILESTONE_FIELDS, **HISTORY_FIELDS}.items():
        about.append([column(key, language), meaning(key, label, language)])
    for sheet in (commitments, milestones, history):
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    keep_text_as_text(workbook).save(buffer)
    return buffer.getvalue()
