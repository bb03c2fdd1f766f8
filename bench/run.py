"""``make bench``: the production stack on loopback, scaled content, measured with wrk.

1. Starts ``scripts/serve.sh`` (PostgreSQL, Redis, migrate, collectstatic, demo content,
   gunicorn with ``--no-control-socket`` and ``config.settings.production``, whitenoise)
   on 127.0.0.1:``BENCH_PORT`` with its own database (``BENCH_DATABASE_URL``, default
   ``ga_bench``) and Redis database (``BENCH_REDIS_URL``, default db 3), the page cache off.
2. Scales the content up (``bench/scale_content.py``: 100 sheets × 30 lines, 500
   commitments × 10 milestones, 300 bodies × 20 sessions, 20 000 requests), then runs
   ``ANALYZE`` so the planner has statistics, as autovacuum gives production.
3. Cold: every page with the page cache off (the layout fragments and the home page's axes
   stay cached, as in production, see ``FRAGMENT_CACHE_SECONDS``): ``wrk -c8`` for
   throughput and tail latency, and ``wrk -c1`` (one client at a time) for the p50 of a
   single render, the median of ``BENCH_REPEATS`` runs (default 3).
4. Restarts gunicorn with the page cache on; warm: every page after one priming request,
   the median of ``BENCH_REPEATS`` runs.
5. The ceiling: a small static file (whitenoise) through the same stack, in each run.
6. The cluster (``bench/cluster.py``; ``BENCH_CLUSTER=0`` skips it): Varnish in front of two
   nodes versus one node's page cache and the static ceiling, a node killed under load, and
   the publish-to-visible latency through Varnish.

Prints one table and writes it as JSON to ``bench/results/``. Runs are bounded
(``BENCH_SECONDS`` each, default 8) and use loopback only. Installs wrk from Debian when
missing. Exit status 1 when a target is missed or any response was an error.
"""

import datetime
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / ".bench"
RESULTS = ROOT / "bench" / "results"
PORT = int(os.environ.get("BENCH_PORT", "8097"))
BASE = f"http://127.0.0.1:{PORT}"
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
# Runs per judged figure (warm throughput, ceiling, cold single-client p50): the median is kept.
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ga_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")

# Targets of issue 10.
WARM_RATIO_TARGET = 0.5
COLD_P50_TARGET_MS = 30.0
COLD_P50_PAGES = ("home", "budget_sheet")
# A 1-minute load average above this before the run starts means other processes hold the CPU.
BUSY_LOAD = float(os.environ.get("BENCH_BUSY_LOAD", "1.0"))


def log(message):
    print(f"[bench] {message}", flush=True)


def ensure_wrk():
    """wrk from Debian's package, installed only when missing."""
    if shutil.which("wrk"):
        return
    log("instalando wrk (apt-get install -y wrk)")
    if subprocess.call(["apt-get", "install", "-y", "-qq", "wrk"]) != 0:
        subprocess.check_call(["apt-get", "update", "-qq"])
        subprocess.check_call(["apt-get", "install", "-y", "-qq", "wrk"])


def environment(page_cache):
    """The server's environment: production settings, bench database and Redis, cache switch."""
    STATE.mkdir(exist_ok=True)
    secret = STATE / "secret_key"
    if not secret.exists():
        secret.write_text(secrets.token_urlsafe(64))
        secret.chmod(0o600)
    env = dict(os.environ)
    env.update(
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        SECRET_KEY=secret.read_text().strip(),
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        RECAPTCHA_REQUIRED="0",  # loopback has no reCAPTCHA keys (see config/settings/production.py)
        MEDIA_ROOT=str(STATE / "media"),
        SERVE_PORT=str(PORT),
        PAGE_CACHE="1" if page_cache else "0",
        GUNICORN_ACCESS_LOG=str(STATE / "access.log"),
        # config/gunicorn.py recycles a worker every ~2000 requests (a leak guard); a bench run
        # makes tens of thousands, and a worker booting mid-run would be measured, not the site.
        GUNICORN_CMD_ARGS="--max-requests 0",
        LOG_LEVEL="WARNING",
    )
    return env


class Server:
    """``scripts/serve.sh`` in its own process group, stopped with the whole group."""

    def __init__(self, page_cache, load_demo, env=None, base=BASE):
        env = dict(env or environment(page_cache))
        self.base = base
        env["SERVE_DEMO"] = "1" if load_demo else "0"
        self.log_path = STATE / f"serve-{'warm' if page_cache else 'cold'}.log"
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve.sh")],
            cwd=ROOT,
            env=env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout=900):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"serve.sh terminó antes de tiempo; ver {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(1)
        raise SystemExit(f"el servidor no respondió en {timeout} s; ver {self.log_path}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()


def analyze():
    """Fresh planner statistics before measuring.

    PostgreSQL's autovacuum keeps them up to date in production, but it is off on some machines
    (this one's included) and, where on, it reaches a freshly loaded table only after a while:
    without statistics the planner takes every table for one row and picks nested loops.
    """
    subprocess.check_call(["psql", DATABASE_URL, "-qc", "ANALYZE"])


def static_file_url():
    """A small hashed static file as whitenoise serves it (from collectstatic's manifest)."""
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["img/favicon.svg"]


def page_urls():
    """The measured pages, from the scaled content in the bench database."""
    code = (
        "import json;from wagtail.models import Page, Locale;"
        "from participacion.models import InstanciaPage;"
        "es=Locale.get_default();"
        "sheet=Page.objects.get(slug='bench-ficha-0050', locale=es);"
        "prog=Page.objects.get(slug='programa-de-gobierno', locale=es);"
        "part=Page.objects.get(slug='participacion', locale=es);"
        "body=Page.objects.get(slug='bench-instancia-0150', locale=es);"
        "print(json.dumps([sheet.url, prog.url, part.url, body.url]))"
    )
    output = subprocess.check_output(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code], cwd=ROOT, env=environment(False)
    )
    sheet, programme, participation, body = json.loads(output.decode().strip().splitlines()[-1])
    return {
        "home": "/",
        "budget_sheet": sheet,
        "programme_index": programme,
        "participation_index": participation,
        "body_page": body,
        "search": "/buscar/?q=presupuesto",
    }


def parse_duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(path, connections, seconds=SECONDS):
    """One bounded wrk run against ``path``: requests/s, p50, p99, errors."""
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", BASE + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s*(50|99)%\s+(\S+)\s*$", output, re.M))
    if "50" not in latency or "99" not in latency:
        raise SystemExit(f"wrk no dio percentiles para {path}:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(value) for value in socket_errors.groups())
    if requests == 0:
        log(f"wrk no completó ninguna petición a {path}:\n{output}")
    return {
        "rps": rps,
        "p50_ms": parse_duration_ms(latency["50"]),
        "p99_ms": parse_duration_ms(latency["99"]),
        "requests": requests,
        "errors": errors,
    }


def check_page(path, expect_cache):
    """One request: it must be a 200; with the cache on, the second one a hit."""
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        assert response.status == 200, (path, response.status)
        header = response.headers.get("X-Page-Cache")
    if expect_cache:
        with urllib.request.urlopen(BASE + path, timeout=30) as response:
            header = response.headers.get("X-Page-Cache")
        assert header == "hit", f"{path}: la caché de páginas no respondió (X-Page-Cache={header})"
    else:
        assert header is None, f"{path}: la caché debía estar apagada (X-Page-Cache={header})"


def drain(timeout=60):
    """Wait until the requests wrk left queued in gunicorn are answered (the next run starts clean)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            urllib.request.urlopen(f"{BASE}/robots.txt", timeout=timeout).read()
        except OSError:
            pass
        if time.monotonic() - started < 0.5:
            return
        time.sleep(0.5)


def median_run(runs, key):
    """The run whose ``key`` is the median of ``runs`` (an odd number of them); errors of all runs added."""
    chosen = dict(sorted(runs, key=lambda run: run[key])[len(runs) // 2])
    chosen["errors"] = sum(run["errors"] for run in runs)
    chosen["runs"] = [run[key] for run in runs]
    return chosen


def measure(pages, warm):
    """Every page (and the static ceiling) in one server run.

    The figures the targets judge are each the median of ``REPEATS`` runs: this machine's two
    cores are shared, and one run can land on a moment when something else holds the CPU.
    """
    mode = "warm" if warm else "cold"
    results = {}
    for name, path in pages.items():
        check_page(path, expect_cache=warm)
        single = None
        if not warm:  # one client at a time first, before any queue builds up
            single = median_run([wrk(path, 1, seconds=max(4, SECONDS // 2)) for _ in range(REPEATS)], "p50_ms")
            run = wrk(path, CONNECTIONS)
        else:
            run = median_run([wrk(path, CONNECTIONS) for _ in range(REPEATS)], "rps")
        if single is not None:
            run["single_client_p50_ms"] = single["p50_ms"]
            run["single_client_p50_runs_ms"] = single["runs"]
            run["single_client_requests"] = single["requests"]
            run["errors"] += single["errors"]
        drain()
        log(f"{mode:4} {name:20} {run['rps']:8.0f} req/s  p50 {run['p50_ms']:7.2f} ms  p99 {run['p99_ms']:7.2f} ms")
        results[name] = run
    static = static_file_url()
    results["static_ceiling"] = median_run([wrk(static, CONNECTIONS) for _ in range(REPEATS if warm else 1)], "rps")
    log(f"{mode:4} static_ceiling       {results['static_ceiling']['rps']:8.0f} req/s")
    return results


def table(report):
    """The Markdown table: each page cold and warm, with its ratio to the static ceiling."""
    ceiling = report["warm"]["static_ceiling"]["rps"] or float("nan")
    rows = [
        f"Ceiling (static file, whitenoise through gunicorn): {ceiling:.0f} req/s, "
        f"{CONNECTIONS} connections, {SECONDS} s per run",
        "",
        "| page | cold req/s | cold p50 (1 client) | cold p50 / p99 (c=8) | warm req/s | warm p50 / p99 "
        "| warm / ceiling | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in report["pages"]:
        cold, warm = report["cold"][name], report["warm"][name]
        rows.append(
            f"| {name} | {cold['rps']:.0f} | {cold['single_client_p50_ms']:.1f} ms "
            f"| {cold['p50_ms']:.1f} / {cold['p99_ms']:.1f} ms | {warm['rps']:.0f} "
            f"| {warm['p50_ms']:.1f} / {warm['p99_ms']:.1f} ms | {warm['rps'] / ceiling:.2f} "
            f"| {cold['errors'] + warm['errors']} |"
        )
    static = report["warm"]["static_ceiling"]
    rows.append(
        f"| static file | {report['cold']['static_ceiling']['rps']:.0f} | | | {static['rps']:.0f} "
        f"| {static['p50_ms']:.1f} / {static['p99_ms']:.1f} ms | 1.00 "
        f"| {report['cold']['static_ceiling']['errors'] + static['errors']} |"
    )
    return "\n".join(rows)


def verdict(report):
    """The targets, each with whether it was met."""
    ceiling = report["warm"]["static_ceiling"]["rps"] or float("nan")
    checks = []
    for name in report["pages"]:
        ratio = report["warm"][name]["rps"] / ceiling
        checks.append((f"warm {name} >= {WARM_RATIO_TARGET:.0%} of ceiling ({ratio:.2f})", ratio >= WARM_RATIO_TARGET))
    for name in COLD_P50_PAGES:
        p50 = report["cold"][name]["single_client_p50_ms"]
        checks.append(
            (f"cold {name} p50 < {COLD_P50_TARGET_MS:.0f} ms, one client ({p50:.1f} ms)", p50 < COLD_P50_TARGET_MS)
        )
    errors = sum(run["errors"] for mode in ("cold", "warm") for run in report[mode].values())
    checks.append((f"no error responses ({errors})", errors == 0))
    return checks


def busy_warning(load):
    """A warning when other processes hold the CPU: latency figures measured then are not the site's."""
    if load > BUSY_LOAD:
        return (
            f"AVISO: la carga del equipo es {load:.2f} (más de {BUSY_LOAD:.1f}): otros procesos usan la CPU y las "
            "cifras saldrán peores que las del sitio. Mida con el equipo en reposo."
        )
    return None


def main():
    ensure_wrk()
    STATE.mkdir(exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {"started_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")}
    # The load before anything of ours starts: the share of the two cores someone else is using.
    report["load_before"] = round(os.getloadavg()[0], 2)
    warning = busy_warning(report["load_before"])
    if warning:
        log(warning)

    # The demo and the scaled content are loaded once per bench database (BENCH_RELOAD=1 redoes it).
    marker = STATE / "content-ready"
    ready = marker.exists() and marker.read_text() == DATABASE_URL and os.environ.get("BENCH_RELOAD") != "1"
    log(f"servidor en {BASE} (caché de páginas apagada), base de datos {DATABASE_URL.rsplit('/', 1)[-1]}")
    server = Server(page_cache=False, load_demo=not ready)
    try:
        server.wait_ready()
        if not ready:
            log("escalando el contenido (bench/scale_content.py)")
            subprocess.check_call(
                [str(ROOT / ".venv" / "bin" / "python"), "bench/scale_content.py"], cwd=ROOT, env=environment(False)
            )
            marker.write_text(DATABASE_URL)
        analyze()
        pages = page_urls()
        report["pages"] = pages
        report["cold"] = measure(pages, warm=False)
    finally:
        server.stop()

    log("reiniciando con la caché de páginas encendida")
    server = Server(page_cache=True, load_demo=False)
    try:
        server.wait_ready()
        report["warm"] = measure(pages, warm=True)
    finally:
        server.stop()

    if os.environ.get("BENCH_CLUSTER", "1") == "1":
        # Varnish in front of two nodes (bench/cluster.py): its own table, kept in the same report.
        from bench import cluster

        report["cluster"] = cluster.measure()

    report["settings"] = {"seconds": SECONDS, "connections": CONNECTIONS, "repeats": REPEATS, "cpus": os.cpu_count()}
    # The 15-minute load at the end spans the whole run: ours (gunicorn, PostgreSQL, wrk) and others'.
    report["load_after_15min"] = round(os.getloadavg()[2], 2)
    report["targets"] = [{"check": text, "met": met} for text, met in verdict(report)]
    stamp = report["started_at"].replace(":", "").replace("+0000", "Z")
    for path in (RESULTS / f"bench-{stamp}.json", RESULTS / "latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print()
    print(table(report))
    if "cluster" in report:
        from bench import cluster

        print()
        print(cluster.table(report["cluster"]))
    print()
    for item in report["targets"]:
        print(f"{'OK  ' if item['met'] else 'MISS'} {item['check']}")
    if warning:
        print(warning)
    print(f"\nJSON: {RESULTS / 'latest.json'}")
    return 0 if all(item["met"] for item in report["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
