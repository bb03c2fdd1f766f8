"""Per-client rate limits of the contact form and the tracking look-up, kept in the cache.

Fixed windows: at most ``limit`` counted requests per ``window`` seconds for one client and
one action, where the client is ``base.clientip.client_key`` (the address behind our proxy,
IPv6 by /64), hashed so that no address is written to the cache.

The views count what they choose: ``consume`` counts and checks in one step (a bound on floods of
any POST), ``check`` only reads and ``record`` only counts (so that only accepted requests use
up a citizen's allowance, and junk posts lock nobody out).

Fail safe, not open: while the shared cache does not keep a count (Redis down: the cache
answers every read as a miss and drops every write, base/cache.py), the count goes to a small
in-process counter instead, and a limit reads the larger of the two. Each worker then still
holds every client to the limit on its own, instead of letting everything through.
"""

import hashlib
import math
import threading
import time

from django.core.cache import cache

from base.clientip import client_key as client_address_key

# The time windows are cut from; a module attribute so that tests can hold it still.
clock = time.time
# Enough for every client of a busy window; expired entries are dropped before growing beyond it.
LOCAL_MAX_ENTRIES = 50_000


class LocalCounter:
    """Thread-safe counts with an expiry, in this process's memory: the fallback of the shared cache.

    Bounded: past ``max_entries`` the expired entries are dropped, and if that is not enough
    the counter starts over (a flood of distinct clients cannot exhaust a worker's memory).
    """

    def __init__(self, max_entries=LOCAL_MAX_ENTRIES):
        self.max_entries = max_entries
        self._counts = {}
        self._lock = threading.Lock()

    def get(self, key, now):
        with self._lock:
            count, expires_at = self._counts.get(key, (0, now))
            return count if expires_at > now else 0

    def incr(self, key, expires_at, now):
        with self._lock:
            count, old_expiry = self._counts.get(key, (0, now))
            count = count + 1 if old_expiry > now else 1
            if key not in self._counts and len(self._counts) >= self.max_entries:
                self._counts = {k: v for k, v in self._counts.items() if v[1] > now}
                if len(self._counts) >= self.max_entries:
                    self._counts.clear()
            self._counts[key] = (count, expires_at)
            return count

    def clear(self):
        with self._lock:
            self._counts.clear()


local_counts = LocalCounter()


def client_key(request):
    """An opaque key for the client of ``request`` (a hash: no address is stored in the cache)."""
    return hashlib.sha256(client_address_key(request).encode()).hexdigest()[:32]


def _window(window, now):
    bucket = int(now // window)
    return bucket, (bucket + 1) * window


def _cache_key(action, key, bucket):
    return f"contacto:rl:{action}:{key}:{bucket}"


def seconds_left(window, now=None):
    """Seconds until the current window of ``window`` seconds ends (when a refused client may retry)."""
    now = clock() if now is None else now
    return max(1, math.ceil(_window(window, now)[1] - now))


def _shared_get(cache_key):
    try:
        return int(cache.get(cache_key) or 0)
    except Exception:  # any cache failure: the local count decides
        return 0


def _shared_incr(cache_key, timeout):
    """The shared count after adding one, or None when the shared cache did not keep it."""
    try:
        if cache.add(cache_key, 1, timeout=timeout):
            return 1
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr, or a cache that keeps nothing (down)
        try:
            cache.set(cache_key, 1, timeout=timeout)
            return 1 if cache.get(cache_key) == 1 else None
        except Exception:
            return None
    except Exception:  # a cache backend that raises instead of failing quietly
        return None


def count(action, key, window, now=None):
    """How many requests of ``action`` by ``key`` were counted in the current window."""
    now = clock() if now is None else now
    bucket, _end = _window(window, now)
    cache_key = _cache_key(action, key, bucket)
    return max(_shared_get(cache_key), local_counts.get(cache_key, now))


def record(action, key, window, now=None):
    """Count one request of ``action`` by ``key``; the count in the current window after it."""
    now = clock() if now is None else now
    bucket, end = _window(window, now)
    cache_key = _cache_key(action, key, bucket)
    shared = _shared_incr(cache_key, timeout=window + 1)
    if shared is None:
        return local_counts.incr(cache_key, expires_at=end, now=now)
    return max(shared, local_counts.get(cache_key, now))


def check(action, key, limit, window, now=None):
    """Seconds to wait if ``key`` already used up ``limit`` requests of ``action``; None if it may go on."""
    now = clock() if now is None else now
    if count(action, key, window, now) >= limit:
        return seconds_left(window, now)
    return None


def consume(action, key, limit, window, now=None):
    """Count one request and check it: seconds to wait if it went over ``limit``, None if within it."""
    now = clock() if now is None else now
    if record(action, key, window, now) > limit:
        return seconds_left(window, now)
    return None
