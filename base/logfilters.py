"""Logs without personal data: e-mail addresses, IP addresses and RUTs are masked.

``RedactPersonalDataFilter`` is attached to the console handler (config/settings/base.py),
so whatever a library or our code logs (a failed mail to a citizen, a rejected host, a
lock-out) reaches the log without the person. gunicorn's access log is configured in
config/gunicorn.py to carry no address, user, query string, referrer or user agent, and
gunicorn's own logs (its error log: "Invalid request from ip=…", a failed request's
traceback) go through the same filter (``RedactingGunicornLogger``, config/gunicorn.py).
"""

import logging
import re

from gunicorn.glogging import Logger as GunicornLogger

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
# Full IPv6 addresses (eight groups) and compressed ones with "::".
IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])"
    r"|(?<![\w:])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{1,4})*::(?:[0-9a-fA-F]{1,4}:)*[0-9a-fA-F]{1,4}(?![\w:])"
)
# Chilean RUT: 12.345.678-9 or 12345678-K.
RUT = re.compile(r"\b\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]\b")


def redact(text):
    """``text`` with e-mail addresses, IPv4/IPv6 addresses and RUTs replaced by placeholders."""
    text = EMAIL.sub("[correo]", text)
    text = RUT.sub("[rut]", text)
    text = IPV4.sub("[ip]", text)
    return IPV6.sub("[ip]", text)


class RedactPersonalDataFilter(logging.Filter):
    """Masks personal data in every record's message (and in its traceback text)."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is logged as is
            return True
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class RedactingGunicornLogger(GunicornLogger):
    """gunicorn's logger with ``RedactPersonalDataFilter`` on every handler of its error and access
    logs (``logger_class`` in config/gunicorn.py): gunicorn writes them itself, outside Django's
    ``LOGGING``, so the console handler's filter never sees them."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if not any(isinstance(existing, RedactPersonalDataFilter) for existing in handler.filters):
                    handler.addFilter(RedactPersonalDataFilter())
