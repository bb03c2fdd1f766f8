"""Fixtures for the fichas tests: a small tree of their own (factories), the demo sheets, sheets beside them."""

import pytest


@pytest.fixture
def sheet_index(own_home):
    """A sheets index under a home page of the test's own (root conftest): a tree independent of the demo.

    Django's test client asks for ``testserver``, so pages under it are reached with ``client.get(page.url)``.
    """
    from fichas.tests.factories import FichasIndexPageFactory

    return FichasIndexPageFactory(parent=own_home)


@pytest.fixture
def index(home):
    """The Spanish "Fichas Ciudadanas" index of the demo site."""
    from fichas.models import FichasIndexPage

    return FichasIndexPage.objects.get(locale=home.locale)


@pytest.fixture
def sheet_01(index):
    from fichas.models import FichaCiudadanaPage

    return FichaCiudadanaPage.objects.child_of(index).get(programme_number="01", year=2023)


@pytest.fixture
def sheet_02(index):
    from fichas.models import FichaCiudadanaPage

    return FichaCiudadanaPage.objects.child_of(index).get(programme_number="02", year=2023)


@pytest.fixture
def make_sheet(index):
    """Create and publish a sheet under the demo's index: make_sheet([line(...), ...], year=..., **table fields).

    For tests that read a made sheet beside the demo's (feeds, exports, the English demo sheet);
    a test that needs only its own sheets builds them under ``sheet_index``.
    """
    from fichas.tests.factories import FichaCiudadanaPageFactory, budget_body

    def make(lines, year=2022, number="09", slug=None, **table):
        page = FichaCiudadanaPageFactory(
            parent=index,
            title=f"Ficha de prueba {number} {year}",
            slug=slug or f"prueba-{number}-{year}",
            year=year,
            programme_number=number,
            programme_name="Programa de prueba",
            body=budget_body(*lines, **{"title": "Tabla de prueba", **table}),
        )
        page.save_revision().publish()
        return page

    return make
