"""How a sheet is named: its title and address come from its year and programme.

"Ficha Ciudadana 01: Gastos de Funcionamiento 2024" at
``ficha-ciudadana-01-gastos-de-funcionamiento-2024``. Used when a sheet is created
in the admin (``forms.FichaPageForm``), by the import and by the command.
"""

from django.utils.text import slugify

# The programmes of a regional government's budget (Partida 31): names as the seed writes them.
PROGRAMME_NAMES = {"01": "Gastos de Funcionamiento", "02": "Inversión Regional"}


def sheet_title(year, programme_number, programme_name):
    """ "Ficha Ciudadana 01: Gastos de Funcionamiento 2024": how every sheet is titled."""
    return f"Ficha Ciudadana {programme_number}: {programme_name} {year}"


def sheet_slug(year, programme_number, programme_name):
    """ "ficha-ciudadana-01-gastos-de-funcionamiento-2024": the title as an address, without accents."""
    return slugify(sheet_title(year, programme_number, programme_name))


def free_slug(parent, slug, exclude_pk=None):
    """``slug``, or ``slug-2``, ``slug-3``… when a sibling already has it (e.g. a draft another attempt left)."""
    siblings = set(parent.get_children().exclude(pk=exclude_pk).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in siblings:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
