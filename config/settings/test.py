"""Tests: fast password hashing, in-memory mail, a real database from DATABASE_URL."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = False
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "test-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The browser-test server runs these settings with DEBUG off: whitenoise serves
# static files straight from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# django-axes is off in tests (many tests sign in); base/tests/test_security.py turns it on
# to prove the lockout.
AXES_ENABLED = False
# Likewise the two-step sign-in (base/twofactor.py): off except in the tests that prove it (they
# override the setting, or start their browser-test server with TWO_FACTOR_ENFORCED=1).
TWO_FACTOR_ENFORCED = env_bool("TWO_FACTOR_ENFORCED", False)
