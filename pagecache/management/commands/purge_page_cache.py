"""``manage.py purge_page_cache``: make every cached page stale (after bulk updates, for example)."""

from django.core.management.base import BaseCommand

from pagecache import core


class Command(BaseCommand):
    help = "Vacía la caché de páginas (cambia la versión del contenido)."

    def handle(self, *args, **options):
        core.purge()
        self.stdout.write("Caché de páginas purgada.")
