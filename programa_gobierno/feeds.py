"""Atom feeds (RFC 4287) of the programme: one entry per recorded progress change (``RegistroAvance``).

Built on ``base.feeds.SiteFeed`` (Django's ``Atom1Feed``, which writes the feed's id,
updated, author and ``rel="self"`` link). Entries are the steps of ``history.timeline``,
the same the commitment page's timeline and the downloads show; an entry's evidence is
also its ``<link rel="related">``. Served by ``ProgramaIndexPage``'s routes at
``<programme URL>avances.atom`` (every commitment) and ``<commitment URL>avances.atom``
(one commitment), see ``urls.py``, in the page's language: English pages have English feeds.
"""

from django.utils import formats
from django.utils.translation import gettext as _

from base.feeds import SiteFeed

from .history import timeline

FEED_FILE = "avances.atom"
#: Entries in the feed: the most recent progress changes of all commitments.
FEED_ENTRIES = 50


def format_percent(value):
    """ "45 %" or "37,5 %": the progress with the active language's decimal separator."""
    return f"{formats.number_format(value, decimal_pos=1 if value % 1 else 0)} %"


class ProgressFeed(SiteFeed):
    """Recorded progress changes, newest first: commitment, progress, status, evidence.

    The feed's object is the programme page (all its commitments) or one commitment page.
    """

    def get_object(self, request, page, commitment=None):
        self.commitments = [commitment] if commitment else list(page.commitments())
        self.commitment = commitment
        return commitment or page

    def title(self, page):
        if self.commitment is not None:
            return _("%(commitment)s: avances") % {"commitment": page.title}
        return _("%(programme)s: avances de los compromisos") % {"programme": page.title}

    def subtitle(self, page):
        return _("Cada cambio registrado en el avance o el nivel de cumplimiento de un compromiso.")

    def link(self, page):
        return page.get_url(self.request)

    def feed_url(self, page):
        return page.get_url(self.request) + FEED_FILE

    def items(self, page):
        return timeline(self.commitments, self.request, limit=FEED_ENTRIES)

    def item_title(self, step):
        return _("%(commitment)s: %(progress)s · %(status)s") % {
            "commitment": step.commitment.title,
            "progress": format_percent(step.progress),
            "status": step.status_label,
        }

    def item_description(self, step):
        text = _("Avance %(progress)s, nivel de cumplimiento «%(status)s», %(done)s de %(total)s hitos cumplidos.") % {
            "progress": format_percent(step.progress),
            "status": step.status_label,
            "done": step.completed_milestones,
            "total": step.total_milestones,
        }
        return f"{text} {_('Evidencia')}: {step.evidence_url}" if step.evidence_url else text

    def item_extra_kwargs(self, step):
        """The evidence as the entry's ``<link rel="related">`` (see ``base.feeds``)."""
        return {"related_link": step.evidence_url}

    def item_link(self, step):
        return step.commitment.get_url(self.request)

    def item_guid(self, step):
        return self.request.build_absolute_uri(self.item_link(step)) + f"#avance-{step.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, step):
        return step.recorded_at

    def item_updateddate(self, step):
        return step.recorded_at
