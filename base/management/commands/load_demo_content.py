"""Build the whole demo site from the seed document. Idempotent: a second run changes nothing."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page, Site

from base import demo as demo_module
from base.demo import english_mapping, load_content, spanish, translate
from base.models import SiteSettings, SiteTexts
from home import demo as home_demo

# Area apps whose demo.load(home) builds their section, in menu order.
AREA_APPS = [
    "fichas",
    "programa_gobierno",
    "participacion",
    "contacto",
    "search",
    "base.demo_pages",
    "base.demo_redirects",
]

# What people read in the header and footer (a translatable ``SiteTexts`` snippet, made English
# through wagtail-localize) and the settings that are the same in every language.
BASE_CONTENT = load_content(demo_module.__file__)
SITE_TEXTS = spanish(BASE_CONTENT["site_texts"])
SITE_TEXTS_ENGLISH = english_mapping(BASE_CONTENT["site_texts"])
SITE_SETTINGS = BASE_CONTENT["site_settings"]


class Command(BaseCommand):
    help = "Carga el contenido de demostración (idempotente)."

    def handle(self, *args, **options):
        # No transaction around the whole load: wagtail-localize publishes translations in
        # on_commit hooks, and a parent's deferred publish would overwrite the tree counters
        # its children updated in the meantime. Every step is get-or-create, so a re-run
        # after a failure completes the site.
        home = self.load_site()
        home_demo.load_model(home)
        for module_name in AREA_APPS:
            module = self.demo_module(module_name)
            if module is not None:
                module.load(home)
        home_demo.link_initiatives(home)
        home_demo.add_tasks(home)
        home_demo.translate_model(home)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Contenido de demostración cargado."))

    def demo_module(self, name):
        """The app's demo module, or None while the app has no demo content yet."""
        module_name = name if "." in name else f"{name}.demo"
        try:
            return importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                return None
            raise

    def load_site(self):
        """Locales, the Spanish home page (replacing Wagtail's welcome page), the site and its settings."""
        spanish, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Locale.objects.get_or_create(language_code="en")
        root = Page.get_first_root_node()
        home = home_demo.load_home(root, spanish)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        if site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "Gobierno Abierto"
            site.save()
            if old_root.specific_class is Page and not old_root.get_children().exists():
                old_root.delete()
        site_settings = SiteSettings.for_site(site)
        if not site_settings.email:
            for field, value in SITE_SETTINGS.items():
                setattr(site_settings, field, value)
            site_settings.save()
        self.load_site_texts(site_settings, spanish)
        translate(home, home_demo.english_mapping())
        return home

    def load_site_texts(self, site_settings, spanish):
        """The Spanish header and footer texts (once, or filled in when empty) and their English translation."""
        texts = site_settings.texts
        if texts is None:
            texts = SiteTexts.objects.create(locale=spanish, **SITE_TEXTS)
            site_settings.texts = texts
            site_settings.save(update_fields=["texts"])
        elif not texts.address:  # e.g. copied by migration from settings that were never filled in
            for field, value in SITE_TEXTS.items():
                setattr(texts, field, value)
            texts.save()
        translate(texts, SITE_TEXTS_ENGLISH)
