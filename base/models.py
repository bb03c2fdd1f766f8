"""Shared models: site-wide settings and the generic content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Institution details shown in the header and footer, edited in the admin."""

    institution_name = models.CharField(_("nombre de la institución"), max_length=200, default="Gobierno de Santiago")
    tagline = models.CharField(_("lema"), max_length=200, blank=True, default="Región Metropolitana de Santiago")
    address = models.CharField(_("dirección"), max_length=255, blank=True)
    phone = models.CharField(_("teléfono"), max_length=50, blank=True)
    email = models.EmailField(_("correo electrónico"), blank=True)
    office_hours = models.CharField(_("horario de atención"), max_length=200, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("declaración de accesibilidad"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Página enlazada desde el pie de todas las páginas."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("institution_name"), FieldPanel("tagline")], heading=_("Institución")
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("office_hours")],
            heading=_("Contacto"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Redes sociales"),
        ),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("configuración del sitio")

    @property
    def social_links(self):
        """The social networks that have an address, as (name, url) pairs, for the footer."""
        pairs = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in pairs if url]


class StandardPage(Page):
    """A plain content page (about, accessibility statement, legal notices)."""

    introduction = models.TextField(_("introducción"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("cuerpo"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        verbose_name = _("página de contenido")
        verbose_name_plural = _("páginas de contenido")
