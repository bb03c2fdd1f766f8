"""Atom feeds (RFC 4287) of the programme: one entry per recorded progress change (``RegistroAvance``).

Built with ``django.contrib.syndication`` and its ``Atom1Feed``, which writes the feed's
id, updated, author and ``rel="self"`` link. Served by ``ProgramaIndexPage``'s routes at
``<programme URL>avances.atom`` (every commitment) and ``<commitment URL>avances.atom``
(one commitment), see ``urls.py``, in the page's language: English pages have English feeds.
"""

from django.contrib.syndication.views import Feed
from django.utils import formats
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from base.models import SiteSettings

from .models import ProgramaIndexPage, RegistroAvance, Status

FEED_FILE = "avances.atom"
#: Entries in the feed: the most recent progress changes of all commitments.
FEED_ENTRIES = 50


def format_percent(value):
    """ "45 %" or "37,5 %": the progress with the active language's decimal separator."""
    return f"{formats.number_format(value, decimal_pos=1 if value % 1 else 0)} %"


class ProgressFeed(Feed):
    """Recorded progress changes, newest first: commitment, progress, status, evidence.

    The feed's object is the programme page (all its commitments) or one commitment page.
    """

    feed_type = Atom1Feed

    def get_object(self, request, page, commitment=None):
        self.request = request
        commitments = [commitment] if commitment else page.commitments()
        self.commitments = {item.translation_key: item for item in commitments}
        return commitment or page

    def title(self, page):
        if not isinstance(page, ProgramaIndexPage):
            return _("%(commitment)s: avances") % {"commitment": page.title}
        return _("%(programme)s: avances de los compromisos") % {"programme": page.title}

    def subtitle(self, page):
        return _("Cada cambio registrado en el avance o el nivel de cumplimiento de un compromiso.")

    def link(self, page):
        return page.get_url(self.request)

    def feed_url(self, page):
        return page.get_url(self.request) + FEED_FILE

    def author_name(self, page):
        texts = SiteSettings.for_request(self.request).localized_texts
        return texts.institution_name or "Gobierno de Santiago"

    def items(self, page):
        entries = RegistroAvance.objects.filter(commitment_key__in=self.commitments).order_by("-recorded_at", "-pk")
        return list(entries[:FEED_ENTRIES])

    def commitment(self, entry):
        return self.commitments[entry.commitment_key]

    def item_title(self, entry):
        return _("%(commitment)s: %(progress)s · %(status)s") % {
            "commitment": self.commitment(entry).title,
            "progress": format_percent(entry.progress),
            "status": Status(entry.status).label,
        }

    def item_description(self, entry):
        text = _("Avance %(progress)s, nivel de cumplimiento «%(status)s», %(done)s de %(total)s hitos cumplidos.") % {
            "progress": format_percent(entry.progress),
            "status": Status(entry.status).label,
            "done": entry.completed_milestones,
            "total": entry.total_milestones,
        }
        evidence = self.evidence_link(entry)
        return f"{text} {_('Evidencia')}: {evidence}" if evidence else text

    def evidence_link(self, entry):
        """The evidence of the last milestone completed by the entry's date, if it has any."""
        milestones = self.commitment(entry).hitos.filter(completed_on__lte=entry.recorded_at.date())
        for milestone in milestones.order_by("-completed_on", "-pk"):
            if milestone.has_evidence:
                return milestone.evidence_link(self.request)
        return ""

    def item_link(self, entry):
        return self.commitment(entry).get_url(self.request)

    def item_guid(self, entry):
        return self.request.build_absolute_uri(self.item_link(entry)) + f"#avance-{entry.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.recorded_at

    def item_updateddate(self, entry):
        return entry.recorded_at
