"""Plain language ("lenguaje claro"): how easy a page's body text is to read, for the editor.

Spanish text gets the Szigriszt-Pazos perspicuity score read on the INFLESZ scale (Barrio-
Cantalejo et al., 2008): under 40 "muy difícil", 40 to under 55 "algo difícil", 55 to under 65
"normal", 65 to 80 "bastante fácil", over 80 "muy fácil". English text gets Flesch's reading
ease, read on Flesch's own table. Both formulas and the counting of words, sentences and
syllables come from textstat; this module only picks the text, the formula and the band.

Below "normal" (55 in Spanish, 60 in English) the editor is told to shorten sentences: the
sentence length is the part of both formulas a writer controls most easily.

Plain functions, tested directly; the admin's checks panel and its JSON endpoint call them.
"""

from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.db import models
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from textstat.textstat import textstatistics
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

#: HTML elements that end a sentence when their text does not (a heading, a list item).
BLOCK_ELEMENTS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dt", "dd", "figcaption")
SENTENCE_ENDINGS = (".", "!", "?", "…")


@dataclass(frozen=True)
class Band:
    """A band of a readability scale: scores from ``lower`` (inclusive) up, with its label."""

    lower: float
    label: str
    inclusive: bool = True


@dataclass(frozen=True)
class Scale:
    """A readability formula, the bands it is read on and the score below which a hint is shown."""

    name: str
    language: str
    bands: tuple  # highest first
    hint_below: float


INFLESZ = Scale(
    name="INFLESZ (Szigriszt-Pazos)",
    language="es",
    bands=(
        Band(80, _("muy fácil"), inclusive=False),  # "más de 80": 80 itself is "bastante fácil"
        Band(65, _("bastante fácil")),
        Band(55, _("normal")),
        Band(40, _("algo difícil")),
        Band(float("-inf"), _("muy difícil")),
    ),
    hint_below=55,
)

FLESCH = Scale(
    name="Flesch reading ease",
    language="en",
    bands=(
        Band(90, _("muy fácil")),
        Band(80, _("fácil")),
        Band(70, _("bastante fácil")),
        Band(60, _("normal")),
        Band(50, _("algo difícil")),
        Band(30, _("difícil")),
        Band(float("-inf"), _("muy difícil")),
    ),
    hint_below=60,
)

HINT = _("Acorte las oraciones: una idea por oración y, si puede, menos de 20 palabras en cada una.")


def _statistics(language_tag):
    counter = textstatistics()
    counter.set_lang(language_tag)
    return counter


# One counter per language, not textstat's module-level one: ``set_lang`` on a shared object
# would switch the language under another thread's feet. English is given as "en-US" on
# purpose: for "en"/"en_US" textstat looks words up in NLTK's CMU dictionary, which it tries
# to download at run time (no network in production, and a request must not wait on it);
# with the hyphenated tag it counts syllables with Pyphen's English patterns, as it does for
# Spanish, and still applies Flesch's English constants.
_COUNTERS = {"es": _statistics("es"), "en": _statistics("en-US")}


def scale_for(language):
    """The scale for a language code ("es", "es-cl", "en"...): Flesch for English, INFLESZ otherwise."""
    return FLESCH if (language or "").lower().startswith("en") else INFLESZ


def band_for(score, scale=INFLESZ):
    """The label of the band ``score`` falls in on ``scale`` (bands include their lower bound unless told)."""
    for band in scale.bands:
        if score > band.lower or (score == band.lower and band.inclusive):
            return band.label
    return scale.bands[-1].label


@dataclass(frozen=True)
class Readability:
    """A text's score on its scale, the band's label, the counts behind it and the hint, if any."""

    scale: Scale
    score: float
    band: str
    words: int
    sentences: int
    syllables: int

    @property
    def needs_hint(self):
        return self.score < self.scale.hint_below

    def as_dict(self):
        """What the admin's JSON endpoint answers (labels in the active language)."""
        return {
            "scale": self.scale.name,
            "score": round(self.score, 1),
            "band": str(self.band),
            "words": self.words,
            "sentences": self.sentences,
            "syllables": self.syllables,
            "summary": self.summary,
            "hint": str(HINT) if self.needs_hint else "",
        }

    @property
    def summary(self):
        """The counts behind the score, in a sentence ("120 palabras en 8 oraciones.")."""
        return gettext("%(words)s palabras en %(sentences)s oraciones.") % {
            "words": self.words,
            "sentences": self.sentences,
        }


def readability(text, language="es"):
    """Score ``text`` (plain text) for ``language``, or None when it has no words to score."""
    scale = scale_for(language)
    counter = _COUNTERS[scale.language]
    words = counter.lexicon_count(text)
    if not words:
        return None
    score = counter.flesch_reading_ease(text) if scale is FLESCH else counter.szigriszt_pazos(text)
    return Readability(
        scale=scale,
        score=score,
        band=band_for(score, scale),
        words=words,
        sentences=counter.sentence_count(text),
        syllables=counter.syllable_count(text),
    )


def text_from_html(html):
    """Plain text of an HTML fragment, each paragraph, heading or list item ending a sentence.

    A heading or a list item usually has no full stop, but a reader takes it as a unit:
    without one the formulas would glue it to the next sentence and punish a short title.
    """
    soup = BeautifulSoup(html or "", "html.parser")
    for element in soup.find_all(BLOCK_ELEMENTS):
        text = element.get_text(" ", strip=True)
        if text and not text.endswith(SENTENCE_ENDINGS):
            element.append(".")
        element.append("\n")
    return " ".join(soup.get_text(" ").split())


def _texts_from_block(block, value):
    """The body text of one StreamField block value: rich text and multi-line text, recursively."""
    if isinstance(block, blocks.RichTextBlock):
        yield text_from_html(value.source if isinstance(value, RichText) else str(value))
    elif isinstance(block, blocks.TextBlock):
        yield text_from_html(f"<p>{escape(value or '')}</p>")
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _texts_from_block(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value or []:
            yield from _texts_from_block(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value or []:
            yield from _texts_from_block(child.block, child.value)


def page_text(page):
    """The body text of a page (its specific instance): rich text, StreamField text, long text fields.

    Titles, slugs, search-engine fields, links and numbers in other block types are left out:
    they are not prose the formulas were made for.
    """
    parts = []
    for field in page._meta.get_fields():
        # Wagtail's own page fields (title, search description, URL path) are not body text.
        if not getattr(field, "concrete", False) or field.model is Page:
            continue
        value = getattr(page, field.attname, None)
        if isinstance(field, StreamField):
            parts.extend(_texts_from_block(field.stream_block, value))
        elif isinstance(field, RichTextField):
            parts.append(text_from_html(value))
        elif isinstance(field, models.TextField) and value:
            parts.append(text_from_html(f"<p>{escape(value or '')}</p>"))
    return " ".join(part for part in parts if part)


def paragraphs_readability(paragraphs, language="es"):
    """The readability of a list of plain-text paragraphs (the editor's form, as the admin script sends it)."""
    html = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs if paragraph and paragraph.strip())
    return readability(text_from_html(html), language)


def page_readability(page):
    """The readability of a page's body text in its own language, or None when it has no text."""
    return readability(page_text(page), page.locale.language_code if page.locale_id else "es")
