"""Where a cold render's time goes: ``bench/profile_page.py PATH [PATH...]``.

Renders each path in this process with the bench's production settings (its database,
Redis, the page cache off, the layout fragments on), through Django's full handler and
middleware, and prints, per path:

- the median wall time of ``--repeat`` renders after ``--warmup`` ones;
- the SQL queries of one render;
- a cProfile of ``--repeat`` renders, its own time grouped by package (``--top`` functions).

Run ``make bench`` once first (it creates and scales the bench database). Environment:
``BENCH_DATABASE_URL`` and ``BENCH_REDIS_URL``, as in ``bench/run.py``.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup():
    from bench.run import environment

    os.environ.update(environment(page_cache=False))
    os.environ["CONN_MAX_AGE"] = "600"
    import django

    django.setup()


def package_of(filename):
    """A short label for the package a profiled function lives in."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0]
    if filename.startswith(str(ROOT)):
        return "project:" + filename[len(str(ROOT)) + 1 :].split("/", 1)[0]
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    return "stdlib"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    setup()

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for path in args.paths:
        for _ in range(args.warmup):
            assert client.get(path).status_code == 200, path
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        print(f"\n== {path}: median {statistics.median(times):.2f} ms, min {min(times):.2f} ms ({args.repeat} renders)")
        print(f"   {len(queries)} queries:")
        for query in queries:
            print(f"   {query['sql'][:150]}")

        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.repeat):
            client.get(path)
        profile.disable()
        stats = pstats.Stats(profile)
        by_package = defaultdict(float)
        for (filename, _line, _name), (_cc, _nc, own, _cum, _callers) in stats.stats.items():
            by_package[package_of(filename)] += own
        total = sum(by_package.values())
        print(f"   own time by package (profiled, {total / args.repeat * 1000:.1f} ms a render):")
        for package, own in sorted(by_package.items(), key=lambda item: -item[1])[:15]:
            print(f"   {own / args.repeat * 1000:6.2f} ms  {package}")
        print("   top functions by cumulative time:")
        stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
