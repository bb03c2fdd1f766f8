"""Fixtures of the subscription tests: a followed commitment and body, the mail worker, helpers."""

import re

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_rate_limits(monkeypatch):
    """Rate limits live in the cache: every test starts clean, with the window clock held still."""
    from contacto import ratelimit

    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000 + 130)
    cache.clear()
    ratelimit.local_counts.clear()
    yield
    cache.clear()
    ratelimit.local_counts.clear()


@pytest.fixture
def commitment(home):
    """A live Spanish commitment of the demo site with at least three milestones still to complete."""
    from django.db.models import Count, Q

    from programa_gobierno.models import CompromisoPage

    return (
        CompromisoPage.objects.live()
        .filter(locale=home.locale)
        .annotate(open_milestones=Count("hitos", filter=Q(hitos__completed_on__isnull=True)))
        .filter(open_milestones__gte=3)
        .order_by("path")
        .first()
    )


@pytest.fixture
def body(home):
    """A live Spanish participation body of the demo site."""
    from participacion.models import InstanciaPage

    return InstanciaPage.objects.live().filter(locale=home.locale).order_by("path").first()


def link_in(message, path_part):
    """The first absolute link of ``message``'s plain text that contains ``path_part``, as a path."""
    match = re.search(rf"https?://[^/\s]+(\S*?{re.escape(path_part)}\S*)", message.body)
    assert match, f"no link with {path_part!r} in:\n{message.body}"
    return match.group(1)


def html_of(message):
    """The HTML alternative of ``message``."""
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")
