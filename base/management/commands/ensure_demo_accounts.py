"""Create the demo accounts once each and print each password that one time.

Three accounts show the real workflow without creating users by hand:

- ``redactora``: only in Comunicaciones; edits and submits for moderation, cannot publish.
- ``aprobadora``: only in Aprobadores; approves (publishes) what is submitted. Not a superuser,
  so no second step unless she turns it on from her account page.
- ``editora``: Comunicaciones, Aprobadores and Atención Ciudadana, the all-round account the
  citizen-service demo uses (kept as it was).

Accounts that already exist are left alone (their password was shown when they were created).
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from base.roles import APPROVERS, EDITORS

DEMO_ACCOUNTS = [
    {
        "username": "redactora",
        "first_name": "Redactora",
        "groups": [EDITORS],
        "role": "edita y envía a aprobación (no publica)",
    },
    {
        "username": "aprobadora",
        "first_name": "Aprobadora",
        "groups": [APPROVERS],
        "role": "aprueba y publica",
    },
    {
        "username": "editora",
        "first_name": "Editora",
        "groups": [EDITORS, APPROVERS, "Atención Ciudadana"],
        "role": "edita, publica y atiende solicitudes ciudadanas",
    },
]


class Command(BaseCommand):
    help = "Crea las cuentas de demostración (una sola vez cada una) e imprime sus contraseñas."

    def handle(self, *args, **options):
        User = get_user_model()
        for account in DEMO_ACCOUNTS:
            username = account["username"]
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"La cuenta de demostración «{username}» ya existe (contraseña mostrada al crearla).")
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                password=password,
                first_name=account["first_name"],
                last_name="Demo",
            )
            user.groups.set(Group.objects.filter(name__in=account["groups"]))
            self.stdout.write(self.style.SUCCESS(f"Cuenta de demostración creada: {account['role']}."))
            self.stdout.write(f"  usuario:    {username}")
            self.stdout.write(f"  contraseña: {password}   (se muestra solo esta vez)")
        self.stdout.write("Administración en /admin/.")
