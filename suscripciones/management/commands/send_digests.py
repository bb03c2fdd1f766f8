"""``manage.py send_digests``: queue the daily digests and purge unconfirmed requests (idempotent)."""

from django.core.management.base import BaseCommand

from suscripciones.digests import send_digests


class Command(BaseCommand):
    help = "Encola los resúmenes diarios de las suscripciones y borra las solicitudes no confirmadas."

    def handle(self, *args, **options):
        count = send_digests()
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"{count} resumen(es) en cola")
