"""Writing an imported budget into a sheet: shared by the admin import view and ``import_budget_sheet``.

The file is read by ``fichas.importer`` (pure); this module finds or creates the
sheet and saves the new budget table as a revision. The admin never publishes:
its revision is a draft that goes through the "Aprobación de contenidos"
workflow like any edit. Only the command publishes, and only with ``--publish``.

What a re-import keeps, and why: the spreadsheet has amounts, codes and names,
never the plain-language texts. So a line or component whose code is already in
the table keeps its "Descripción en lenguaje claro", "Quiénes pueden postular"
and its block id (the id is how wagtail-localize ties the English translation to
the Spanish text). The table's title and note are kept too. Lines missing from
the file are removed; new lines arrive without descriptions. When the file has
no total row, the sheet keeps its official totals.
"""

import json
import uuid

from .models import FichaCiudadanaPage
from .naming import PROGRAMME_NAMES, free_slug, sheet_slug, sheet_title


def find_sheet(index, year, programme_number):
    """The sheet for this year and programme under ``index`` (live or draft), or None."""
    return FichaCiudadanaPage.objects.child_of(index).filter(year=year, programme_number=programme_number).first()


def create_sheet(index, year, programme_number, programme_name=None):
    """A new, unpublished sheet under ``index``, titled and addressed from its year and programme."""
    programme_name = programme_name or PROGRAMME_NAMES.get(programme_number) or f"Programa {programme_number}"
    page = FichaCiudadanaPage(
        title=sheet_title(year, programme_number, programme_name),
        slug=free_slug(index, sheet_slug(year, programme_number, programme_name)),
        year=year,
        programme_number=programme_number,
        programme_name=programme_name,
        live=False,
        body="[]",
    )
    index.add_child(instance=page)
    return page


def _raw_items(value):
    """ListBlock raw data as (id, value) pairs, whatever its stored shape (with or without item wrappers)."""
    for item in value or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item.get("id"), item["value"]
        else:
            yield None, item


def _item(value, block_id=None):
    return {"type": "item", "value": value, "id": block_id or str(uuid.uuid4())}


def imported_table(parsed, current_table, default_title):
    """The raw budget-table value for ``parsed`` lines, keeping texts and ids of ``current_table`` by code.

    ``current_table`` is the table's raw value in the latest revision (or None).
    """
    current_table = current_table or {}
    kept = {}  # code (or line code + name for a component without code) -> (id, raw value)
    for line_id, line in _raw_items(current_table.get("lines")):
        kept[("line", line.get("code"))] = (line_id, line)
        for component_id, component in _raw_items(line.get("components")):
            key = component.get("code") or f"{line.get('code')}:{component.get('name')}"
            kept[("component", key)] = (component_id, component)

    def texts(kind, key):
        block_id, old = kept.get((kind, key), (None, {}))
        return block_id, {"description": old.get("description") or "", "who_may_apply": old.get("who_may_apply") or ""}

    lines = []
    for line in parsed.lines:
        components = []
        for component in line.components:
            block_id, old_texts = texts("component", component.code or f"{line.code}:{component.name}")
            value = {
                "code": component.code,
                "name": component.name,
                **old_texts,
                "approved": component.approved,
                "executed": component.executed,
            }
            components.append(_item(value, block_id))
        block_id, old_texts = texts("line", line.code)
        value = {
            "code": line.code,
            "name": line.name,
            **old_texts,
            "approved": line.approved,
            "executed": line.executed,
            "components": components,
        }
        lines.append(_item(value, block_id))
    if parsed.has_total_row:
        official = (parsed.official_approved, parsed.official_executed)
    else:
        official = (current_table.get("official_approved"), current_table.get("official_executed"))
    return {
        "title": current_table.get("title") or default_title,
        "lines": lines,
        "official_approved": official[0],
        "official_executed": official[1],
        "note": current_table.get("note") or "",
    }


def current_table_and_body(page):
    """(raw table value or None, raw body list) of the page's latest revision: what the editor last saved."""
    latest = page.get_latest_revision_as_object() if page.pk else page
    body = list(latest.body.raw_data)
    table = next((child.get("value") for child in body if child.get("type") == "budget_table"), None)
    return table, body


def save_import(page, parsed, user=None, publish=False):
    """Save ``parsed`` as the page's budget table in a new revision (a draft unless ``publish``); return it.

    The rest of the latest revision (texts, headings, other fields) is kept as the editor left it.
    """
    latest = page.get_latest_revision_as_object() if page.get_latest_revision() else page
    table, body = current_table_and_body(page)
    new_table = imported_table(parsed, table, f"Ejecución presupuestaria {page.year}, Programa {page.programme_number}")
    if table is None:
        body.append({"type": "budget_table", "value": new_table, "id": str(uuid.uuid4())})
    else:
        body = [{**child, "value": new_table} if child.get("type") == "budget_table" else child for child in body]
    latest.body = json.dumps(body)
    revision = latest.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return revision
