"""Logs carry no personal data."""

import logging

import pytest

from base.logfilters import RedactPersonalDataFilter, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail to vecina.perez+ga@gmail.com failed", "Mail to [correo] failed"),
        ("Invalid HTTP_HOST header from 203.0.113.7", "Invalid HTTP_HOST header from [ip]"),
        ("client 2001:db8::1 locked out", "client [ip] locked out"),
        ("client fe80:0:0:0:200:f8ff:fe21:67cf", "client [ip]"),
        ("RUT 12.345.678-9 y 9876543-K", "RUT [rut] y [rut]"),
        ("GET /fichas/2026/ 200 1.234 ms", "GET /fichas/2026/ 200 1.234 ms"),
        ("version 1.2.3 at 10:30:15", "version 1.2.3 at 10:30:15"),
        ("ratio 3.14", "ratio 3.14"),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


def test_the_filter_masks_arguments_and_tracebacks():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "Mail to %s from %s", ("a@b.cl", "10.0.0.1"), None)
    assert RedactPersonalDataFilter().filter(record)
    assert record.getMessage() == "Mail to [correo] from [ip]"
    try:
        raise ValueError("bad address juan@example.org")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    RedactPersonalDataFilter().filter(record)
    assert "juan@example.org" not in record.exc_text
    assert "[correo]" in record.exc_text


@pytest.mark.django_db
def test_the_sites_own_log_lines_are_redacted(client):
    """Django logs a 404 with its address; the console handler the settings set up masks it."""
    import io

    handler = next(h for h in logging.getLogger("django.request").handlers if h.name == "console")
    written = io.StringIO()
    previous = handler.setStream(written)
    try:
        assert client.get("/no-existe/vecina@example.org/").status_code == 404
    finally:
        handler.setStream(previous)
    assert "Not Found: /no-existe/[correo]/" in written.getvalue()
    assert "vecina@example.org" not in written.getvalue()


def test_gunicorns_error_and_access_logs_are_redacted_as_config_gunicorn_sets_them_up(capsys):
    """gunicorn's logger, configured from config/gunicorn.py the way gunicorn loads it."""
    import runpy
    from pathlib import Path

    from gunicorn.config import Config

    config = Config()
    settings_file = Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"
    for name, value in runpy.run_path(str(settings_file)).items():
        if name in config.settings:
            config.set(name, value)
    logger = config.logger_class(config)
    logger.error("Invalid request from ip=%s: %s", "203.0.113.9", "Host de vecina@example.org")
    logger.warning("Error handling request /seguimiento/?rut=12.345.678-9 from 2001:db8::7")
    logger.access_log.info("%(m)s %(U)s from %(h)s", {"m": "GET", "U": "/buscar/", "h": "198.51.100.4"})
    output = capsys.readouterr()
    written = output.out + output.err
    for personal in ("203.0.113.9", "vecina@example.org", "12.345.678-9", "2001:db8::7", "198.51.100.4"):
        assert personal not in written
    assert "Invalid request from ip=[ip]: Host de [correo]" in written
    assert "rut=[rut] from [ip]" in written
