"""Command-line twin of the admin's "Avance de compromisos": milestones from a spreadsheet, as drafts.

    python manage.py import_programme_progress planilla.xlsx --user editora [--dry-run]

It reads and checks the file exactly as the admin does (``programa_gobierno.bulk``), prints
each change and each problem by row, and, unless ``--dry-run`` or a problem, saves one draft
revision per changed commitment in the name of ``--user`` and submits it to its workflow.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from programa_gobierno import bulk
from programa_gobierno.admin_views import can_update_in_bulk, programme_index


class Command(BaseCommand):
    help = "Actualiza hitos del Programa de Gobierno desde una planilla (.xlsx o .csv) como borradores en revisión."

    def add_arguments(self, parser):
        parser.add_argument("file", help="planilla descargada de «Avance de compromisos» y editada")
        parser.add_argument("--user", required=True, help="usuario que edita (debe poder editar las páginas)")
        parser.add_argument("--dry-run", action="store_true", help="solo mostrar los cambios, sin guardar")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No existe el archivo {path}.")
        user = get_user_model().objects.filter(username=options["user"]).first()
        index = programme_index()
        if index is None:
            raise CommandError("No hay un Programa de Gobierno en el sitio.")
        if user is None or not can_update_in_bulk(user, index):
            raise CommandError(f"El usuario «{options['user']}» no existe o no puede editar el Programa de Gobierno.")
        if path.stat().st_size > bulk.MAX_BYTES:
            raise CommandError(f"El archivo pesa más de {bulk.MAX_BYTES // 1024 // 1024} MB, el máximo.")
        try:
            rows = bulk.read_table(path.name, path.read_bytes())
        except bulk.FileRefused as refused:
            raise CommandError(refused.message) from None
        plan = bulk.plan_import(rows, index, user)
        for problem in plan.problems:
            self.stderr.write(f"Fila {problem.row}: {problem.message}")
        if not plan.is_valid:
            raise CommandError(f"{len(plan.problems)} problema(s) en el archivo. No se guardó nada.")
        for change in plan.changes:
            self.stdout.write(
                f"{change.title}: avance {change.progress_before} % → {change.progress_after} %, "
                f"estado {change.status_before_label} → {change.status_after_label}"
            )
            for milestone in change.milestones:
                for item in milestone.fields:
                    self.stdout.write(
                        f"  fila {milestone.row} · {milestone.title} · {item.label}: {item.before} → {item.after}"
                    )
        if not plan.changes:
            self.stdout.write("El archivo no cambia nada.")
            return
        if options["dry_run"]:
            self.stdout.write("Prueba (--dry-run): no se guardó nada.")
            return
        pages = bulk.apply_plan(plan.payload(), user)
        self.stdout.write(self.style.SUCCESS(f"{len(pages)} borrador(es) guardado(s) y enviado(s) a revisión."))
