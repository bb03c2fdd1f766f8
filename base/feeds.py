"""What every Atom feed of the site shares (the areas' ``feeds.py`` build on it).

Feeds are ``django.contrib.syndication`` feeds written by Django's ``Atom1Feed``
(RFC 4287: id, updated, author, ``rel="self"``), served through a page's route in the
page's language, so the page cache stores and purges them like pages.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .models import SiteSettings

ATOM_MEDIA_TYPE = "application/atom+xml"


def site_author(request):
    """The feeds' author: the institution named in the site settings, in the active language."""
    texts = SiteSettings.for_request(request).localized_texts
    return texts.institution_name or "Gobierno de Santiago"


class AtomWithRelatedLinks(Atom1Feed):
    """Django's Atom 1.0 writer, plus an entry's ``<link rel="related">`` (e.g. its evidence) when it has one."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("related_link"):
            handler.addQuickElement("link", "", {"rel": "related", "href": item["related_link"]})


class SiteFeed(Feed):
    """An Atom feed of the site: Atom 1.0, the institution as author, the request kept for absolute URLs.

    Subclasses receive the request in ``get_object`` through ``self.request``.
    """

    feed_type = AtomWithRelatedLinks

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def author_name(self, obj):
        return site_author(self.request)
