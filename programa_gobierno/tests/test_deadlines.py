"""The overdue rule at its edges, and "today" in Santiago rather than UTC."""

import datetime

from django.utils import timezone

from programa_gobierno import deadlines

TODAY = datetime.date(2026, 11, 25)


def test_due_today_is_not_overdue():
    assert deadlines.is_overdue(TODAY, False, TODAY) is False


def test_due_yesterday_and_not_completed_is_overdue():
    assert deadlines.is_overdue(TODAY - datetime.timedelta(days=1), False, TODAY) is True


def test_due_tomorrow_is_not_overdue():
    assert deadlines.is_overdue(TODAY + datetime.timedelta(days=1), False, TODAY) is False


def test_completed_is_never_overdue_however_late():
    assert deadlines.is_overdue(TODAY - datetime.timedelta(days=1), True, TODAY) is False
    assert deadlines.is_overdue(datetime.date(2000, 1, 1), True, TODAY) is False


def test_without_a_date_nothing_is_overdue():
    assert deadlines.is_overdue(None, False, TODAY) is False


def test_today_is_the_date_in_santiago_not_in_utc(monkeypatch):
    # 01:30 UTC on the 25th is still 22:30 on the 24th in Santiago (UTC-3 in summer).
    late_evening = datetime.datetime(2026, 11, 25, 1, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: late_evening)
    assert deadlines.today() == datetime.date(2026, 11, 24)
