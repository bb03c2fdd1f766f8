"""Tests: fast password hashing, in-memory mail, a real database from DATABASE_URL."""

from .base import *  # noqa: F401,F403

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
# Likewise the admin's two-step sign-in (base/twofactor.py): off except in the test that proves it.
TWO_FACTOR_ENFORCED = False
