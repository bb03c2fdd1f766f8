"""Build the whole demo site from the seed document. Idempotent: a second run changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page, Site

from base import demo as demo_module
from base import demo_pages, demo_redirects
from base.demo import demo_modules, english_mapping, load_content, spanish, translate
from base.models import SiteSettings, SiteTexts

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
        modules = demo_modules()
        home = self.load_site(modules)
        for module in modules:
            if hasattr(module, "load"):
                module.load(home)
        # base's own pages and the short addresses, once the sections they point at exist.
        demo_pages.load(home)
        demo_redirects.load(home)
        for module in modules:
            if hasattr(module, "finish"):
                module.finish(home)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Contenido de demostración cargado."))

    def load_site(self, modules):
        """Locales, the Spanish home page (replacing Wagtail's welcome page), the site and its settings.

        The home page comes from the one demo module with ``load_home(root, locale)``.
        """
        spanish, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Locale.objects.get_or_create(language_code="en")
        root = Page.get_first_root_node()
        (load_home,) = [module.load_home for module in modules if hasattr(module, "load_home")]
        home = load_home(root, spanish)
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
