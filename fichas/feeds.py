"""The Atom feed (RFC 4287) of newly published budget sheets, newest first.

Built on ``base.feeds.SiteFeed``. Served by ``FichasIndexPage``'s route at
``<index URL>fichas.atom`` (see ``urls.py``), in the page's language. An entry is
published when its sheet first was and updated when it last was.
"""

from django.utils.translation import gettext as _

from base.feeds import SiteFeed

FEED_FILE = "fichas.atom"
#: Entries in the feed: the most recently published sheets.
FEED_ENTRIES = 50


class NewSheetsFeed(SiteFeed):
    """The live sheets under a ``FichasIndexPage``, by first publication, newest first."""

    def get_object(self, request, index):
        self.sheets = index.get_new_sheets(FEED_ENTRIES)
        return index

    def title(self, index):
        return _("%(section)s: fichas publicadas") % {"section": index.title}

    def subtitle(self, index):
        return _("Cada ficha ciudadana de presupuesto cuando se publica: lo asignado y lo ejecutado por programa.")

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return index.get_url(self.request) + FEED_FILE

    def items(self, index):
        return self.sheets

    def item_title(self, sheet):
        return sheet.title

    def item_description(self, sheet):
        return _("Presupuesto %(year)s, programa %(number)s: %(name)s.") % {
            "year": sheet.year,
            "number": sheet.programme_number,
            "name": sheet.programme_name,
        }

    def item_link(self, sheet):
        return sheet.get_url(self.request)

    def item_pubdate(self, sheet):
        return sheet.first_published_at

    def item_updateddate(self, sheet):
        return sheet.last_published_at
