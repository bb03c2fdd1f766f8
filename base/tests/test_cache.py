"""The Redis cache backend: one Redis client per connection pool, shared by every thread."""

import os
import threading

import pytest

from base.cache import ResilientRedisCache

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache():
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        pytest.skip("REDIS_TEST_URL is not set (CI sets it: redis://127.0.0.1:6379/15)")
    cache = ResilientRedisCache(url, {"KEY_PREFIX": "test-client-reuse", "TIMEOUT": 30})
    yield cache
    cache.clear()


def test_every_call_reuses_the_pools_client(redis_cache):
    redis_cache.set("clave", "valor")
    first = redis_cache._cache.get_client(write=True)
    assert redis_cache.get("clave") == "valor"
    assert redis_cache.get_many(["clave", "otra"]) == {"clave": "valor"}
    assert redis_cache._cache.get_client(write=False) is first
    assert first.connection_pool is redis_cache._cache._get_connection_pool(True)


def test_the_shared_client_is_safe_across_threads(redis_cache):
    errors = []

    def work(number):
        try:
            for round_ in range(50):
                key = f"hilo-{number}-{round_}"
                redis_cache.set(key, (number, round_))
                assert redis_cache.get(key) == (number, round_)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    # One client, and its pool opened at most one connection per thread.
    pool = redis_cache._cache.get_client().connection_pool
    assert len(pool._available_connections) + len(pool._in_use_connections) <= len(threads)
