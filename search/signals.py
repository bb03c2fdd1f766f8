"""Keep translations' figures in step with Spanish: on every publish of a Spanish page or snippet.

See ``search.figure_sync`` for what is copied and what is left to translators.
"""

from django.dispatch import receiver
from wagtail.signals import page_published, published

from . import figure_sync


@receiver(page_published)
def sync_page_figures(sender, instance, **kwargs):
    """A Spanish page was published: its translations get its figures at once.

    A translation published by someone else is checked against the live Spanish page too.
    """
    if figure_sync.is_syncing():
        return
    if figure_sync.is_source(instance):
        figure_sync.sync_page(instance)
    else:
        figure_sync.resync_page_translation(instance)


@receiver(published)
def sync_snippet_figures(sender, instance, **kwargs):
    """A Spanish translatable snippet was published: its translations get its figures at once.

    A draft saved in Spanish changes nothing in English until it is approved and published.
    A translation published by someone else (or by wagtail-localize) gets the live Spanish
    figures again.
    """
    if figure_sync.is_syncing() or not figure_sync.is_translatable_snippet(sender):
        return
    if figure_sync.is_source(instance):
        figure_sync.sync_snippet(instance)
    else:
        figure_sync.resync_snippet_translation(instance)
