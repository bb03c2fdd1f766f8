"""One sitemap per site language, under a sitemap index at /sitemap.xml.

Wagtail's sitemap lists the site root's tree, which is the Spanish one; the
English pages live in a sibling tree (wagtail-localize), so each language gets
its own sitemap: /sitemap-es-cl.xml and /sitemap-en.xml.
"""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class LocaleSitemap(Sitemap):
    """The live, public pages of one language's tree of the current site."""

    def __init__(self, request=None, language_code=None):
        super().__init__(request)
        self.language_code = language_code

    def items(self):
        locale = Locale.objects.filter(language_code=self.language_code).first()
        root = self.get_wagtail_site().root_page
        home = root.get_translation_or_none(locale) if locale else None
        if home is None:
            return Page.objects.none()
        return home.get_descendants(inclusive=True).live().public().order_by("path").defer_streamfields().specific()


def sitemaps_for(request):
    """The sitemap of every site language, keyed by its language code (the section name)."""
    return {code: LocaleSitemap(request, code) for code, _name in settings.LANGUAGES}


def sitemap_index(request):
    """/sitemap.xml: the index that lists one sitemap per language."""
    return sitemap_views.index(request, sitemaps_for(request), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    """/sitemap-<language>.xml: the pages of one language (404 for an unknown language)."""
    return sitemap_views.sitemap(request, sitemaps_for(request), section=section)
