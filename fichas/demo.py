"""Demo content of the citizen budget sheets: both 2023 programmes from the seed document.

Every subtítulo with the seed's amounts (M$) and the official programme totals
as published. Percentages and totals are not copied from the seed: the site
computes them. The seed's own lines do not add up to its official totals
(programme 01 by M$ 99.002 executed and M$ 2 approved; programme 02 by
M$ 178.340 approved), so both sheets show the mismatch note: the feature
working on real data. The seed gives subtítulo 33 only as a total; its split
among the three components here is illustrative (and the page says so), chosen
so that it adds up exactly to the seed's total. Descriptions are written for
this site; English texts feed the wagtail-localize translations.

The texts and figures are in ``demo/content.toml``; this module only builds the pages.
"""

import json
import uuid

from base.demo import english_mapping, get_or_create_page, load_content, spanish, translate

from .models import FichaCiudadanaPage, FichasIndexPage

CONTENT = load_content(__file__)
INDEX = spanish(CONTENT["index"])
INDEX_SLUG = INDEX["slug"]
HOW_TO_READ = spanish(CONTENT["how_to_read"])
LINE_FIELDS = ("code", "name", "description", "who_may_apply", "approved", "executed")


def budget_item(item):
    """The fields of one line or component, in block order; an absent ``who_may_apply`` is empty."""
    return {name: item.get(name, "") for name in LINE_FIELDS}


# The sheets in Spanish, every optional field of a line or component filled in.
SHEETS = [
    {
        **sheet,
        "lines": [
            {**budget_item(line), "components": [budget_item(c) for c in line.get("components", [])]}
            for line in sheet["lines"]
        ],
    }
    for sheet in spanish(CONTENT["sheets"])
]
ENGLISH = {
    # Slugs stay the same in English, so each sheet's URLs differ only by the /en/ prefix.
    INDEX_SLUG: INDEX_SLUG,
    **{sheet["slug"]: sheet["slug"] for sheet in SHEETS},
    **english_mapping(CONTENT),
}


def block_id(*parts):
    """A stable block id, so wagtail-localize finds the same blocks in the saved page it extracted from."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(["fichas-demo", *parts])))


def list_items(items, *parts):
    """ListBlock raw data with stable ids (without ids, Wagtail makes new ones at every load)."""
    return [
        {"type": "item", "value": item, "id": block_id(*parts, str(index), item["code"], item["name"])}
        for index, item in enumerate(items)
    ]


def sheet_body(sheet):
    """The raw StreamField data of a sheet's body: how to read it, then its budget table."""
    slug = sheet["slug"]
    lines = [{**line, "components": list_items(line["components"], slug, line["code"])} for line in sheet["lines"]]
    return json.dumps(
        [
            {"type": "heading", "value": {"text": HOW_TO_READ["heading"], "level": "h2"}, "id": block_id(slug, "h")},
            {"type": "paragraph", "value": f"<p>{HOW_TO_READ['text']}</p>", "id": block_id(slug, "p")},
            {
                "type": "budget_table",
                "id": block_id(slug, "table"),
                "value": {
                    "title": sheet["table_title"],
                    "lines": list_items(lines, slug),
                    "official_approved": sheet["official_approved"],
                    "official_executed": sheet["official_executed"],
                    "note": sheet["note"],
                },
            },
        ]
    )


def load(home):
    """Create the index and both 2023 sheets in Spanish (once), then their English translations."""
    index = get_or_create_page(
        home,
        FichasIndexPage,
        INDEX_SLUG,
        title=INDEX["title"],
        show_in_menus=True,
        introduction="".join(f"<p>{paragraph}</p>" for paragraph in INDEX["introduction"]),
    )
    sheets = [
        get_or_create_page(
            index,
            FichaCiudadanaPage,
            sheet["slug"],
            title=sheet["title"],
            year=sheet["year"],
            programme_number=sheet["programme_number"],
            programme_name=sheet["programme_name"],
            introduction=f"<p>{sheet['introduction']}</p>",
            body=sheet_body(sheet),
        )
        for sheet in SHEETS
    ]
    translate(index, ENGLISH)
    for sheet in sheets:
        translate(sheet, ENGLISH)
