"""A per-client rate limit kept in the cache (Redis in production, local memory in development).

Fixed windows: at most ``limit`` hits per ``window`` seconds for one client and
one action. The client is its address as seen by the server (REMOTE_ADDR); behind
a proxy, the proxy must set REMOTE_ADDR (e.g. through the WSGI server).
"""

import hashlib
import time

from django.core.cache import cache


def client_key(request):
    """An opaque key for the client of ``request`` (a hash: no address is stored in the cache)."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def hit(action, key, limit, window, now=None):
    """Count one hit of ``action`` by ``key``; True if it is within the limit, False if over it."""
    now = time.time() if now is None else now
    bucket = int(now // window)
    cache_key = f"contacto:rl:{action}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=window + 1)
            count = 1
    return count <= limit
