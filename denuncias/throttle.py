"""Slowing and locking out receipt guessing without knowing who guesses.

No address is stored, so failures are counted in two places: in the browser
session (a careless guesser is locked out after a few tries) and globally, as
bare timestamps in ``ReceiptLoginFailure`` (a guesser who drops cookies still
hits the global limit, which closes receipt logins for everyone for a while).
Each attempt also costs a slow password hash. While locked, even a correct
receipt is refused, so the lock reveals nothing.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

SESSION_KEY = "denuncias_fallos"


def lockout_remaining(failures: list[datetime], limit: int, window: timedelta, now: datetime) -> timedelta | None:
    """Time left in a lockout, or None when not locked.

    Locked when at least ``limit`` failures happened within ``window`` before
    ``now``; the lock lasts until the oldest of those leaves the window.
    """
    recent = sorted(moment for moment in failures if now - window < moment <= now)
    if limit <= 0 or len(recent) < limit:
        return None
    return recent[-limit] + window - now


def _window():
    return timedelta(minutes=settings.DENUNCIAS_LOCKOUT_MINUTES)


def _session_failures(session):
    return [datetime.fromisoformat(value) for value in session.get(SESSION_KEY, [])]


def remaining(session, now=None) -> timedelta | None:
    """Time left before receipt logins are accepted again for this browser (or for everyone)."""
    from .models import ReceiptLoginFailure

    now = now or timezone.now()
    window = _window()
    local = lockout_remaining(_session_failures(session), settings.DENUNCIAS_SESSION_FAILURE_LIMIT, window, now)
    limit = settings.DENUNCIAS_GLOBAL_FAILURE_LIMIT
    recent = list(
        ReceiptLoginFailure.objects.filter(created_at__gt=now - window)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    global_ = lockout_remaining(recent, limit, window, now)
    waits = [wait for wait in (local, global_) if wait is not None]
    return max(waits) if waits else None


def record_failure(session, now=None):
    """Count one failed receipt login, in the session and globally; forget expired failures."""
    from .models import ReceiptLoginFailure

    now = now or timezone.now()
    window = _window()
    kept = [moment for moment in _session_failures(session) if now - moment < window]
    session[SESSION_KEY] = [moment.isoformat() for moment in [*kept, now]]
    ReceiptLoginFailure.objects.create(created_at=now)
    ReceiptLoginFailure.objects.filter(created_at__lte=now - window).delete()


def clear(session):
    """Forget this session's failures after a successful login."""
    session.pop(SESSION_KEY, None)
