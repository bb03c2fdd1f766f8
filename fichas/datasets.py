"""The budget sheets in the site's DCAT catalogue (``base.catalog``): one dataset per sheet, one for all.

Found at start-up by ``base.catalog.autodiscover``. Titles in English are the sheets'
live English translations (the Spanish title while a sheet has none); descriptions and
keywords come from this app's catalogue of strings.
"""

from datetime import date

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from base.catalog import ECONOMY, GOVERNMENT, Dataset, Distribution, in_both_languages, register_datasets
from base.feeds import ATOM_MEDIA_TYPE

from .models import EXPORTS, FichaCiudadanaPage, FichasIndexPage, export_url

MEDIA_TYPES = {
    "datos.csv": "text/csv",
    "datos.json": "application/json",
    "datos.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "datapackage.json": "application/json",
}
KEYWORDS = [_("presupuesto"), _("ejecución presupuestaria"), _("gobierno regional"), _("finanzas públicas")]


def english_titles(pages):
    """{translation_key: title} of the live English translations of ``pages`` (one query)."""
    return dict(
        Page.objects.live()
        .filter(locale__language_code="en", translation_key__in=[page.translation_key for page in pages])
        .values_list("translation_key", "title")
    )


def keywords():
    """The sheets' keywords in both languages: {"es": [...], "en": [...]}."""
    by_word = [in_both_languages(word) for word in KEYWORDS]
    return {language: [word[language] for word in by_word] for language in ("es", "en")}


@register_datasets
def budget_datasets(request):
    """All sheets together (``datos.csv`` of the index and the feed of new sheets), then each live Spanish sheet
    with its four files."""
    index = FichasIndexPage.objects.live().public().filter(locale=Locale.get_default()).first()
    if index is None:
        return []
    sheets = list(FichaCiudadanaPage.objects.child_of(index).live().public().order_by("-year", "programme_number"))
    titles_en = english_titles([index, *sheets])
    absolute = request.build_absolute_uri
    index_url = absolute(index.get_url(request))
    datasets = [
        Dataset(
            uri=index_url + "#datos",
            title={"es": index.title, "en": titles_en.get(index.translation_key, index.title)},
            description=in_both_languages(
                _("Todas las líneas de presupuesto de todas las fichas ciudadanas publicadas, en un archivo CSV.")
            ),
            landing_page=index_url,
            themes=[ECONOMY, GOVERNMENT],
            keywords=keywords(),
            modified=max((page.last_published_at for page in [index, *sheets] if page.last_published_at), default=None),
            temporal=(
                (date(min(s.year for s in sheets), 1, 1), date(max(s.year for s in sheets), 12, 31)) if sheets else None
            ),
            distributions=[
                Distribution(
                    url=absolute(export_url(index, request, "datos.csv")),
                    media_type="text/csv",
                    title=in_both_languages(_("Todas las fichas en CSV")),
                ),
                Distribution(
                    url=absolute(index.feed_url(request)),
                    media_type=ATOM_MEDIA_TYPE,
                    title=in_both_languages(_("Fichas publicadas (Atom)")),
                ),
            ],
        )
    ]
    for sheet in sheets:
        sheet_url = absolute(sheet.get_url(request))
        datasets.append(
            Dataset(
                uri=sheet_url + "#datos",
                title={"es": sheet.title, "en": titles_en.get(sheet.translation_key, sheet.title)},
                description=in_both_languages(
                    _(
                        "Presupuesto vigente y ejecución (devengado) del programa %(number)s del gobierno "
                        "regional en %(year)s, por subtítulo, ítem y asignación."
                    ),
                    number=sheet.programme_number,
                    year=sheet.year,
                ),
                landing_page=sheet_url,
                themes=[ECONOMY, GOVERNMENT],
                keywords=keywords(),
                modified=sheet.last_published_at,
                temporal=(date(sheet.year, 1, 1), date(sheet.year, 12, 31)),
                distributions=[
                    Distribution(
                        url=absolute(export_url(sheet, request, file_name)),
                        media_type=MEDIA_TYPES[file_name],
                        title={"es": f"{label} ({file_name})", "en": f"{label} ({file_name})"},
                    )
                    for _name, file_name, label, _description in EXPORTS
                ],
            )
        )
    return datasets
