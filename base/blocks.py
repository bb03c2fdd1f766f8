"""StreamField blocks shared by every area of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; levels limited to h2-h4 because the page title is the h1."""

    text = blocks.CharBlock(label=_("Texto"), max_length=200)
    level = blocks.ChoiceBlock(label=_("Nivel"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2")

    class Meta:
        icon = "title"
        label = _("Título")
        template = "base/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(label=_("Cita"))
    source = blocks.CharBlock(label=_("Fuente"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Cita")
        template = "base/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A document link that states format and size, as WCAG asks for downloads."""

    document = DocumentChooserBlock(label=_("Documento"))
    title = blocks.CharBlock(label=_("Texto del enlace"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Documento")
        template = "base/blocks/document_link.html"


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page inside the site."""

    title = blocks.CharBlock(label=_("Título"))
    text = blocks.TextBlock(label=_("Texto"), required=False)
    page = blocks.PageChooserBlock(label=_("Página"))
    button_label = blocks.CharBlock(label=_("Texto del botón"), default="Ver más")

    class Meta:
        icon = "link"
        label = _("Llamado a la acción")
        template = "base/blocks/call_to_action.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body every content page offers editors."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Párrafo"), icon="pilcrow")
    image = ImageBlock(label=_("Imagen"))
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
