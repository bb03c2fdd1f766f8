"""Development: debug on, mail to the console, SQLite unless DATABASE_URL says otherwise."""

import os

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]
# Without an SMTP server configured, mail goes to the console so a demo form really sends.
if not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
