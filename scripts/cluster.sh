#!/usr/bin/env bash
# `make cluster`: the site as several machines run it, on loopback. Varnish on one port in front of
# two gunicorn nodes (production settings, ports of their own) that share PostgreSQL, Redis, the
# media store and one task worker. Varnish balances the nodes with probes on /healthz and retries an
# idempotent request on the other node; publishing on either node BANs what changed in Varnish
# (pagecache/varnish.py). Ctrl-C stops everything this script started.
#
# Overridable: CLUSTER_PORT (Varnish, 8090), NODE1_PORT/NODE2_PORT (8091/8092), OBJECTSTORE_PORT
# (8093), DATABASE_URL (PostgreSQL database gobierno_abierto_cluster; an sqlite:// file works too),
# REDIS_URL (db 2), CLUSTER_STATE (.cluster/), SECRET_KEY, CLUSTER_DEMO=0 to skip the demo content,
# WEB_CONCURRENCY (gunicorn workers per node), PAGE_CACHE_SHARED_MAX_AGE (Varnish TTL, 300 s),
# CLUSTER_PURGERS (addresses Varnish takes PURGE/BAN from: the nodes, "127.0.0.1 ::1").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/.venv/bin
STATE=${CLUSTER_STATE:-$ROOT/.cluster}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)

CLUSTER_PORT=${CLUSTER_PORT:-8090}
NODE1_PORT=${NODE1_PORT:-8091}
NODE2_PORT=${NODE2_PORT:-8092}
OBJECTSTORE_PORT=${OBJECTSTORE_PORT:-8093}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/gobierno_abierto_cluster}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/2}

command -v varnishd >/dev/null || { echo "Falta varnishd: apt-get install -y varnish" >&2; exit 1; }

# 1. PostgreSQL (when DATABASE_URL names it) and Redis on loopback: start them when they are down.
if [[ $DATABASE_URL == postgres* ]]; then
    if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
        for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
    fi
    DB_NAME=${DATABASE_URL##*/}
    psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1 \
        || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$DB_NAME\""
fi
if ! redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
        --dir /tmp --logfile /tmp/redis-serve.log
    for _ in $(seq 1 30); do redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1 && break; sleep 1; done
fi

# 2. The settings every node shares: one secret key (sessions signed on one node are read on the
# other), production settings, Varnish as the frontend cache the nodes BAN on publish.
if [ -z "${SECRET_KEY:-}" ]; then
    test -s "$STATE/secret_key" || $BIN/python -c "import secrets; print(secrets.token_urlsafe(64))" > "$STATE/secret_key"
    chmod 600 "$STATE/secret_key"
    SECRET_KEY=$(cat "$STATE/secret_key")
fi
export SECRET_KEY
export DJANGO_SETTINGS_MODULE=config.settings.production
export PYTHONUNBUFFERED=1  # every log line reaches .cluster/, even from a node that is killed
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export CSRF_TRUSTED_ORIGINS=${CSRF_TRUSTED_ORIGINS:-http://127.0.0.1:$CLUSTER_PORT,http://127.0.0.1:$NODE1_PORT,http://127.0.0.1:$NODE2_PORT}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$CLUSTER_PORT}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}  # loopback has no TLS proxy in front
export RECAPTCHA_REQUIRED=${RECAPTCHA_REQUIRED:-0}    # loopback has no reCAPTCHA keys
export PAGE_CACHE_SHARED_MAX_AGE=${PAGE_CACHE_SHARED_MAX_AGE:-300}
# Varnish's address, for the nodes and the worker (exported in step 5: Varnish starts empty after the
# release steps, so they have nothing to ban there).
FRONTEND_CACHE=${WAGTAILFRONTENDCACHE:-"{\"varnish\": {\"BACKEND\": \"pagecache.varnish.VarnishBackend\", \"LOCATION\": \"http://127.0.0.1:$CLUSTER_PORT\"}}"}
export WAGTAILFRONTENDCACHE="{}"
# Varnish is the one proxy in front of the nodes: its address is trusted for X-Forwarded-For.
export TRUSTED_PROXY_IPS=${TRUSTED_PROXY_IPS:-127.0.0.1,::1}

pids=()
cleanup() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# 3. Media and documents: the S3-compatible store when the project has one (scripts/objectstore.sh),
# else one directory both nodes share (they are on one machine).
if [ -x scripts/objectstore.sh ]; then
    export AWS_S3_ENDPOINT_URL=${AWS_S3_ENDPOINT_URL:-http://127.0.0.1:$OBJECTSTORE_PORT}
    export AWS_STORAGE_BUCKET_NAME=${AWS_STORAGE_BUCKET_NAME:-gobierno-abierto-media}
    export AWS_PRIVATE_BUCKET_NAME=${AWS_PRIVATE_BUCKET_NAME:-gobierno-abierto-private}
    export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-cluster}
    export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-cluster-secret}
    scripts/objectstore.sh "$OBJECTSTORE_PORT" "$STATE/objectstore" > "$STATE/objectstore.log" 2>&1 & pids+=($!)
    # Ready once the script has created the bucket.
    for _ in $(seq 1 120); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$AWS_S3_ENDPOINT_URL/$AWS_STORAGE_BUCKET_NAME")" = 200 ] && break
        sleep 0.5
    done
else
    export MEDIA_ROOT=${MEDIA_ROOT:-$STATE/media}
fi

# 4. Release steps, once for the whole cluster: checks, schema (under an advisory lock when the
# project has migrate_once), static files, demo content.
SECURE_SSL_REDIRECT=1 $BIN/python manage.py check --deploy --fail-level WARNING  # as behind the TLS proxy
if $BIN/python manage.py help migrate_once >/dev/null 2>&1; then
    $BIN/python manage.py migrate_once
else
    $BIN/python manage.py migrate --noinput
fi
$BIN/python manage.py collectstatic --noinput -v0
# Pages rendered by the previous release must not be served by this one.
$BIN/python manage.py purge_page_cache
if [ "${CLUSTER_DEMO:-1}" = "1" ]; then
    $BIN/python manage.py load_demo_content
fi

# 5. One task worker for the cluster, supervised (restarted when it exits, as systemd would).
export WAGTAILFRONTENDCACHE=$FRONTEND_CACHE
if $BIN/python manage.py help task_worker >/dev/null 2>&1; then
    scripts/supervise.sh $BIN/python manage.py task_worker --interval 1 > "$STATE/worker.log" 2>&1 & pids+=($!)
else
    scripts/supervise.sh $BIN/python manage.py mail_worker --interval 2 > "$STATE/worker.log" 2>&1 & pids+=($!)
fi

# 6. Two application nodes; their master pids go to $STATE/node1.pid and node2.pid.
for node in 1 2; do
    port_var=NODE${node}_PORT
    $BIN/gunicorn -c config/gunicorn.py --bind "127.0.0.1:${!port_var}" --no-control-socket \
        --pid "$STATE/node$node.pid" config.wsgi:application > "$STATE/node$node.log" 2>&1 & pids+=($!)
done

# 7. Varnish in the foreground of this script: the repository's VCL, the nodes of this machine.
mkdir -p "$STATE/varnish"
acl=""
for address in ${CLUSTER_PURGERS:-127.0.0.1 ::1}; do acl+="\"$address\"; "; done
cat > "$STATE/varnish/nodes.vcl" <<VCL
# Written by scripts/cluster.sh: the two loopback nodes, and who may PURGE/BAN (the nodes).
backend node1 { .host = "127.0.0.1"; .port = "$NODE1_PORT"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 60s; }
backend node2 { .host = "127.0.0.1"; .port = "$NODE2_PORT"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 60s; }
backend node1_unprobed { .host = "127.0.0.1"; .port = "$NODE1_PORT"; .connect_timeout = 1s; .first_byte_timeout = 60s; }
backend node2_unprobed { .host = "127.0.0.1"; .port = "$NODE2_PORT"; .connect_timeout = 1s; .first_byte_timeout = 60s; }
acl purgers { $acl}
sub vcl_init {
    nodes.add_backend(node1); nodes.add_backend(node2);
    unprobed.add_backend(node1_unprobed); unprobed.add_backend(node2_unprobed);
}
VCL
# -j none: no privilege separation (loopback, one user); the Debian service runs it jailed.
varnishd -F -j none -n "$STATE/varnish/work" -a "127.0.0.1:$CLUSTER_PORT" -T 127.0.0.1:0 \
    -p vcl_path="$STATE/varnish:$ROOT/config/varnish" -f "$ROOT/config/varnish/default.vcl" \
    -s "malloc,${VARNISH_STORAGE:-256m}" > "$STATE/varnish.log" 2>&1 & pids+=($!)

for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$CLUSTER_PORT/healthz" && break
    sleep 1
done
echo "Clúster en http://127.0.0.1:$CLUSTER_PORT (Varnish) ante los nodos :$NODE1_PORT y :$NODE2_PORT;"
echo "registros en $STATE/. Ctrl-C detiene todo."
wait "${pids[-1]}"
