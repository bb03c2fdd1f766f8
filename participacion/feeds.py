"""Atom feeds (RFC 4287) of upcoming sessions: of every body, and of one body.

Built on ``base.feeds.SiteFeed``. Served by ``ParticipacionIndexPage``'s routes at
``<index URL>sesiones.atom`` and ``<body URL>sesiones.atom`` (see ``urls.py``), in the
page's language. One entry per session still to come, soonest first; an entry is
updated when its body's page was last published (where sessions are edited).
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from base.feeds import SiteFeed

from .listing import ATOM_FEED_FILE

#: Entries in a feed: the next sessions.
FEED_ENTRIES = 50


class UpcomingSessionsFeed(SiteFeed):
    """The next sessions of every body under the index, or of one body: when, where, agenda."""

    def get_object(self, request, index, body=None):
        self.index = index
        sessions = index.get_sessions().filter(starts_at__gte=timezone.now())
        if body is not None:
            sessions = sessions.filter(page=body)
        self.sessions = list(sessions.order_by("starts_at", "page__path", "pk")[:FEED_ENTRIES])
        return body or index

    def title(self, page):
        if page.pk == self.index.pk:
            return _("%(section)s: próximas sesiones") % {"section": page.title}
        return _("%(body)s: próximas sesiones") % {"body": page.title}

    def subtitle(self, page):
        return _("Sesiones programadas de las instancias de participación ciudadana: fecha, lugar y tabla.")

    def link(self, page):
        return page.get_url(self.request)

    def feed_url(self, page):
        return page.get_url(self.request) + ATOM_FEED_FILE

    def items(self, page):
        return self.sessions

    def item_title(self, session):
        return _("%(body)s: %(session)s (%(when)s)") % {
            "body": session.page.title,
            "session": session.title or _("Sesión"),
            "when": session.when_text,
        }

    def item_description(self, session):
        lines = [_("Fecha: %(when)s") % {"when": session.when_text}]
        if session.place or session.online_url:
            lines.append(
                _("Lugar: %(place)s") % {"place": " · ".join(filter(None, [session.place, session.online_url]))}
            )
        if session.agenda_items:
            lines.append(_("Tabla: %(items)s") % {"items": "; ".join(session.agenda_items)})
        return "\n".join(lines)

    def item_link(self, session):
        return session.page.get_url(self.request) + f"#sesion-{session.pk}"

    def item_guid(self, session):
        return self.request.build_absolute_uri(self.item_link(session))

    item_guid_is_permalink = True

    def item_pubdate(self, session):
        return session.page.first_published_at or self.item_updateddate(session)

    def item_updateddate(self, session):
        # Atom requires it; a live page always has a publication date, the fallback is a safety net.
        return session.page.last_published_at or timezone.now()
