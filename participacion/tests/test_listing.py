"""The pure functions behind the listings: types, counts, filters, members, sessions, agendas."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from participacion import listing


@dataclass
class Body:
    pk: int
    title: str
    type: str
    summary: str = ""


@dataclass
class Member:
    name: str
    ended_on: date | None = None


@dataclass
class Session:
    name: str
    starts_at: datetime


NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
TODAY = date(2026, 11, 27)


def test_types_follow_the_seed_order_with_unique_slugs():
    assert [t.value for t in listing.BODY_TYPES] == [
        "consejo_asesor",
        "mesa_tematica",
        "alianza_publico_privada",
        "alianza_internacional",
        "red_municipal",
        "consejo_sociedad_civil",
    ]
    assert len({t.slug for t in listing.BODY_TYPES}) == 6
    assert listing.type_for_slug("mesas-tematicas").value == "mesa_tematica"
    assert listing.type_for_slug("nada") is None
    assert [label for _value, label in listing.type_choices()][0] == "Consejo Asesor"


def test_count_by_type_includes_every_type_even_empty_ones():
    counts = listing.count_by_type(["mesa_tematica", "mesa_tematica", "red_municipal"])
    assert [(t.value, n) for t, n in counts] == [
        ("consejo_asesor", 0),
        ("mesa_tematica", 2),
        ("alianza_publico_privada", 0),
        ("alianza_internacional", 0),
        ("red_municipal", 1),
        ("consejo_sociedad_civil", 0),
    ]


def test_count_by_type_ignores_unknown_values_and_empty_input():
    assert sum(n for _t, n in listing.count_by_type(["otro", "", None])) == 0
    assert sum(n for _t, n in listing.count_by_type([])) == 0


def test_group_by_type_keeps_type_order_and_order_within_a_type():
    bodies = [Body(1, "B", "red_municipal"), Body(2, "A", "consejo_asesor"), Body(3, "C", "red_municipal")]
    groups = listing.group_by_type(bodies)
    assert [(t.value, [b.pk for b in items]) for t, items in groups] == [
        ("consejo_asesor", [2]),
        ("red_municipal", [1, 3]),
    ]
    assert listing.group_by_type([]) == []


@pytest.mark.parametrize(
    ("query", "texts", "expected"),
    [
        ("", ("Movilidad",), True),
        ("movilidad", ("Movilidad",), True),
        ("MOVILIDAD", ("movilidad",), True),
        ("transito", ("Tránsito y Transporte Público",), True),
        ("tránsito", ("Transito",), True),
        ("personas mayores", ("Personas Mayores", ""), True),
        ("mayores personas", ("Personas Mayores",), True),
        ("personas agua", ("Personas Mayores",), False),
        ("agua", ("Fondo del Agua", None), True),
        ("  brecha   digital ", ("Brecha Digital",), True),
        ("clima", ("Movilidad", "Asesora sobre acción climática"), True),
        ("xyz", ("Movilidad",), False),
    ],
)
def test_matches_ignores_accents_case_and_word_order(query, texts, expected):
    assert listing.matches(query, *texts) is expected


def test_parse_filters_reads_type_slug_and_query():
    body_type, query = listing.parse_filters({"tipo": "redes-municipales", "q": "  medio   ambiente "})
    assert body_type.value == "red_municipal"
    assert query == "medio ambiente"
    assert listing.parse_filters({}) == (None, "")
    assert listing.parse_filters({"tipo": "", "q": ""}) == (None, "")


def test_parse_filters_rejects_unknown_type_with_a_spanish_message():
    with pytest.raises(listing.FilterError) as error:
        listing.parse_filters({"tipo": "comites"})
    assert "«comites» no existe" in str(error.value)


def test_parse_filters_rejects_an_overlong_query():
    listing.parse_filters({"q": "a" * listing.MAX_QUERY_LENGTH})
    with pytest.raises(listing.FilterError) as error:
        listing.parse_filters({"q": "a" * (listing.MAX_QUERY_LENGTH + 1)})
    assert "demasiado larga" in str(error.value)


def test_filter_bodies_by_type_and_text():
    bodies = [
        Body(1, "Personas Mayores", "mesa_tematica"),
        Body(2, "Personas Mayores", "red_municipal"),
        Body(3, "Movilidad", "consejo_asesor", "Transporte público"),
    ]
    red = listing.type_for_slug("redes-municipales")
    assert [b.pk for b in listing.filter_bodies(bodies)] == [1, 2, 3]
    assert [b.pk for b in listing.filter_bodies(bodies, query="personas")] == [1, 2]
    assert [b.pk for b in listing.filter_bodies(bodies, red, "personas")] == [2]
    assert [b.pk for b in listing.filter_bodies(bodies, query="publico")] == [3]
    assert listing.filter_bodies(bodies, red, "movilidad") == []


def test_neighbours_in_a_list_of_bodies():
    bodies = [Body(1, "A", "x"), Body(2, "B", "x"), Body(3, "C", "x")]
    assert listing.neighbours(bodies, 1) == (None, bodies[1])
    assert listing.neighbours(bodies, 2) == (bodies[0], bodies[2])
    assert listing.neighbours(bodies, 3) == (bodies[1], None)
    assert listing.neighbours(bodies, 9) == (None, None)
    assert listing.neighbours([bodies[0]], 1) == (None, None)


def test_a_member_is_former_only_after_the_end_date():
    assert not listing.is_former_member(Member("A"), TODAY)
    assert not listing.is_former_member(Member("A", TODAY), TODAY)
    assert not listing.is_former_member(Member("A", TODAY + timedelta(days=30)), TODAY)
    assert listing.is_former_member(Member("A", TODAY - timedelta(days=1)), TODAY)


def test_split_members_keeps_editor_order_for_current_and_latest_first_for_former():
    members = [
        Member("Ana"),
        Member("Berta", date(2024, 3, 1)),
        Member("Carla", TODAY),
        Member("Dora", date(2025, 6, 30)),
    ]
    current, former = listing.split_members(members, TODAY)
    assert [m.name for m in current] == ["Ana", "Carla"]
    assert [m.name for m in former] == ["Dora", "Berta"]
    assert listing.split_members([], TODAY) == ([], [])


def test_split_sessions_upcoming_soonest_first_past_latest_first():
    sessions = [
        Session("hace un año", NOW - timedelta(days=365)),
        Session("en un mes", NOW + timedelta(days=30)),
        Session("ayer", NOW - timedelta(days=1)),
        Session("ahora", NOW),
        Session("mañana", NOW + timedelta(days=1)),
    ]
    upcoming, past = listing.split_sessions(sessions, NOW)
    assert [s.name for s in upcoming] == ["ahora", "mañana", "en un mes"]
    assert [s.name for s in past] == ["ayer", "hace un año"]
    assert listing.split_sessions([], NOW) == ([], [])


@pytest.mark.parametrize(
    ("agenda", "items"),
    [
        ("", []),
        (None, []),
        ("Uno", ["Uno"]),
        ("Uno\nDos\n\n  Tres  ", ["Uno", "Dos", "Tres"]),
        ("- Uno\n* Dos\n• Tres", ["Uno", "Dos", "Tres"]),
        ("1. Cuenta\n2. Varios", ["Cuenta", "Varios"]),
        ("Ley 20.500 y su reglamento", ["Ley 20.500 y su reglamento"]),
        ("Uno\r\nDos", ["Uno", "Dos"]),
    ],
)
def test_agenda_items_one_per_line_without_markers(agenda, items):
    assert listing.agenda_items(agenda) == items
