"""Keep translations' figures in step with Spanish: on every Spanish publish and snippet save.

See ``search.figure_sync`` for what is copied and what is left to translators.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

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


@receiver(post_save)
def sync_snippet_figures(sender, instance, raw=False, **kwargs):
    """A Spanish translatable snippet was saved: its translations get its figures at once.

    A translation saved by someone else (or by wagtail-localize) gets the Spanish figures again.
    """
    if raw or figure_sync.is_syncing() or not figure_sync.is_translatable_snippet(sender):
        return
    if figure_sync.is_source(instance):
        figure_sync.sync_snippet(instance)
    else:
        figure_sync.resync_snippet_translation(instance)
