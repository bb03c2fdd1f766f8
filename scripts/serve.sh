#!/usr/bin/env bash
# `make serve`: the production stack on loopback, as a real deployment runs it behind a TLS proxy:
# PostgreSQL, Redis, collectstatic + whitenoise (hashed, compressed files), the task worker (mail
# and Wagtail's own tasks) and gunicorn with config.settings.production. Ctrl-C stops the worker
# and gunicorn. Media on local disk (.serve/media), or on the S3 endpoint AWS_S3_ENDPOINT_URL if set.
#
# Overridable: SERVE_PORT (8080), DATABASE_URL, REDIS_URL, SECRET_KEY (else one kept in .serve/),
# SERVE_DEMO=0 to skip loading the demo content, WEB_CONCURRENCY (gunicorn workers).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
STATE=.serve
mkdir -p "$STATE"

SERVE_PORT=${SERVE_PORT:-8080}
PG_HOST=127.0.0.1
PG_PORT=5432
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@$PG_HOST:$PG_PORT/gobierno_abierto_serve}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/1}

# 1. PostgreSQL and Redis on loopback: start them when they are down (as .ci/run does).
if ! pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 30); do pg_isready -h "$PG_HOST" -p "$PG_PORT" -q && break; sleep 1; done
fi
if ! redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
        --dir /tmp --logfile /tmp/redis-serve.log
    for _ in $(seq 1 30); do redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1 && break; sleep 1; done
fi
DB_NAME=${DATABASE_URL##*/}
psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1 \
    || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$DB_NAME\""

# 2. Production settings. The secret key is generated once and kept out of git in .serve/.
if [ -z "${SECRET_KEY:-}" ]; then
    test -s "$STATE/secret_key" || $BIN/python -c "import secrets; print(secrets.token_urlsafe(64))" > "$STATE/secret_key"
    chmod 600 "$STATE/secret_key"
    SECRET_KEY=$(cat "$STATE/secret_key")
fi
export SECRET_KEY
export DJANGO_SETTINGS_MODULE=config.settings.production
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$SERVE_PORT}
# Loopback has no TLS proxy in front: do not redirect to https. Behind the proxy leave it on.
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}
export MEDIA_ROOT=${MEDIA_ROOT:-$PWD/$STATE/media}
# Loopback has no reCAPTCHA keys: say so explicitly, or check --deploy fails (as it must in a real
# deployment without keys). Set RECAPTCHA_PUBLIC_KEY/RECAPTCHA_PRIVATE_KEY and RECAPTCHA_REQUIRED=1 to try real ones.
export RECAPTCHA_REQUIRED=${RECAPTCHA_REQUIRED:-0}

# 3. Release steps: deploy checks, schema, static files, optional demo content.
SECURE_SSL_REDIRECT=1 $BIN/python manage.py check --deploy --fail-level WARNING  # as behind the proxy
# One node at a time (a PostgreSQL advisory lock): several nodes starting together migrate once.
$BIN/python manage.py migrate_once
$BIN/python manage.py collectstatic --noinput -v0
if [ "${SERVE_DEMO:-1}" = "1" ]; then
    $BIN/python manage.py load_demo_content
fi

# 4. The processes: the task worker, then gunicorn in the foreground.
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
# The worker dies when PostgreSQL restarts: supervise.sh starts it again (as systemd's Restart=always).
scripts/supervise.sh $BIN/python manage.py task_worker --interval 1 & pids+=($!)
# Subscription digests: send_digests runs, exits, and supervise.sh runs it again 15 minutes later
# (each address gets at most one digest a day, whatever the frequency; suscripciones/digests.py).
SUPERVISE_DELAY=900 scripts/supervise.sh $BIN/python manage.py send_digests & pids+=($!)

echo "Sirviendo en http://127.0.0.1:$SERVE_PORT (salud: /healthz). Ctrl-C detiene todo."
$BIN/gunicorn -c config/gunicorn.py --bind "127.0.0.1:$SERVE_PORT" --no-control-socket config.wsgi:application & pids+=($!)
wait "${pids[-1]}"
