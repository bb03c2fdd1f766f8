"""Result kinds: what a citizen reads next to each search result."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from search.kinds import COMPROMISO, DOCUMENTO, FICHA, INSTANCIA, PAGINA, kind_label, result_kind


def fake_model(name, app_label, **attributes):
    return type(name, (), {"_meta": SimpleNamespace(app_label=app_label), **attributes})


@pytest.mark.parametrize(
    ("name", "app_label", "kind"),
    [
        ("FichaCiudadanaPage", "fichas", FICHA),
        ("FichasIndexPage", "fichas", PAGINA),
        ("CompromisoPage", "programa_gobierno", COMPROMISO),
        ("ProgramaIndexPage", "programa_gobierno", PAGINA),
        ("InstanciaPage", "participacion", INSTANCIA),
        ("ParticipacionIndexPage", "participacion", PAGINA),
        ("ContactoPage", "contacto", PAGINA),
        ("HomePage", "home", PAGINA),
        ("StandardPage", "base", PAGINA),
    ],
)
def test_kind_follows_the_app_except_for_section_pages(name, app_label, kind):
    assert result_kind(fake_model(name, app_label)) == kind


def test_a_model_can_name_its_kind():
    assert result_kind(fake_model("ConsejoPage", "base", search_result_kind=INSTANCIA)) == INSTANCIA
    assert result_kind(fake_model("RarePage", "fichas", search_result_kind="unknown")) == FICHA


def test_labels_are_spanish_and_unknown_kinds_are_pages():
    with translation.override("es-cl"):
        assert str(kind_label(FICHA)) == "Ficha presupuestaria"
        assert str(kind_label(DOCUMENTO)) == "Documento"
        assert str(kind_label("nope")) == "Página"


def test_labels_are_translated_on_the_english_site():
    with translation.override("en"):
        assert str(kind_label(FICHA)) == "Budget sheet"
        assert str(kind_label(INSTANCIA)) == "Participation body"


def test_real_page_models_of_the_site_get_their_kind():
    from fichas.models import FichaCiudadanaPage, FichasIndexPage
    from home.models import HomePage
    from participacion.models import InstanciaPage
    from programa_gobierno.models import CompromisoPage

    assert result_kind(FichaCiudadanaPage) == FICHA
    assert result_kind(FichasIndexPage) == PAGINA
    assert result_kind(CompromisoPage) == COMPROMISO
    assert result_kind(InstanciaPage) == INSTANCIA
    assert result_kind(HomePage) == PAGINA
