"""Create the demo editor account once and print its password that one time."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

DEMO_USERNAME = "editora"
DEMO_GROUPS = ["Comunicaciones", "Aprobadores", "Atención Ciudadana"]


class Command(BaseCommand):
    help = "Crea la cuenta de editora de demostración (una sola vez) e imprime su contraseña."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(
                f"La cuenta de demostración «{DEMO_USERNAME}» ya existe (contraseña mostrada al crearla)."
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=DEMO_USERNAME,
            email="editora@example.org",
            password=password,
            first_name="Editora",
            last_name="Demo",
        )
        user.groups.set(Group.objects.filter(name__in=DEMO_GROUPS))
        self.stdout.write(self.style.SUCCESS("Cuenta de demostración creada (administración en /admin/)."))
        self.stdout.write(f"  usuario:    {DEMO_USERNAME}")
        self.stdout.write(f"  contraseña: {password}   (se muestra solo esta vez)")
