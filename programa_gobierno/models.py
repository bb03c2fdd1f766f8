"""The governor's programme: commitments (compromisos), their milestones, evidence and history.

* ``Tema`` is the editable theme taxonomy (a translatable snippet).
* ``ProgramaIndexPage`` lists the commitments with overall and per-theme progress, filters,
  sorting and the open-data downloads (CSV, JSON, XLSX) as routes of the page.
* ``CompromisoPage`` is one commitment. Its milestones (``Hito``) carry a weight and, once
  completed, evidence; progress and status are computed from them on every save
  (``programa_gobierno.progress``) and stored, so listings filter and sort in the database.
* ``RegistroAvance`` is the public, dated history of progress: one row each time a
  publication changes a commitment's progress or status.
"""

import html

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.live_snippets import live_in_language, live_translation
from base.models import PageImage
from search.kinds import COMPROMISO

from . import deadlines, exports
from . import progress as rules
from .feeds import ProgressFeed
from .forms import FiltroCompromisosForm
from .history import RegistroAvance, timeline  # noqa: F401 (RegistroAvance: the app's model, where Django looks)
from .progress import Status


class Tema(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """A theme of the programme (movilidad, acción climática, agua…), editable by editors."""

    name = models.CharField(_("nombre"), max_length=120)
    slug = models.SlugField(
        _("identificador"),
        max_length=80,
        help_text=_("Se usa en la dirección de los filtros (por ejemplo «movilidad»); igual en todos los idiomas."),
    )
    description = models.TextField(_("descripción"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    override_translatable_fields = [SynchronizedField("slug", overridable=False), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("tema del programa")
        verbose_name_plural = _("temas del programa")
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="programa_tema_unique_slug_per_locale")]

    def __str__(self):
        return self.name


class ProgramaIndexPage(RoutablePageMixin, Page):
    """The programme: every commitment with its progress, filters, sorting and open-data downloads."""

    introduction = RichTextField(_("introducción"), blank=True, features=["bold", "italic", "link", "ul", "ol"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programa_gobierno.CompromisoPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programa de gobierno")
        verbose_name_plural = _("programas de gobierno")

    #: Commitments per page of the listing (the summaries above it always count them all).
    COMMITMENTS_PER_PAGE = 24

    def commitments(self):
        """The live, public commitments under this page (a queryset, nothing evaluated)."""
        return CompromisoPage.objects.child_of(self).live().public()

    def source_commitments(self):
        """The live, public commitments of the Spanish (source) programme: what every language counts.

        Figures are language-neutral, so the summaries are computed from the source rows: a
        commitment not yet translated, or whose translation waits for approval, still counts
        in English, and both languages show the same tallies at every moment.
        """
        source = self
        default = Locale.get_default()
        if self.locale_id != default.pk:
            source = self.get_translation_or_none(default) or self
        return source.commitments()

    def home_task_summary(self, request=None):
        """What the home page's task entry shows under a link here: the programme's progress in figures.

        Counted from the source commitments like the index's own summary (two queries).
        """
        commitments = self.source_commitments()
        return {
            "template": "programa_gobierno/includes/home_task.html",
            "overall": rules.summarize(commitments.values_list("progress", "status")),
            "overdue": commitments.filter(deadlines.overdue_commitments_q(deadlines.today())).count(),
            "overdue_url": f"{self.get_url(request)}?atrasados=1",
        }

    def get_context(self, request, *args, **kwargs):
        """Filters, the filtered and sorted listing, and the summaries overall and per theme.

        A fixed number of queries whatever the number of commitments: themes, figures of
        every commitment for the summaries, the listing's count and one page of it (with
        milestone counts).
        """
        context = super().get_context(request, *args, **kwargs)
        # Live themes only, in this page's language or else in Spanish (base.live_snippets).
        temas = live_in_language(Tema.objects.all(), self.locale_id)
        form = FiltroCompromisosForm(request.GET or None, temas=temas)
        selection = form.selection()

        commitments = self.commitments()  # evaluates the view restrictions once, for both queries
        # Themes are matched across languages by translation key.
        figures = list(self.source_commitments().values_list("tema__translation_key", "progress", "status"))
        by_theme = rules.summarize_by_key(figures)
        overall = rules.summarize((progress, status) for _tema, progress, status in figures)
        theme_rows = [
            {"tema": tema, "summary": by_theme[tema.translation_key]}
            for tema in temas
            if tema.translation_key in by_theme
        ]

        listing = commitments
        temas_by_slug = {tema.slug: tema for tema in temas}
        if selection["tema"]:
            listing = listing.filter(tema__translation_key=temas_by_slug[selection["tema"]].translation_key)
        if selection["estado"]:
            listing = listing.filter(status=selection["estado"])
        today = deadlines.today()
        if selection["atrasados"]:
            listing = listing.filter(deadlines.overdue_commitments_q(today))
        # Milestone counts as correlated subqueries, not a join with GROUP BY: PostgreSQL then sorts
        # the commitments alone and counts the milestones of the one page it returns (a join made
        # it sort every commitment once per milestone, 10x the rows).
        hitos = Hito.objects.filter(page=OuterRef("pk")).order_by().values("page")
        listing = (
            listing.select_related("tema")
            .annotate(
                milestones_total=Coalesce(Subquery(hitos.annotate(n=Count("pk")).values("n")), 0),
                milestones_completed=Coalesce(
                    Subquery(hitos.filter(completed_on__isnull=False).annotate(n=Count("pk")).values("n")), 0
                ),
                milestones_overdue=Coalesce(
                    Subquery(hitos.filter(deadlines.overdue_milestones_q(today)).annotate(n=Count("pk")).values("n")),
                    0,
                ),
            )
            .order_by(*form.ordering(selection["orden"]), "pk")  # pk: one order for equal values across pages
        )
        commitment_page = Paginator(listing, self.COMMITMENTS_PER_PAGE).get_page(request.GET.get("page"))
        commitment_list = list(commitment_page.object_list)
        shown_temas = {tema.translation_key: tema for tema in temas}
        for item in commitment_list:
            item.shown_tema = shown_temas.get(item.tema.translation_key)
            item.is_overdue = deadlines.is_overdue(item.end_date, item.status == rules.COMPLETE, today)
        context.update(
            filter_form=form,
            selection=selection,
            is_filtered=bool(selection["tema"] or selection["estado"] or selection["atrasados"]),
            has_choices=any(request.GET.get(name) for name in form.fields),
            commitment_page=commitment_page,
            commitment_list=commitment_list,
            overall=overall,
            theme_rows=theme_rows,
            status_counts=rules.status_counts(status for _tema, _progress, status in figures),
            status_choices=Status.choices,
            data_urls=self.data_urls(request),
            substantial_from=rules.SUBSTANTIAL_FROM,
        )
        return context

    def data_urls(self, request=None):
        """Addresses of the open-data downloads: {"csv": ..., "xlsx": ..., "json": ...}."""
        base = self.get_url(request)
        return {fmt: base + self.reverse_subpage(f"datos_{fmt}") for fmt in ("csv", "xlsx", "json")}

    @path("")
    def listing(self, request):
        """The index itself; invalid filter values are explained on the page with a 400 status."""
        response = self.render(request)
        if response.context_data["filter_form"].errors:
            response.status_code = 400
        return response

    # Open data ---------------------------------------------------------------------------

    def export_meta(self, request):
        """What every download says about itself: programme, address, formula and date."""
        return {
            "programa": self.title,
            "url": request.build_absolute_uri(self.get_url(request)),
            "idioma": self.locale.language_code,
            "generado": timezone.now().isoformat(timespec="seconds"),
            "formula_avance": str(
                _("avance = 100 × suma de ponderaciones de hitos cumplidos / suma de todas las ponderaciones")
            ),
            "escala_cumplimiento": str(
                _(
                    "no_iniciado: 0 %; limitado: más de 0 % y menos de 50 %; sustancial: desde 50 % y menos de "
                    "100 %; completo: 100 %. Un nivel distinto solo se registra con su motivo."
                )
            ),
            "licencia": "CC BY 4.0",
        }

    def export_records(self, request):
        """Every live commitment with its milestones and progress history, as plain dicts (six queries in all).

        The history is ``history.timeline``'s, the same the commitment pages and the feeds show.
        """
        milestones = Hito.objects.select_related("evidence_document", "evidence_image").order_by("sort_order", "pk")
        pages = (
            self.commitments()
            .select_related("tema")
            .prefetch_related(Prefetch("hitos", queryset=milestones))
            .order_by("tema__sort_order", "tema__name", "title")
        )
        pages = list(pages)
        # The theme's live name in this language (else the live Spanish one), never a draft's.
        temas = {tema.translation_key: tema for tema in live_in_language(Tema.objects.all(), self.locale_id)}
        steps = {}
        for step in timeline(pages, request):
            steps.setdefault(step.commitment.pk, []).append(
                {
                    "fecha": step.recorded_at.isoformat(),
                    "avance_porcentaje": step.progress,
                    "nivel_cumplimiento": step.status,
                    "nivel_cumplimiento_texto": str(step.status_label),
                    "hitos_cumplidos": step.completed_milestones,
                    "hitos_total": step.total_milestones,
                    "evidencia_enlace": step.evidence_url,
                }
            )
        labels = dict(Status.choices)
        records = []
        for page in pages:
            hitos = list(page.hitos.all())
            shares = rules.milestone_shares((h.weight, h.is_completed) for h in hitos)
            records.append(
                {
                    "id": page.pk,
                    "compromiso": page.title,
                    "url": request.build_absolute_uri(page.get_url(request)),
                    "tema": temas[page.tema.translation_key].name if page.tema.translation_key in temas else "",
                    "tema_id": page.tema.slug,
                    "institucion_responsable": page.lead_institution,
                    "otros_actores": page.supporting_actors,
                    "problema": page.problem,
                    "descripcion": html.unescape(strip_tags(page.description)).strip(),
                    "fecha_inicio": page.start_date.isoformat(),
                    "fecha_termino": page.end_date.isoformat(),
                    "avance_porcentaje": page.progress,
                    "nivel_cumplimiento": page.status,
                    "nivel_cumplimiento_texto": str(labels[page.status]),
                    "nivel_cumplimiento_calculado": page.derived_status,
                    "motivo_nivel_registrado": page.status_override_reason if page.is_status_overridden else "",
                    "hitos_cumplidos": sum(1 for h in hitos if h.is_completed),
                    "hitos_total": len(hitos),
                    "ultima_publicacion": page.last_published_at.isoformat() if page.last_published_at else None,
                    "hitos": [
                        {
                            "hito": hito.title,
                            "fecha_comprometida": hito.due_date.isoformat(),
                            "fecha_cumplimiento": hito.completed_on.isoformat() if hito.completed_on else None,
                            "cumplido": hito.is_completed,
                            "ponderacion": hito.weight,
                            "porcentaje_del_total": share.share,
                            "evidencia_descripcion": hito.evidence_description,
                            "evidencia_enlace": hito.evidence_link(request),
                            "evidencia_fecha": hito.evidence_date.isoformat() if hito.evidence_date else None,
                        }
                        for hito, share in zip(hitos, shares, strict=True)
                    ],
                    "historial": steps.get(page.pk, []),
                }
            )
        return records

    def _download(self, content, content_type, extension):
        response = HttpResponse(content, content_type=content_type)
        filename = f"{self.slug}-{self.locale.language_code}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @path("avances.atom/", name="progress_feed")
    def progress_feed(self, request):
        """Atom feed of every recorded progress change, in this page's language (``feeds.ProgressFeed``)."""
        return ProgressFeed()(request, page=self)

    @path("<slug:slug>/avances.atom/", name="commitment_progress_feed")
    def commitment_progress_feed(self, request, slug):
        """Atom feed of one commitment's recorded progress changes (``<commitment URL>avances.atom``)."""
        commitment = self.commitments().filter(slug=slug).first()
        if commitment is None:
            raise Http404
        return ProgressFeed()(request, page=self, commitment=commitment)

    @path("datos/json/", name="datos_json")
    def data_json(self, request):
        """All commitments with their milestones as JSON."""
        content = exports.to_json(self.export_records(request), self.export_meta(request))
        return self._download(content, "application/json; charset=utf-8", "json")

    @path("datos/csv/", name="datos_csv")
    def data_csv(self, request):
        """All commitments with their milestones as CSV, one row per milestone."""
        return self._download(exports.to_csv(self.export_records(request)), "text/csv; charset=utf-8", "csv")

    @path("datos/xlsx/", name="datos_xlsx")
    def data_xlsx(self, request):
        """All commitments with their milestones as an XLSX workbook."""
        content = exports.to_xlsx(self.export_records(request), self.export_meta(request))
        return self._download(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")


class CompromisoPage(Page):
    """One commitment of the governor's programme, characterised as in the OGP commitment template."""

    search_result_kind = COMPROMISO  # what search results call it

    summary = models.CharField(
        _("bajada"), max_length=300, blank=True, help_text=_("Una frase que resume el compromiso para el listado.")
    )
    tema = models.ForeignKey(Tema, verbose_name=_("tema"), on_delete=models.PROTECT, related_name="compromisos")
    problem = models.TextField(_("problema público que aborda"))
    description = RichTextField(
        _("descripción del compromiso"), blank=True, features=["bold", "italic", "link", "ul", "ol", "h3"]
    )
    lead_institution = models.CharField(
        _("unidad o institución responsable"), max_length=200, help_text=_("Quién lidera el compromiso.")
    )
    supporting_actors = models.CharField(
        _("otros actores involucrados"),
        max_length=300,
        blank=True,
        help_text=_("Instituciones, consejos o mesas que colaboran."),
    )
    start_date = models.DateField(_("fecha de inicio"))
    end_date = models.DateField(_("fecha de término"))
    status_override = models.CharField(
        _("estado registrado por el equipo editor"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_(
            "Déjelo vacío para que el estado se calcule a partir del avance. Si elige un estado, "
            "debe explicar el motivo: se publica junto a él."
        ),
    )
    status_override_reason = models.TextField(_("motivo del estado registrado"), blank=True)
    # Computed on every save from the milestones (see ``refresh_progress``): never typed.
    progress = models.DecimalField(_("avance (%)"), max_digits=4, decimal_places=1, default=0, editable=False)
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("tema"),
        MultiFieldPanel([FieldPanel("problem"), FieldPanel("description")], heading=_("Caracterización")),
        MultiFieldPanel([FieldPanel("lead_institution"), FieldPanel("supporting_actors")], heading=_("Responsables")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Plazo")),
        InlinePanel("hitos", heading=_("Hitos"), label=_("Hito")),
        MultiFieldPanel(
            [FieldPanel("status_override"), FieldPanel("status_override_reason")],
            heading=_("Estado (opcional)"),
        ),
        InlinePanel("imagenes", heading=_("Material gráfico"), label=_("Imagen")),
        InlinePanel("enlaces", heading=_("Páginas relacionadas"), label=_("Página relacionada")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("description"),
        index.SearchField("lead_institution"),
        index.FilterField("tema"),
        index.FilterField("status"),
    ]

    parent_page_types = ["programa_gobierno.ProgramaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        # What the index filters and sorts on.
        indexes = [
            models.Index(fields=["status"], name="programa_compromiso_status"),
            models.Index(fields=["progress"], name="programa_compromiso_progress"),
            models.Index(fields=["end_date"], name="programa_compromiso_end_date"),
        ]

    def milestone_pairs(self):
        """``(weight, completed)`` for each milestone, from the in-memory cluster when editing."""
        return [(hito.weight, hito.completed_on is not None) for hito in self.hitos.all()]

    def refresh_progress(self):
        """Recompute ``progress`` and ``status`` from the milestones and the editor's override.

        The status is decided on the exact share; ``progress`` is the shown, truncated value.
        """
        pairs = self.milestone_pairs()
        self.progress = rules.progress_percentage(pairs)
        exact = rules.exact_progress(pairs)
        self.status = rules.effective_status(exact, self.status_override, self.status_override_reason)

    @property
    def derived_status(self):
        """The status progress alone gives (shown next to an override)."""
        return rules.derive_status(self.progress)

    @property
    def derived_status_label(self):
        """Human label of ``derived_status`` in the active language."""
        return Status(self.derived_status).label

    @property
    def is_status_overridden(self):
        """True when the published status comes from an editor's override with its reason."""
        return rules.is_overridden(self.progress, self.status_override, self.status_override_reason)

    def clean(self):
        super().clean()
        errors = {}
        if self.status_override and not (self.status_override_reason or "").strip():
            errors["status_override_reason"] = _(
                "Explique por qué el estado registrado difiere del calculado: el motivo se publica junto al estado."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("La fecha de término no puede ser anterior a la fecha de inicio.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.refresh_progress()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """Milestones with their share of the weight, evidence, images, related pages and history.

        A fixed number of queries whatever the number of milestones, images or links.
        """
        context = super().get_context(request, *args, **kwargs)
        images = get_image_model().objects.prefetch_renditions("max-800x600", "width-640")
        hitos = list(
            self.hitos.select_related("evidence_document").prefetch_related(Prefetch("evidence_image", images))
        )
        shares = rules.milestone_shares((h.weight, h.is_completed) for h in hitos)
        today = deadlines.today()
        for hito in hitos:
            hito.is_overdue = deadlines.is_overdue(hito.due_date, hito.is_completed, today)
        context["milestones"] = list(zip(hitos, shares, strict=True))
        context["milestones_overdue"] = sum(1 for h in hitos if h.is_overdue)
        context["is_overdue"] = deadlines.is_overdue(self.end_date, self.status == rules.COMPLETE, today)
        context["milestones_completed"] = sum(1 for h in hitos if h.is_completed)
        context["weight_total"] = rules.total_weight((h.weight, h.is_completed) for h in hitos)
        context["weight_completed"] = rules.completed_weight((h.weight, h.is_completed) for h in hitos)
        context["gallery"] = list(self.imagenes.prefetch_related(Prefetch("image", images)))
        context["related_pages"] = localized_pages(
            [link.related_page for link in self.enlaces.select_related("related_page")], self.locale_id
        )
        context["timeline"] = timeline([self], request)
        # The theme as published in this language, else the live Spanish one (never a draft).
        context["tema"] = live_translation(self.tema, self.locale_id)
        context["index_page"] = index_page = self.get_parent().specific
        context["data_urls"] = index_page.data_urls(request)
        context["substantial_from"] = rules.SUBSTANTIAL_FROM
        return context


def localized_pages(pages, locale_id):
    """``pages`` in the given locale where a live translation exists (else as they are), in one query."""
    keys = [page.translation_key for page in pages]
    translated = {
        page.translation_key: page for page in Page.objects.live().filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [translated.get(page.translation_key, page) for page in pages if page.live]


class Hito(TranslatableMixin, Orderable):
    """A milestone of a commitment: its weight counts towards progress once completed with evidence."""

    page = ParentalKey(CompromisoPage, on_delete=models.CASCADE, related_name="hitos")
    title = models.CharField(_("hito"), max_length=255)
    due_date = models.DateField(_("fecha comprometida"))
    completed_on = models.DateField(
        _("fecha de cumplimiento"),
        null=True,
        blank=True,
        help_text=_("Solo si el hito está cumplido; requiere una evidencia con su fecha."),
    )
    weight = models.PositiveSmallIntegerField(
        _("ponderación"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Peso relativo del hito en el avance del compromiso (de 1 a 100)."),
    )
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento de evidencia"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen de evidencia"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_url = models.URLField(_("enlace de evidencia"), blank=True)
    evidence_description = models.CharField(
        _("descripción de la evidencia"),
        max_length=255,
        blank=True,
        help_text=_("Qué demuestra la evidencia. Si es una imagen, este texto es su texto alternativo."),
    )
    evidence_date = models.DateField(_("fecha de la evidencia"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("completed_on"), FieldPanel("weight")]),
        MultiFieldPanel(
            [
                FieldPanel("evidence_document"),
                FieldPanel("evidence_image"),
                FieldPanel("evidence_url"),
                FieldPanel("evidence_description"),
                FieldPanel("evidence_date"),
            ],
            heading=_("Evidencia"),
        ),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("hito")
        verbose_name_plural = _("hitos")

    def __str__(self):
        return self.title

    @property
    def is_completed(self):
        return self.completed_on is not None

    def evidence_link(self, request=None):
        """Address of the evidence: the document, else the link, else the image file (absolute with a request)."""
        url = ""
        if self.evidence_document_id:
            url = self.evidence_document.url
        elif self.evidence_url:
            url = self.evidence_url
        elif self.evidence_image_id:
            url = self.evidence_image.file.url
        if url and request is not None and url.startswith("/"):
            url = request.build_absolute_uri(url)
        return url

    @property
    def has_evidence(self):
        """True when a document, an image or a link backs the milestone."""
        return bool(self.evidence_document_id or self.evidence_image_id or self.evidence_url)

    def clean(self):
        super().clean()
        errors = {}
        if self.completed_on is not None:
            if not self.has_evidence:
                errors["completed_on"] = _(
                    "Para marcar el hito como cumplido agregue una evidencia: un documento, una imagen o un enlace."
                )
            if self.evidence_date is None:
                errors["evidence_date"] = _("Indique la fecha de la evidencia que respalda el cumplimiento.")
            if self.completed_on > timezone.localdate():
                errors.setdefault("completed_on", _("La fecha de cumplimiento no puede ser futura."))
        if self.evidence_image_id and not self.evidence_description.strip():
            errors["evidence_description"] = _("Describa la imagen: ese texto es su texto alternativo.")
        if errors:
            raise ValidationError(errors)


class ImagenCompromiso(TranslatableMixin, PageImage, Orderable):
    """Explanatory graphic material of a commitment: an image with its alternative text."""

    page = ParentalKey(CompromisoPage, on_delete=models.CASCADE, related_name="imagenes")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("imagen del compromiso")
        verbose_name_plural = _("imágenes del compromiso")


class EnlaceCompromiso(Orderable):
    """A related page of the site: an initiative, a budget sheet, a participation body…"""

    page = ParentalKey(CompromisoPage, on_delete=models.CASCADE, related_name="enlaces")
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("página"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("página relacionada")
        verbose_name_plural = _("páginas relacionadas")
