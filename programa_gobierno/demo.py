"""Demo content of the Programa de Gobierno: illustrative commitments on the seed's themes.

The texts, dates and weights are in ``demo/content.toml`` (see its header for why the
commitments are examples and how they cover every status of the OGP scale); the evidence
PDFs are the sample files beside it. The demo ships no pictures: editors add real ones with
their alt text. This module only builds the pages.

Everything is get-or-create: a second run changes nothing.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from base.demo import demo_file, get_or_create_page, load_content, spanish, translate
from base.demo import english_mapping as collect_english

from . import progress as rules
from .models import CompromisoPage, EnlaceCompromiso, Hito, ProgramaIndexPage, RegistroAvance, Tema

CONTENT = load_content(__file__)
INDEX = spanish(CONTENT["index"])
ILLUSTRATIVE = spanish(CONTENT["illustrative"])
SUMMARY_PREFIX = CONTENT["summary_prefix"]
EVIDENCE = spanish(CONTENT["evidence"])
THEMES = spanish(CONTENT["themes"])
COMMITMENTS = CONTENT["commitments"]


def english_mapping():
    """Spanish -> English for every text of the section."""
    mapping = collect_english(CONTENT)
    for item in COMMITMENTS:
        # A page's summary opens with the prefix that says it is an example.
        mapping[SUMMARY_PREFIX["es"] + item["summary"]["es"]] = SUMMARY_PREFIX["en"] + item["summary"]["en"]
    return mapping


def file_slug(title):
    """The file name stem the demo's sample files are stored under (from the object's title)."""
    return "".join(c if c.isalnum() else "-" for c in title.lower())[:40].strip("-")


def get_document(title):
    """The sample evidence document titled ``title`` (created once from its file in ``demo/``)."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=Collection.get_first_root_node())
        name = f"programa-{file_slug(title)}.pdf"
        with open(demo_file(__file__, name), "rb") as sample:
            content = sample.read()
        document.file_size = len(content)  # links state format and size (WCAG); the admin upload sets it too
        document.file.save(name, ContentFile(content))
        document.save()
    return document


# Loading ----------------------------------------------------------------------------------


def load_temas(locale):
    """The themes in Spanish, by slug (created once)."""
    temas = {}
    for order, theme in enumerate(THEMES):
        temas[theme["slug"]], _ = Tema.objects.get_or_create(
            locale=locale,
            slug=theme["slug"],
            defaults={"name": theme["name"], "description": theme["description"], "sort_order": order},
        )
    return temas


def build_commitment(item, temas, home=None):
    """An unsaved CompromisoPage with its milestones and related pages, from one entry of COMMITMENTS.

    Related pages are the site's sections named by slug in ``item["related"]`` that already exist.
    """
    item = spanish(item)
    description = f"<p>{item['description']}</p><p>{ILLUSTRATIVE}</p>"
    page = CompromisoPage(
        title=item["title"],
        slug=item["slug"],
        summary=SUMMARY_PREFIX["es"] + item["summary"],
        tema=temas[item["theme"]],
        problem=item["problem"],
        description=description,
        lead_institution=item["lead"],
        supporting_actors=item["actors"],
        start_date=item["start"],
        end_date=item["end"],
        locale=temas[item["theme"]].locale,
    )
    if item.get("override"):
        page.status_override = item["override"]["status"]
        page.status_override_reason = item["override"]["reason"]
    hitos = []
    for order, milestone in enumerate(item["milestones"]):
        hito = Hito(
            title=milestone["title"],
            due_date=milestone["due"],
            completed_on=milestone.get("done"),
            weight=milestone["weight"],
            sort_order=order,
            locale=page.locale,
        )
        if milestone.get("evidence"):
            evidence = EVIDENCE[milestone["evidence"]]
            hito.evidence_description = evidence["description"]
            hito.evidence_date = milestone.get("done")
            if evidence["kind"] == "doc":
                hito.evidence_document = get_document(evidence["description"])
            else:
                hito.evidence_url = evidence["url"]
        hitos.append(hito)
    page.hitos = hitos
    if home is not None and item.get("related"):
        related = list(home.get_children().filter(slug__in=item["related"]))
        page.enlaces = [EnlaceCompromiso(related_page=p, sort_order=n) for n, p in enumerate(related)]
    return page


def backdate_history(page, item):
    """Replace the entry written on publication by a dated history rebuilt from the milestones."""
    RegistroAvance.objects.filter(commitment_key=page.translation_key).delete()
    pairs = [(milestone["weight"], milestone.get("done")) for milestone in item["milestones"]]
    total = len(pairs)
    override = item.get("override")
    timeline = rules.progress_timeline(pairs, start=item["start"])
    entries = []
    for index, (day, progress, completed) in enumerate(timeline):
        status = rules.derive_status(progress)
        if override and index == len(timeline) - 1:
            status = rules.effective_status(progress, override["status"], override["reason"]["es"])
        entries.append(
            RegistroAvance(
                commitment_key=page.translation_key,
                page=page,
                recorded_at=datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=datetime.UTC),
                progress=progress,
                status=status,
                completed_milestones=completed,
                total_milestones=total,
            )
        )
    RegistroAvance.objects.bulk_create(entries)


def load(home):
    """Build the Programa de Gobierno section under ``home``, in Spanish and English."""
    locale = home.locale
    mapping = english_mapping()
    temas = load_temas(locale)
    for tema in temas.values():
        translate(tema, mapping)
    index = get_or_create_page(
        home,
        ProgramaIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        introduction="".join(f"<p>{paragraph}</p>" for paragraph in INDEX["introduction"]),
        show_in_menus=True,
    )
    translate(index, mapping)
    for item in COMMITMENTS:
        if index.get_children().filter(slug=item["slug"]).exists():
            page = index.get_children().get(slug=item["slug"]).specific
        else:
            page = build_commitment(item, temas, home)
            index.add_child(instance=page)
            page.save_revision().publish()
            backdate_history(page, item)
        translate(page, mapping)
