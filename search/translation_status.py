"""Which translations need a translator: the Spanish words changed after the last sync.

wagtail-localize keeps, for every translated object, a ``TranslationSource``: the
Spanish content as it was last extracted (``content_json``, at ``last_updated_at``).
Editors bring the English version up to date with "Sincronizar traducciones", which
extracts the source again.

Figures (amounts, dates, weights, statuses, ordering…) never make a translation out of
date: ``search.figure_sync`` copies them to every translation when Spanish is published,
and refreshes the source when the words did not change. So a Spanish page or snippet
is listed only when its **words** (the strings wagtail-localize offers for translation)
differ from the ones last extracted:

- a **page** is a candidate when its Spanish version was published after that moment;
- a **snippet** (axes, ámbitos, initiatives, programme themes, site texts: every
  translatable model) has no publication date, so it is a candidate when its current
  Spanish content differs from the content last extracted. The date shown is the last
  change in the snippet's history, when the admin logged one;

and each candidate is listed when its words differ from the extracted ones.
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, ModelLogEntry, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

# Publishing and extracting happen within the same second when a page is first
# translated; a change needs to be later than that to count.
SYNC_TOLERANCE = timedelta(seconds=1)
OLDEST = datetime.min.replace(tzinfo=UTC)


def changed_after_sync(changed_at, synced_at, tolerance=SYNC_TOLERANCE):
    """Whether content changed at ``changed_at`` is newer than the sync at ``synced_at``."""
    if changed_at is None or synced_at is None:
        return False
    return changed_at > synced_at + tolerance


def serialized_content(instance):
    """``instance`` serialised as wagtail-localize stores it in ``TranslationSource.content_json``."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def content_changed_since_sync(instance, source):
    """Whether ``instance`` differs from the content last extracted into ``source``."""
    return serialized_content(instance) != json.loads(source.content_json)


def words(instance):
    """The strings of ``instance`` a translator translates, by content path (figures left out)."""
    return sorted(
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    )


def words_changed_since_sync(instance, source):
    """Whether ``instance``'s words differ from the ones last extracted into ``source``."""
    return words(instance) != words(source.as_instance())


def admin_edit_url(instance):
    """The admin edit view of a page or snippet (for a translation: wagtail-localize's editor)."""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    viewset = getattr(type(instance), "snippet_viewset", None)
    if viewset is None:
        return ""
    try:
        return reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)])
    except NoReverseMatch:
        return ""


@dataclass
class OutdatedTranslation:
    """A Spanish page or snippet whose translations do not have its latest changes."""

    object: models.Model
    source: TranslationSource
    translations: list = field(default_factory=list)
    changed_at: datetime | None = None

    @property
    def page(self):
        """The Spanish page, or None for a snippet."""
        return self.object if isinstance(self.object, Page) else None

    @property
    def title(self):
        return self.object.title if self.page is not None else str(self.object)

    @property
    def kind_label(self):
        if self.page is not None:
            return _("Página")
        return capfirst(type(self.object)._meta.verbose_name)

    @property
    def source_changed_at(self):
        return self.changed_at

    @property
    def synced_at(self):
        return self.source.last_updated_at

    @property
    def locales_label(self):
        return ", ".join(sorted(str(t.target_locale.get_display_name()) for t in self.translations))

    @property
    def edit_url(self):
        return admin_edit_url(self.object)

    @property
    def translation_edit_url(self):
        """The edit view of the first translation (the translation editor), or "" when it is gone."""
        for translation in sorted(self.translations, key=lambda t: t.target_locale.language_code):
            try:
                target = self.source.get_translated_instance(translation.target_locale)
            except ObjectDoesNotExist:
                continue
            return admin_edit_url(target)
        return ""

    @property
    def sync_url(self):
        return reverse("wagtail_localize:update_translations", args=[self.source.pk])


def enabled_translations(sources):
    """Enabled translations of ``sources``, as lists by source id."""
    translations = {}
    for translation in Translation.objects.filter(source__in=sources, enabled=True).select_related("target_locale"):
        translations.setdefault(translation.source_id, []).append(translation)
    return translations


def outdated_pages(default_locale, sources, translations):
    """Rows for Spanish pages published after their last sync with words that changed since."""
    by_key = {source.object_id: source for source in sources}
    rows = []
    pages = Page.objects.filter(locale=default_locale, translation_key__in=by_key.keys())
    for page in pages.only("pk", "title", "translation_key", "last_published_at", "locale_id", "content_type_id"):
        source = by_key[page.translation_key]
        # The words decide, not the clock: a publish seconds after a sync (the demo loader, the
        # figure sync refreshing the source) must still be listed when its words changed.
        if source.pk in translations and words_changed_since_sync(page.specific, source):
            rows.append(
                OutdatedTranslation(
                    object=page, source=source, translations=translations[source.pk], changed_at=page.last_published_at
                )
            )
    return rows


def last_logged_change(instance):
    """When the admin last logged a change to ``instance`` (None if it never did)."""
    content_type = ContentType.objects.get_for_model(instance)
    return (
        ModelLogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk))
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )


def outdated_snippets(default_locale, sources, translations):
    """Rows for Spanish snippets whose words differ from what was last extracted."""
    by_model = {}
    for source in sources:
        if source.pk in translations:
            by_model.setdefault(source.specific_content_type_id, []).append(source)
    rows = []
    for content_type_id, model_sources in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or issubclass(model, Page) or not issubclass(model, TranslatableMixin):
            continue
        by_key = {source.object_id: source for source in model_sources}
        for instance in model.objects.filter(locale=default_locale, translation_key__in=by_key.keys()):
            source = by_key[instance.translation_key]
            if content_changed_since_sync(instance, source) and words_changed_since_sync(instance, source):
                logged = last_logged_change(instance)
                changed_at = logged if changed_after_sync(logged, source.last_updated_at, timedelta(0)) else None
                rows.append(
                    OutdatedTranslation(
                        object=instance, source=source, translations=translations[source.pk], changed_at=changed_at
                    )
                )
    return rows


def outdated_translations():
    """Every Spanish page or snippet with enabled translations whose words changed after its last sync.

    Newest change first; snippets whose change has no date come last.
    """
    default_locale = Locale.get_default()
    sources = list(TranslationSource.objects.filter(locale=default_locale).select_related("object"))
    if not sources:
        return []
    translations = enabled_translations(sources)
    page_type = ContentType.objects.get_for_model(Page)
    page_sources = [source for source in sources if source.object.content_type_id == page_type.pk]
    other_sources = [source for source in sources if source.object.content_type_id != page_type.pk]
    rows = outdated_pages(default_locale, page_sources, translations)
    rows += outdated_snippets(default_locale, other_sources, translations)
    rows.sort(key=lambda row: (row.changed_at is not None, row.changed_at or OLDEST), reverse=True)
    return rows
