"""Shared models: site-wide settings and the generic content page."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, LockableMixin, Page, RevisionMixin, TranslatableMixin
from wagtail.search import index

from .blocks import BaseStreamBlock
from .svg import check_svg_logo, validate_svg_logo

# Height of the logo in the header, in CSS pixels; its width follows the drawing's proportions.
LOGO_HEIGHT = 48


def in_language(queryset, linked_pk, language, usable=None):
    """The translation of the object ``linked_pk`` in ``language``, else that object itself (or None).

    One query: the linked object and its translations (within ``queryset``) together, with their
    locales, instead of the object, the locale and the translation one after the other.
    ``usable`` may refuse a translation (an unpublished page).
    """
    same_key = queryset.model.objects.filter(pk=linked_pk).values("translation_key")
    rows = list(queryset.filter(translation_key__in=same_key).select_related("locale"))
    try:
        language_code = get_supported_content_language_variant(language)
    except LookupError:
        language_code = None
    by_language = {row.locale.language_code: row for row in rows if usable is None or usable(row)}
    linked = next((row for row in rows if row.pk == linked_pk), None)
    return by_language.get(language_code) or linked


class SiteTexts(DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """The header and footer texts people read: translated like any snippet, one row per language.

    ``SiteSettings`` keeps what is the same in every language (phone, e-mail, social
    links, the accessibility statement) and points at the Spanish row; the English row
    is its wagtail-localize translation, synchronised from Spanish. Templates read
    ``SiteSettings.localized_texts``, the row of the active language.
    """

    institution_name = models.CharField(_("nombre de la institución"), max_length=200, default="Gobierno de Santiago")
    tagline = models.CharField(_("lema"), max_length=200, blank=True, default="Región Metropolitana de Santiago")
    address = models.CharField(_("dirección"), max_length=255, blank=True)
    office_hours = models.CharField(_("horario de atención"), max_length=200, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("institution_name"), FieldPanel("tagline")], heading=_("Institución")),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("office_hours")], heading=_("Contacto")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("textos del sitio")
        verbose_name_plural = _("textos del sitio")

    def __str__(self):
        return self.institution_name


class DataLicence(models.TextChoices):
    """Open licences the site may publish its data under (the value is the licence's URI, as DCAT wants)."""

    CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Atribución 4.0 (CC BY 4.0)"
    CC_BY_SA_4 = (
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "Creative Commons Atribución-CompartirIgual 4.0 (CC BY-SA 4.0)",
    )
    CC0 = "https://creativecommons.org/publicdomain/zero/1.0/", "Creative Commons Cero 1.0 (CC0, dominio público)"
    ODBL = "https://opendatacommons.org/licenses/odbl/1-0/", "Open Data Commons ODbL 1.0"


# The footer's institutional links, in order: label (an interface string) and the setting holding the target.
INSTITUTIONAL_LINKS = [
    (_("Transparencia Activa"), "transparency_url"),
    (_("Solicitud de acceso a la información (Ley 20.285)"), "access_request_url"),
    (_("Ley del Lobby (Ley 20.730)"), "lobby_url"),
    (_("Atención Ciudadana"), "attention_page"),
    (_("Política de privacidad"), "privacy_page"),
]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Institution details shown in the header and footer, edited in the admin.

    What people read (name, tagline, address, office hours) lives in ``SiteTexts``, which
    is translated; what is the same in every language stays here.
    """

    texts = models.ForeignKey(
        SiteTexts,
        verbose_name=_("textos del encabezado y el pie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Nombre, lema, dirección y horario en español. La versión en inglés es su traducción: "
            "se edita y sincroniza en Configuración → Textos del sitio."
        ),
    )
    logo = models.FileField(
        _("logo"),
        upload_to="logo/",
        blank=True,
        validators=[FileExtensionValidator(["svg"]), validate_svg_logo],
        help_text=_(
            "Archivo SVG, sin scripts ni enlaces a otros archivos. Se muestra en el encabezado con el nombre "
            "de la institución como texto alternativo. Vacío: el logo incluido en el sitio."
        ),
    )
    # The drawing's proportions, read from the file when it is saved, so the header reserves
    # the logo's exact space before it loads (no layout shift).
    logo_width = models.FloatField(null=True, blank=True, editable=False)
    logo_height = models.FloatField(null=True, blank=True, editable=False)
    phone = models.CharField(_("teléfono"), max_length=50, blank=True)
    email = models.EmailField(_("correo electrónico"), blank=True)
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
    data_licence = models.CharField(
        _("licencia de los datos abiertos"),
        max_length=100,
        choices=DataLicence.choices,
        default=DataLicence.CC_BY_4,
        help_text=_("Licencia abierta que declara el catálogo de datos (DCAT) para todos los conjuntos de datos."),
    )
    # What a Chilean public body's site is expected to link from every page. The portals are
    # external and the same in every language; the labels are fixed interface strings
    # (``INSTITUTIONAL_LINKS``), translated by gettext.
    transparency_url = models.URLField(
        _("Transparencia Activa"), blank=True, help_text=_("Dirección en el Portal de Transparencia.")
    )
    access_request_url = models.URLField(
        _("Solicitud de acceso a la información (Ley 20.285)"),
        blank=True,
        help_text=_("Dirección del formulario de solicitudes en el Portal de Transparencia."),
    )
    lobby_url = models.URLField(
        _("Ley del Lobby (Ley 20.730)"), blank=True, help_text=_("Dirección de la institución en leylobby.gob.cl.")
    )
    attention_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Atención Ciudadana"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("política de privacidad"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("texts"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contacto")),
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
        FieldPanel("data_licence"),
        MultiFieldPanel(
            [
                FieldPanel("transparency_url"),
                FieldPanel("access_request_url"),
                FieldPanel("lobby_url"),
                FieldPanel("attention_page"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Enlaces institucionales del pie"),
            help_text=_("Las páginas no publicadas no se enlazan."),
        ),
    ]

    class Meta:
        verbose_name = _("configuración del sitio")

    def save(self, *args, **kwargs):
        """Record the logo's proportions (or forget them when the logo is removed)."""
        size = None
        if self.logo:
            try:
                self.logo.open("rb")
            except OSError:  # the file is gone from storage: the header falls back to the shipped logo
                pass
            else:
                try:
                    size = check_svg_logo(self.logo.read())
                finally:
                    self.logo.seek(0)
        self.logo_width, self.logo_height = (size.width, size.height) if size else (None, None)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "logo" in update_fields:
            kwargs["update_fields"] = {*update_fields, "logo_width", "logo_height"}
        super().save(*args, **kwargs)

    @property
    def logo_display_width(self):
        """The logo's width in the header at ``LOGO_HEIGHT`` pixels high (None without a logo)."""
        if not (self.logo and self.logo_width and self.logo_height):
            return None
        return round(LOGO_HEIGHT * self.logo_width / self.logo_height)

    def _memo_for_language(self, name, compute):
        """``compute(language)`` for the active language, kept on this settings object (one per request)."""
        language = translation.get_language()
        found = self.__dict__.setdefault(name, {})
        if language not in found:
            found[language] = compute(language)
        return found[language]

    @property
    def localized_texts(self):
        """The site texts in the active language (Spanish when not translated; defaults when none)."""
        return self._memo_for_language("_localized_texts", self._texts_for_language)

    def _texts_for_language(self, language):
        """The live texts in ``language``, else the live Spanish ones (marked ``fallback_language``), never a draft."""
        live = SiteTexts.objects.filter(live=True)
        if self.texts_id is None:
            spanish = live.filter(locale=Locale.get_default()).first()
            texts = in_language(live, spanish.pk, language) if spanish is not None else None
        else:
            texts = in_language(live, self.texts_id, language)
        if texts is None:
            return SiteTexts()
        try:
            wanted = get_supported_content_language_variant(language)
        except LookupError:
            wanted = None
        texts.fallback_language = texts.locale.language_code if texts.locale.language_code != wanted else None
        return texts

    # The pages the footer links, looked up together (one query for all, in every language).
    LINKED_PAGE_FIELDS = ("accessibility_page", "attention_page", "privacy_page")

    def _linked_pages_for_language(self, language):
        """Each linked page in ``language`` (else as linked), or None when neither is published.

        One query: the linked pages and all their translations, with their locales. An
        unpublished page is never linked (a footer link must not lead to a 404).
        """
        linked_ids = {name: getattr(self, f"{name}_id") for name in self.LINKED_PAGE_FIELDS}
        wanted = [pk for pk in linked_ids.values() if pk is not None]
        rows = []
        if wanted:
            same_key = Page.objects.filter(pk__in=wanted).values("translation_key")
            rows = list(
                Page.objects.filter(translation_key__in=same_key)
                .select_related("locale")
                .only("id", "title", "path", "depth", "url_path", "translation_key", "locale__language_code", "live")
            )
        try:
            language_code = get_supported_content_language_variant(language)
        except LookupError:
            language_code = None
        found = {}
        for name, pk in linked_ids.items():
            linked = next((row for row in rows if row.pk == pk), None)
            versions = [row for row in rows if linked is not None and row.translation_key == linked.translation_key]
            live = {row.locale.language_code: row for row in versions if row.live}
            found[name] = live.get(language_code) or (linked if linked is not None and linked.live else None)
        return found

    def _localized_live_page(self, field_name):
        """The page linked in ``field_name``, in the active language, or None when it is not published."""
        return self._memo_for_language("_linked_pages", self._linked_pages_for_language)[field_name]

    @property
    def localized_accessibility_page(self):
        """The accessibility statement in the active language (the linked page when not translated)."""
        return self._localized_live_page("accessibility_page")

    @property
    def institutional_links(self):
        """The footer's institutional links that have a target, as (label, url) pairs, in the active language."""
        links = []
        for label, field_name in INSTITUTIONAL_LINKS:
            if field_name.endswith("_page"):
                page = self._localized_live_page(field_name)
                url = page.get_url() if page is not None else None
            else:
                url = getattr(self, field_name)
            if url:
                links.append((str(label), url))
        return links

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


class PageImage(models.Model):
    """An image a page shows (a photo, a chart, a document's first page) with its text alternative.

    Abstract: each page type that shows images declares its own child model with a
    ``page`` ParentalKey (commitments' ``ImagenCompromiso``, bodies' ``InstanciaImagen``)
    and renders them through ``base/includes/page_images.html``. The text alternative is
    required: an image on these pages always carries information, so none is shown without it.
    """

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("imagen"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("texto alternativo"), max_length=255, help_text=_("Describe lo que muestra la imagen para quien no la ve.")
    )
    caption = models.CharField(_("leyenda"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.alt_text and not self.alt_text.strip():  # spaces alone describe nothing
            raise ValidationError({"alt_text": _("Describa la imagen: ese texto es su texto alternativo.")})


class StandardPage(Page):
    """A plain content page (about, accessibility statement, legal notices)."""

    introduction = models.TextField(_("introducción"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("cuerpo"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        verbose_name = _("página de contenido")
        verbose_name_plural = _("páginas de contenido")
