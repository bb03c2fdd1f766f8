"""Re-encrypt every encrypted value with the newest key (the first in DENUNCIAS_ENCRYPTION_KEYS).

Rotation: put a new key first in DENUNCIAS_ENCRYPTION_KEYS (keeping the old
ones after it), restart, run this command, then remove the old keys.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from denuncias.models import Attachment, Message, Report

ENCRYPTED = {
    Report: ["description", "when_where", "people_involved", "identity"],
    Message: ["body"],
    Attachment: ["filename", "content"],
}


def rotate_all(batch_size=100):
    """Decrypt with any key and re-encrypt with the newest; returns {model name: rows}. One transaction."""
    counts = {}
    with transaction.atomic():
        for model, fields in ENCRYPTED.items():
            count = 0
            for obj in model.objects.only("pk", *fields).iterator(chunk_size=batch_size):
                obj.save(update_fields=fields)
                count += 1
            counts[model._meta.verbose_name_plural] = count
    return counts


class Command(BaseCommand):
    help = "Vuelve a cifrar denuncias, mensajes, identidades y archivos con la clave más nueva."

    def handle(self, *args, **options):
        for name, count in rotate_all().items():
            self.stdout.write(f"{name}: {count} recifrados")
        self.stdout.write(self.style.SUCCESS("Listo. Ya puede retirar las claves antiguas."))
