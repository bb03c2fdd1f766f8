"""Which translated pages are out of date: their Spanish source was published after the last sync.

wagtail-localize keeps, for every translated object, a ``TranslationSource``: the
Spanish content as it was last extracted (``last_updated_at``). Editors bring the
English page up to date with "Sincronizar páginas traducidas", which extracts the
source again. A page whose Spanish version was published after that moment has
English translations that miss the latest changes.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

# Publishing and extracting happen within the same second when a page is first
# translated; a change needs to be later than that to count.
SYNC_TOLERANCE = timedelta(seconds=1)


def changed_after_sync(changed_at, synced_at, tolerance=SYNC_TOLERANCE):
    """Whether content changed at ``changed_at`` is newer than the sync at ``synced_at``."""
    if changed_at is None or synced_at is None:
        return False
    return changed_at > synced_at + tolerance


@dataclass
class OutdatedTranslation:
    """A Spanish page whose translations do not have its latest published changes."""

    page: Page
    source: TranslationSource
    translations: list = field(default_factory=list)

    @property
    def title(self):
        return self.page.title

    @property
    def source_changed_at(self):
        return self.page.last_published_at

    @property
    def synced_at(self):
        return self.source.last_updated_at

    @property
    def locales_label(self):
        return ", ".join(sorted(str(t.target_locale.get_display_name()) for t in self.translations))

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def sync_url(self):
        return reverse("wagtail_localize:update_translations", args=[self.source.pk])


def outdated_translations():
    """Every Spanish page with enabled translations published after its last sync, newest change first."""
    default_locale = Locale.get_default()
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale=default_locale, object__content_type__model="page")
    }
    if not sources:
        return []
    translations = {}
    for translation in Translation.objects.filter(source__in=sources.values(), enabled=True).select_related(
        "target_locale"
    ):
        translations.setdefault(translation.source_id, []).append(translation)
    rows = []
    pages = Page.objects.filter(locale=default_locale, translation_key__in=sources.keys())
    for page in pages.only("pk", "title", "translation_key", "last_published_at", "locale_id"):
        source = sources[page.translation_key]
        if source.pk in translations and changed_after_sync(page.last_published_at, source.last_updated_at):
            rows.append(OutdatedTranslation(page=page, source=source, translations=translations[source.pk]))
    rows.sort(key=lambda row: row.source_changed_at, reverse=True)
    return rows
