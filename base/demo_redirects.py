"""Demo content owned by the base app: short addresses people type or read aloud.

Each app names its short addresses in its ``AppConfig.short_addresses`` (address -> page model),
e.g. ``/contacto/``, ``/fichas/``, ``/programa/`` and ``/denuncias/``; they lead to their sections through
Wagtail's redirects (``wagtail.contrib.redirects``), which editors manage under *Configuración →
Redirecciones*. Each redirect points at the page itself, not at its address, so it follows the
page when it is moved or renamed. A redirect only answers where no page does, so a real page at
one of these addresses always wins. Runs after the area apps (see ``load_demo_content``).
"""

from django.apps import apps
from django.conf import settings
from wagtail.contrib.redirects.models import Redirect


def short_addresses():
    """Short address -> the model of the (Spanish) page it leads to, from every project app."""
    addresses = {}
    for label in settings.PROJECT_APPS:
        config = apps.get_app_config(label)
        for short, model_name in getattr(config, "short_addresses", {}).items():
            addresses[short] = config.get_model(model_name)
    return addresses


def load(home):
    """Create the missing short-address redirects; existing ones (and editors' changes) stay as they are."""
    for short, model in short_addresses().items():
        old_path = Redirect.normalise_path(short)
        page = model.objects.descendant_of(home).live().first()
        if page is not None and not Redirect.objects.filter(old_path=old_path).exists():
            Redirect.objects.create(old_path=old_path, redirect_page=page, is_permanent=True)
