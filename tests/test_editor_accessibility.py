"""Editor-side accessibility: what keeps the published content WCAG 2.2 AA after the developers leave.

- Wagtail's content checker (axe-core in the user bar) is shown to signed-in editors;
- every image an editor can place has alt text or an explicit "decorative" choice
  (Wagtail's ImageBlock in StreamFields; an alt-text field beside every image foreign key);
- rich text offers headings h2-h4 only (h1 is the page title; deeper levels break the outline).
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.blocks import RichTextBlock, StreamBlock, StructBlock
from wagtail.blocks.list_block import ListBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from base.roles import EDITORS

PROJECT_APPS = set(settings.PROJECT_APPS)
ALLOWED_HEADINGS = {"h2", "h3", "h4"}
ALL_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Every foreign key to an image in the project, with the field that holds its alt text.
# A new image field must be added here, with its alt-text field, to pass.
IMAGE_FIELDS_WITH_ALT_TEXT = {
    ("programa_gobierno.ImagenCompromiso", "image"): "alt_text",
    ("programa_gobierno.Hito", "evidence_image"): "evidence_description",
    ("participacion.InstanciaImagen", "image"): "alt_text",
}


def project_models():
    return [model for model in apps.get_models() if model._meta.app_label in PROJECT_APPS]


def child_blocks(block):
    """Every block nested in ``block`` (not looking inside ImageBlock, whose chooser is its own)."""
    if isinstance(block, ImageBlock):
        return
    if isinstance(block, StreamBlock | StructBlock):
        children = block.child_blocks.values()
    elif isinstance(block, ListBlock):
        children = [block.child_block]
    else:
        children = []
    for child in children:
        yield child
        yield from child_blocks(child)


def stream_blocks():
    """(model.field, block) for every block of every StreamField in the project."""
    for model in project_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for block in child_blocks(field.stream_block):
                    yield f"{model._meta.label}.{field.name}", block


def rich_text_features():
    """(where, features) for every rich-text field and block of the project (None: the default editor)."""
    for model in project_models():
        for field in model._meta.get_fields():
            if isinstance(field, RichTextField):
                yield f"{model._meta.label}.{field.name}", field.features
    for where, block in stream_blocks():
        if isinstance(block, RichTextBlock):
            yield f"{where}:{block.name}", block.features


@pytest.mark.django_db
def test_signed_in_editor_gets_the_content_checker_in_the_user_bar(client, home):
    editor = get_user_model().objects.create_user("revisora", "revisora@example.org", "x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get(home.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="checker-trigger"' in html
    start = html.index('id="checker-axe-configuration"')
    configuration = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    # Wagtail's checks for editors' mistakes: empty headings, skipped levels, poor alt text...
    assert {"heading-order", "empty-heading", "alt-text-quality"} <= set(configuration["options"]["runOnly"])


@pytest.mark.django_db
def test_visitors_get_no_user_bar(client, home):
    html = client.get(home.url).content.decode()
    assert "checker-trigger" not in html
    assert "wagtail-userbar" not in html


def test_streamfields_offer_images_only_through_imageblock():
    """A bare ImageChooserBlock renders the image title as alt text; ImageBlock asks for alt text or 'decorative'."""
    found = list(stream_blocks())
    assert any(isinstance(block, ImageBlock) for _where, block in found)
    bare = [f"{where}:{block.name}" for where, block in found if isinstance(block, ImageChooserBlock)]
    assert bare == []


@pytest.mark.django_db
def test_imageblock_refuses_an_image_without_alt_text_unless_decorative():
    from wagtail_factories import ImageFactory

    image = ImageFactory(title="Gráfico de ejecución presupuestaria")  # the demo ships no images
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block._struct_value_to_image({"image": image, "alt_text": "", "decorative": False}))
    block.clean(block._struct_value_to_image({"image": image, "alt_text": "", "decorative": True}))
    described = block.clean(block._struct_value_to_image({"image": image, "alt_text": "Gráfico", "decorative": False}))
    assert described.contextual_alt_text == "Gráfico"


def test_every_image_field_has_a_required_alt_text_field():
    Image = get_image_model()
    image_fields = {
        (model._meta.label, field.name)
        for model in project_models()
        for field in model._meta.get_fields()
        if field.many_to_one and field.related_model is Image
    }
    assert image_fields == set(IMAGE_FIELDS_WITH_ALT_TEXT)
    for (label, _field), alt_field in IMAGE_FIELDS_WITH_ALT_TEXT.items():
        assert apps.get_model(label)._meta.get_field(alt_field)


def test_commitment_image_needs_alt_text_and_evidence_image_needs_a_description():
    from participacion.models import InstanciaImagen
    from programa_gobierno.models import Hito, ImagenCompromiso

    assert not ImagenCompromiso._meta.get_field("alt_text").blank
    assert not InstanciaImagen._meta.get_field("alt_text").blank
    hito = Hito(title="Hito", evidence_image_id=1, evidence_description=" ")
    with pytest.raises(ValidationError) as error:
        hito.clean()
    assert "evidence_description" in error.value.message_dict


def test_default_rich_text_editor_offers_headings_h2_to_h4_only():
    """The toolbar Draftail gets for a rich-text field that names no features of its own."""
    widget = RichTextField().formfield().widget
    editor = BeautifulSoup(widget.render("body", None), "html.parser").select_one("[data-w-init-detail-value]")
    block_types = {block["type"] for block in json.loads(editor["data-w-init-detail-value"])["blockTypes"]}
    draftail_headings = {
        f"header-{word}": f"h{n}" for n, word in enumerate(["one", "two", "three", "four", "five", "six"], 1)
    }
    assert {draftail_headings[kind] for kind in block_types if kind in draftail_headings} == ALLOWED_HEADINGS


def test_no_rich_text_field_or_block_offers_h1_h5_or_h6():
    checked = list(rich_text_features())
    assert len(checked) > 5
    forbidden = ALL_HEADINGS - ALLOWED_HEADINGS
    wrong = {where: sorted(set(features) & forbidden) for where, features in checked if features}
    assert {where: headings for where, headings in wrong.items() if headings} == {}


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_accessibility_statement_is_in_the_footer_and_leads_to_the_contact_form(client, home, prefix):
    from base.demo_pages import SLUG

    statement_url = f"{prefix}/{SLUG}/"
    home_html = client.get(f"{prefix}/").content.decode()
    assert f'href="{statement_url}"' in home_html
    response = client.get(statement_url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    # Every section the editors wrote is shown under its heading, in the page's language...
    headings = [block.value["text"] for block in response.context["page"].body if block.block_type == "heading"]
    assert headings and set(headings) <= {h2.get_text(strip=True) for h2 in soup.select("main h2")}
    # ...the statement names the standard and level the site is tested against...
    text = soup.select_one("main").get_text(" ")
    assert "WCAG" in text and "2.2" in text and "AA" in text
    # ...and a barrier is reported through the contact form.
    assert f"{prefix}/oficina-de-atencion-ciudadana/" in [a["href"] for a in soup.select("main a")]
