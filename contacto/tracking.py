"""Tracking codes: ``OAC-2026-000123``, one sequence per year, unique under concurrency.

The year's counter row is incremented with an UPDATE inside the caller's
transaction: PostgreSQL locks the row until commit, so concurrent submissions
queue on it and each reads its own number; SQLite serialises writers anyway.
"""

from django.db import IntegrityError, transaction
from django.db.models import F

from .records import TrackingSequence

PREFIX = "OAC"


def format_code(year, number):
    """The public code of request ``number`` of ``year``: ``OAC-2026-000123``."""
    return f"{PREFIX}-{year}-{number:06d}"


def normalise_code(text):
    """A code typed by a citizen, tidied (spaces removed, upper case); no validation."""
    return "".join((text or "").split()).upper()


def next_number(year):
    """Reserve and return the next number of ``year``. Must run inside a transaction."""
    for _attempt in range(5):
        updated = TrackingSequence.objects.filter(year=year).update(last_number=F("last_number") + 1)
        if updated:
            return TrackingSequence.objects.values_list("last_number", flat=True).get(year=year)
        try:
            # First request of the year: create the row; a concurrent creator makes us retry the UPDATE.
            with transaction.atomic():
                TrackingSequence.objects.create(year=year, last_number=1)
            return 1
        except IntegrityError:
            continue
    raise RuntimeError("could not reserve a tracking number")
