"""Slowing receipt guessing without knowing who guesses, and without ever locking a reporter out.

A receipt is one of 10^16 numbers. Locking receipt sign-in for everyone after some failures
protects little against such odds and lets one person silence every reporter; keying a limit
on the client's address is ruled out, since the channel never learns it
(``ForgetClientMiddleware``). So receipt sign-in is never refused: every attempt is delayed
instead, before the receipt is checked (so a right receipt waits like a wrong one, and the
delay reveals nothing), by the larger of

- this browser's delay: free for the first few failures of its session, then doubling with
  each further failure, and
- everyone's delay: one second more for every ``DENUNCIAS_GLOBAL_DELAY_STEP`` failures in the
  last ``DENUNCIAS_LOCKOUT_MINUTES`` (bare timestamps in ``ReceiptLoginFailure``), which slows
  a guesser who drops cookies,

capped at ``DENUNCIAS_MAX_DELAY_SECONDS``. Each attempt also costs a slow password hash. A
reporter who types the right receipt always gets in, a few seconds later at worst.

The handlers' sign-in (``/gestion/``) is different: a password and a TOTP code, so a lock per
account is kept there (``handler_lockout_remaining``), next to the one per browser session.
"""

import hashlib
import hmac
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

SESSION_KEY = "denuncias_fallos"
# The wait itself, a module attribute so that tests can observe it instead of sleeping.
sleep = time.sleep


def lockout_remaining(failures: list[datetime], limit: int, window: timedelta, now: datetime) -> timedelta | None:
    """Time left in a lockout, or None when not locked.

    Locked when at least ``limit`` failures happened within ``window`` before
    ``now``; the lock lasts until the oldest of those leaves the window.
    """
    recent = sorted(moment for moment in failures if now - window < moment <= now)
    if limit <= 0 or len(recent) < limit:
        return None
    return recent[-limit] + window - now


def delay_seconds(session_failures: int, global_failures: int, free: int, step: int, cap: float) -> float:
    """Seconds to wait before checking a receipt (see the module docstring).

    A session's first ``free`` failures cost nothing; after them the next attempt waits 1 s,
    then 2, 4, 8…; ``global_failures`` add one second per ``step``; the larger of both, at
    most ``cap``.
    """
    extra = session_failures - free
    own = 0.0 if extra < 0 else float(2 ** min(extra, 16))
    everyone = float(global_failures // step) if step > 0 else 0.0
    return min(cap, max(own, everyone))


def _window():
    return timedelta(minutes=settings.DENUNCIAS_LOCKOUT_MINUTES)


def _session_failures(session, now, window):
    moments = [datetime.fromisoformat(value) for value in session.get(SESSION_KEY, [])]
    return [moment for moment in moments if now - moment < window]


def receipt_delay(session, now=None) -> float:
    """The delay for this browser's next receipt attempt, in seconds."""
    from .models import ReceiptLoginFailure

    now = now or timezone.now()
    window = _window()
    cap = settings.DENUNCIAS_MAX_DELAY_SECONDS
    step = settings.DENUNCIAS_GLOBAL_DELAY_STEP
    # Counting stops where the cap is reached: the query never grows with an attack.
    enough = int(step * (cap + 1)) if step > 0 else 0
    recent = ReceiptLoginFailure.objects.filter(created_at__gt=now - window).order_by()[:enough].count()
    own = len(_session_failures(session, now, window))
    return delay_seconds(own, recent, settings.DENUNCIAS_SESSION_FAILURE_LIMIT, step, cap)


def slow_down(session, now=None) -> float:
    """Wait this browser's delay before a receipt is checked; the seconds waited."""
    seconds = receipt_delay(session, now)
    if seconds > 0:
        sleep(seconds)
    return seconds


def record_failure(session, now=None):
    """Count one failed receipt login, in the session and globally; forget expired failures."""
    from .models import ReceiptLoginFailure

    now = now or timezone.now()
    window = _window()
    kept = _session_failures(session, now, window)
    session[SESSION_KEY] = [moment.isoformat() for moment in [*kept, now]]
    ReceiptLoginFailure.objects.create(created_at=now)
    ReceiptLoginFailure.objects.filter(created_at__lte=now - window).delete()


def clear(session):
    """Forget this session's failures after a successful login."""
    session.pop(SESSION_KEY, None)


# --- Handlers' sign-in --------------------------------------------------------


def account_key(username: str) -> str:
    """A keyed hash of a typed user name: what the per-account lock stores instead of the name.

    What is typed into the user-name box is sometimes a password; the table keeps nothing
    readable. Case-insensitive, as people type their names both ways.
    """
    normalized = username.strip().casefold().encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"handler-login:" + normalized, hashlib.sha256).hexdigest()


def handler_lockout_remaining(username: str, session_failures: list[datetime], now=None) -> timedelta | None:
    """Time left before this account (or this browser) may try to sign in again; None if it may now."""
    from .models import HandlerLoginFailure

    now = now or timezone.now()
    window = _window()
    account_failures = list(
        HandlerLoginFailure.objects.filter(account=account_key(username), created_at__gt=now - window).values_list(
            "created_at", flat=True
        )
    )
    waits = [
        lockout_remaining(account_failures, settings.DENUNCIAS_ACCOUNT_FAILURE_LIMIT, window, now),
        lockout_remaining(session_failures, settings.DENUNCIAS_SESSION_FAILURE_LIMIT, window, now),
    ]
    waits = [wait for wait in waits if wait is not None]
    return max(waits) if waits else None


def record_handler_failure(username: str, now=None):
    """Count one failed handler sign-in against the account typed (existing or not); forget old ones."""
    from .models import HandlerLoginFailure

    now = now or timezone.now()
    HandlerLoginFailure.objects.create(account=account_key(username), created_at=now)
    HandlerLoginFailure.objects.filter(created_at__lte=now - _window()).delete()


def clear_handler_failures(username: str):
    """Forget an account's failures after it signed in with both factors."""
    from .models import HandlerLoginFailure

    HandlerLoginFailure.objects.filter(account=account_key(username)).delete()
