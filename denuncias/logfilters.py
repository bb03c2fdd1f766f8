"""A logging filter that keeps client data out of every log line."""

import logging
import re

# IPv4 and (loosely) IPv6 addresses.
ADDRESS_PATTERN = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F:]{0,4}\b")


def redact(text: str) -> str:
    """``text`` with anything that looks like an IP address replaced by ``[dirección]``."""
    return ADDRESS_PATTERN.sub("[dirección]", text)


class NoClientDataFilter(logging.Filter):
    """Drop the request object from records and redact address-like text.

    Django attaches the request (whose META holds the client address) to
    ``django.request`` and ``django.server`` records; no formatter or handler
    may reach it here.
    """

    def filter(self, record):
        if hasattr(record, "request"):
            del record.request
        message = record.getMessage()
        record.msg, record.args = redact(message), ()
        return True
