"""Plain language in the editor: scores against hand-counted texts, the INFLESZ bands, the
admin endpoint and the checks panel on every page type's edit view."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from base.models import StandardPage
from base.readability import FLESCH, INFLESZ, band_for, page_text, readability, text_from_html

# Counted by hand, syllable by syllable (Spanish syllabification; English dictionary hyphenation).
SPANISH_SHORT = "El gato duerme en la casa. La niña come pan con queso."
# el(1) ga-to(2) duer-me(2) en(1) la(1) ca-sa(2) | la(1) ni-ña(2) co-me(2) pan(1) con(1) que-so(2)
SPANISH_SHORT_COUNTS = {"words": 12, "sentences": 2, "syllables": 18}

SPANISH_LONG = "La administración regional presentó el presupuesto participativo de la comunidad metropolitana."
# la(1) ad-mi-nis-tra-ción(5) re-gio-nal(3) pre-sen-tó(3) el(1) pre-su-pues-to(4)
# par-ti-ci-pa-ti-vo(6) de(1) la(1) co-mu-ni-dad(4) me-tro-po-li-ta-na(6)
SPANISH_LONG_COUNTS = {"words": 11, "sentences": 1, "syllables": 35}

ENGLISH_SHORT = "The dog runs in the park. We like to walk there."
ENGLISH_SHORT_COUNTS = {"words": 11, "sentences": 2, "syllables": 11}  # every word has one syllable

ENGLISH_LONG = "Government documents are important. Citizens deserve information."
# gov-ern-ment(3) doc-u-ments(3) are(1) im-por-tant(3) | cit-i-zens(3) de-serve(2) in-for-ma-tion(4)
ENGLISH_LONG_COUNTS = {"words": 7, "sentences": 2, "syllables": 19}


def szigriszt_pazos(words, sentences, syllables):
    """Szigriszt-Pazos (1993): 206.835 − 62.3 × syllables/words − words/sentences (textstat uses 206.84)."""
    return 206.84 - 62.3 * syllables / words - words / sentences


def flesch(words, sentences, syllables):
    """Flesch (1948): 206.835 − 1.015 × words/sentences − 84.6 × syllables/words."""
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


@pytest.mark.parametrize(
    ("text", "counts"), [(SPANISH_SHORT, SPANISH_SHORT_COUNTS), (SPANISH_LONG, SPANISH_LONG_COUNTS)]
)
def test_spanish_scores_equal_szigriszt_pazos_from_hand_counts(text, counts):
    result = readability(text, "es-cl")
    assert result.scale is INFLESZ
    assert {"words": result.words, "sentences": result.sentences, "syllables": result.syllables} == counts
    assert result.score == pytest.approx(szigriszt_pazos(**counts), abs=0.01)


@pytest.mark.parametrize(
    ("text", "counts"), [(ENGLISH_SHORT, ENGLISH_SHORT_COUNTS), (ENGLISH_LONG, ENGLISH_LONG_COUNTS)]
)
def test_english_scores_equal_flesch_reading_ease_from_hand_counts(text, counts):
    result = readability(text, "en")
    assert result.scale is FLESCH
    assert {"words": result.words, "sentences": result.sentences, "syllables": result.syllables} == counts
    assert result.score == pytest.approx(flesch(**counts), abs=0.01)


def test_hand_counted_samples_land_in_their_bands_with_a_hint_only_when_hard():
    easy, hard = readability(SPANISH_SHORT, "es"), readability(SPANISH_LONG, "es")
    assert (str(easy.band), easy.needs_hint, easy.as_dict()["hint"]) == ("muy fácil", False, "")
    assert (str(hard.band), hard.needs_hint) == ("muy difícil", True)
    assert "Acorte las oraciones" in hard.as_dict()["hint"]
    assert str(readability(ENGLISH_LONG, "en").band) == "muy difícil"


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (39.9, "muy difícil"),
        (40, "algo difícil"),
        (54.9, "algo difícil"),
        (55, "normal"),
        (64.9, "normal"),
        (65, "bastante fácil"),
        (80, "bastante fácil"),
        (80.1, "muy fácil"),
    ],
)
def test_inflesz_band_boundaries(score, band):
    assert str(band_for(score, INFLESZ)) == band


def test_the_hint_starts_below_55_on_inflesz():
    assert INFLESZ.hint_below == 55
    assert FLESCH.hint_below == 60


def test_no_words_no_score():
    assert readability("", "es") is None
    assert readability(" . ! ", "es") is None


def test_headings_and_list_items_end_sentences():
    text = text_from_html("<h2>Presupuesto regional abierto</h2><p>El gato duerme.</p><ul><li>Uno dos tres</li></ul>")
    result = readability(text, "es")
    # Without the added full stops the heading would join the next sentence. (textstat does not
    # count a "sentence" of one or two words: "El gato duerme." has three.)
    assert result.sentences == 3


@pytest.mark.django_db
def test_page_text_takes_body_rich_text_and_leaves_out_title_and_search_fields(home):
    page = StandardPage(
        title="Título que no cuenta",
        slug="texto-de-prueba",
        search_description="Descripción para buscadores que no cuenta.",
        introduction="Una introducción breve.",
        body=[("paragraph", "<p>El gato <b>duerme</b> en la casa.</p>")],
    )
    home.add_child(instance=page)
    text = page_text(page)
    assert "Una introducción breve." in text
    assert "El gato duerme en la casa." in text
    assert "Título" not in text
    assert "buscadores" not in text


# The admin endpoint ------------------------------------------------------------------------------


def test_the_endpoint_needs_an_admin_sign_in(client):
    response = client.post(reverse("base_readability"), {"paragraph": SPANISH_SHORT, "language": "es"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_endpoint_scores_the_editors_paragraphs_with_spanish_labels(admin_client):
    response = admin_client.post(
        reverse("base_readability"),
        {
            "paragraph": [
                "La administración regional presentó el presupuesto participativo",
                "de la comunidad metropolitana",
            ],
            "language": "es-cl",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["scale"] == "INFLESZ (Szigriszt-Pazos)"
    assert data["band"] == "muy difícil"
    assert data["summary"] == "11 palabras en 2 oraciones."
    assert data["hint"].startswith("Acorte las oraciones")
    short = admin_client.post(reverse("base_readability"), {"paragraph": SPANISH_SHORT, "language": "es"}).json()
    assert (short["score"], short["band"], short["hint"]) == (107.4, "muy fácil", "")


@pytest.mark.django_db
def test_the_endpoint_refuses_bad_input_with_a_spanish_400(admin_client):
    url = reverse("base_readability")
    too_long = admin_client.post(url, {"paragraph": "palabra " * 30_000})
    assert too_long.status_code == 400
    assert "demasiado largo" in too_long.json()["error"]  # says why, in Spanish
    nul = admin_client.post(url, {"paragraph": "hola\x00mundo"})
    assert nul.status_code == 400
    assert admin_client.get(url).status_code == 405
    empty = admin_client.post(url, {"language": "es"})
    assert empty.status_code == 200
    assert empty.json() == {"score": None, "summary": "Sin texto que medir todavía.", "hint": ""}


# The checks panel --------------------------------------------------------------------------------


def page_types():
    from django.apps import apps

    return sorted(
        (model for model in apps.get_models() if issubclass(model, Page) and model is not Page),
        key=lambda model: model.__name__,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("model", page_types(), ids=lambda model: model.__name__)
def test_the_checks_panel_shows_the_score_on_every_page_types_edit_view(admin_client, home, model):
    page = model.objects.filter(locale=home.locale).first()
    assert page is not None, f"the demo has no Spanish {model.__name__}"
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lenguaje claro" in html
    assert 'data-readability-url="/admin/legibilidad/"' in html
    assert "base/js/readability.js" in html
    expected = readability(page_text(page.specific), "es")
    if expected is not None:
        assert f"<span data-readability-score>{expected.score:.1f}".replace(".", ",") in html
        assert str(expected.band) in html
