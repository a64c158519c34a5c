#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the tests and benches.
#   eval "$(bash .ci/postgres.sh start)"   # prints `export RECOUPE_TEST_PG=postgres://…`
#   bash .ci/postgres.sh stop
# Uses Debian's postgresql package (any installed major version). Its own data
# directory and port, so it never touches a cluster the machine already runs.
# initdb refuses to run as root: as root the server runs as the `postgres` user.
set -euo pipefail
PGPORT="${RECOUPE_PG_PORT:-54329}"
PGDATA="${RECOUPE_PG_DATA:-/tmp/recoupe-pg-$PGPORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/initdb" ] || { echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
      mkdir -p "$PGDATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
      as_owner "$BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      # Tuned for tests on a shared machine: no fsync wait per commit (a test server, not production data).
      as_owner "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w start \
        -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDATA -c max_connections=200 -c synchronous_commit=off -c shared_buffers=128MB" >/dev/null
    fi
    echo "export RECOUPE_TEST_PG=postgres://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    as_owner "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: bash .ci/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
