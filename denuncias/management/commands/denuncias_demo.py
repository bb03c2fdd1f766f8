"""Demo data for a local channel (never for production): a handler and two reports.

    DJANGO_SETTINGS_MODULE=config.settings.denuncias DEBUG=1 python manage.py denuncias_demo

Prints the handler's password and TOTP secret and the reports' receipts once.
Refuses to run with DEBUG off. Idempotent for the handler; adds reports only
when there are none.
"""

import base64
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from denuncias import receipts
from denuncias.models import Category, Report
from denuncias.services import add_handler_message, submission_key_hash

DEMO_REPORTS = [
    {
        "category": Category.MISUSE,
        "description": "Un vehículo institucional se usa los fines de semana para fines particulares.",
        "when_where": "Sábados de octubre, estacionamiento del edificio central.",
        "people_involved": "Un encargado de la unidad de servicios generales.",
        "days_ago": 12,
    },
    {
        "category": Category.HARASSMENT,
        "description": "Una jefatura grita y humilla a su equipo en las reuniones semanales.",
        "when_where": "Reuniones de los lunes, desde agosto.",
        "people_involved": "",
        "days_ago": 2,
    },
]


class Command(BaseCommand):
    help = "Carga datos de demostración del Canal de Denuncias (solo con DEBUG)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("denuncias_demo solo funciona con DEBUG=1.")
        user_model = get_user_model()
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user, _ = user_model.objects.get_or_create(username="etica")
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=settings.DENUNCIAS_HANDLER_GROUP))
            TOTPDevice.objects.filter(user=user).delete()
            device = TOTPDevice.objects.create(user=user, name="Demo", confirmed=True)
        self.stdout.write(f"Gestor: etica / {password}")
        self.stdout.write(f"Clave TOTP (base32): {base64.b32encode(device.bin_key).decode()}")
        if Report.objects.exists():
            self.stdout.write("Ya hay denuncias; no se agregan más.")
            return
        for item in DEMO_REPORTS:
            receipt = receipts.new_receipt()
            report = Report.objects.create(
                category=item["category"],
                description=item["description"],
                when_where=item["when_where"],
                people_involved=item["people_involved"],
                receipt_hash=receipts.hash_receipt(receipt),
                receipt_hint=receipts.hint(receipt),
                submission_key=submission_key_hash(secrets.token_urlsafe(24)),
                received_at=timezone.now() - timedelta(days=item["days_ago"]),
            )
            if item["days_ago"] < 7:
                add_handler_message(report, user, "Acusamos recibo de su denuncia. ¿Puede indicar fechas?", False)
            self.stdout.write(f"Denuncia {report.pk}: código de recibo {receipts.grouped(receipt)}")
