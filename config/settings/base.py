"""Settings shared by every environment.

Everything that differs between machines comes from the environment
(twelve-factor); the defaults here are safe for development.
"""

import base64
import datetime
import hashlib
import json
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    """Read a boolean from the environment ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# The project's apps: ``base`` for what the others share (it imports none of them), then one per
# area, in the order of the site's menu (the demo site is built in this order). The one list of
# them: roles, tests and the demo loader read it from here.
PROJECT_APPS = [
    "base",
    "home",
    "fichas",
    "programa_gobierno",
    "participacion",
    "contacto",
    "suscripciones",
    "search",
    "pagecache",
]

INSTALLED_APPS = [
    *PROJECT_APPS,
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_recaptcha",
    "csp",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Whole pages for anonymous visitors from the cache, purged on publish (pagecache/). First, so
    # a hit costs one cache round trip; the pages are stored with the headers the middleware
    # below added when they were rendered (security headers, CSP without a nonce).
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy with per-request nonces, then Permissions-Policy (base/security.py).
    "base.security.CSPMiddleware",
    "base.security.SecurityHeadersMiddleware",
    # A database failure on the confirmation of a stored request still shows its tracking code.
    "contacto.middleware.ConfirmationFallbackMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in: required for superusers, optional for editors; until it is done the session
    # gets the code page in the admin and the public's view everywhere else (base/twofactor.py).
    "django_otp.middleware.OTPMiddleware",
    "base.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database outage answers 503 + Retry-After instead of a 500 (base/health.py).
    "base.health.DatabaseUnavailableMiddleware",
    # Sign-in brute-force protection; last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

# Security headers on every response, in every environment (HSTS only in production.py).
# A strict CSP: scripts only from this origin or with the request's nonce
# (<script nonce="{{ request.csp_nonce }}"> or {% csp_nonce %} from base_security), no
# 'unsafe-inline' for scripts or styles, no plugins, no framing by other sites.
# The one inline script of every public page, in <head>: it marks the document as scripted before
# the first paint, so the menu is collapsed from the start on small screens (no layout shift when
# static/js/site.js runs). Allowed by its hash, not a nonce: pages with a nonce are never cached.
HEAD_SCRIPT = 'document.documentElement.classList.add("js");'
HEAD_SCRIPT_HASH = f"'sha256-{base64.b64encode(hashlib.sha256(HEAD_SCRIPT.encode()).digest()).decode()}'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, HEAD_SCRIPT_HASH],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Other sites may not embed our images, scripts or files (base/security.py adds the header).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# The admin makes no third-party requests either: no Gravatar avatars, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# DENY everywhere; Wagtail's live-preview views override it to SAMEORIGIN, which is why the
# CSP's frame-ancestors (the header modern browsers obey) is 'self' rather than 'none'.
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pagecache.context_processors.fragments",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL in production via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, but a Redis outage is a cache miss, not a 500 (base/cache.py).
            "BACKEND": "base.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "gobierno-abierto",
            "TIMEOUT": 600,
            # Fail fast while Redis is down instead of holding every request.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Full-page cache for anonymous visitors (pagecache/): on in production.py, off here and in tests.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", False)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Layout fragments (menu, breadcrumbs, footer, institution name) and the home page's computed
# axes, kept under the same content version as the page cache, so a publish purges them too.
# 0 computes them on every request (development and tests); production.py turns them on.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0"))
# Front-end cache (CDN) purging on publish, off unless configured: a JSON object in the
# environment, e.g. WAGTAILFRONTENDCACHE='{"cdn": {"BACKEND":
# "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:6081"}}'.
# With a CDN in front, PAGE_CACHE_SHARED_MAX_AGE (seconds) lets it keep anonymous pages.
WAGTAILFRONTENDCACHE = json.loads(os.environ.get("WAGTAILFRONTENDCACHE", "") or "{}")
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "0"))

# Sign-in: django-axes locks a user name from one address for 15 minutes after 5 failures
# (user name AND address, so nobody can lock an editor out from elsewhere, and a shared office
# address is not locked as a whole). It keeps no log of successful sign-ins and writes no
# user names or addresses to the application log.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "base/lockout.html"
# The same client key as every other limit (base/clientip.py): behind the proxy, IPv6 by /64.
AXES_CLIENT_IP_CALLABLE = "base.clientip.client_key"
TRUSTED_PROXY_IPS = env_list("TRUSTED_PROXY_IPS", "127.0.0.1,::1")
# Sessions expire: 8 hours after sign-in at most, and when the browser closes.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Spanish (Chile) first, at "/"; English at "/en/".
LANGUAGE_CODE = "es-cl"
# Wagtail's sign-in form with its "Password" label translated (base/twofactor.py).
WAGTAILADMIN_USER_LOGIN_FORM = "base.twofactor.LoginForm"
LANGUAGES = [("es-cl", "Español"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft, whatever the Spanish page's status: it goes live
# only when translated and approved (base/translation_workflow.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "America/Santiago"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Citizens' attachments (contacto): a folder outside MEDIA_ROOT, never served by URL.
    "private": {"BACKEND": "contacto.storage.PrivateAttachmentStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media on an S3-compatible object store (base/storage.py) when AWS_S3_ENDPOINT_URL or
# AWS_STORAGE_BUCKET_NAME is set; local disk otherwise (development, tests). Every node of a
# cluster then reads and writes the same images, renditions, documents and attachments.
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME") or "gobierno-abierto-media"
AWS_PRIVATE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_BUCKET_NAME") or "gobierno-abierto-private"
# Unset keys: boto3's own chain (instance role, ~/.aws) applies.
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
# The public host of the public bucket (a CDN or the bucket's website name), if not the endpoint.
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL") or "https:"
# A self-hosted endpoint on an IP address or one host name takes the bucket in the path.
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or ("path" if AWS_S3_ENDPOINT_URL else None)
MEDIA_ON_OBJECT_STORAGE = bool(os.environ.get("AWS_S3_ENDPOINT_URL") or os.environ.get("AWS_STORAGE_BUCKET_NAME"))
if MEDIA_ON_OBJECT_STORAGE:
    from base.storage import origin, public_media_url

    STORAGES["default"] = {"BACKEND": "base.storage.PublicMediaStorage"}
    STORAGES["private"] = {"BACKEND": "base.storage.PrivateMediaStorage"}
    MEDIA_URL = public_media_url(
        AWS_S3_ENDPOINT_URL, AWS_STORAGE_BUCKET_NAME, AWS_S3_CUSTOM_DOMAIN, AWS_S3_URL_PROTOCOL
    )
    # Browsers load images and renditions straight from the bucket: the CSP allows its origin
    # for images only (documents and attachments are streamed by the site's own views).
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(origin(MEDIA_URL))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: console in development unless EMAIL_HOST is given.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Gobierno de Santiago <no-responder@gobiernosantiago.cl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# reCAPTCHA: Google's documented test keys unless real ones are configured (an empty variable
# counts as unset, so production's key check cannot be passed with blank keys).
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY") or "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI"
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY") or "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe"
# Real keys load Google's widget: the CSP allows exactly its origins (its inline callback carries
# the nonce: base/templates/django_recaptcha/includes/js_v2_checkbox.html).
if os.environ.get("RECAPTCHA_PRIVATE_KEY"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] += [
        "https://www.google.com/recaptcha/",
        "https://www.gstatic.com/recaptcha/",
    ]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"] += [
        "https://www.google.com/recaptcha/",
        "https://recaptcha.google.com/recaptcha/",
    ]
SILENCED_SYSTEM_CHECKS = (
    ["django_recaptcha.recaptcha_test_key_error"] if not os.environ.get("RECAPTCHA_PRIVATE_KEY") else []
)

# Tasks: contacto's mail always goes through a database queue. Wagtail's own tasks (search index,
# reference index, front-end cache purges, deleting replaced files) run inside the request here
# (development, tests) and through the database queue in production (production.py), or wherever
# TASKS_IN_BACKGROUND=1. `manage.py task_worker` works every database queue (scripts/dev.sh,
# scripts/serve.sh).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail"]},
}
if env_bool("TASKS_IN_BACKGROUND", False):
    TASKS["default"] = {"BACKEND": "django_tasks_db.DatabaseBackend"}

# The ethics-reporting channel (issue 7) runs as its own deployment; the public page links to it.
DENUNCIAS_URL = os.environ.get("DENUNCIAS_URL", "http://127.0.0.1:8001/")

# The admin's password-reset mail is queued on the mail backend, never sent during the request
# (contacto/password_reset.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "contacto.password_reset.QueuedPasswordResetForm"

# Wagtail
WAGTAIL_SITE_NAME = "Gobierno Abierto · Gobierno de Santiago"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend (SQLite FTS5 in development); on PostgreSQL search.backends
# indexes and queries each language with its own stemming, accent-folding configuration.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "gobierno_es",
        "LANGUAGE_CONFIGS": {"es": "gobierno_es", "en": "gobierno_en"},
        "AUTOCOMPLETE_CONFIG": "gobierno_simple",
        # Spanish words also match their other number ("reclamo" / "reclamos"): see search/backends.py.
        "NUMBER_FORMS": {"es": "search.text.spanish_number_forms"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "xlsx", "zip", "json"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Uploads: images are opened and checked by Willow (no SVG; at most 40 megapixels, against
# decompression bombs); documents are also checked by content (base/uploads.py) and served
# through Wagtail's view as downloads, except PDF, sandboxed by a "default-src 'none'" CSP.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_DOCUMENT_FORM_BASE = "base.uploads.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es", "Español"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Rich text headings start at h2: the page title is the only h1.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No personal data in the logs: e-mail addresses, IP addresses and RUTs are masked.
    "filters": {"personal_data": {"()": "base.logfilters.RedactPersonalDataFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["personal_data"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Task and page-action chatter (one line per indexed object) is noise outside debugging.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
