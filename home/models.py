"""The home page and the open-government model it presents.

The model has three axes (``Eje``: Modernización, Transparencia, Participación
Ciudadana), each with its ámbitos (``Ambito``) and initiatives (``Iniciativa``).
The "N iniciativas cumplidas de M" shown for each axis is computed from the
initiatives' statuses (see ``home.progress``); nobody types it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.blocks import BaseStreamBlock
from base.live_snippets import live_in_language
from pagecache.core import memoize

from .blocks import TaskStreamBlock
from .progress import tally, tally_by_key


class Eje(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """One of the three axes of the open-government model."""

    name = models.CharField(_("nombre"), max_length=100)
    summary = models.TextField(_("resumen"), blank=True, help_text=_("Una o dos frases que explican el eje."))
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    panels = [FieldPanel("name"), FieldPanel("summary"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.SearchField("summary"), index.FilterField("locale_id")]
    override_translatable_fields = [SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("eje")
        verbose_name_plural = _("ejes")

    def __str__(self):
        return self.name


class Ambito(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """An area of work (ámbito) within an axis, e.g. "Datos Abiertos" in Transparencia."""

    eje = models.ForeignKey(Eje, verbose_name=_("eje"), on_delete=models.CASCADE, related_name="ambitos")
    name = models.CharField(_("nombre"), max_length=150)
    description = models.TextField(_("descripción"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    panels = [FieldPanel("eje"), FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["eje__sort_order", "sort_order", "name"]
        verbose_name = _("ámbito")
        verbose_name_plural = _("ámbitos")

    def __str__(self):
        return f"{self.eje} · {self.name}"


class Iniciativa(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """An initiative of the model; its status feeds its axis's count of completed initiatives."""

    class Status(models.TextChoices):
        PLANNED = "planificada", _("Planificada")
        IN_PROGRESS = "en_curso", _("En curso")
        COMPLETED = "cumplida", _("Cumplida")

    eje = models.ForeignKey(Eje, verbose_name=_("eje"), on_delete=models.PROTECT, related_name="iniciativas")
    ambito = models.ForeignKey(
        Ambito,
        verbose_name=_("ámbito"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="iniciativas",
    )
    name = models.CharField(_("nombre"), max_length=200)
    description = RichTextField(_("descripción"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    status = models.CharField(_("estado"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página relacionada"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La página del sitio que lleva adelante esta iniciativa, si la hay."),
    )
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    panels = [
        MultiFieldPanel([FieldPanel("eje"), FieldPanel("ambito")], heading=_("Ubicación en el modelo")),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("status"),
        FieldPanel("page"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
        index.FilterField("status"),
    ]
    # The linked page is shown in the visitor's language at render time (Page.localized),
    # so the link itself is shared by all translations.
    override_translatable_fields = [SynchronizedField("page"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["eje__sort_order", "sort_order", "name"]
        verbose_name = _("iniciativa")
        verbose_name_plural = _("iniciativas")

    def __str__(self):
        return self.name

    def clean(self):
        """Refuse an ámbito of another axis: the home page lists each initiative under its axis's ámbitos."""
        super().clean()
        if self.ambito_id is not None and self.eje_id is not None and self.ambito.eje_id != self.eje_id:
            raise ValidationError(
                {"ambito": _("El ámbito «%(ambito)s» no pertenece al eje elegido.") % {"ambito": self.ambito.name}}
            )

    @property
    def is_completed(self):
        return self.status == self.Status.COMPLETED


class HomePage(Page):
    """The site's home: the top tasks people come to do, then the open-government model and its progress."""

    lead = models.CharField(_("bajada"), max_length=255, blank=True)
    tasks_heading = models.CharField(
        _("título de la sección de tareas"), max_length=150, default="¿Qué necesita hacer?"
    )
    tasks = StreamField(
        TaskStreamBlock(),
        verbose_name=_("tareas principales"),
        blank=True,
        help_text=_(
            "Lo que más viene a hacer la gente, en orden. Cada tarea enlaza a una página; las cifras bajo ella "
            "(avance del programa, próximas sesiones…) se calculan solas a partir de esa página."
        ),
    )
    introduction = RichTextField(
        _("introducción al modelo"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Se muestra al comienzo de la sección de los ejes del modelo."),
    )
    quote = models.TextField(_("cita"), blank=True)
    quote_source = models.CharField(_("fuente de la cita"), max_length=255, blank=True)
    axes_heading = models.CharField(_("título de la sección de ejes"), max_length=150, default="Ejes del modelo")
    body = StreamField(BaseStreamBlock(), verbose_name=_("cuerpo"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("tasks_heading"), FieldPanel("tasks")], heading=_("Tareas principales")),
        MultiFieldPanel(
            [FieldPanel("axes_heading"), FieldPanel("introduction")], heading=_("Modelo de Gobierno Abierto")
        ),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_source")], heading=_("Cita")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("introduction")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("página de inicio")

    def get_axes(self):
        """The live axes to show in this page's language, each with its ámbitos, initiatives and tally.

        Only live rows are shown: in this page's language when translated and published, else
        the live Spanish row, marked as Spanish (``base.live_snippets``); a draft never. A fixed
        number of queries whatever the number of initiatives.
        """
        axes = live_in_language(Eje.objects.all(), self.locale_id)
        ambitos = live_in_language(Ambito.objects.annotate(eje_key=F("eje__translation_key")), self.locale_id)
        initiatives = live_in_language(
            Iniciativa.objects.annotate(
                eje_key=F("eje__translation_key"), page_translation_key=F("page__translation_key")
            ).order_by("sort_order", "name"),
            self.locale_id,
        )
        # Counts come from the live Spanish (source) initiatives, matched to axes by translation key:
        # an initiative not translated yet still counts, so both languages agree; a draft (a status
        # changed but not yet approved) does not count until it is published.
        tallies = tally_by_key(
            Iniciativa.objects.filter(locale=Locale.get_default(), live=True).values_list(
                "eje__translation_key", "status"
            )
        )
        # Linked pages in this page's language, fetched at once (not page.localized per initiative),
        # with only what their URL and title need. Without a live translation, the linked page itself.
        keys = {i.page_translation_key for i in initiatives if i.page_id}
        linked_ids = {i.page_id for i in initiatives if i.page_id}
        pages = list(
            Page.objects.live()
            .filter(Q(translation_key__in=keys, locale_id=self.locale_id) | Q(pk__in=linked_ids))
            .only("id", "title", "path", "depth", "url_path", "translation_key", "locale_id", "live")
        )
        localized = {page.translation_key: page for page in pages if page.locale_id == self.locale_id}
        by_id = {page.pk: page for page in pages}
        for initiative in initiatives:
            initiative.linked_page = (
                localized.get(initiative.page_translation_key) or by_id.get(initiative.page_id)
                if initiative.page_id
                else None
            )
        for axis in axes:
            axis.ambito_list = [a for a in ambitos if a.eje_key == axis.translation_key]
            axis.initiative_list = [i for i in initiatives if i.eje_key == axis.translation_key]
            axis.tally = tallies.get(axis.translation_key, tally([]))
        return axes

    def get_tasks(self, request=None):
        """The task entries: each one's words, its page in this page's language, its URL and computed summary.

        The linked page's model may offer ``home_task_summary(request)``, a dict with the figures the
        entry shows and the ``template`` that formats them (e.g. the programme's progress, the next
        council sessions). A fixed number of queries per entry, whatever the content's size.
        """
        chosen = [block.value for block in self.tasks if block.value["page"] is not None]
        keys = {value["page"].translation_key for value in chosen}
        localized = {
            page.translation_key: page
            for page in Page.objects.live().filter(translation_key__in=keys, locale_id=self.locale_id).specific()
        }
        tasks = []
        for value in chosen:
            page = localized.get(value["page"].translation_key)
            if page is None:
                # Not translated (or not live) in this language: the chosen page itself, if live.
                if not value["page"].live:
                    continue
                page = value["page"].specific
            summary = getattr(page, "home_task_summary", None)
            tasks.append(
                {
                    "heading": value["heading"],
                    "text": value["text"],
                    "url": page.get_url(request),
                    "summary": summary(request) if summary else None,
                }
            )
        return tasks

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Computed once after each change (any snippet save or publish purges it; pagecache.core).
        # The tasks' "next sessions" may thus lag a session's start by the fragments' lifetime.
        context["tasks"] = memoize("home-tasks", [self.pk], lambda: self.get_tasks(request), request=request)
        context["axes"] = memoize("home-axes", [self.pk], self.get_axes, request=request)
        return context
