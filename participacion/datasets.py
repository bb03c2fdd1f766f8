"""The sessions calendar in the site's DCAT catalogue (``base.catalog``): one dataset, an iCalendar file and a feed.

Found at start-up by ``base.catalog.autodiscover``. Its landing page is the sessions
listing; its period runs from the first recorded session to the last scheduled one.
"""

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from base.catalog import GOVERNMENT, Dataset, Distribution, in_both_languages, register_datasets
from base.feeds import ATOM_MEDIA_TYPE

from .models import InstanciaPage, ParticipacionIndexPage

KEYWORDS = [_("participación ciudadana"), _("sesiones"), _("consejos"), _("calendario")]


@register_datasets
def sessions_datasets(request):
    """The sessions of every council, round table and network, as an iCalendar file and an Atom feed."""
    index = ParticipacionIndexPage.objects.live().public().filter(locale=Locale.get_default()).first()
    if index is None:
        return []
    span = index.get_sessions().aggregate(first=Min("starts_at"), last=Max("starts_at"))
    bodies_modified = InstanciaPage.objects.child_of(index).live().aggregate(last=Max("last_published_at"))["last"]
    modified = [stamp for stamp in (index.last_published_at, bodies_modified) if stamp]
    base_url = index.get_url(request)
    words = [in_both_languages(word) for word in KEYWORDS]
    return [
        Dataset(
            uri=request.build_absolute_uri(base_url) + "#sesiones",
            title=in_both_languages(_("Calendario de sesiones de participación ciudadana")),
            description=in_both_languages(
                _(
                    "Fecha, hora, lugar y tabla de las sesiones de los consejos, mesas y redes de participación "
                    "ciudadana del gobierno regional, en formato iCalendar."
                )
            ),
            landing_page=request.build_absolute_uri(base_url + index.reverse_subpage("sessions")),
            themes=[GOVERNMENT],
            keywords={language: [word[language] for word in words] for language in ("es", "en")},
            modified=max(modified) if modified else None,
            temporal=(span["first"].date(), span["last"].date()) if span["first"] else None,
            distributions=[
                Distribution(
                    url=request.build_absolute_uri(index.feed_url(base_url)),
                    media_type="text/calendar",
                    title=in_both_languages(_("Calendario iCalendar (sesiones.ics)")),
                ),
                Distribution(
                    url=request.build_absolute_uri(index.atom_feed_url(base_url)),
                    media_type=ATOM_MEDIA_TYPE,
                    title=in_both_languages(_("Próximas sesiones (Atom)")),
                ),
            ],
        )
    ]
