"""Result kinds: what a citizen reads next to each search result."""

import pytest
from django.utils import translation

from base.models import StandardPage
from contacto.models import ContactoPage
from fichas.models import FichaCiudadanaPage, FichasIndexPage
from home.models import HomePage
from participacion.models import InstanciaPage, ParticipacionIndexPage
from programa_gobierno.models import CompromisoPage, ProgramaIndexPage
from search.kinds import COMPROMISO, DOCUMENTO, FICHA, INSTANCIA, PAGINA, kind_label, result_kind


def fake_model(name, **attributes):
    return type(name, (), attributes)


def test_a_model_names_its_kind():
    assert result_kind(fake_model("ConsejoPage", search_result_kind=INSTANCIA)) == INSTANCIA


def test_a_model_without_a_known_kind_is_a_page():
    assert result_kind(fake_model("FichaCiudadanaPage")) == PAGINA
    assert result_kind(fake_model("RarePage", search_result_kind="unknown")) == PAGINA


def test_labels_are_spanish_and_unknown_kinds_are_pages():
    with translation.override("es-cl"):
        assert str(kind_label(FICHA)) == "Ficha presupuestaria"
        assert str(kind_label(DOCUMENTO)) == "Documento"
        assert str(kind_label("nope")) == "Página"


def test_labels_are_translated_on_the_english_site():
    with translation.override("en"):
        assert str(kind_label(FICHA)) == "Budget sheet"
        assert str(kind_label(INSTANCIA)) == "Participation body"


@pytest.mark.parametrize(
    ("model", "kind"),
    [
        (FichaCiudadanaPage, FICHA),
        (FichasIndexPage, PAGINA),
        (CompromisoPage, COMPROMISO),
        (ProgramaIndexPage, PAGINA),
        (InstanciaPage, INSTANCIA),
        (ParticipacionIndexPage, PAGINA),
        (ContactoPage, PAGINA),
        (HomePage, PAGINA),
        (StandardPage, PAGINA),
    ],
)
def test_real_page_models_of_the_site_get_their_kind(model, kind):
    assert result_kind(model) == kind
