"""The lockout and delay rules as pure functions."""

from datetime import datetime, timedelta

from denuncias.throttle import delay_seconds, lockout_remaining

NOW = datetime(2026, 11, 27, 12, 0)
WINDOW = timedelta(minutes=15)


def ago(minutes):
    return NOW - timedelta(minutes=minutes)


def test_not_locked_below_the_limit():
    assert lockout_remaining([ago(1), ago(2)], 3, WINDOW, NOW) is None


def test_locked_at_the_limit_until_the_oldest_counted_failure_leaves_the_window():
    assert lockout_remaining([ago(1), ago(2), ago(10)], 3, WINDOW, NOW) == timedelta(minutes=5)


def test_old_failures_do_not_count():
    assert lockout_remaining([ago(1), ago(2), ago(20), ago(30)], 3, WINDOW, NOW) is None


def test_many_failures_lock_until_the_limit_th_most_recent_expires():
    failures = [ago(m) for m in (1, 2, 3, 4, 14)]
    assert lockout_remaining(failures, 3, WINDOW, NOW) == timedelta(minutes=12)


def test_a_zero_limit_never_locks():
    assert lockout_remaining([ago(1)], 0, WINDOW, NOW) is None


def test_a_browsers_first_failures_cost_nothing_then_the_delay_doubles():
    assert [delay_seconds(n, 0, free=5, step=50, cap=60) for n in range(9)] == [0, 0, 0, 0, 0, 1, 2, 4, 8]


def test_everyones_delay_grows_by_one_second_per_step_of_recent_failures():
    assert [delay_seconds(0, n, free=5, step=50, cap=60) for n in (0, 49, 50, 99, 100, 250)] == [0, 0, 1, 1, 2, 5]


def test_the_larger_delay_counts_and_never_beyond_the_cap():
    assert delay_seconds(6, 150, free=5, step=50, cap=60) == 3
    assert delay_seconds(7, 150, free=5, step=50, cap=60) == 4
    assert delay_seconds(40, 10**9, free=5, step=50, cap=8) == 8
    assert delay_seconds(3, 10, free=5, step=0, cap=8) == 0
