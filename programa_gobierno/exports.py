"""Open data: every commitment with its milestones as JSON, CSV and XLSX.

The fields follow the Open Government Partnership (OGP) commitment template: lead
institution, public problem, description, other actors, milestones, start and end dates
and completion level. Records are plain dicts (see ``ProgramaIndexPage.export_records``);
the functions here only serialise them, so each format carries exactly the same data.
"""

import csv
import io
import json
from decimal import Decimal

from openpyxl import Workbook

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

#: Column keys of the flat (one row per milestone) CSV.
CSV_COLUMNS = list(COMMITMENT_FIELDS) + [f"hito_{key}" if key != "hito" else key for key in MILESTONE_FIELDS]


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


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sí" if value else "no"
    return value


def to_csv(records):
    """CSV (UTF-8 with BOM so spreadsheet programs read the accents), one row per milestone."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in flat_rows(records):
        writer.writerow([_csv_value(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def to_xlsx(records, meta):
    """An XLSX workbook: sheet "Compromisos" (one row each), sheet "Hitos" and sheet "Metodología"."""
    workbook = Workbook()
    commitments = workbook.active
    commitments.title = "Compromisos"
    commitments.append(list(COMMITMENT_FIELDS))
    for record in records:
        commitments.append([_plain(record[key]) for key in COMMITMENT_FIELDS])
    milestones = workbook.create_sheet("Hitos")
    milestones.append(["id_compromiso", "compromiso", *MILESTONE_FIELDS])
    for record in records:
        for milestone in record["hitos"]:
            milestones.append([record["id"], record["compromiso"], *(_plain(milestone[k]) for k in MILESTONE_FIELDS)])
    about = workbook.create_sheet("Metodología")
    for key, value in meta.items():
        about.append([key, str(value)])
    about.append([])
    about.append(["columna", "significado"])
    for key, label in {**COMMITMENT_FIELDS, **MILESTONE_FIELDS}.items():
        about.append([key, label])
    for sheet in (commitments, milestones):
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    keep_text_as_text(workbook).save(buffer)
    return buffer.getvalue()
