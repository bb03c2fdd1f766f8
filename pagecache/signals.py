"""Purge the page cache whenever something a public page shows changes.

Pages: published, unpublished, moved, saved or deleted (a plain ``save()`` of a live page
changes what visitors see too). Snippets, site and generic settings, images, documents,
sites and locales: saved or deleted. The purge runs at once and again when the
transaction commits, so a request that rendered the old content between the two cannot
leave it in the cache. Bulk ``QuerySet.update()`` sends no signals: run
``manage.py purge_page_cache`` after one.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import core


def purge_now_and_on_commit(**kwargs):
    """Purge immediately and once more after the surrounding transaction commits."""
    core.purge()
    transaction.on_commit(core.purge)


def shown_on_pages(model):
    """True for models whose changes public pages show: pages, snippets, settings, media, sites."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, (Page, BaseSiteSetting, BaseGenericSetting, AbstractImage, AbstractDocument, Site, Locale)):
        return True
    return model in get_snippet_models()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(published)
@receiver(unpublished)
def purge_on_page_event(sender, **kwargs):
    purge_now_and_on_commit()


@receiver(post_save)
@receiver(post_delete)
def purge_on_model_change(sender, **kwargs):
    if kwargs.get("raw"):  # loaddata
        return
    if shown_on_pages(sender):
        purge_now_and_on_commit()
