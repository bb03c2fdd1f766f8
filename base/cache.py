"""A Redis cache whose failures are not fatal.

Django's ``RedisCache`` raises when Redis is unreachable, which would turn every cached
page fragment into a 500 while Redis restarts. ``ResilientRedisCache`` behaves like
django-redis's ``IGNORE_EXCEPTIONS``: a connection or timeout error is logged (once per
``LOG_INTERVAL`` seconds, without keys or values) and the call answers as a cache miss,
so pages are computed from the database instead. ``ping()`` still raises, for ``/healthz``.
It also reuses one Redis client per connection pool (``ReusedClientRedisCacheClient``).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
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


class ResilientRedisCache(RedisCache):
    """``RedisCache`` that degrades to "always a miss" while Redis is down."""

    LOG_INTERVAL = 60

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._last_logged = 0.0

    def _failed(self, operation, error, default):
        now = time.monotonic()
        if now - self._last_logged >= self.LOG_INTERVAL:
            self._last_logged = now
            logger.warning("Cache unavailable (%s during %s); serving without cache.", type(error).__name__, operation)
        return default

    def ping(self):
        """Raise if Redis does not answer (used by the health check, never swallowed)."""
        return self._cache.get_client(write=True).ping()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except CACHE_ERRORS as error:
            return self._failed("add", error, False)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except CACHE_ERRORS as error:
            return self._failed("get", error, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except CACHE_ERRORS as error:
            return self._failed("set", error, None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except CACHE_ERRORS as error:
            return self._failed("touch", error, False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except CACHE_ERRORS as error:
            return self._failed("delete", error, False)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except CACHE_ERRORS as error:
            return self._failed("get_many", error, {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except CACHE_ERRORS as error:
            return self._failed("has_key", error, False)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except CACHE_ERRORS as error:
            # A missing counter raises ValueError in every backend; callers already handle it.
            self._failed("incr", error, None)
            raise ValueError("Key not available: the cache is down.") from error

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except CACHE_ERRORS as error:
            return self._failed("set_many", error, list(data))

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except CACHE_ERRORS as error:
            return self._failed("delete_many", error, None)

    def clear(self):
        try:
            return super().clear()
        except CACHE_ERRORS as error:
            return self._failed("clear", error, False)
