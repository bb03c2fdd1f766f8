"""A Redis cache whose failures are not fatal.

Django's ``RedisCache`` raises when Redis is unreachable, which would turn every cached
page fragment into a 500 while Redis restarts. ``ResilientRedisCache`` behaves like
django-redis's ``IGNORE_EXCEPTIONS``: a connection or timeout error is logged (once per
``LOG_INTERVAL`` seconds, without keys or values) and the call answers as a cache miss,
so pages are computed from the database instead. ``ping()`` still raises, for ``/healthz``.
It also reuses one Redis client per connection pool (``ReusedClientRedisCacheClient``).

django-redis itself is not used: with ``IGNORE_EXCEPTIONS`` it logs every failed call (a flood
of tracebacks per second during an outage) and its ``incr`` answers None where every Django
backend raises ValueError for a missing counter, which the rate limits rely on.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

CACHE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache operation, and building one sets up
    its table of some 170 response callbacks: a few hundred microseconds per call, several
    times per page. A ``redis.Redis`` is thread-safe (each command borrows a connection
    from the pool), so one per pool serves every thread of the process.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


def answer_while_down(name, fallback):
    """``RedisCache.<name>``, answering ``fallback(*args, **kwargs)`` when Redis cannot be reached."""
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def resilient(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except CACHE_ERRORS as error:
            self.log_outage(name, error)
            return fallback(*args, **kwargs)

    return resilient


def counter_unavailable(*args, **kwargs):
    """A missing counter raises ValueError in every backend; callers already handle it."""
    raise ValueError("Key not available: the cache is down.")


class ResilientRedisCache(RedisCache):
    """``RedisCache`` that degrades to "always a miss" while Redis is down."""

    LOG_INTERVAL = 60

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._last_logged = 0.0

    def log_outage(self, operation, error):
        now = time.monotonic()
        if now - self._last_logged >= self.LOG_INTERVAL:
            self._last_logged = now
            logger.warning("Cache unavailable (%s during %s); serving without cache.", type(error).__name__, operation)

    def ping(self):
        """Raise if Redis does not answer (used by the health check, never swallowed)."""
        return self._cache.get_client(write=True).ping()

    # Each operation and its answer while Redis is down: a miss, nothing stored, nothing deleted.
    add = answer_while_down("add", lambda *args, **kwargs: False)
    get = answer_while_down("get", lambda key, default=None, version=None: default)
    set = answer_while_down("set", lambda *args, **kwargs: None)
    touch = answer_while_down("touch", lambda *args, **kwargs: False)
    delete = answer_while_down("delete", lambda *args, **kwargs: False)
    get_many = answer_while_down("get_many", lambda *args, **kwargs: {})
    has_key = answer_while_down("has_key", lambda *args, **kwargs: False)
    incr = answer_while_down("incr", counter_unavailable)
    set_many = answer_while_down("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = answer_while_down("delete_many", lambda *args, **kwargs: None)
    clear = answer_while_down("clear", lambda *args, **kwargs: False)
