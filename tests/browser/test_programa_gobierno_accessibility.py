"""Programa de Gobierno in a real browser: axe-core, the progress bar's accessible value, 320 px reflow."""

import pytest

from .conftest import describe, run_axe

pytestmark = pytest.mark.browser

PAGES = [
    "/programa-de-gobierno/",
    "/programa-de-gobierno/?tema=agua&estado=sustancial&orden=avance_desc",
    "/programa-de-gobierno/plan-de-emergencia-hidrica/",
    "/programa-de-gobierno/tramites-digitales/",
    "/programa-de-gobierno/bosques-de-bolsillo/",
    "/programa-de-gobierno/apoyo-a-emprendimientos-locales/",
    "/en/programa-de-gobierno/",
    "/en/programa-de-gobierno/plan-de-emergencia-hidrica/",
    "/en/programa-de-gobierno/tramites-digitales/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [320, 1280])
def test_programa_pages_have_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    response = page.goto(live_site + path)
    assert response.status == 200
    violations = run_axe(page)
    assert violations == [], describe(violations)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll"


def test_invalid_filter_page_has_no_axe_violations(live_site, new_page):
    page = new_page(width=320)
    response = page.goto(live_site + "/programa-de-gobierno/?tema=inventado")
    assert response.status == 400
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_progress_bar_exposes_its_name_and_value_to_assistive_technology(live_site, new_page):
    page = new_page()
    page.goto(live_site + "/programa-de-gobierno/plan-de-emergencia-hidrica/")
    bar = page.get_by_role("progressbar", name="Avance del compromiso")
    assert bar.count() == 1
    assert bar.evaluate("el => [el.value, el.max, el.position]") == [75, 100, 0.75]


def test_filters_are_applied_from_the_keyboard_and_kept_in_the_url(live_site, new_page):
    page = new_page(width=375)
    page.goto(live_site + "/programa-de-gobierno/")
    page.select_option("#id_tema", "agua")
    page.select_option("#id_orden", "termino_asc")
    page.focus("form.pg-filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "tema=agua" in page.url and "orden=termino_asc" in page.url
    assert page.locator(".pg-card").count() == 2
    assert page.locator("#id_tema").input_value() == "agua"


@pytest.mark.parametrize(
    ("path", "region", "first_date"),
    [
        ("/programa-de-gobierno/plan-de-emergencia-hidrica/", "Historial de avance", "1 de julio de 2025"),
        ("/en/programa-de-gobierno/plan-de-emergencia-hidrica/", "Progress history", "July 1, 2025"),
    ],
)
def test_progress_timeline_is_a_list_of_steps_headed_by_their_date(live_site, new_page, path, region, first_date):
    page = new_page(width=375)
    page.goto(live_site + path)
    timeline = page.get_by_role("region", name=region)
    steps = timeline.get_by_role("list").first.get_by_role("listitem")
    assert steps.count() == 4
    assert steps.first.get_by_role("heading", level=3).inner_text() == first_date
    assert steps.first.get_by_role("link").count() == 1  # the evidence
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll"


# The demo ships no pictures: give a commitment a chart in its gallery and a milestone a photo as evidence.
ADD_IMAGES = """
from wagtail.models import Locale
from wagtail_factories import ImageFactory
from programa_gobierno.models import CompromisoPage, ImagenCompromiso

page = CompromisoPage.objects.get(slug="bosques-de-bolsillo", locale=Locale.get_default())
chart = ImageFactory(title="Árboles plantados", file__width=800, file__height=600)
alt = "Gráfico de barras: árboles plantados por comuna en 2025"
page.imagenes = [ImagenCompromiso(image=chart, alt_text=alt, caption="Avance por comuna", locale=page.locale)]
hitos = list(page.hitos.all())
hito = next(hito for hito in hitos if hito.completed_on)
hito.evidence_image = ImageFactory(title="Plantación", file__width=800, file__height=600)
hito.evidence_description = "Vecinos plantando árboles nativos en una plaza"
hito.evidence_document = None
page.hitos = hitos
page.save_revision().publish()
"""


def test_commitment_with_images_has_no_axe_or_html_errors(live_site, new_page):
    """A gallery chart and a photo as evidence (small ones made for the test): alt text, axe and Nu clean."""
    from .conftest import live_site_manage
    from .test_every_page import validate_html

    live_site_manage("shell", "-c", ADD_IMAGES)
    documents = {}
    for prefix in ["", "/en"]:
        for width in [320, 1280]:
            page = new_page(width=width)
            response = page.goto(f"{live_site}{prefix}/programa-de-gobierno/bosques-de-bolsillo/")
            assert response.status == 200
            # New Spanish images reach the English page with their Spanish text until translated.
            chart = page.locator(".page-images picture img")
            assert chart.get_attribute("alt") == "Gráfico de barras: árboles plantados por comuna en 2025"
            # The photo's alt text is the milestone's evidence description, a translated text: the
            # English page keeps its own translation (figures sync on publication, texts wait for
            # the translator), so there it is only required to be there.
            photo_alt = page.locator(".pg-evidence-image img").get_attribute("alt")
            if prefix:
                assert photo_alt.strip()
            else:
                assert photo_alt == "Vecinos plantando árboles nativos en una plaza"
            violations = run_axe(page)
            assert violations == [], describe(violations)
            assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll"
            documents[f"{prefix or '/es'} {width}"] = response.text()
    assert validate_html(documents) == {}
