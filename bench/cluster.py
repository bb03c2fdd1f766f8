"""``make bench``, the cluster part: Varnish versus one node's page cache, a node killed, publish latency.

Starts ``scripts/cluster.sh`` (Varnish in front of two gunicorn nodes, production settings) on
loopback with the bench database, then, in one run:

1. Anonymous pages through Varnish, the same pages from one node's page cache (straight to the
   node, warm) and the static-file ceiling (whitenoise on that node): req/s, p50 and p99 (wrk,
   ``BENCH_CONNECTIONS`` connections, ``BENCH_SECONDS`` s each).
2. A node killed (SIGKILL, master and workers) a few seconds into a wrk run whose every request
   misses Varnish (a new query string each time, so each reaches a node): the errors clients saw,
   and the time from the kill until Varnish's probes take the node out (after which the survivor
   carries all traffic; before it, Varnish retries an idempotent request on the other node).
3. Publish-to-visible latency through Varnish: twenty publishes of a page's description, each
   timed from the end of ``publish()`` (the node's BAN is sent on commit) until Varnish serves
   the new text; the median.

``python bench/cluster.py`` runs it alone; ``bench/run.py`` runs it after its own phases.
Ports: ``BENCH_CLUSTER_PORT`` (Varnish, default 8094) and the next two (nodes).
"""

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    CONNECTIONS,
    DATABASE_URL,
    REDIS_URL,
    SECONDS,
    STATE,
    environment,
    log,
    static_file_url,
    wrk,
)

PORT = int(os.environ.get("BENCH_CLUSTER_PORT", "8094"))
VARNISH, NODE1, NODE2 = (f"http://127.0.0.1:{PORT + offset}" for offset in range(3))
PUBLISHES = int(os.environ.get("BENCH_PUBLISHES", "20"))
# Goal of issue 20: Varnish-served pages at least five times one node's warm figure.
VARNISH_RATIO_TARGET = 5.0

MISS_EVERY_TIME = """
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", wrk.path .. "?fallo=" .. math.random(1, 1000000000) .. "-" .. counter)
end
"""

PUBLISH_LOOP = """
import json, time, urllib.request, uuid
from wagtail.models import Page
page = Page.objects.get(pk={page_id}).specific
url = {url!r}
timings = []
for _ in range({count}):
    marker = "bench-" + uuid.uuid4().hex[:10]
    page.search_description = marker
    page.save_revision().publish()
    start = time.perf_counter()
    while marker not in urllib.request.urlopen(url, timeout=10).read().decode():
        if time.perf_counter() - start > 30:
            break
        time.sleep(0.01)
    timings.append(round((time.perf_counter() - start) * 1000, 1))
print(json.dumps(timings))
"""


def cluster_environment(state):
    env = environment(page_cache=True)
    env.pop("SERVE_PORT", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        CLUSTER_PORT=str(PORT),
        NODE1_PORT=str(PORT + 1),
        NODE2_PORT=str(PORT + 2),
        OBJECTSTORE_PORT=str(PORT + 3),
        CLUSTER_STATE=str(state),
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        CLUSTER_DEMO=os.environ.get("BENCH_CLUSTER_DEMO", "0" if (STATE / "content-ready").exists() else "1"),
        # As cluster.sh gives the nodes: the publish loop below bans as a node does.
        WAGTAILFRONTENDCACHE=json.dumps(
            {"varnish": {"BACKEND": "pagecache.varnish.VarnishBackend", "LOCATION": VARNISH}}
        ),
        PAGE_CACHE_SHARED_MAX_AGE="300",
    )
    env.pop("MEDIA_ROOT", None)
    return env


def manage(env, *args):
    output = subprocess.check_output(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.production"},
    )
    return json.loads(output.decode().strip().splitlines()[-1])


def wait_ready(url, process, timeout=1200):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("scripts/cluster.sh terminó antes de tiempo")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"el clúster no respondió en {timeout} s")


def wrk_at(base, path, **options):
    """``bench.run.wrk`` against another base URL."""
    from bench import run

    saved = run.BASE
    run.BASE = base
    try:
        return wrk(path, CONNECTIONS, **options)
    finally:
        run.BASE = saved


def pages_to_measure(env):
    return manage(
        env,
        "shell",
        "-c",
        "import json; from wagtail.models import Locale; from fichas.models import FichaCiudadanaPage; "
        "from programa_gobierno.models import ProgramaIndexPage as P; es = Locale.get_default(); "
        "sheet = FichaCiudadanaPage.objects.live().filter(locale=es).order_by('path').first(); "
        "prog = P.objects.live().filter(locale=es).first(); "
        "print(json.dumps({'home': '/', 'budget_sheet': sheet.url, "
        "'programme_index': prog.url, 'sheet_id': sheet.pk}))",
    )


def backend_sick(state, name):
    """True once Varnish's probes have marked backend ``name`` sick."""
    output = subprocess.run(
        ["varnishadm", "-n", str(state / "varnish" / "work"), "backend.list"], capture_output=True, text=True
    ).stdout
    return any(line.split()[0].endswith(name) and "sick" in line for line in output.splitlines() if line.strip())


def kill_node(state, number):
    master = int((state / f"node{number}.pid").read_text())
    children = [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    for pid in (master, *children):
        os.kill(pid, signal.SIGKILL)


def failover(state, path):
    """A miss-only wrk run through Varnish; node 2 killed after 3 s. Errors and seconds until it is out."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(MISS_EVERY_TIME)
    seconds = max(12, SECONDS)
    run = subprocess.Popen(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            script.name,
            VARNISH + path,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    killed = time.monotonic()
    kill_node(state, 2)
    taken_out = None
    while time.monotonic() - killed < seconds:
        if backend_sick(state, "node2"):
            taken_out = round(time.monotonic() - killed, 2)
            break
        time.sleep(0.05)
    output = run.communicate()[0]
    os.unlink(script.name)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(value) for value in socket_errors.groups()) if socket_errors else 0
    )
    return {"requests": requests, "errors": errors, "seconds_until_taken_out": taken_out, "run_seconds": seconds}


def measure():
    """The whole cluster phase; returns its report (a dict)."""
    state = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    env = cluster_environment(state)
    log(f"clúster en {VARNISH} (nodos {NODE1}, {NODE2}), base de datos {DATABASE_URL.rsplit('/', 1)[-1]}")
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "cluster.sh")],
        cwd=ROOT,
        env=env,
        stdout=open(state / "cluster.out", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    report = {"load_before": round(os.getloadavg()[0], 2)}
    try:
        wait_ready(VARNISH + "/", process)
        pages = pages_to_measure(env)
        sheet_id = pages.pop("sheet_id")
        report["pages"] = pages
        results = {}
        for name, path in pages.items():
            for base in (VARNISH, NODE1):  # prime both caches
                urllib.request.urlopen(base + path, timeout=60).read()
                urllib.request.urlopen(base + path, timeout=60).read()
            results[name] = {"varnish": wrk_at(VARNISH, path), "node": wrk_at(NODE1, path)}
            ratio = results[name]["varnish"]["rps"] / max(results[name]["node"]["rps"], 0.1)
            results[name]["ratio"] = round(ratio, 2)
            varnish_rps, node_rps = results[name]["varnish"]["rps"], results[name]["node"]["rps"]
            log(f"{name:16} varnish {varnish_rps:8.0f} req/s   nodo {node_rps:7.0f} req/s   x{ratio:.1f}")
        results["static_ceiling"] = {"node": wrk_at(NODE1, static_file_url())}
        report["throughput"] = results
        log(f"techo estático {results['static_ceiling']['node']['rps']:.0f} req/s")
        timings = manage(
            env,
            "shell",
            "-c",
            PUBLISH_LOOP.format(page_id=sheet_id, url=VARNISH + pages["budget_sheet"], count=PUBLISHES),
        )
        report["publish_to_visible_ms"] = {"median": statistics.median(timings), "max": max(timings), "all": timings}
        log(f"publicar → visible: mediana {statistics.median(timings):.0f} ms, máx. {max(timings):.0f} ms")
        report["failover"] = failover(state, pages["budget_sheet"])
        log(f"nodo caído: {report['failover']}")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    report["load_after_1min"] = round(os.getloadavg()[0], 2)
    return report


def table(report):
    """The Markdown table of the cluster phase."""
    ceiling = report["throughput"]["static_ceiling"]["node"]
    rows = [
        "| page | Varnish req/s | Varnish p50 / p99 | one node, page cache req/s | node p50 / p99 | Varnish / node |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in report["pages"]:
        varnish, node = report["throughput"][name]["varnish"], report["throughput"][name]["node"]
        rows.append(
            f"| {name} | {varnish['rps']:.0f} | {varnish['p50_ms']:.1f} / {varnish['p99_ms']:.1f} ms "
            f"| {node['rps']:.0f} | {node['p50_ms']:.1f} / {node['p99_ms']:.1f} ms "
            f"| {report['throughput'][name]['ratio']:.1f} |"
        )
    rows.append(
        f"| static file (ceiling, one node) | | | {ceiling['rps']:.0f} "
        f"| {ceiling['p50_ms']:.1f} / {ceiling['p99_ms']:.1f} ms | |"
    )
    failover_run = report["failover"]
    publish = report["publish_to_visible_ms"]
    rows += [
        "",
        f"Node killed during a {failover_run['run_seconds']} s miss-only run: {failover_run['errors']} errors in "
        f"{failover_run['requests']} requests; out of the rotation after {failover_run['seconds_until_taken_out']} s.",
        f"Publish to visible through Varnish: median {publish['median']:.0f} ms, max {publish['max']:.0f} ms "
        f"({len(publish['all'])} publishes).",
    ]
    return "\n".join(rows)


def main():
    report = measure()
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "cluster-latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print()
    print(table(report))
    print(f"\nCarga (1 min) antes {report['load_before']}, después {report['load_after_1min']}")
    return 0 if report["failover"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
