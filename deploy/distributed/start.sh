#!/usr/bin/env bash
# Start the multi-worker profile on this machine: a PostgreSQL cluster for Dagster's run, event and
# schedule storage, a Redis broker, and N Celery workers standing in for N machines.
#
#   deploy/distributed/start.sh            # GOVINFO_DIST_WORKERS workers (default 2)
#   source "$GOVINFO_DIST_STATE/env.sh"     # DAGSTER_HOME, GOVINFO_EXECUTOR=celery and the broker
#   deploy/distributed/stop.sh             # stops everything this script started
#
# Settings (environment): GOVINFO_DIST_STATE (folder of the cluster, logs and pid files; default
# /tmp/govinfo-distributed), GOVINFO_DIST_PG_PORT (55432), GOVINFO_DIST_REDIS_PORT (56379),
# GOVINFO_DIST_WORKERS (2). Services listen on 127.0.0.1 only; the PostgreSQL cluster trusts local
# connections, which is a stand-in: production uses a managed PostgreSQL with passwords or IAM.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$(cd "$HERE/../.." && pwd)
STATE=${GOVINFO_DIST_STATE:-/tmp/govinfo-distributed}
PG_PORT=${GOVINFO_DIST_PG_PORT:-55432}
REDIS_PORT=${GOVINFO_DIST_REDIS_PORT:-56379}
WORKERS=${GOVINFO_DIST_WORKERS:-2}
VENV_BIN="$PROJECT/.venv/bin"

fail() { echo "start.sh: $*" >&2; exit 1; }

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || fail "no PostgreSQL server (Debian package postgresql): run 'make distributed-deps'"
command -v redis-server >/dev/null || fail "no redis-server (Debian package redis-server): run 'make distributed-deps'"
[ -x "$VENV_BIN/dagster-celery" ] || fail "no $VENV_BIN/dagster-celery: run 'make install'"
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || fail "GOVINFO_DIST_WORKERS must be a positive number, not '$WORKERS'"

mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
chmod 755 "$STATE"  # the postgres user walks into it when this runs as root
PGDATA="$STATE/pg"

# PostgreSQL refuses to run as root: as root, the cluster belongs to Debian's postgres user.
as_pg=()
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || fail "running as root and there is no postgres user to own the cluster"
    as_pg=(runuser -u postgres --)
fi

# -- PostgreSQL: Dagster's storage -------------------------------------------------------------
if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    [ ${#as_pg[@]} -eq 0 ] || chown postgres: "$PGDATA"
    "${as_pg[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U govinfo --auth=trust -E UTF8 --no-locale >"$STATE/initdb.log" 2>&1 \
        || fail "initdb failed: $(tail -n 3 "$STATE/initdb.log")"
fi
if ! "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    touch "$STATE/postgres.log"
    [ ${#as_pg[@]} -eq 0 ] || chown postgres: "$STATE/postgres.log"
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$STATE/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1" start >/dev/null \
        || fail "PostgreSQL did not start: $(tail -n 3 "$STATE/postgres.log")"
fi
psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U govinfo -X -q -t -A)
if [ "$("${psql[@]}" -d postgres -c "select count(*) from pg_database where datname = 'dagster'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "create database dagster" >/dev/null
fi
# SQLAlchemy 2.1 would pick psycopg 3 for a bare postgresql:// URL; dagster-postgres installs psycopg2
POSTGRES_URL="postgresql+psycopg2://govinfo@127.0.0.1:$PG_PORT/dagster"

# -- Redis: the Celery broker and result backend -----------------------------------------------
mkdir -p "$STATE/redis"
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$STATE/redis.pid" \
        --logfile "$STATE/redis.log" --dir "$STATE/redis" --save '' --appendonly no
    for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null || fail "Redis did not start: $(tail -n 3 "$STATE/redis.log")"
fi
BROKER="redis://127.0.0.1:$REDIS_PORT/0"
BACKEND="redis://127.0.0.1:$REDIS_PORT/1"

# -- Dagster's instance and the workers' settings -----------------------------------------------
export DAGSTER_HOME="$STATE/dagster_home"
mkdir -p "$DAGSTER_HOME" "$STATE/compute_logs"
sed -e "s|@POSTGRES_URL@|$POSTGRES_URL|" -e "s|@STATE_DIR@|$STATE|" "$HERE/dagster.yaml.template" >"$DAGSTER_HOME/dagster.yaml"
sed -e "s|@BROKER@|$BROKER|" -e "s|@BACKEND@|$BACKEND|" "$HERE/celery.yaml.template" >"$STATE/celery.yaml"
cat >"$STATE/env.sh" <<EOF
# written by deploy/distributed/start.sh: the settings of a run against these services
export DAGSTER_HOME='$DAGSTER_HOME'
export GOVINFO_EXECUTOR=celery
export GOVINFO_CELERY_BROKER='$BROKER'
export GOVINFO_CELERY_BACKEND='$BACKEND'
export GOVINFO_DIST_STATE='$STATE'
export GOVINFO_DIST_WORKERS='$WORKERS'
EOF
# shellcheck source=/dev/null
source "$STATE/env.sh"
export DAGSTER_DISABLE_TELEMETRY=1 DBT_SEND_ANONYMOUS_USAGE_STATS=False GX_ANALYTICS_ENABLED=False
export PATH="$VENV_BIN:$PATH"

# -- Celery workers: each one process running one step at a time, standing in for one machine ------
# The solo pool runs a step in the worker's own process: a prefork pool child is daemonic and may
# not start the process pool the parse step uses for its time budget.
cd "$PROJECT"
: >"$STATE/worker-start.log"
for i in $(seq "$WORKERS"); do
    pidfile="$STATE/worker$i.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        continue
    fi
    rm -f "$pidfile"
    "$VENV_BIN/dagster-celery" worker start -A dagster_celery.app -y "$STATE/celery.yaml" -q dagster \
        -n "worker$i" -l WARNING -- --pool=solo --detach \
        --pidfile="$pidfile" --logfile="$STATE/worker$i.log" >>"$STATE/worker-start.log" 2>&1 \
        || fail "worker $i did not start: $(tail -n 3 "$STATE/worker-start.log")"
done

# Ready when every worker answers a ping through the broker (a worker that cannot import its tasks never does).
"$VENV_BIN/python" - "$BROKER" "$BACKEND" "$WORKERS" <<'EOF' || fail "the workers did not answer (logs: $STATE/worker*.log)"
import sys, time
from celery import Celery

broker, backend, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
app = Celery(broker=broker, backend=backend)
deadline = time.monotonic() + 90
answered = []
while time.monotonic() < deadline:
    answered = app.control.ping(timeout=1.0)
    if len(answered) >= expected:
        break
    time.sleep(0.5)
print(f"{len(answered)} of {expected} Celery workers answer", file=sys.stderr)
sys.exit(0 if len(answered) >= expected else 1)
EOF
echo "distributed profile up: PostgreSQL 127.0.0.1:$PG_PORT (dagster), Redis 127.0.0.1:$REDIS_PORT, $WORKERS workers; settings in $STATE/env.sh"
