"""Production: PostgreSQL from DATABASE_URL, Redis cache, whitenoise, secure cookies."""

import os

from .base import *  # noqa: F401,F403
from .base import SILENCED_SYSTEM_CHECKS as BASE_SILENCED_CHECKS
from .base import env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}  # noqa: F405

# Wagtail's own tasks (search and reference index, front-end cache purges, file deletion) leave the
# request: they go to the database queue, worked by `manage.py task_worker`. TASKS_IN_BACKGROUND=0
# runs them in the request again.
if env_bool("TASKS_IN_BACKGROUND", True):
    TASKS["default"] = {"BACKEND": "django_tasks_db.DatabaseBackend"}  # noqa: F405
else:
    TASKS["default"] = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}  # noqa: F405

# Whole pages for anonymous visitors from Redis, purged on publish (pagecache/); PAGE_CACHE=0 turns it off.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# Layout fragments and the home page's computed axes, purged with the page cache (0 turns them off).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "600"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# reCAPTCHA: Google's test keys accept every answer, so production needs real keys. Unlike
# development, django-recaptcha's own check (``django_recaptcha.recaptcha_test_key_error``, an
# error) is not silenced: missing, blank or test keys fail ``check`` (and every management command
# that runs checks). ``RECAPTCHA_REQUIRED=0`` switches this off for a deployment that deliberately
# runs without a captcha (``make serve`` and ``make bench`` on loopback, which have no keys).
RECAPTCHA_REQUIRED = env_bool("RECAPTCHA_REQUIRED", True)
_RECAPTCHA_TEST_KEY_CHECK = "django_recaptcha.recaptcha_test_key_error"
SILENCED_SYSTEM_CHECKS = [check for check in BASE_SILENCED_CHECKS if check != _RECAPTCHA_TEST_KEY_CHECK]
if not RECAPTCHA_REQUIRED:
    SILENCED_SYSTEM_CHECKS.append(_RECAPTCHA_TEST_KEY_CHECK)

# Persistent connections, checked before reuse: after a PostgreSQL restart the first
# request on a dead connection gets a fresh one instead of failing (CONN_HEALTH_CHECKS).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
