"""WSGI entry point of the ``denuncias`` deployment: ``gunicorn config.wsgi_denuncias:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.denuncias")

application = get_wsgi_application()
