"""Pure functions behind the participation listings: types, counts, filters, members and sessions.

Nothing here touches the database: the page models load rows once and hand
them to these functions, which count, group, filter and order them. That keeps
the number of queries fixed and lets the tests exercise every case directly.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class BodyType:
    """One type of participation body: stored value, URL slug and labels."""

    value: str
    slug: str
    label: str
    plural: str


# In the seed's order. ``value`` is what InstanciaPage.type stores; ``slug`` is the URL segment.
BODY_TYPES = (
    BodyType("consejo_asesor", "consejos-asesores", _("Consejo Asesor"), _("Consejos Asesores")),
    BodyType("mesa_tematica", "mesas-tematicas", _("Mesa Temática"), _("Mesas Temáticas")),
    BodyType(
        "alianza_publico_privada",
        "alianzas-publico-privadas",
        _("Alianza Público-Privada"),
        _("Alianzas Público-Privadas"),
    ),
    BodyType(
        "alianza_internacional", "alianzas-internacionales", _("Alianza Internacional"), _("Alianzas Internacionales")
    ),
    BodyType("red_municipal", "redes-municipales", _("Red Municipal"), _("Redes Municipales")),
    BodyType(
        "consejo_sociedad_civil",
        "consejo-regional-sociedad-civil",
        _("Consejo Regional de la Sociedad Civil"),
        _("Consejo Regional de la Sociedad Civil"),
    ),
)
TYPES_BY_VALUE = {body_type.value: body_type for body_type in BODY_TYPES}
TYPES_BY_SLUG = {body_type.slug: body_type for body_type in BODY_TYPES}

# File name of the sessions' iCalendar feed, after the index page's URL.
FEED_FILE = "sesiones.ics"
# File name of the upcoming sessions' Atom feed, after the index's or a body's URL.
ATOM_FEED_FILE = "sesiones.atom"

# Longest text query accepted; longer input is refused with a 400 rather than searched.
MAX_QUERY_LENGTH = 100


def type_choices():
    """(value, label) pairs for the model field's choices, in the seed's order."""
    return [(body_type.value, body_type.label) for body_type in BODY_TYPES]


def type_for_slug(slug):
    """The BodyType whose URL slug is ``slug``, or None."""
    return TYPES_BY_SLUG.get(slug)


def count_by_type(type_values):
    """Counts of bodies per type, every type included (zeros too), in the seed's order.

    ``type_values`` is an iterable of stored type values (one per body); unknown
    values are ignored. Returns a list of (BodyType, count).
    """
    counts = dict.fromkeys(TYPES_BY_VALUE, 0)
    for value in type_values:
        if value in counts:
            counts[value] += 1
    return [(body_type, counts[body_type.value]) for body_type in BODY_TYPES]


def group_by_type(bodies):
    """Bodies grouped under their type, in the seed's type order; empty types left out.

    ``bodies`` are objects with a ``type`` attribute, already in display order
    (their order within a type is kept). Returns a list of (BodyType, [bodies]).
    """
    groups = {value: [] for value in TYPES_BY_VALUE}
    for body in bodies:
        if body.type in groups:
            groups[body.type].append(body)
    return [(body_type, groups[body_type.value]) for body_type in BODY_TYPES if groups[body_type.value]]


def order_by_type(bodies):
    """``bodies`` in the seed's type order, keeping their order within a type (what the listing pages through)."""
    return [body for _body_type, group in group_by_type(bodies) for body in group]


def normalize(text):
    """Lower-case ``text`` without accents or extra spaces, for accent-insensitive matching."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def matches(query, *texts):
    """True when every word of ``query`` appears in one of ``texts`` (accents and case ignored).

    An empty query matches everything.
    """
    words = normalize(query).split()
    haystack = " ".join(normalize(text) for text in texts)
    return all(word in haystack for word in words)


class FilterError(ValueError):
    """A filter value the listing cannot use; its message is shown to the citizen (Spanish)."""


def parse_filters(params):
    """Read ``tipo`` and ``q`` from a query-string mapping; return (BodyType or None, query text).

    Raises FilterError with a clear message for an unknown type or an over-long query.
    """
    slug = (params.get("tipo") or "").strip()
    query = " ".join((params.get("q") or "").split())
    body_type = None
    if slug:
        body_type = type_for_slug(slug)
        if body_type is None:
            raise FilterError(_("El tipo de instancia «%(tipo)s» no existe. Elija uno de la lista.") % {"tipo": slug})
    if len(query) > MAX_QUERY_LENGTH:
        raise FilterError(
            _("La búsqueda es demasiado larga: use como máximo %(max)d caracteres.") % {"max": MAX_QUERY_LENGTH}
        )
    return body_type, query


def filter_bodies(bodies, body_type=None, query=""):
    """The bodies of ``body_type`` (any type when None) whose name or summary match ``query``."""
    return [
        body
        for body in bodies
        if (body_type is None or body.type == body_type.value) and matches(query, body.title, body.summary)
    ]


def neighbours(bodies, current_id):
    """(previous, next) bodies around the one with ``pk == current_id`` in ``bodies``; None at the ends."""
    ids = [body.pk for body in bodies]
    if current_id not in ids:
        return None, None
    position = ids.index(current_id)
    previous = bodies[position - 1] if position > 0 else None
    following = bodies[position + 1] if position + 1 < len(bodies) else None
    return previous, following


def is_former_member(member, today):
    """A member is former once their end date has passed (the end date itself still counts as current)."""
    return member.ended_on is not None and member.ended_on < today


def split_members(members, today):
    """(current, former) members: current in editor order, former by most recent end date first."""
    current = [member for member in members if not is_former_member(member, today)]
    former = [member for member in members if is_former_member(member, today)]
    former.sort(key=lambda member: member.ended_on, reverse=True)
    return current, former


def split_sessions(sessions, now):
    """(upcoming, past) sessions: upcoming soonest first, past most recent first.

    A session is upcoming while it has not started (``starts_at >= now``).
    """
    upcoming = sorted((s for s in sessions if s.starts_at >= now), key=lambda s: s.starts_at)
    past = sorted((s for s in sessions if s.starts_at < now), key=lambda s: s.starts_at, reverse=True)
    return upcoming, past


def agenda_items(agenda):
    """The agenda's items, one per non-empty line, without list markers such as "-" or "1."."""
    items = []
    for line in (agenda or "").splitlines():
        item = line.strip().lstrip("-•*").strip()
        head, dot, rest = item.partition(".")
        if dot and head.isdigit():
            item = rest.strip()
        if item:
            items.append(item)
    return items
