"""``make bench``'s report: parsing wrk, choosing medians, judging the targets (no server, no wrk)."""

import pytest

from bench import run


@pytest.mark.parametrize(("text", "ms"), [("850.00us", 0.85), ("12.67ms", 12.67), ("1.20s", 1200.0), ("2m", 120000.0)])
def test_wrk_durations_are_read_in_milliseconds(text, ms):
    assert run.parse_duration_ms(text) == pytest.approx(ms)


def test_the_median_run_is_kept_and_the_errors_of_all_runs_are_added():
    runs = [{"rps": 900.0, "errors": 0}, {"rps": 1500.0, "errors": 2}, {"rps": 1200.0, "errors": 1}]
    chosen = run.median_run(runs, "rps")
    assert chosen["rps"] == 1200.0
    assert chosen["errors"] == 3
    assert chosen["runs"] == [900.0, 1500.0, 1200.0]


def page(rps, p50=5.0, single=None, errors=0):
    result = {"rps": rps, "p50_ms": p50, "p99_ms": p50 * 2, "errors": errors}
    if single is not None:
        result["single_client_p50_ms"] = single
    return result


def report(home_single=12.0, sheet_single=16.0, warm_home=2500.0, errors=0):
    return {
        "pages": {"home": "/", "budget_sheet": "/fichas/x/"},
        "cold": {
            "home": page(150, single=home_single),
            "budget_sheet": page(100, single=sheet_single, errors=errors),
            "static_ceiling": page(1100),
        },
        "warm": {"home": page(warm_home), "budget_sheet": page(2900), "static_ceiling": page(3000)},
    }


def test_every_target_met():
    checks = run.verdict(report())
    assert all(met for _text, met in checks)
    assert "cold budget_sheet p50 < 30 ms, one client (16.0 ms)" in [text for text, _met in checks]


@pytest.mark.parametrize(
    ("changes", "missed"),
    [
        ({"sheet_single": 30.0}, "cold budget_sheet p50 < 30 ms, one client (30.0 ms)"),
        ({"home_single": 49.0}, "cold home p50 < 30 ms, one client (49.0 ms)"),
        ({"warm_home": 1499.0}, "warm home >= 50% of ceiling (0.50)"),
        ({"errors": 1}, "no error responses (1)"),
    ],
)
def test_a_missed_target_is_reported(changes, missed):
    checks = dict(run.verdict(report(**changes)))
    assert checks[missed] is False
    assert sum(not met for met in checks.values()) == 1


def test_the_table_shows_each_page_against_the_ceiling():
    lines = run.table(report()).splitlines()
    assert lines[0].startswith("Ceiling (static file, whitenoise through gunicorn): 3000 req/s")
    home = next(line for line in lines if line.startswith("| home |"))
    assert "| 12.0 ms |" in home and "| 0.83 |" in home


def test_a_busy_machine_is_announced():
    assert run.busy_warning(0.3) is None
    assert "la carga del equipo es 1.80" in run.busy_warning(1.8)
