"""``manage.py purge_page_cache``: make every cached page stale (after bulk updates, for example)."""

from django.core.management.base import BaseCommand, CommandError

from pagecache import core


class Command(BaseCommand):
    help = "Vacía la caché de páginas (cambia la versión del contenido)."

    def handle(self, *args, **options):
        if not core.purge():
            # This process ends here, so nothing would retry the purge later: say so.
            raise CommandError("No se pudo purgar la caché de páginas: la caché no responde. Vuelva a intentarlo.")
        self.stdout.write("Caché de páginas purgada.")
