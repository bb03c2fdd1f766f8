"""``manage.py import_budget_sheet FILE --year 2024 --programme 01 [--publish]``: a sheet's lines from a spreadsheet.

Reads the file with ``fichas.importer``, prints the same preview the admin shows
(lines, computed execution, totals and their differences, problems by row), and
saves only a valid file: a draft revision, published only with ``--publish``.
Creates the sheet under the Fichas Ciudadanas index when the year and programme
have none. Exits non-zero (CommandError) on an invalid file.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from fichas.importer import MAX_FILE_BYTES, read_budget_file, too_large_message
from fichas.models import FichasIndexPage
from fichas.notices import budget_notices
from fichas.sheet_import import create_sheet, current_table_and_body, find_sheet, save_import
from fichas.templatetags.fichas_tags import monto, porcentaje


class Command(BaseCommand):
    help = "Importa las líneas de una ficha ciudadana desde una planilla XLSX o CSV (crea un borrador)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Planilla .xlsx o .csv (formato DIPRES o datos.csv/datos.xlsx del sitio).")
        parser.add_argument("--year", type=int, required=True, help="Año presupuestario, por ejemplo 2024.")
        parser.add_argument("--programme", required=True, help="Número de programa con dos cifras: 01 o 02.")
        parser.add_argument("--name", default="", help="Nombre del programa, si la ficha es nueva y no es 01 ni 02.")
        parser.add_argument("--publish", action="store_true", help="Publicar la ficha además de guardar el borrador.")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        year, number = options["year"], options["programme"]
        if not (2000 <= year <= 2100):
            raise CommandError("El año debe estar entre 2000 y 2100.")
        if not (len(number) == 2 and number.isdigit()):
            raise CommandError("Escriba el número de programa con dos cifras, por ejemplo 01.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No se encontró el archivo {path}.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CommandError(too_large_message(size))
        parsed = read_budget_file(path.read_bytes(), path.name)

        index = FichasIndexPage.objects.filter(locale=Locale.get_default()).first()
        if index is None:
            raise CommandError("No existe el índice de Fichas Ciudadanas: cree primero esa página.")
        sheet = find_sheet(index, year, number)
        current = current_table_and_body(sheet)[0] if sheet else None
        self.print_preview(parsed, current)
        if not parsed.is_valid:
            raise CommandError("El archivo tiene problemas: no se guardó nada.")

        created = sheet is None
        if created:
            sheet = create_sheet(index, year, number, options["name"] or None)
        revision = save_import(sheet, parsed, publish=options["publish"])
        action = "Ficha creada" if created else "Ficha actualizada"
        state = "publicada" if options["publish"] else "borrador guardado, pendiente de aprobación"
        self.stdout.write(self.style.SUCCESS(f"{action}: «{sheet.title}» ({state}, revisión {revision.pk})."))

    def print_preview(self, parsed, current_table):
        """The admin's preview, as text."""
        current_table = current_table or {}
        computed = parsed.to_budget(current_table.get("official_approved"), current_table.get("official_executed"))
        write = self.stdout.write
        if parsed.lines and not parsed.errors:  # unreadable amounts would show as 0
            write("Vista previa (M$: presupuesto vigente / devengado / ejecución):")
            for line in computed.lines:
                for item, indent in [(line, "  "), *((component, "    ") for component in line.components)]:
                    write(
                        f"{indent}{item.label}: {monto(item.approved)} / {monto(item.executed)} / "
                        f"{porcentaje(item.execution_rate)}"
                    )
            write(
                f"  Total: {monto(computed.approved)} / {monto(computed.executed)} / "
                f"{porcentaje(computed.execution_rate)}"
            )
            if computed.has_official_totals:
                write(f"  Total oficial: {monto(computed.official_approved)} / {monto(computed.official_executed)}")
            differences, over_executions = budget_notices(computed)
            for message in differences + over_executions:
                write(f"  Aviso: {message}")
        for problem in parsed.warnings:
            write(f"Aviso: {problem}")
        for problem in parsed.errors:
            self.stderr.write(f"Error: {problem}")
