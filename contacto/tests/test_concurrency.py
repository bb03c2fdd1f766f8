"""Tracking codes stay unique under concurrent submissions, and every submission is stored.

Runs on PostgreSQL only (SQLite serialises writers, so there is no race to
test): 200 submissions from 20 threads, each with its own connection, released
together by a barrier. The test database is flushed after this transactional
test, so it creates everything it needs itself (it needs no page).
"""

import threading

import pytest
from django.db import connection

from contacto import services
from contacto.models import CitizenRequest, OutgoingMail

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 20
PER_THREAD = 10


def test_200_concurrent_submissions_get_distinct_codes():
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            for number in range(PER_THREAD):
                services.submit_request(
                    data={
                        "request_type": ["consulta", "reclamo", "sugerencia", "felicitacion"][number % 4],
                        "name": f"Persona {index}",
                        "email": f"persona{index}@example.org",
                        "phone": "",
                        "comuna": "santiago",
                        "subject": f"Solicitud {index}-{number}",
                        "message": "Mensaje de prueba de concurrencia.",
                    }
                )
        except Exception as error:  # collected and reported by the main thread
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert errors == []
    total = THREADS * PER_THREAD
    codes = list(CitizenRequest.objects.values_list("code", flat=True))
    assert len(codes) == total
    assert len(set(codes)) == total
    numbers = sorted(CitizenRequest.objects.values_list("number", flat=True))
    assert numbers == list(range(numbers[0], numbers[0] + total))  # no gaps, no duplicates
    assert OutgoingMail.objects.filter(recipients__startswith="persona").count() == total
