"""Page models of the contacto area: the citizen attention office (OAC) and the ethics channel's public page.

The office's records (requests, attachments, events, the outbox, the routing settings) are in
``records.py``, which the views, forms and services import; these pages route to ``views.py``.
The records are also importable from here, where Django, the migrations and the other apps look.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from base.numbers import percentage

from . import views
from .records import (  # noqa: F401 (the app's models, where Django and the migrations look)
    Attachment,
    CitizenRequest,
    OutgoingMail,
    RequestEvent,
    RequestStatus,
    RequestType,
    RoutingSettings,
    TrackingSequence,
    attachment_path,
    split_addresses,
    validate_email_list,
)


class ContactoPage(RoutablePageMixin, Page):
    """The digital Oficina de Atención Ciudadana: form, tracking look-up and public statistics."""

    introduction = RichTextField(_("introducción"), blank=True)
    accepts_consulta = models.BooleanField(_("acepta consultas o solicitudes"), default=True)
    accepts_reclamo = models.BooleanField(_("acepta reclamos"), default=True)
    accepts_sugerencia = models.BooleanField(_("acepta sugerencias"), default=True)
    accepts_felicitacion = models.BooleanField(_("acepta felicitaciones"), default=True)
    privacy_notice = RichTextField(
        _("aviso de privacidad"),
        blank=True,
        help_text=_("Qué datos se piden, para qué se usan y cuánto tiempo se guardan."),
    )
    confirmation_text = models.TextField(
        _("texto de confirmación"),
        blank=True,
        help_text=_("Se muestra junto al código de seguimiento después de enviar."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("accepts_consulta"),
                FieldPanel("accepts_reclamo"),
                FieldPanel("accepts_sugerencia"),
                FieldPanel("accepts_felicitacion"),
            ],
            heading=_("Tipos de solicitud que recibe"),
        ),
        FieldPanel("privacy_notice"),
        FieldPanel("confirmation_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["contacto.CanalDenunciasPage"]
    template = "contacto/contacto_page.html"

    class Meta:
        verbose_name = _("oficina de atención ciudadana")

    def accepted_types(self):
        """The (value, label) pairs of the request types this office receives, in the canonical order."""
        return [(value, label) for value, label in RequestType.choices if getattr(self, f"accepts_{value}")]

    def home_task_summary(self, request=None):
        """What the home page's task entry shows under a link here: the tracking look-up and the share answered on time.

        One query, whatever the number of requests.
        """
        counts = CitizenRequest.on_time_counts()
        base_url = self.get_url(request)
        return {
            "template": "contacto/includes/home_task.html",
            "answered": counts["answered"],
            "on_time_percent": percentage(counts["on_time"], counts["answered"], 1),
            "tracking_url": base_url + self.reverse_subpage("lookup_view"),
            "statistics_url": base_url + self.reverse_subpage("statistics_view"),
        }

    # Routes: the form at the page's URL, then confirmation, look-up and statistics.
    @path("")
    def form_view(self, request):
        return views.contact_form(request, self)

    @path("confirmacion/")
    def confirmation_view(self, request):
        return views.confirmation(request, self)

    @path("seguimiento/")
    def lookup_view(self, request):
        return views.lookup(request, self)

    @path("estadisticas/")
    def statistics_view(self, request):
        return views.statistics(request, self)


class CanalDenunciasPage(Page):
    """Public page of the ethics-reporting channel: what to report, confidentiality, protections, link."""

    introduction = RichTextField(_("introducción"), blank=True)
    what_to_report = RichTextField(_("qué se puede denunciar"), blank=True)
    confidentiality = RichTextField(_("anonimato y confidencialidad"), blank=True)
    protections = RichTextField(_("protecciones legales"), blank=True)
    deadlines = RichTextField(_("plazos"), blank=True)
    channel_link_text = models.CharField(
        _("texto del enlace al canal"), max_length=100, default="Ir al Canal de Denuncias"
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("what_to_report"),
        FieldPanel("confidentiality"),
        FieldPanel("protections"),
        FieldPanel("deadlines"),
        FieldPanel("channel_link_text"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("what_to_report"),
        index.SearchField("confidentiality"),
        index.SearchField("protections"),
    ]
    parent_page_types = ["home.HomePage", "contacto.ContactoPage"]
    subpage_types = []
    template = "contacto/canal_denuncias_page.html"

    class Meta:
        verbose_name = _("canal de denuncias")

    @property
    def channel_url(self):
        """The address of the separate reporting deployment (setting ``DENUNCIAS_URL``), in this page's language.

        The channel is Spanish at its root and English under ``en/``.
        """
        if self.locale_id and self.locale.language_code == "en":
            return settings.DENUNCIAS_URL.rstrip("/") + "/en/"
        return settings.DENUNCIAS_URL
