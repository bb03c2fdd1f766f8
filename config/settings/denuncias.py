"""The ethics-reporting channel (``denuncias``) as a deployment of its own.

It shares this repository with the public site but nothing else: its own
database (``DENUNCIAS_DATABASE_URL``), host names, secret key and encryption
keys, and only the apps it needs (no Wagtail, no page tree, no Django admin).
Reporters' privacy rules are enforced here: no client address reaches views,
logs or the database; no tracking cookie; nothing loaded from third parties.

Run with ``DJANGO_SETTINGS_MODULE=config.settings.denuncias``; see
``config/wsgi_denuncias.py`` for gunicorn.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import BASE_DIR, env_bool, env_list

DEBUG = env_bool("DEBUG", False)

# Development-only fallbacks, refused when DEBUG is off: a real deployment must
# bring its own secret key and encryption keys from the environment.
_DEV_SECRET_KEY = "denuncias-dev-only-insecure-key"
_DEV_ENCRYPTION_KEY = "ZGVudW5jaWFzLWRldi1vbmx5LWluc2VjdXJlLWtleSE="  # base64 of 32 bytes

SECRET_KEY = os.environ.get("DENUNCIAS_SECRET_KEY", "")
# Fernet keys, comma-separated, newest first: the first encrypts, all decrypt
# (rotation: put a new key first, run ``denuncias_rotar_claves``, drop the old one).
DENUNCIAS_ENCRYPTION_KEYS = env_list("DENUNCIAS_ENCRYPTION_KEYS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or _DEV_SECRET_KEY
    DENUNCIAS_ENCRYPTION_KEYS = DENUNCIAS_ENCRYPTION_KEYS or [_DEV_ENCRYPTION_KEY]
elif not SECRET_KEY or not DENUNCIAS_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("Set DENUNCIAS_SECRET_KEY and DENUNCIAS_ENCRYPTION_KEYS (or DEBUG=1 in development).")
elif _DEV_ENCRYPTION_KEY in DENUNCIAS_ENCRYPTION_KEYS or SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured("The development keys must not be used with DEBUG off.")

ALLOWED_HOSTS = env_list("DENUNCIAS_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DENUNCIAS_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "denuncias",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: the client's address and browser fingerprint never reach anything below.
    "denuncias.middleware.ForgetClientMiddleware",
    # Cross-Origin-Resource-Policy (CROSS_ORIGIN_RESOURCE_POLICY), as on the main site. Above the
    # privacy headers, so the channel's own stricter Permissions-Policy is the one that stays.
    "base.security.SecurityHeadersMiddleware",
    "denuncias.middleware.PrivacyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address only (/en/...): the browser's Accept-Language never
    # arrives (ForgetClientMiddleware), and unprefixed addresses are Spanish.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls_denuncias"
WSGI_APPLICATION = "config.wsgi_denuncias.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "denuncias.context_processors.channel",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DENUNCIAS_DATABASE_URL", f"sqlite:///{BASE_DIR / 'db-denuncias.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The receipt-login throttle lives in the database (shared by every worker), so
# the cache is only a local convenience.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "denuncias:gestion_ingresar"

# Sessions exist only for a receipt login or a handler login: short, server-side,
# gone when the browser closes. No other cookie than CSRF's, itself per browser session.
SESSION_COOKIE_NAME = "denuncias_sesion"
SESSION_COOKIE_AGE = int(os.environ.get("DENUNCIAS_SESSION_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_NAME = "denuncias_csrf"
CSRF_COOKIE_AGE = None
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_FAILURE_VIEW = "denuncias.errors.csrf_failure"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Other sites may not embed or read the channel's pages, scripts and files (base/security.py).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Uploads stay in memory (never a plaintext temporary file on disk) and are
# encrypted before they are stored.
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler"]
DENUNCIAS_MAX_FILE_SIZE = int(os.environ.get("DENUNCIAS_MAX_FILE_MB", "10")) * 1024 * 1024
DENUNCIAS_MAX_FILES = int(os.environ.get("DENUNCIAS_MAX_FILES", "5"))
FILE_UPLOAD_MAX_MEMORY_SIZE = DENUNCIAS_MAX_FILE_SIZE * DENUNCIAS_MAX_FILES + 1024 * 1024
DENUNCIAS_MAX_REQUEST_SIZE = FILE_UPLOAD_MAX_MEMORY_SIZE

LANGUAGE_CODE = "es-cl"
# The reporter's pages in Spanish and English (/en/); the handlers' area (/gestion/) stays Spanish.
LANGUAGES = [("es-cl", "Español"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "America/Santiago"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles-denuncias"
STORAGES = {
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The channel's own rules.
DENUNCIAS_HANDLER_GROUP = "Comité de Ética"
DENUNCIAS_RETENTION_DAYS = int(os.environ.get("DENUNCIAS_RETENTION_DAYS", "730"))
# Receipt sign-in is never locked, only slowed (denuncias/throttle.py): free failures per browser
# session, one more second of delay per GLOBAL_DELAY_STEP failures by anyone, at most MAX_DELAY.
# Handlers' sign-in is locked per browser session (SESSION_FAILURE_LIMIT) and per account.
DENUNCIAS_SESSION_FAILURE_LIMIT = int(os.environ.get("DENUNCIAS_SESSION_FAILURE_LIMIT", "5"))
DENUNCIAS_GLOBAL_DELAY_STEP = int(os.environ.get("DENUNCIAS_GLOBAL_DELAY_STEP", "50"))
DENUNCIAS_MAX_DELAY_SECONDS = float(os.environ.get("DENUNCIAS_MAX_DELAY_SECONDS", "8"))
DENUNCIAS_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("DENUNCIAS_ACCOUNT_FAILURE_LIMIT", "10"))
DENUNCIAS_LOCKOUT_MINUTES = int(os.environ.get("DENUNCIAS_LOCKOUT_MINUTES", "15"))
DENUNCIAS_EXIT_URL = os.environ.get("DENUNCIAS_EXIT_URL", "https://www.google.cl/")
DENUNCIAS_INSTITUTION = os.environ.get("DENUNCIAS_INSTITUTION", "Gobierno de Santiago")

# Logs carry no request object (whose META holds the client address) and no
# address-like text: see denuncias/logfilters.py. No mail to admins.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": True,
    "filters": {"no_client": {"()": "denuncias.logfilters.NoClientDataFilter"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["no_client"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
