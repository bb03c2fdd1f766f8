"""The axis count rule, tested directly."""

import pytest

from home.progress import Tally, tally, tally_by_key


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


def test_tally_by_key_groups_statuses_by_their_axis_key():
    pairs = [("a", "cumplida"), ("b", "en_curso"), ("a", "planificada"), ("b", "cumplida"), ("b", "cumplida")]
    assert tally_by_key(pairs) == {"a": Tally(1, 2), "b": Tally(2, 3)}
