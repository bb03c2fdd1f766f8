"""Purge the page cache whenever something a public page shows changes.

Pages: published, unpublished, moved, saved or deleted (a plain ``save()`` of a live page
changes what visitors see too). Snippets, site and generic settings, images, documents,
sites and locales: saved or deleted. The purge runs at once and again when the
transaction commits, so a request that rendered the old content between the two cannot
leave it in the cache. Bulk ``QuerySet.update()`` sends no signals: run
``manage.py purge_page_cache`` after one.

With Varnish in front (``pagecache.varnish``), the same events also BAN what they made
stale there, once the transaction has committed and the page cache has been purged (in
that order: a BAN before the purge would let Varnish fetch the old page again from here).
A page's own change bans only where that page appears; the rest bans everything.
"""

import functools

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import core, varnish

#: ``save(update_fields=...)`` of only these fields is draft bookkeeping: nothing public changed.
DRAFT_FIELDS = frozenset(
    {"latest_revision", "draft_title", "has_unpublished_changes", "latest_revision_created_at", "numchild"}
    | {"locked", "locked_at", "locked_by"}
)


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


def purge_then_ban(pattern):
    """After commit: replace the page cache's version, then BAN ``pattern`` in Varnish."""
    core.purge()
    varnish.ban(pattern)


def ban_on_commit(pattern_or_callable):
    """BAN in Varnish after the commit; ``pattern_or_callable`` may be computed then (it may query)."""
    if not varnish.banning_enabled():
        return

    def send():
        pattern = pattern_or_callable() if callable(pattern_or_callable) else pattern_or_callable
        purge_then_ban(pattern)

    transaction.on_commit(send)


def is_page_model(model):
    from wagtail.models import Page

    return issubclass(model, Page)


@receiver(pre_save)
def remember_public_fields(sender, instance, **kwargs):
    """Before a page is saved, keep what other pages show of it, to tell a structural change apart."""
    if kwargs.get("raw") or not is_page_model(sender) or instance.pk is None or not varnish.banning_enabled():
        return
    from wagtail.models import Page

    instance._pagecache_before = Page.objects.filter(pk=instance.pk).values(*varnish.STRUCTURAL_FIELDS).first()


@receiver(post_save)
def ban_on_page_save(sender, instance, created, **kwargs):
    """A saved page: BAN where it appears, or everything when the menu, breadcrumbs or links change."""
    if kwargs.get("raw") or not is_page_model(sender) or not varnish.banning_enabled():
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    before = getattr(instance, "_pagecache_before", None)
    was_live = bool(before and before["live"])
    if not instance.live and not was_live:
        return  # a draft: nobody sees it
    after = {field: getattr(instance, field) for field in varnish.STRUCTURAL_FIELDS}
    if created or before != after:
        ban_on_commit(varnish.EVERYTHING)
    else:
        ban_on_commit(functools.partial(varnish.page_ban_pattern, instance))


@receiver(page_unpublished)
@receiver(post_page_move)
def ban_everything_on_page_event(sender, **kwargs):
    """Unpublished or moved: the menu, breadcrumbs, listings and links elsewhere change."""
    ban_on_commit(varnish.EVERYTHING)


@receiver(post_delete)
def ban_on_delete(sender, **kwargs):
    if is_page_model(sender) or shown_on_pages(sender):
        ban_on_commit(varnish.EVERYTHING)


@receiver(post_save)
def ban_on_shown_model_change(sender, **kwargs):
    """A snippet, setting, image, document, site or locale: shown on many pages, so BAN everything."""
    if kwargs.get("raw") or is_page_model(sender) or not shown_on_pages(sender):
        return
    ban_on_commit(varnish.EVERYTHING)
