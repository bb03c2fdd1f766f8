"""Plain-text helpers for search: folding, query terms, highlighted snippets, spelling suggestions.

Pure functions, independent of the database: the search backend decides *which*
pages match; these decide *what the visitor reads* about each one.
"""

import difflib
import html
import re
import unicodedata

WORD = re.compile(r"\w+", re.UNICODE)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
# Short words ("de", "la", "of") say nothing about what a page is about.
MIN_TERM_LENGTH = 3


def fold(text):
    """Lower-case ``text`` and strip its accents: "PARTICIPACIÓN" -> "participacion".

    Every character keeps its position (one character in, one out), so offsets
    found in the folded text are valid in the original.
    """
    folded = []
    for char in text.lower():
        base = unicodedata.normalize("NFD", char)[0]
        folded.append(base if len(base) == 1 else char)
    return "".join(folded)


def plain_text(value):
    """Text without HTML tags, entities or repeated white space (for snippets)."""
    if not value:
        return ""
    text = TAG.sub(" ", str(value))
    return SPACE.sub(" ", html.unescape(text)).strip()


def query_terms(query):
    """The folded words of a query worth highlighting, longest first, without repeats."""
    terms = {fold(word) for word in WORD.findall(query or "") if len(word) >= MIN_TERM_LENGTH}
    return sorted(terms, key=lambda term: (-len(term), term))


def term_stem(term):
    """A crude stem for highlighting: the term without its last letters when it is long.

    The search backend stems properly; here it is enough that "presupuestos"
    also marks "presupuesto" and "consejo" marks "consejos".
    """
    if len(term) > 6:
        return term[:-2]
    if len(term) > 4:
        return term[:-1]
    return term


def match_spans(text, query):
    """(start, end) spans of the words in ``text`` that start with a stem of a query term."""
    stems = [term_stem(term) for term in query_terms(query)]
    if not stems:
        return []
    folded = fold(text)
    spans = []
    for match in WORD.finditer(folded):
        word = match.group()
        if any(word.startswith(stem) for stem in stems):
            spans.append((match.start(), match.end()))
    return spans


def snippet(text, query, width=220):
    """A window of ``text`` around the first match, as (fragment, is_match) pairs.

    Templates wrap the matching fragments in <mark>; nothing here produces HTML,
    so the text stays escaped. Without a match the start of the text is used.
    An ellipsis marks text cut at either end.
    """
    text = plain_text(text)
    if not text:
        return []
    spans = match_spans(text, query)
    start = 0
    if spans:
        first = spans[0][0]
        start = max(0, first - width // 3)
        if start:
            # Begin at a word boundary.
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces = []
    if start > 0:
        pieces.append(("… ", False))
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > cursor:
            pieces.append((text[cursor:span_start], False))
        pieces.append((text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        pieces.append((text[cursor:end], False))
    if end < len(text):
        pieces.append((" …", False))
    return pieces


def vocabulary(titles):
    """Folded words of at least ``MIN_TERM_LENGTH`` letters in ``titles``, mapped to their original spelling."""
    words = {}
    for title in titles:
        for word in WORD.findall(title or ""):
            if len(word) >= MIN_TERM_LENGTH and not word.isdigit():
                words.setdefault(fold(word), word.lower())
    return words


def did_you_mean(query, titles, cutoff=0.75):
    """A corrected query built from words of ``titles``, or "" when nothing better is found.

    Each query word that is not a title word is replaced by the closest title word
    (difflib, accent- and case-insensitive): "transparensia" -> "transparencia".
    """
    words = vocabulary(titles)
    if not words:
        return ""
    corrected = []
    changed = False
    for word in WORD.findall(query or ""):
        folded = fold(word)
        if len(word) < MIN_TERM_LENGTH or folded in words:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(folded, words.keys(), n=1, cutoff=cutoff)
        if close:
            corrected.append(words[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""


SPANISH_VOWELS = "aeiouáéíóú"


def spanish_number_forms(word):
    """``word`` and its other grammatical number, as a Spanish noun or adjective forms it.

    "reclamo" -> ["reclamo", "reclamos"]; "reclamos" -> ["reclamos", "reclamo"];
    "luz" -> ["luz", "luces"]; "canciones" -> ["canciones", "cancion", "cancione"].
    Guesses that are not words do no harm: the search ORs every form, and a form no
    page contains matches nothing. Forms shorter than ``MIN_TERM_LENGTH`` are left out.

    The search needs this because PostgreSQL's Spanish stemmer (Snowball) does not always
    give both numbers the same stem: it reads the "-amos" of "reclamos" as the verb ending
    of "(nosotros) reclamamos" and cuts it ("recl"), while "reclamo" becomes "reclam".
    """
    lower = word.lower()
    forms = [word]
    if lower.endswith("s"):
        if lower.endswith("ces"):
            forms.append(word[:-3] + "z")
        if lower.endswith("es"):
            forms.append(word[:-2])
        forms.append(word[:-1])
    elif lower.endswith("z"):
        forms.append(word[:-1] + "ces")
    elif lower[-1:] in SPANISH_VOWELS:
        forms.append(word + "s")
    elif lower[-1:].isalpha():
        forms.append(word + "es")
    unique = []
    for form in forms:
        if form not in unique and (form == word or len(form) >= MIN_TERM_LENGTH):
            unique.append(form)
    return unique
