"""Scale the demo content up for ``make bench``: about a hundred times the demo.

``python bench/scale_content.py`` (with the same environment as the server: DATABASE_URL,
DJANGO_SETTINGS_MODULE...) adds, under the demo's Spanish sections:

- 100 budget sheets (``FichaCiudadanaPage``) of 30 budget lines each;
- 500 commitments (``CompromisoPage``) with 10 milestones each;
- 300 participation bodies (``InstanciaPage``) with 20 sessions each;
- 20 000 citizen requests (``CitizenRequest``).

Pages are created through Wagtail's tree API (``add_child``), live, one by one; their
children (milestones, sessions) and the citizen requests go in with ``bulk_create``.
Idempotent: whatever already exists (slugs ``bench-…``) is kept, and only what is missing
is added. Run the demo loader (``load_demo_content``) first.
"""

import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

SHEETS, LINES = 100, 30
COMMITMENTS, MILESTONES = 500, 10
BODIES, SESSIONS = 300, 20
REQUESTS = 20_000


def setup_django():
    """Make the project importable and configure Django from the environment."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()


def budget_body(number):
    """Raw StreamField data of a sheet with ``LINES`` budget lines (amounts in M$)."""
    rng = random.Random(number)
    lines = []
    for index in range(LINES):
        approved = rng.randint(10_000, 9_000_000)
        lines.append(
            {
                "type": "item",
                "id": f"00000000-0000-4000-8000-{number:06d}{index:06d}",
                "value": {
                    "code": f"{index + 1:02d}",
                    "name": f"Línea presupuestaria {index + 1}",
                    "description": "Descripción en lenguaje claro de esta línea del presupuesto regional.",
                    "who_may_apply": "",
                    "approved": approved,
                    "executed": int(approved * rng.uniform(0.5, 1.0)),
                    "components": [],
                },
            }
        )
    return json.dumps(
        [
            {"type": "heading", "value": {"text": "Cómo leer esta ficha", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Montos en miles de pesos (M$).</p>"},
            {
                "type": "budget_table",
                "value": {"title": "Ejecución presupuestaria", "lines": lines, "note": "Datos de prueba de carga."},
            },
        ]
    )


def missing_numbers(parent, prefix, total):
    """The numbers 0..total-1 whose page ``{prefix}{n:04d}`` is not yet under ``parent``."""
    existing = set(parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True))
    return [n for n in range(total) if f"{prefix}{n:04d}" not in existing]


def add_pages(parent, numbers, build):
    """Add one live page per number under ``parent`` through the tree API; returns them."""
    parent = parent.specific
    pages = []
    for number in numbers:
        page = build(number)
        page.live = True
        page.locale_id = parent.locale_id
        parent.add_child(instance=page)
        parent.refresh_from_db()  # the tree API needs the parent's fresh numchild
        pages.append(page)
    return pages


def scale_fichas(home, total=SHEETS):
    """Budget sheets of ``LINES`` lines under the demo's sheet index, up to ``total``."""
    from fichas.models import FichaCiudadanaPage, FichasIndexPage

    index = FichasIndexPage.objects.child_of(home).get()

    def build(n):
        return FichaCiudadanaPage(
            title=f"Ficha de carga {n:03d}",
            slug=f"bench-ficha-{n:04d}",
            year=2000 + n // 2,
            programme_number=f"{n % 2 + 1:02d}",
            programme_name="Gastos de Funcionamiento" if n % 2 == 0 else "Inversión Regional",
            introduction="<p>Ficha generada para medir el rendimiento del sitio.</p>",
            body=budget_body(n),
        )

    return len(add_pages(index, missing_numbers(index, "bench-ficha-", total), build))


def scale_programa(home, total=COMMITMENTS):
    """Commitments with ``MILESTONES`` milestones each under the programme index, up to ``total``."""
    from programa_gobierno.models import CompromisoPage, Hito, ProgramaIndexPage, Tema

    index = ProgramaIndexPage.objects.child_of(home).get()
    temas = list(Tema.objects.filter(locale_id=home.locale_id))
    start = datetime.date(2023, 3, 1)

    def build(n):
        return CompromisoPage(
            title=f"Compromiso de carga {n:03d}",
            slug=f"bench-compromiso-{n:04d}",
            summary="Compromiso generado para medir el rendimiento del sitio.",
            tema=temas[n % len(temas)],
            problem="Problema público de prueba.",
            description="<p>Descripción de prueba.</p>",
            lead_institution="División de Planificación",
            start_date=start,
            end_date=start + datetime.timedelta(days=365 + n),
        )

    pages = add_pages(index, missing_numbers(index, "bench-compromiso-", total), build)
    hitos = []
    for page in pages:
        done = page.pk % (MILESTONES + 1)
        for order in range(MILESTONES):
            due = start + datetime.timedelta(days=30 * (order + 1))
            hitos.append(
                Hito(
                    page=page,
                    locale_id=page.locale_id,
                    title=f"Hito {order + 1}",
                    due_date=due,
                    completed_on=due if order < done else None,
                    evidence_url="https://www.gobiernosantiago.cl/" if order < done else "",
                    evidence_description="Evidencia de prueba" if order < done else "",
                    weight=1,
                    sort_order=order,
                )
            )
    Hito.objects.bulk_create(hitos, batch_size=2000)
    for page in pages:  # progress and status as the pages compute them on save
        page.refresh_progress()
        CompromisoPage.objects.filter(pk=page.pk).update(progress=page.progress, status=page.status)
    return len(pages)


def scale_participacion(home, total=BODIES):
    """Participation bodies with ``SESSIONS`` sessions each, up to ``total``."""
    from django.utils import timezone

    from participacion import listing
    from participacion.models import InstanciaPage, InstanciaSession, ParticipacionIndexPage

    index = ParticipacionIndexPage.objects.child_of(home).get()
    types = [value for value, _label in listing.type_choices()]

    def build(n):
        return InstanciaPage(
            title=f"Instancia de carga {n:03d}",
            slug=f"bench-instancia-{n:04d}",
            type=types[n % len(types)],
            summary="Instancia generada para medir el rendimiento del sitio.",
            purpose="<p>Propósito de prueba.</p>",
        )

    pages = add_pages(index, missing_numbers(index, "bench-instancia-", total), build)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    sessions = [
        InstanciaSession(
            page=page,
            locale_id=page.locale_id,
            title=f"Sesión {order + 1}",
            starts_at=now + datetime.timedelta(days=30 * (order - SESSIONS // 2), hours=page.pk % 8),
            place="Sala del Consejo Regional",
            agenda="Lectura del acta anterior\nCuenta\nVarios",
            attendance=10 + order,
            sort_order=order,
        )
        for page in pages
        for order in range(SESSIONS)
    ]
    InstanciaSession.objects.bulk_create(sessions, batch_size=2000)
    return len(pages)


def scale_contacto(total=REQUESTS):
    """Citizen requests (``BENCH-…`` codes) up to ``total``, in one bulk insert."""
    import hashlib

    from django.utils import timezone

    from contacto.communes import COMMUNE_CHOICES
    from contacto.models import CitizenRequest, RequestStatus, RequestType

    year = 2021  # the demo's own requests use other years: no clash with the (year, number) pair
    existing = CitizenRequest.objects.filter(code__startswith="BENCH-").count()
    types, statuses = RequestType.values, RequestStatus.values
    communes = [value for value, _label in COMMUNE_CHOICES]
    start = timezone.now() - datetime.timedelta(days=720)
    requests = []
    for n in range(existing, total):
        created = start + datetime.timedelta(minutes=50 * n)
        answered = statuses[n % len(statuses)] in {"respondida", "cerrada"}
        requests.append(
            CitizenRequest(
                code=f"BENCH-{n:06d}",
                year=year,
                number=900_000 + n,
                request_type=types[n % len(types)],
                status=statuses[n % len(statuses)],
                name="Persona de prueba",
                email=f"persona{n}@example.org",
                comuna=communes[n % len(communes)],
                subject="Solicitud de prueba de carga",
                message="Mensaje de prueba.",
                consent_at=created,
                submission_digest=hashlib.sha256(f"bench{n}".encode()).hexdigest(),
                created_at=created,
                received_on=created.date(),
                due_on=created.date() + datetime.timedelta(days=15),
                answered_at=created + datetime.timedelta(days=n % 20) if answered else None,
            )
        )
    CitizenRequest.objects.bulk_create(requests, batch_size=2000)
    return len(requests)


def main():
    """Scale everything up to the issue's sizes, printing how long each part took."""
    setup_django()
    from wagtail.models import Locale

    from home.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
    for name, step in [
        ("fichas", lambda: scale_fichas(home)),
        ("compromisos", lambda: scale_programa(home)),
        ("instancias", lambda: scale_participacion(home)),
        ("solicitudes", scale_contacto),
    ]:
        started = time.monotonic()
        added = step()
        print(f"{name}: {added} nuevas en {time.monotonic() - started:.1f} s", flush=True)
    from pagecache import core

    core.purge()


if __name__ == "__main__":
    main()
