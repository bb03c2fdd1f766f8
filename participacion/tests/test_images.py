"""A body's images: each with its required text alternative, responsive, sized and lazy, in both languages."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from base.demo import translate, untranslated_strings
from participacion.models import InstanciaImagen

pytestmark = pytest.mark.django_db

ALT = "Integrantes del consejo reunidos en la sala de sesiones del Gobierno de Santiago"


@pytest.fixture
def photo():
    """A small image made for the test (640 × 480 PNG), uploaded as an editor would."""
    return get_image_model().objects.create(
        title="Sesión del consejo", file=get_test_image_file(filename="sesion.png", size=(640, 480))
    )


def figures(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    section = page.select_one("article section[aria-labelledby=imagenes]")
    return section, (section.select("figure") if section else [])


def test_body_shows_its_image_with_alt_text_dimensions_and_modern_formats(client, make_body, photo):
    body = make_body()
    body.imagenes = [
        InstanciaImagen(image=photo, alt_text=ALT, caption="Sesión de marzo", locale=body.locale, sort_order=0)
    ]
    body.save_revision().publish()

    section, found = figures(client.get(body.url))
    assert section.h2.get_text(strip=True) == "Imágenes"
    assert len(found) == 1
    img = found[0].select_one("picture img")
    assert img["alt"] == ALT
    # Width and height from the rendition (4:3 like the upload): the browser reserves the space.
    assert int(img["width"]) * 3 == int(img["height"]) * 4
    assert img["loading"] == "lazy"
    assert img.get("sizes")
    assert len(img["srcset"].split(",")) == 3
    types = [source["type"] for source in found[0].select("picture source")]
    assert types == ["image/avif", "image/webp"]
    assert found[0].figcaption.get_text(strip=True) == "Sesión de marzo"


def test_body_without_images_has_no_images_section(client, make_body):
    section, _found = figures(client.get(make_body().url))
    assert section is None


def test_an_image_without_alt_text_is_refused(make_body, photo):
    body = make_body()
    for blank in ["", "   "]:
        image = InstanciaImagen(page=body, image=photo, alt_text=blank, locale=body.locale)
        with pytest.raises(ValidationError) as error:
            image.full_clean()
        assert "alt_text" in error.value.message_dict


def test_alt_text_is_translated_with_the_page(client, make_body, photo):
    """The alt text and caption are segments of the page's translation in wagtail-localize."""
    body = make_body()
    body.imagenes = [InstanciaImagen(image=photo, alt_text=ALT, caption="Sesión de marzo", locale=body.locale)]
    body.save_revision().publish()
    strings = untranslated_strings(body, {})
    assert ALT in strings and "Sesión de marzo" in strings
    mapping = {text: text for text in strings}  # words left as they are, but for the image's
    mapping[ALT] = "Council members meeting in the Gobierno de Santiago's session room"
    mapping["Sesión de marzo"] = "March session"
    english = translate(body, mapping)
    english.get_latest_revision().publish()  # the loader's translations go live when its transaction commits

    _section, found = figures(client.get(english.url))
    assert [figure.img["alt"] for figure in found] == [mapping[ALT]]
    assert [figure.figcaption.get_text(strip=True) for figure in found] == ["March session"]
