"""The citizen-attention statistics in the site's DCAT catalogue (``base.catalog``).

Found at start-up by ``base.catalog.autodiscover``. The statistics have no file to
download yet, so the dataset's one distribution is the statistics page itself
(``dcat:accessURL`` only, as DCAT-AP has it for data read on a web page).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from base.catalog import GOVERNMENT, Dataset, Distribution, in_both_languages, register_datasets

from .models import ContactoPage

KEYWORDS = [_("atención ciudadana"), _("solicitudes"), _("estadísticas"), _("plazos de respuesta")]


@register_datasets
def statistics_datasets(request):
    """Requests per type and month, share answered on time and median working days to answer."""
    page = ContactoPage.objects.live().public().filter(locale=Locale.get_default()).first()
    if page is None:
        return []
    statistics_url = request.build_absolute_uri(page.get_url(request) + page.reverse_subpage("statistics_view"))
    words = [in_both_languages(word) for word in KEYWORDS]
    return [
        Dataset(
            uri=statistics_url + "#datos",
            title=in_both_languages(_("Estadísticas de atención ciudadana")),
            description=in_both_languages(
                _(
                    "Solicitudes recibidas por tipo y mes, porcentaje respondido dentro de plazo y mediana de días "
                    "hábiles hasta la respuesta, sin datos personales."
                )
            ),
            landing_page=statistics_url,
            themes=[GOVERNMENT],
            keywords={language: [word[language] for word in words] for language in ("es", "en")},
            modified=page.last_published_at,
            distributions=[
                Distribution(
                    url=statistics_url,
                    media_type="text/html",
                    title=in_both_languages(_("Página de estadísticas")),
                    download=False,
                )
            ],
        )
    ]
