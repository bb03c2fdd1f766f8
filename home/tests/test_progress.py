"""The axis count rule, tested directly."""

from types import SimpleNamespace

import pytest

from home.progress import Tally, tally, tally_by_axis


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], Tally(0, 0)),
        (["cumplida"], Tally(1, 1)),
        (["planificada", "en_curso"], Tally(0, 2)),
        (["cumplida", "en_curso", "cumplida", "planificada"], Tally(2, 4)),
    ],
)
def test_tally_counts_only_completed_statuses(statuses, expected):
    assert tally(statuses) == expected


@pytest.mark.parametrize(("completed", "total", "percentage"), [(0, 0, 0), (6, 8, 75), (4, 6, 66), (10, 10, 100)])
def test_percentage_is_truncated_and_safe_with_nothing_to_count(completed, total, percentage):
    assert Tally(completed, total).percentage == percentage


def test_tally_by_axis_groups_initiatives_by_their_axis():
    items = [
        SimpleNamespace(eje_id=1, status="cumplida"),
        SimpleNamespace(eje_id=2, status="en_curso"),
        SimpleNamespace(eje_id=1, status="planificada"),
        SimpleNamespace(eje_id=2, status="cumplida"),
        SimpleNamespace(eje_id=2, status="cumplida"),
    ]
    assert tally_by_axis(items) == {1: Tally(1, 2), 2: Tally(2, 3)}
