"""axe-core finds nothing on the participation pages, in both languages, at phone and desktop widths."""

import pytest

from .conftest import describe, run_axe

pytestmark = pytest.mark.browser

PAGES = [
    "/participacion/",
    "/en/participacion/",
    "/participacion/consejo-regional-de-la-sociedad-civil/",
    "/en/participacion/consejo-regional-de-la-sociedad-civil/",
    "/participacion/tipo/mesas-tematicas/",
    "/participacion/sesiones/",
    "/en/participacion/sesiones/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [320, 1280])
def test_participation_pages_have_no_axe_violations(live_site, new_page, path, width):
    page = new_page(width=width)
    response = page.goto(live_site + path)
    assert response.status == 200
    violations = run_axe(page)
    assert violations == [], describe(violations)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_filters_work_with_the_keyboard_and_without_javascript(live_site, new_page):
    page = new_page(width=1280, java_script_enabled=False)
    page.goto(live_site + "/participacion/")
    page.locator("#filtro-q").focus()
    page.keyboard.type("personas")
    page.keyboard.press("Tab")
    page.locator("#filtro-tipo").select_option("redes-municipales")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/participacion/?q=personas&tipo=redes-municipales")
    titles = page.locator(".body-card h3").all_inner_texts()
    assert titles == ["Red Municipal de Personas Mayores", "Red Municipal de Migrantes"]
    assert page.locator("#filtro-q").input_value() == "personas"


def test_bad_filter_page_has_no_axe_violations(live_site, new_page):
    page = new_page(width=320)
    response = page.goto(live_site + "/participacion/?tipo=comites")
    assert response.status == 400
    violations = run_axe(page)
    assert violations == [], describe(violations)


ADD_IMAGE = """
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from participacion.models import InstanciaImagen, InstanciaPage

page = InstanciaPage.objects.get(slug="consejo-asesor-genero", locale=Locale.get_default())
image = get_image_model().objects.create(title="Sesión de prueba", file=get_test_image_file(size=(800, 600)))
alt = "Sesión del consejo en la sala del Gobierno"
page.imagenes = [InstanciaImagen(image=image, alt_text=alt, locale=page.locale)]
page.save_revision().publish()
"""


def test_body_page_with_an_image_has_no_axe_or_html_errors(live_site, new_page):
    """A body with an image (a small one made for the test): alt text, space kept for it, axe and Nu clean."""
    from .conftest import live_site_manage
    from .test_every_page import validate_html

    live_site_manage("shell", "-c", ADD_IMAGE)
    documents = {}
    for prefix in ["", "/en"]:
        for width in [320, 1280]:
            page = new_page(width=width)
            response = page.goto(f"{live_site}{prefix}/participacion/consejo-asesor-genero/")
            assert response.status == 200
            image = page.locator("section[aria-labelledby=imagenes] picture img")
            # New Spanish images reach the English page with their Spanish text until translated.
            assert image.get_attribute("alt") == "Sesión del consejo en la sala del Gobierno"
            # Its box has the image's 4:3 shape from width/height, before any file arrives (this
            # server, DEBUG off, serves no media): nothing below it moves when it loads.
            box = image.bounding_box()
            assert box["width"] > 200 and abs(box["width"] / box["height"] - 4 / 3) < 0.02  # 1px borders
            violations = run_axe(page)
            assert violations == [], describe(violations)
            assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
            documents[f"{prefix or '/es'} {width}"] = response.text()
    assert validate_html(documents) == {}
