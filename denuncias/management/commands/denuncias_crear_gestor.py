"""Create (or update) an ethics-committee handler with a TOTP device.

    python manage.py denuncias_crear_gestor ana --settings=config.settings.denuncias

The password is asked for (or read from DENUNCIAS_GESTOR_PASSWORD); the TOTP
secret is printed once as an ``otpauth://`` address and in base32, to be typed
or scanned into an authenticator app. Re-running it replaces the device.
"""

import base64
import getpass
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Crea o actualiza un gestor del Comité de Ética con su segundo factor TOTP."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--sin-nuevo-dispositivo", action="store_true", help="Conservar el dispositivo TOTP.")

    def handle(self, *args, username, sin_nuevo_dispositivo=False, **options):
        password = os.environ.get("DENUNCIAS_GESTOR_PASSWORD") or self._ask_password()
        user_model = get_user_model()
        user = user_model(username=username)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        with transaction.atomic():
            user, _created = user_model.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_active = True
            user.save()
            user.groups.add(Group.objects.get(name=settings.DENUNCIAS_HANDLER_GROUP))
            if sin_nuevo_dispositivo and TOTPDevice.objects.filter(user=user).exists():
                self.stdout.write(f"Gestor «{username}» actualizado; se conserva su dispositivo TOTP.")
                return
            TOTPDevice.objects.filter(user=user).delete()
            device = TOTPDevice.objects.create(user=user, name="Autenticador", confirmed=True)
        secret = base64.b32encode(device.bin_key).decode("ascii")
        self.stdout.write(f"Gestor «{username}» listo en el grupo «{settings.DENUNCIAS_HANDLER_GROUP}».")
        self.stdout.write("Configure su aplicación de autenticación (se muestra una sola vez):")
        self.stdout.write(f"  clave: {secret}")
        self.stdout.write(f"  dirección: {device.config_url}")

    def _ask_password(self):
        first = getpass.getpass("Contraseña: ")
        if first != getpass.getpass("Repita la contraseña: "):
            raise CommandError("Las contraseñas no coinciden.")
        return first
