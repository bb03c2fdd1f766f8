#!/usr/bin/env bash
# Run a command and start it again whenever it exits, as systemd's Restart=always does in a
# deployment: `scripts/supervise.sh CMD ARGS...`. Used by `make run` and `make serve` for the task
# worker (`manage.py task_worker`), which exits when the database goes away. Waits SUPERVISE_DELAY seconds (default 5)
# between runs; TERM or INT stops the command and the loop.
set -uo pipefail
delay=${SUPERVISE_DELAY:-5}
child=
stop() { [ -n "$child" ] && kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0; }
trap stop TERM INT
while true; do
    "$@" &
    child=$!
    wait "$child"
    status=$?
    echo "supervise.sh: '$*' terminó (código $status); se reinicia en ${delay}s" >&2
    sleep "$delay" &
    wait $!
done
