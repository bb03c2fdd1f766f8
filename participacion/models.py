"""Participation bodies: councils, round tables, alliances and networks, with members and sessions.

``ParticipacionIndexPage`` lists every body (``InstanciaPage``) by type, filters
them by type and text through the query string, lists upcoming sessions of all
bodies and offers them as an iCalendar feed. Each body keeps its members
(current and former), its sessions with their agreements (an agreement can
link to the programme commitment it became) and its documents.

Counting, grouping, filtering and ordering happen in ``participacion.listing``;
the models only load rows, with a fixed number of queries per page.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.models import PageImage
from search.kinds import INSTANCIA

from . import listing
from .calendar import build_calendar
from .feeds import UpcomingSessionsFeed

# Sessions listed on /sesiones/ below the upcoming ones.
RECENT_SESSIONS_SHOWN = 20
# Bodies per page of the listing, and upcoming sessions per page of the sessions page.
BODIES_PER_PAGE = 60
UPCOMING_SESSIONS_PER_PAGE = 50


class ParticipacionIndexPage(RoutablePageMixin, Page):
    """The participation section: every body by type, filters, upcoming sessions and their feed."""

    introduction = RichTextField(
        _("introducción"), blank=True, features=["bold", "italic", "link"], help_text=_("Un párrafo breve.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["participacion.InstanciaPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("índice de participación ciudadana")

    # Loading ---------------------------------------------------------------

    def get_bodies(self):
        """Every live body under this page in display order (tree order: the seed's). One query."""
        return list(
            InstanciaPage.objects.child_of(self)
            .live()
            .only("id", "title", "slug", "url_path", "path", "depth", "locale_id", "type", "status", "summary")
            .order_by("path")
        )

    def source_bodies(self):
        """The live bodies of the Spanish (source) index: what the counts say in every language.

        A body not translated yet, or whose translation waits for approval, still exists:
        both languages show the same counts at every moment.
        """
        default = Locale.get_default()
        source = self if self.locale_id == default.pk else self.get_translation_or_none(default)
        return (source or self).get_bodies()

    def get_sessions(self):
        """The sessions of this page's live, public bodies, with their body (a queryset, nothing evaluated).

        A body behind a view restriction (a private working group) keeps its sessions off the
        public listings, the calendar file and the feeds. A restriction above the index closes
        the index itself, so only the bodies' own restrictions are checked (a join, no query).
        """
        return (
            InstanciaSession.objects.filter(page__path__startswith=self.path, page__live=True)
            .exclude(page__view_restrictions__isnull=False)
            .select_related("page")
        )

    #: Upcoming sessions the home page's task entry names.
    HOME_SESSIONS_SHOWN = 2

    def home_task_summary(self, request=None):
        """What the home page's task entry shows under a link here: the next sessions, with their dates.

        One query, whatever the number of sessions.
        """
        upcoming = self.get_sessions().filter(starts_at__gte=timezone.now()).order_by("starts_at", "page__path", "pk")
        return {
            "template": "participacion/includes/home_task.html",
            "upcoming": list(upcoming[: self.HOME_SESSIONS_SHOWN]),
            "sessions_url": self.get_url(request) + self.reverse_subpage("sessions"),
        }

    # Routes ---------------------------------------------------------------

    def listing_response(self, request, body_type=None):
        """The listing of bodies, filtered by the query string (or by the route's type, if given)."""
        try:
            filter_type, query = listing.parse_filters(request.GET)
        except listing.FilterError as error:
            return self.bad_request(request, str(error))
        type_route = body_type is not None
        if type_route:
            filter_type = body_type
        base_url = self.get_url(request)
        bodies = self.get_bodies()
        counted = bodies if self.locale_id == Locale.get_default().pk else self.source_bodies()
        shown = listing.order_by_type(listing.filter_bodies(bodies, filter_type, query))
        body_page = Paginator(shown, BODIES_PER_PAGE).get_page(request.GET.get("page"))
        type_links = [
            {"type": kind, "count": count, "url": base_url + self.reverse_subpage("type", args=[kind.slug])}
            for kind, count in listing.count_by_type(body.type for body in counted)
        ]
        context = self.get_context(request)
        context.update(
            base_url=base_url,
            form_action=base_url + self.reverse_subpage("type", args=[body_type.slug]) if type_route else base_url,
            type_links=type_links,
            total=len(counted),
            groups=listing.group_by_type(body_page.object_list),
            body_page=body_page,
            shown_count=len(shown),
            selected_type=filter_type,
            query=query,
            type_route=type_route,
            filtered=bool(filter_type or query),
            sessions_url=base_url + self.reverse_subpage("sessions"),
            feed_url=self.feed_url(base_url),
            atom_feed_url=self.atom_feed_url(base_url),
            page_title=body_type.plural if type_route else "",
        )
        return TemplateResponse(request, "participacion/participacion_index_page.html", context)

    @staticmethod
    def feed_url(base_url):
        """The public URL of the iCalendar feed (without the route's trailing slash, see ``urls.py``)."""
        return base_url + listing.FEED_FILE

    def bad_request(self, request, message):
        """A 400 page with a clear Spanish message (bad filter values are never a 500)."""
        context = self.get_context(request)
        context.update(error_message=message, base_url=self.get_url(request))
        return TemplateResponse(request, "participacion/bad_request.html", context, status=400)

    @path("")
    def index_route(self, request):
        """The index: counts per type and the bodies, filtered by ``?tipo=`` and ``?q=``."""
        return self.listing_response(request)

    @path("tipo/<slug:type_slug>/", name="type")
    def type_route(self, request, type_slug):
        """One type's own listing (text filter still available)."""
        body_type = listing.type_for_slug(type_slug)
        if body_type is None:
            raise Http404
        return self.listing_response(request, body_type)

    @path("sesiones/", name="sessions")
    def sessions_route(self, request):
        """Upcoming sessions of all bodies together, then the most recent past ones."""
        now = timezone.now()
        sessions = self.get_sessions()
        # Sessions at the same time keep one order (body, then session), so pages never overlap.
        upcoming_sessions = sessions.filter(starts_at__gte=now).order_by("starts_at", "page__path", "pk")
        upcoming = Paginator(upcoming_sessions, UPCOMING_SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
        past = sessions.filter(starts_at__lt=now).order_by("-starts_at", "page__path", "pk")[:RECENT_SESSIONS_SHOWN]
        context = self.get_context(request)
        context.update(
            upcoming=list(upcoming.object_list),
            upcoming_page=upcoming,
            past=list(past),
            base_url=self.get_url(request),
            feed_url=self.feed_url(self.get_url(request)),
            atom_feed_url=self.atom_feed_url(self.get_url(request)),
            page_title=_("Sesiones"),
        )
        return TemplateResponse(request, "participacion/sessions.html", context)

    @path("sesiones.ics/", name="sessions_feed")
    def sessions_feed_route(self, request):
        """Every session of every body whose day and time are known, as an iCalendar (RFC 5545) feed."""
        events = [
            session.as_event(
                request.build_absolute_uri(session.page.get_url(request)), request.get_host().split(":")[0]
            )
            # A session known only by its month or year has no day to put in a calendar.
            for session in self.get_sessions()
            .filter(date_precision=InstanciaSession.DatePrecision.EXACT)
            .order_by("starts_at")
        ]
        content = build_calendar(events, name=f"{self.title} · {_('Sesiones')}")
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="sesiones.ics"'
        return response

    @path("sesiones.atom/", name="upcoming_feed")
    def upcoming_feed_route(self, request):
        """The next sessions of every body, as an Atom feed (``feeds.UpcomingSessionsFeed``)."""
        return UpcomingSessionsFeed()(request, index=self)

    @path("<slug:slug>/sesiones.atom/", name="body_upcoming_feed")
    def body_upcoming_feed_route(self, request, slug):
        """The next sessions of one body, as an Atom feed (``<body URL>sesiones.atom``)."""
        body = InstanciaPage.objects.child_of(self).live().public().filter(slug=slug).first()
        if body is None:
            raise Http404
        return UpcomingSessionsFeed()(request, index=self, body=body)

    def atom_feed_url(self, base_url):
        """The public URL of the upcoming sessions' Atom feed (``<index URL>sesiones.atom``)."""
        return base_url + listing.ATOM_FEED_FILE


class InstanciaPage(Page):
    """A participation body: advisory council, round table, alliance, municipal network or civil-society council."""

    search_result_kind = INSTANCIA  # what search results call it

    class Status(models.TextChoices):
        ACTIVE = "activa", _("Activa")
        CLOSED = "cerrada", _("Cerrada")

    type = models.CharField(_("tipo"), max_length=40, choices=listing.type_choices())
    summary = models.TextField(
        _("resumen"), blank=True, help_text=_("Una o dos frases: qué hace esta instancia. Se muestra en los listados.")
    )
    purpose = RichTextField(_("propósito y misión"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    legal_basis = models.CharField(
        _("base legal o acto de creación"),
        max_length=255,
        blank=True,
        help_text=_("Ley, resolución o convenio que la crea, p. ej. «Resolución Exenta N° 123 de 2022»."),
    )
    formed_on = models.DateField(_("fecha de constitución"), null=True, blank=True)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    how_to_participate = models.TextField(
        _("cómo participar o seguirla"),
        blank=True,
        help_text=_(
            "Dos o tres frases para cualquier persona: quiénes pueden integrarla o aportar, y cómo seguir su "
            "trabajo o hacerle llegar una propuesta. Se muestra en el recuadro «En resumen»; si lo deja vacío, "
            "se muestran los datos de contacto."
        ),
    )
    contact_name = models.CharField(_("contacto: nombre o unidad"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contacto: correo electrónico"), blank=True)
    contact_phone = models.CharField(_("contacto: teléfono"), max_length=50, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("type"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("purpose"),
        MultiFieldPanel([FieldPanel("legal_basis"), FieldPanel("formed_on")], heading=_("Constitución")),
        InlinePanel("members", label=_("Integrantes"), heading=_("Integrantes")),
        InlinePanel("sessions", label=_("Sesión"), heading=_("Sesiones")),
        InlinePanel("documents", label=_("Documento"), heading=_("Documentos")),
        InlinePanel(
            "imagenes",
            label=_("Imagen"),
            heading=_("Imágenes"),
            help_text=_(
                "Fotografías reales de la instancia o de sus sesiones, o la primera página de un documento suyo. "
                "Cada una necesita su texto alternativo."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("how_to_participate"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Participar y contacto"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("how_to_participate"),
        index.FilterField("type"),
        index.FilterField("status"),
    ]
    override_translatable_fields = [SynchronizedField("type"), SynchronizedField("status")]

    parent_page_types = ["participacion.ParticipacionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("instancia de participación")
        verbose_name_plural = _("instancias de participación")

    @property
    def body_type(self):
        """This body's BodyType (slug, labels)."""
        return listing.TYPES_BY_VALUE.get(self.type)

    @property
    def names_its_type(self):
        """True when the title already says what kind of body this is.

        It does when it holds the type's first or last word: "Consejo Asesor de Género", "Mesa de
        Personas Mayores" (Mesa Temática), "Round Table on Employment" (Thematic Round Table);
        "C40 Cities" does not. The page then shows no separate type label above its title.
        """
        label_words = str(self.body_type.label).casefold().split() if self.body_type else []
        title_words = set((self.seo_title or self.title).casefold().replace("(", " ").split())
        return not label_words or bool({label_words[0], label_words[-1]} & title_words)

    @property
    def document_title(self):
        """The window title: the page's (SEO) title, followed by its type unless the name already says it.

        "C40 Cities · Alianza Internacional", but "Consejo Asesor de Género" alone, never
        "Consejo Asesor de Género · Consejo Asesor".
        """
        title = self.seo_title or self.title
        return title if self.names_its_type else f"{title} · {self.body_type.label}"

    def get_context(self, request, *args, **kwargs):
        """Members, sessions (with agreements and linked commitments), documents, images and siblings.

        A fixed number of queries whatever the number of members, sessions, agreements or images.
        """
        context = super().get_context(request, *args, **kwargs)
        images = get_image_model().objects.prefetch_renditions()
        today = timezone.localdate()
        members = list(self.members.all())
        sessions = list(self.sessions.select_related("minutes").prefetch_related("agreements__commitment"))
        localize_commitments(sessions, self.locale_id)
        current, former = listing.split_members(members, today)
        upcoming, past = listing.split_sessions(sessions, timezone.now())
        parent = self.get_parent()
        siblings = list(
            InstanciaPage.objects.child_of(parent)
            .live()
            .filter(type=self.type)
            .only("id", "title", "url_path", "path", "depth", "locale_id")
            .order_by("path")
        )
        previous, following = listing.neighbours(siblings, self.pk)
        index_url = parent.get_url(request)
        context.update(
            index_url=index_url,
            type_url=index_url + ParticipacionIndexPage.get_resolver().reverse("type", self.body_type.slug),
            current_members=current,
            former_members=former,
            upcoming_sessions=upcoming,
            next_session=upcoming[0] if upcoming else None,
            past_sessions=past,
            documents=list(self.documents.select_related("document")),
            images=list(self.imagenes.prefetch_related(Prefetch("image", images))),
            previous_body=previous,
            next_body=following,
            index_page=parent,
        )
        return context


def localize_commitments(sessions, locale_id):
    """Attach to each agreement the linked commitment in ``locale_id`` (``agreement.commitment_page``).

    One query for all agreements: the translations are looked up together by
    translation key. Falls back to the linked page itself when it has no live
    translation.
    """
    agreements = [agreement for session in sessions for agreement in session.agreements.all()]
    linked = [agreement.commitment for agreement in agreements if agreement.commitment is not None]
    keys = {page.translation_key for page in linked if page.locale_id != locale_id}
    translations = {}
    if keys:
        translations = {
            page.translation_key: page
            for page in Page.objects.live().filter(translation_key__in=keys, locale_id=locale_id)
        }
    for agreement in agreements:
        page = agreement.commitment
        if page is not None and page.locale_id != locale_id:
            page = translations.get(page.translation_key, page)
        agreement.commitment_page = page if page is None or page.live else None


class InstanciaMember(TranslatableMixin, Orderable):
    """A member of a body, or a category of representation when no person is named yet."""

    class Position(models.TextChoices):
        PRESIDENCY = "presidencia", _("Presidencia")
        VICE_PRESIDENCY = "vicepresidencia", _("Vicepresidencia")
        SECRETARY = "secretaria", _("Secretaría")
        MEMBER = "integrante", _("Integrante")
        REPRESENTATIVE = "representante", _("Representante")
        GUEST = "invitado", _("Invitado/a permanente")

    page = ParentalKey(InstanciaPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(
        _("nombre"),
        max_length=200,
        blank=True,
        help_text=_("Vacío cuando solo se indica la categoría de representación."),
    )
    position = models.CharField(_("cargo"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    organisation = models.CharField(_("organización o categoría que representa"), max_length=255, blank=True)
    designated_on = models.DateField(_("fecha de designación"), null=True, blank=True)
    ended_on = models.DateField(
        _("fecha de término"),
        null=True,
        blank=True,
        help_text=_("Tras esta fecha se muestra como integrante anterior."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("designated_on"), FieldPanel("ended_on")]),
    ]
    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("position")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("integrante")
        verbose_name_plural = _("integrantes")

    def __str__(self):
        return self.name or self.organisation


class InstanciaSession(TranslatableMixin, Orderable, ClusterableModel):
    """A session (meeting) of a body: when, where, agenda, minutes, attendance and agreements.

    Some sessions are known only by their month or year (older records, or a session announced
    for "March"): ``date_precision`` says so, the site then shows only that much of ``starts_at``
    (which still orders the sessions) and leaves the session out of the iCalendar feed.
    """

    class DatePrecision(models.TextChoices):
        EXACT = "exact", _("Día y hora")
        MONTH = "month", _("Solo el mes")
        YEAR = "year", _("Solo el año")

    page = ParentalKey(InstanciaPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("título"), max_length=200, blank=True, help_text=_("P. ej. «Primera sesión ordinaria»."))
    starts_at = models.DateTimeField(_("fecha y hora de inicio"), db_index=True)
    date_precision = models.CharField(
        _("qué se sabe de la fecha"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
        help_text=_(
            "Si solo se sabe el mes o el año, elíjalo y escriba cualquier día de ese período: el sitio "
            "mostrará solo el mes o el año, y la sesión no irá al calendario."
        ),
    )
    ends_at = models.DateTimeField(_("fecha y hora de término"), null=True, blank=True)
    place = models.CharField(_("lugar"), max_length=255, blank=True)
    online_url = models.URLField(_("enlace de la transmisión o reunión en línea"), blank=True)
    agenda = models.TextField(_("tabla"), blank=True, help_text=_("Un punto por línea."))
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("acta"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendance = models.PositiveIntegerField(
        _("asistencia"), null=True, blank=True, help_text=_("Número de asistentes.")
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("date_precision"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online_url")]),
        FieldPanel("agenda"),
        FieldRowPanel([FieldPanel("minutes"), FieldPanel("attendance")]),
        InlinePanel("agreements", label=_("Acuerdo"), heading=_("Acuerdos")),
    ]
    override_translatable_fields = [
        SynchronizedField("online_url"),
        SynchronizedField("minutes"),
        SynchronizedField("date_precision"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["starts_at", "sort_order"]
        verbose_name = _("sesión")
        verbose_name_plural = _("sesiones")

    def __str__(self):
        return self.title or self.when_text

    def clean(self):
        super().clean()
        if self.date_precision != self.DatePrecision.EXACT and self.ends_at:
            raise ValidationError(
                {"ends_at": _("Deje vacía la hora de término: la fecha de esta sesión no es exacta.")}
            )
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("La sesión no puede terminar antes de empezar.")})

    @property
    def is_exact(self):
        """True when the day and time are known (only such sessions go to the calendar feed)."""
        return self.date_precision == self.DatePrecision.EXACT

    # Precision -> (how the visitor reads the start, its ``<time datetime>`` value).
    DATE_FORMATS = {
        DatePrecision.EXACT: ("DATETIME_FORMAT", None),  # None: a global date and time (ISO 8601)
        DatePrecision.MONTH: ("YEAR_MONTH_FORMAT", "%Y-%m"),
        DatePrecision.YEAR: ("Y", "%Y"),
    }

    @property
    def when_text(self):
        """The start as the visitor reads it: day and time, or only the month or the year."""
        return date_format(timezone.localtime(self.starts_at), self.DATE_FORMATS[self.date_precision][0])

    @property
    def when_iso(self):
        """The start for ``<time datetime>``: a global date and time, a month (2023-05) or a year."""
        start = timezone.localtime(self.starts_at)
        machine_format = self.DATE_FORMATS[self.date_precision][1]
        return start.strftime(machine_format) if machine_format else start.isoformat()

    @property
    def agenda_items(self):
        """The agenda as a list of items (one per line)."""
        return listing.agenda_items(self.agenda)

    @property
    def is_online(self):
        """True when the session happens (also) online."""
        return bool(self.online_url)

    def as_event(self, page_url, host):
        """This session as a plain dict for ``participacion.calendar.build_calendar``."""
        description = "\n".join(f"- {item}" for item in self.agenda_items)
        return {
            "uid": f"sesion-{self.translation_key}-{self.locale_id}@{host}",
            "start": self.starts_at,
            "end": self.ends_at,
            "summary": f"{self.page.title}: {self.title}" if self.title else self.page.title,
            "location": self.place or self.online_url,
            "description": description,
            "url": page_url,
        }


class InstanciaAgreement(TranslatableMixin, Orderable):
    """An agreement reached in a session; it can link to the commitment it became."""

    session = ParentalKey(InstanciaSession, on_delete=models.CASCADE, related_name="agreements")
    text = models.TextField(_("acuerdo"))
    commitment = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("compromiso relacionado"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("El compromiso del programa de gobierno en que se tradujo este acuerdo, si lo hay."),
    )

    panels = [FieldPanel("text"), PageChooserPanel("commitment", "programa_gobierno.CompromisoPage")]
    # The link is shared by all translations and shown in the visitor's language at render time.
    override_translatable_fields = [SynchronizedField("commitment")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("acuerdo")
        verbose_name_plural = _("acuerdos")

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        """Keep the agreement in its session's language.

        Wagtail's copy for translation sets the locale of the page's direct
        children only; agreements are grandchildren, so they follow their session
        here (otherwise the copy would clash with the original's translation key).
        """
        if self.session_id and self.session.locale_id and self.locale_id != self.session.locale_id:
            self.locale_id = self.session.locale_id
        super().save(*args, **kwargs)


class InstanciaDocument(Orderable):
    """A document published by a body (regulations, reports, records)."""

    page = ParentalKey(InstanciaPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("documento"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")


class InstanciaImagen(TranslatableMixin, PageImage, Orderable):
    """A photo of a body or its sessions, or a document's first page, with its alternative text."""

    page = ParentalKey(InstanciaPage, on_delete=models.CASCADE, related_name="imagenes")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("imagen de la instancia")
        verbose_name_plural = _("imágenes de la instancia")
