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


def test_the_console_handler_uses_the_filter():
    from django.conf import settings

    handler = settings.LOGGING["handlers"]["console"]
    assert "personal_data" in handler["filters"]
    assert settings.LOGGING["filters"]["personal_data"]["()"] == "base.logfilters.RedactPersonalDataFilter"
