#!/usr/bin/env bash
# `make run`: the development site plus its companion processes, stopped together with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# Companion processes (each app adds its own line here):
# - the task worker of every database queue (contacto's mail; Wagtail's own tasks too with
#   TASKS_IN_BACKGROUND=1), restarted whenever it stops (a database restart kills it); at each start
#   it re-queues mail tasks a dead worker left "running" (contacto/mail.py)
scripts/supervise.sh $BIN/python manage.py task_worker --interval 2 & pids+=($!)
# Subscription digests: send_digests runs, exits, and supervise.sh runs it again 15 minutes later
# (each address gets at most one digest a day, whatever the frequency; suscripciones/digests.py).
SUPERVISE_DELAY=900 scripts/supervise.sh $BIN/python manage.py send_digests & pids+=($!)
# - the ethics-reporting channel on its own port (denuncias)
DJANGO_SETTINGS_MODULE=config.settings.denuncias DEBUG=1 $BIN/python manage.py migrate --noinput -v0
DJANGO_SETTINGS_MODULE=config.settings.denuncias DEBUG=1 $BIN/python manage.py runserver "$HOST:${DENUNCIAS_PORT:-8001}" --noreload & pids+=($!)

$BIN/python manage.py runserver "$HOST:$PORT"
