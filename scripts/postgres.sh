#!/usr/bin/env bash
# Installs (Debian's postgresql package, when missing) and starts a throwaway PostgreSQL on 127.0.0.1 for the
# tests, then prints its JDBC URL. Idempotent: a cluster already running is reused.
set -euo pipefail
port=${RELEASE_PIPELINE_PG_PORT:-55432}
data=${RELEASE_PIPELINE_PG_DATA:-/tmp/release-pipeline-pg}
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin || true)
if [ -z "$bin" ]; then
  echo "installing postgresql (Debian package)..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  bin=$(find_bin)
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# "stop": the store-outage tests stop a cluster of their own for real (and start it again with its data)
if [ "${1:-}" = stop ]; then
  as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  exit 0
fi
if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data"; fi
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
fi
if ! as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -Atc \
    "select 1 from pg_database where datname = 'release_pipeline'" | grep -q 1; then
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "create database release_pipeline"
fi
echo "jdbc:postgresql://127.0.0.1:$port/release_pipeline?user=postgres"
