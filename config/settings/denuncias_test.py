"""Tests of the ``denuncias`` deployment (run in their own pytest process).

The database follows the main suite's: with DATABASE_URL pointing to PostgreSQL
the channel uses a sibling database ``<name>_denuncias``; otherwise SQLite.
"""

import os

os.environ.setdefault("DENUNCIAS_SECRET_KEY", "denuncias-test-secret-key")
# Two keys (newest first) so that tests see rotation at work.
os.environ.setdefault(
    "DENUNCIAS_ENCRYPTION_KEYS",
    "dGVzdC1rZXktbnVtYmVyLW9uZS0tLS0tLS0tLS0tLS0=,dGVzdC1rZXktbnVtYmVyLXR3by0tLS0tLS0tLS0tLS0=",
)
_main_url = os.environ.get("DATABASE_URL", "")
if _main_url.startswith("postgres") and "DENUNCIAS_DATABASE_URL" not in os.environ:
    os.environ["DENUNCIAS_DATABASE_URL"] = _main_url + "_denuncias"

from .denuncias import *  # noqa: E402,F401,F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Fast hashing in tests; a dedicated test checks the real (slow) default.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# The browser-test server runs with DEBUG off: whitenoise serves from the apps.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
