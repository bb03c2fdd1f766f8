"""The programme's commitments in the site's DCAT catalogue (``base.catalog``): one dataset, three files, a feed.

Found at start-up by ``base.catalog.autodiscover``. The dataset's period runs from the
earliest commitment's start to the latest one's end; it changed when a commitment last
did (``last_published_at``).
"""

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from base.catalog import GOVERNMENT, Dataset, Distribution, in_both_languages, register_datasets
from base.feeds import ATOM_MEDIA_TYPE

from .feeds import FEED_FILE
from .models import ProgramaIndexPage

MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
KEYWORDS = [_("programa de gobierno"), _("compromisos"), _("rendición de cuentas"), _("gobierno abierto")]


@register_datasets
def programme_datasets(request):
    """The commitments with their milestones and progress, as CSV, JSON and XLSX."""
    index = ProgramaIndexPage.objects.live().public().filter(locale=Locale.get_default()).first()
    if index is None:
        return []
    figures = index.commitments().aggregate(
        first=Min("start_date"), last=Max("end_date"), modified=Max("last_published_at")
    )
    english = Page.objects.live().filter(locale__language_code="en", translation_key=index.translation_key).first()
    index_url = request.build_absolute_uri(index.get_url(request))
    words = [in_both_languages(word) for word in KEYWORDS]
    modified = [stamp for stamp in (index.last_published_at, figures["modified"]) if stamp]
    return [
        Dataset(
            uri=index_url + "#datos",
            title={"es": index.title, "en": english.title if english else index.title},
            description=in_both_languages(
                _(
                    "Compromisos del programa de gobierno: tema, institución responsable, plazos, hitos con su "
                    "ponderación y evidencia, porcentaje de avance y nivel de cumplimiento."
                )
            ),
            landing_page=index_url,
            themes=[GOVERNMENT],
            keywords={language: [word[language] for word in words] for language in ("es", "en")},
            modified=max(modified) if modified else None,
            temporal=(figures["first"], figures["last"]) if figures["first"] else None,
            distributions=[
                Distribution(
                    url=request.build_absolute_uri(url),
                    media_type=MEDIA_TYPES[fmt],
                    title=in_both_languages(_("Compromisos en %(format)s"), format=fmt.upper()),
                )
                for fmt, url in index.data_urls(request).items()
            ]
            + [
                Distribution(
                    url=index_url + FEED_FILE,
                    media_type=ATOM_MEDIA_TYPE,
                    title=in_both_languages(_("Cambios de avance de los compromisos (Atom)")),
                )
            ],
        )
    ]
