#!/usr/bin/env bash
# Stop what start.sh started in GOVINFO_DIST_STATE: the Celery workers (by their pid files), Redis
# and the PostgreSQL cluster. Safe to run twice or after a partial start. --purge also removes the
# folder (cluster, logs), so the next start is a fresh machine.
set -uo pipefail

STATE=${GOVINFO_DIST_STATE:-/tmp/govinfo-distributed}
[ -d "$STATE" ] || exit 0
STATE=$(cd "$STATE" && pwd)

# Wait up to $2 tenths of a second for pid $1 to end.
wait_gone() {
    local pid=$1 tenths=$2
    for _ in $(seq "$tenths"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    ! kill -0 "$pid" 2>/dev/null
}

# A worker is a Celery main process and its pool child: TERM asks for a warm shutdown (the running
# step finishes); whatever is left after 30 s is killed, children first.
for pidfile in "$STATE"/worker*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        children=$(ps -o pid= --ppid "$pid" 2>/dev/null | tr -s ' \n' ' ')
        kill -TERM "$pid" 2>/dev/null
        if ! wait_gone "$pid" 300; then
            for child in $children; do kill -KILL "$child" 2>/dev/null; done
            kill -KILL "$pid" 2>/dev/null
            wait_gone "$pid" 50
        fi
        for child in $children; do wait_gone "$child" 50 || kill -KILL "$child" 2>/dev/null; done
    fi
    rm -f "$pidfile"
done

if [ -f "$STATE/redis.pid" ]; then
    pid=$(cat "$STATE/redis.pid")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        wait_gone "$pid" 100 || kill -KILL "$pid" 2>/dev/null
    fi
    rm -f "$STATE/redis.pid"
fi

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -f "$STATE/pg/postmaster.pid" ] && [ -n "$PG_BIN" ]; then
    as_pg=()
    [ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$STATE/pg" -m fast -w -t 60 stop >/dev/null 2>&1 || {
        pid=$(head -n 1 "$STATE/pg/postmaster.pid" 2>/dev/null)
        [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null
    }
fi

if [ "${1:-}" = "--purge" ]; then
    rm -rf "$STATE"
fi
echo "distributed profile stopped ($STATE)"
