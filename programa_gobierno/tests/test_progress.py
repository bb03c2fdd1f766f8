"""The progress and status rules (programa_gobierno.progress), tested directly."""

import datetime
from decimal import Decimal

import pytest

from programa_gobierno import progress as rules
from programa_gobierno.progress import COMPLETE, LIMITED, NOT_STARTED, SUBSTANTIAL


@pytest.mark.parametrize(
    ("milestones", "expected"),
    [
        ([], "0.0"),
        ([(1, False)], "0.0"),
        ([(1, True)], "100.0"),
        ([(1, True), (1, False)], "50.0"),
        ([(1, True), (3, False)], "25.0"),
        ([(3, True), (1, False)], "75.0"),
        ([(2, True), (3, True), (2, True), (3, False)], "70.0"),
        ([(1, True), (1, False), (1, False)], "33.3"),
        ([(2, True), (1, False)], "66.6"),
        ([(1, True)] * 3 + [(1, False)] * 5, "37.5"),
        ([(0, True), (0, False)], "0.0"),
        ([(0, True), (5, False)], "0.0"),
        ([(5, True), (0, False)], "100.0"),
        ([(None, True), (2, True)], "100.0"),
        ([(-3, True), (1, False)], "0.0"),
        ([(100, True), (100, True), (100, False)], "66.6"),
    ],
)
def test_progress_is_the_weighted_share_of_completed_milestones(milestones, expected):
    assert rules.progress_percentage(milestones) == Decimal(expected)


def test_progress_is_truncated_to_one_decimal():
    # The site's percentage rule (base.numbers): 1/8 = 12.5 exactly; 1/6 = 16.666… -> 16.6;
    # 999/1000 -> 99.9 and 2000/2001 = 99.95… -> 99.9 (never a false 100); 1/2000 -> 0.1 (never a false 0).
    assert rules.progress_percentage([(1, True), (7, False)]) == Decimal("12.5")
    assert rules.progress_percentage([(1, True), (5, False)]) == Decimal("16.6")
    assert rules.progress_percentage([(999, True), (1, False)]) == Decimal("99.9")
    assert rules.progress_percentage([(100, True)] * 20 + [(1, False)]) == Decimal("99.9")
    assert rules.progress_percentage([(1, True), (1999, False)]) == Decimal("0.1")


def test_complete_only_when_every_weight_is_done():
    """20 milestones of weight 100 done and one of weight 1 pending: 99.95 %, "sustancial", not "completo"."""
    almost = [(100, True)] * 20 + [(1, False)]
    assert rules.derive_status(rules.exact_progress(almost)) == SUBSTANTIAL
    assert rules.derive_status(rules.exact_progress([(100, True)] * 21)) == COMPLETE
    # The other edges of the scale, decided on the exact share.
    assert rules.derive_status(rules.exact_progress([(999, False), (1, True)] + [(1000, False)] * 19)) == LIMITED
    assert rules.derive_status(rules.exact_progress([(4995, True), (5005, False)])) == LIMITED  # 49.95 %
    assert rules.derive_status(rules.exact_progress([(5, True), (9995, False)])) == LIMITED  # 0.05 %


@pytest.mark.django_db
def test_a_commitment_with_one_light_milestone_pending_is_not_complete():
    """The model decides its status on the exact share (it used to round 99.95 to 100.0 and say "completo")."""
    from programa_gobierno.models import CompromisoPage, Hito

    done = datetime.date(2024, 3, 1)
    page = CompromisoPage(title="Compromiso de prueba")
    page.hitos = [Hito(title=f"Hito {n}", weight=100, completed_on=done) for n in range(20)] + [
        Hito(title="Hito pendiente", weight=1, completed_on=None)
    ]
    page.refresh_progress()
    assert (page.progress, page.status) == (Decimal("99.9"), SUBSTANTIAL)


def test_progress_accepts_any_iterable():
    assert rules.progress_percentage(iter([(1, True), (1, False)])) == Decimal("50.0")


def test_weights_are_summed_for_the_formula_shown_to_citizens():
    milestones = [(2, True), (3, False), (5, True)]
    assert rules.total_weight(milestones) == 10
    assert rules.completed_weight(milestones) == 7


def test_milestone_shares_add_up_and_keep_order():
    shares = rules.milestone_shares([(1, True), (3, False), (4, True)])
    assert [s.share for s in shares] == [Decimal("12.5"), Decimal("37.5"), Decimal("50.0")]
    assert [s.completed for s in shares] == [True, False, True]
    assert [s.weight for s in shares] == [1, 3, 4]


def test_milestone_shares_with_zero_total_are_zero():
    assert [s.share for s in rules.milestone_shares([(0, False), (0, True)])] == [Decimal("0.0"), Decimal("0.0")]
    assert rules.milestone_shares([]) == []


@pytest.mark.parametrize(
    ("progress", "status"),
    [
        (0, NOT_STARTED),
        (Decimal("0.0"), NOT_STARTED),
        (None, NOT_STARTED),
        (Decimal("0.1"), LIMITED),
        (Decimal("12.5"), LIMITED),
        (Decimal("49.9"), LIMITED),
        (Decimal("50.0"), SUBSTANTIAL),
        (Decimal("75"), SUBSTANTIAL),
        (Decimal("99.9"), SUBSTANTIAL),
        (Decimal("100.0"), COMPLETE),
        (100, COMPLETE),
        ("62.5", SUBSTANTIAL),
    ],
)
def test_status_is_derived_from_progress_on_the_ogp_scale(progress, status):
    assert rules.derive_status(progress) == status


def test_override_with_a_reason_wins():
    assert rules.effective_status(Decimal("62.5"), LIMITED, "Uso bajo de la plataforma") == LIMITED
    assert rules.is_overridden(Decimal("62.5"), LIMITED, "Uso bajo de la plataforma")


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_override_without_a_reason_is_ignored(reason):
    assert rules.effective_status(Decimal("62.5"), LIMITED, reason) == SUBSTANTIAL
    assert not rules.is_overridden(Decimal("62.5"), LIMITED, reason)


def test_unknown_override_is_ignored():
    assert rules.effective_status(Decimal("100"), "cumplidísimo", "porque sí") == COMPLETE


def test_override_equal_to_derived_is_not_reported_as_an_override():
    assert not rules.is_overridden(Decimal("100"), COMPLETE, "Confirmado")


def test_no_override_gives_the_derived_status():
    assert rules.effective_status(Decimal("0")) == NOT_STARTED
    assert rules.effective_status(Decimal("100")) == COMPLETE


def test_summary_counts_completed_commitments_and_averages_progress():
    summary = rules.summarize([(Decimal("100"), COMPLETE), (Decimal("50"), SUBSTANTIAL), (Decimal("0"), NOT_STARTED)])
    assert (summary.completed, summary.total, summary.progress) == (1, 3, Decimal("50.0"))
    assert summary.completed_percentage == Decimal("33.3")


def test_summary_of_nothing_is_zero():
    summary = rules.summarize([])
    assert (summary.completed, summary.total, summary.progress, summary.completed_percentage) == (
        0,
        0,
        Decimal("0.0"),
        Decimal("0.0"),
    )


def test_completed_means_the_effective_status_not_the_progress():
    # 100 % with an override to "sustancial" is not counted as cumplido; the status decides.
    summary = rules.summarize([(Decimal("100"), SUBSTANTIAL), (Decimal("60"), COMPLETE)])
    assert summary.completed == 1


def test_summaries_by_theme():
    summaries = rules.summarize_by_key(
        [
            ("agua", Decimal("100"), COMPLETE),
            ("agua", Decimal("0"), NOT_STARTED),
            ("movilidad", Decimal("70"), SUBSTANTIAL),
        ]
    )
    assert summaries["agua"] == rules.Summary(completed=1, total=2, progress=Decimal("50.0"))
    assert summaries["movilidad"] == rules.Summary(completed=0, total=1, progress=Decimal("70.0"))


def test_mean_progress_is_truncated_to_one_decimal():
    assert rules.mean_progress([Decimal("10"), Decimal("20"), Decimal("20")]) == Decimal("16.6")
    assert rules.mean_progress([]) == Decimal("0.0")


def test_status_counts_cover_the_whole_scale_in_order():
    counts = rules.status_counts([COMPLETE, LIMITED, COMPLETE, "otro"])
    assert list(counts) == [NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE]
    assert counts == {NOT_STARTED: 0, LIMITED: 1, SUBSTANTIAL: 0, COMPLETE: 2}


@pytest.mark.parametrize(
    ("previous", "current", "changed"),
    [
        (None, (Decimal("0"), NOT_STARTED), True),
        ((Decimal("50.0"), SUBSTANTIAL), (Decimal("50"), SUBSTANTIAL), False),
        ((Decimal("50.0"), SUBSTANTIAL), (Decimal("75.0"), SUBSTANTIAL), True),
        ((Decimal("62.5"), SUBSTANTIAL), (Decimal("62.5"), LIMITED), True),
    ],
)
def test_a_history_entry_is_due_only_when_progress_or_status_moves(previous, current, changed):
    assert rules.progress_changed(previous, current) is changed


def test_timeline_rebuilds_progress_after_each_completion_date():
    day = datetime.date
    milestones = [(1, day(2024, 1, 10)), (3, day(2024, 6, 1)), (4, None), (2, day(2024, 1, 10))]
    timeline = rules.progress_timeline(milestones, start=day(2023, 12, 1))
    assert timeline == [
        (day(2023, 12, 1), Decimal("0.0"), 0),
        (day(2024, 1, 10), Decimal("30.0"), 2),
        (day(2024, 6, 1), Decimal("60.0"), 3),
    ]


def test_timeline_without_completions_is_only_the_start():
    start = datetime.date(2025, 1, 1)
    assert rules.progress_timeline([(1, None)], start=start) == [(start, Decimal("0.0"), 0)]
    assert rules.progress_timeline([]) == []
