"""The pure text helpers behind snippets and spelling suggestions."""

import pytest

from search.text import (
    did_you_mean,
    fold,
    match_spans,
    plain_text,
    query_terms,
    snippet,
    spanish_number_forms,
    term_stem,
    vocabulary,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PARTICIPACIÓN", "participacion"),
        ("participación", "participacion"),
        ("Ñuñoa", "nunoa"),  # as PostgreSQL's unaccent does: people type "Nunoa" too
        ("Güemes", "guemes"),
        ("", ""),
        ("Consejo 2025", "consejo 2025"),
    ],
)
def test_fold_lowercases_and_strips_accents_keeping_length(text, expected):
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


def test_plain_text_drops_tags_entities_and_extra_space():
    assert plain_text("<p>Mesa&nbsp;de <b>trabajo</b></p>\n\n<p>2025</p>") == "Mesa de trabajo 2025"
    assert plain_text(None) == ""


def test_query_terms_are_folded_deduplicated_and_skip_short_words():
    assert query_terms("Consejo de la Sociedad Civil, consejo") == ["sociedad", "consejo", "civil"]
    assert query_terms("de la") == []


@pytest.mark.parametrize(("term", "stem"), [("presupuestos", "presupuest"), ("mesas", "mesa"), ("ley", "ley")])
def test_term_stem_trims_long_words(term, stem):
    assert term_stem(term) == stem


def test_match_spans_find_words_whatever_their_accents_and_plural():
    text = "La Participación ciudadana, las participaciones y los presupuestos"
    spans = match_spans(text, "participacion presupuesto")
    assert [text[start:end] for start, end in spans] == ["Participación", "participaciones", "presupuestos"]


def test_snippet_marks_matches_and_keeps_the_rest_as_text():
    pieces = snippet("<p>El Consejo Regional aprueba el presupuesto.</p>", "consejo")
    assert pieces == [("El ", False), ("Consejo", True), (" Regional aprueba el presupuesto.", False)]


def test_snippet_is_a_window_around_the_first_match_with_ellipses():
    text = " ".join(["relleno"] * 100) + " mesa técnica de datos abiertos " + " ".join(["final"] * 100)
    pieces = snippet(text, "datos", width=120)
    joined = "".join(part for part, _ in pieces)
    assert joined.startswith("… ")
    assert joined.endswith(" …")
    assert ("datos", True) in pieces
    assert len(joined) <= 120 + 4


def test_snippet_without_a_match_starts_at_the_beginning():
    pieces = snippet("Texto sin coincidencias.", "zanahoria")
    assert pieces == [("Texto sin coincidencias.", False)]
    assert snippet("", "algo") == []


def test_snippet_never_produces_html():
    pieces = snippet("<script>alert(1)</script> consejo &lt;b&gt;", "consejo")
    joined = "".join(part for part, _ in pieces)
    assert "<script>" not in joined
    assert "<b>" in joined  # the entity is decoded to text; the template escapes it again


def test_vocabulary_maps_folded_words_to_their_spelling():
    words = vocabulary(["Participación Ciudadana", "Ley 20.285"])
    assert words["participacion"] == "participación"
    assert "20" not in words and "285" not in words


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("transparensia", "transparencia"),
        ("partisipacion ciudadana", "participación ciudadana"),
        ("consejo regonal", "consejo regional"),
        ("TRANSPARENCIA", ""),  # already a known word: nothing to suggest
        ("xyzzy", ""),  # nothing close enough
        ("", ""),
    ],
)
def test_did_you_mean_corrects_misspelt_words(query, expected):
    titles = ["Transparencia activa", "Participación Ciudadana", "Consejo Regional", "Mesa de trabajo"]
    assert did_you_mean(query, titles) == expected


def test_did_you_mean_without_titles_suggests_nothing():
    assert did_you_mean("transparensia", []) == ""


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("reclamo", ["reclamo", "reclamos"]),
        ("reclamos", ["reclamos", "reclamo"]),
        ("RECLAMO", ["RECLAMO", "RECLAMOs"]),
        ("participación", ["participación", "participaciónes"]),
        ("canciones", ["canciones", "cancion", "cancione"]),
        ("luz", ["luz", "luces"]),
        ("luces", ["luces", "luz", "luc", "luce"]),
        ("mes", ["mes"]),  # "me" is too short to be worth a guess
        ("2023", ["2023"]),
    ],
)
def test_spanish_number_forms_give_the_other_number(word, forms):
    assert spanish_number_forms(word) == forms
