"""Demo content of the participation section: every body the seed document lists, in its order.

Ten advisory councils, eighteen thematic round tables, eight public-private
alliances, seven international alliances, twelve municipal networks and the
regional civil-society council with its composition, objective and its three
2023 sessions. Names are the seed's; summaries are written for this site.

The texts, the council's composition and its sessions are in ``demo/content.toml``;
this module only builds the pages. Idempotent: existing pages are left untouched.
"""

from contextlib import contextmanager
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.index import insert_or_update_object
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import (
    connect_reference_index_signal_handlers_for_model,
    disconnect_reference_index_signal_handlers_for_model,
)

from base.demo import english_mapping as collect_english
from base.demo import get_or_create_page, load_content, spanish, translate

from .models import InstanciaMember, InstanciaPage, InstanciaSession, ParticipacionIndexPage

SANTIAGO = ZoneInfo("America/Santiago")

CONTENT = load_content(__file__)
INDEX = CONTENT["index"]
BODY_TYPES = CONTENT["body_types"]
COUNCIL = CONTENT["council"]
# How to take part, per body type: {"es": ..., "en": ...}.
HOW_TO_PARTICIPATE = CONTENT["how_to_participate"]


def paragraphs_html(paragraphs):
    """Paragraph texts (pairs; the Spanish is used) as rich text."""
    return "".join(f"<p>{paragraph}</p>" for paragraph in spanish(paragraphs))


def council_members():
    """The civil-society council's composition: one member entry per category of representative."""
    return [
        InstanciaMember(organisation=category, position=InstanciaMember.Position.REPRESENTATIVE)
        for category in spanish(COUNCIL["categories"])
    ]


def council_sessions():
    """The council's 2023 sessions, known by their year only (the stored days only keep them in order)."""
    return [
        InstanciaSession(
            title=spanish(session["title"]),
            starts_at=session["starts_at"].replace(tzinfo=SANTIAGO),
            date_precision=InstanciaSession.DatePrecision.YEAR,
            place=spanish(COUNCIL["place"]),
            sort_order=order,
        )
        for order, session in enumerate(COUNCIL["sessions"])
    ]


def english_mapping():
    """Every Spanish string of the section -> its English text."""
    return collect_english(CONTENT)


@contextmanager
def indexing_once(model):
    """Index each new ``model`` page once, when the transaction commits, instead of on every save.

    Creating and translating a page saves it several times (page, revision,
    publish, copy; English versions are published when the transaction
    commits), and each save re-indexes it for search and references: with a
    hundred pages that dominated the loader's time. Inside the block the
    automatic indexing of ``model`` is off; the pages saved are indexed once
    on commit (after the translations' publication), and indexing is back on.
    """
    saved = set()

    def collect(instance, **kwargs):
        saved.add(instance.pk)

    def restore():
        post_save.disconnect(collect, sender=model)
        post_save.connect(post_save_signal_handler, sender=model)
        connect_reference_index_signal_handlers_for_model(model)

    def index_saved():
        restore()
        for page in model.objects.filter(pk__in=list(saved)):
            insert_or_update_object(page)
            ReferenceIndex.create_or_update_for_object(page)

    post_save.disconnect(post_save_signal_handler, sender=model)
    disconnect_reference_index_signal_handlers_for_model(model)
    post_save.connect(collect, sender=model, weak=False)
    try:
        yield
    except BaseException:
        restore()
        raise
    transaction.on_commit(index_saved)


def load(home):
    """Create the index and every body in Spanish (once), then their English translations."""
    index = get_or_create_page(
        home,
        ParticipacionIndexPage,
        INDEX["slug"],
        show_in_menus=True,
        title=spanish(INDEX["title"]),
        introduction=paragraphs_html([INDEX["introduction"]]),
    )
    existing = set(index.get_children().values_list("slug", flat=True))
    missing = [spec for spec in body_specs() if spec["slug"] not in existing]
    english = Locale.objects.get(language_code="en")
    untranslated = InstanciaPage.objects.child_of(index).exclude(
        translation_key__in=InstanciaPage.objects.filter(locale=english).values("translation_key")
    )
    if missing or untranslated.exists() or not index.has_translation(english):
        with indexing_once(InstanciaPage):
            for spec in missing:
                slug = spec.pop("slug")
                get_or_create_page(index, InstanciaPage, slug, **spec)
            translate_section(index)
    return index


def body_specs():
    """The fields of every body page, in the seed's order (the civil-society council last)."""
    specs = []
    for body_type in BODY_TYPES:
        kind = body_type["type"]
        for body in spanish(body_type["bodies"]):
            specs.append(
                {
                    "slug": body["slug"],
                    "title": body["title"],
                    "type": kind,
                    "summary": body["summary"],
                    "purpose": paragraphs_html(CONTENT["purposes"].get(kind, [])),
                    "how_to_participate": HOW_TO_PARTICIPATE[kind]["es"],
                }
            )
    specs.append(
        {
            "title": spanish(COUNCIL["title"]),
            "slug": COUNCIL["slug"],
            "type": COUNCIL["type"],
            "summary": spanish(COUNCIL["summary"]),
            "purpose": paragraphs_html(COUNCIL["purpose"]),
            "members": council_members(),
            "sessions": council_sessions(),
            "how_to_participate": HOW_TO_PARTICIPATE[COUNCIL["type"]]["es"],
        }
    )
    return specs


def translate_section(index):
    """English versions: the index first, then each body not yet translated."""
    mapping = english_mapping()
    english = Locale.objects.get(language_code="en")
    translate(index, mapping)
    translated = set(InstanciaPage.objects.filter(locale=english).values_list("translation_key", flat=True))
    for body in InstanciaPage.objects.child_of(index).order_by("path"):
        if body.translation_key not in translated:
            translate(body, mapping)
