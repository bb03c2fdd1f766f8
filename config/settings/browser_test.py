"""The browser-test server (tests/browser/conftest.py): test settings for one shared live server.

Every browser test reaches that one server from the same loopback address, so the
citizen form's per-client rate limits (contacto/views.py) would refuse the suite's
own submissions half-way through. The limits themselves are proved by contacto's
tests with ``override_settings``.
"""

from .test import *  # noqa: F401,F403

CONTACTO_RATE_LIMITS = {name: (1000, 600) for name in ("submit", "submit_any", "lookup", "lookup_any")}
