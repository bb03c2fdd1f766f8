"""Delete closed reports kept longer than DENUNCIAS_RETENTION_DAYS, with their messages and files.

Run it daily (cron or a systemd timer). Each purge is written to the audit
log; the audit entries themselves are kept. Expired sessions and old failed
login counters are cleared too.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from denuncias import deadlines
from denuncias.models import AuditEntry, HandlerLoginFailure, ReceiptLoginFailure, Report, Status


def purge(today=None, retention_days=None, dry_run=False):
    """Purge due reports; returns the numbers of the reports purged (or that would be)."""
    today = today or timezone.localdate()
    retention_days = settings.DENUNCIAS_RETENTION_DAYS if retention_days is None else retention_days
    candidates = Report.objects.filter(status=Status.CLOSED, closed_at__isnull=False).only("pk", "closed_at")
    due = [r.pk for r in candidates if deadlines.purge_due(timezone.localdate(r.closed_at), retention_days, today)]
    if dry_run or not due:
        return due
    with transaction.atomic():
        for pk in due:
            # Messages and attachments go with the report (on_delete=CASCADE).
            Report.objects.filter(pk=pk).delete()
            AuditEntry.record(None, AuditEntry.Action.PURGED, pk, f"retención de {retention_days} días")
    return due


class Command(BaseCommand):
    help = "Elimina las denuncias cerradas cuyo plazo de retención venció, con sus mensajes y archivos."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dias", type=int, default=None, help="Plazo de retención en días (por defecto, el configurado)."
        )
        parser.add_argument("--simular", action="store_true", help="Solo informar qué se eliminaría.")

    def handle(self, *args, dias=None, simular=False, **options):
        due = purge(retention_days=dias, dry_run=simular)
        verb = "se eliminarían" if simular else "eliminadas"
        self.stdout.write(f"Denuncias {verb}: {len(due)}" + (f" ({', '.join(map(str, due))})" if due else ""))
        if not simular:
            now = timezone.now()
            Session.objects.filter(expire_date__lt=now).delete()
            expired = now - timedelta(minutes=settings.DENUNCIAS_LOCKOUT_MINUTES)
            ReceiptLoginFailure.objects.filter(created_at__lt=expired).delete()
            HandlerLoginFailure.objects.filter(created_at__lt=expired).delete()
