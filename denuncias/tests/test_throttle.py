"""The lockout rule as a pure function."""

from datetime import datetime, timedelta

from denuncias.throttle import lockout_remaining

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
