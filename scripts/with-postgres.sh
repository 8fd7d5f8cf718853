#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL on 127.0.0.1, started and stopped here.
# If DATABASE_URL is already set, the command runs against that database instead.
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ]; then exec "$@"; fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then echo "PostgreSQL is not installed (run scripts/system-deps.sh test)" >&2; exit 1; fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PGD=$(mktemp -d)
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGD"; RUN_AS=(runuser -u postgres --); fi

stop() {
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGD/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGD"
}
trap stop EXIT

"${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGD/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGD/data" -l "$PGD/log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $PGD -c fsync=off -c full_page_writes=off" start >/dev/null

DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres" "$@"
