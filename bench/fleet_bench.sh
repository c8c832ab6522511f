#!/usr/bin/env bash
# A fleet into PostgreSQL: HOSTS simulated hosts x DAYS days through Vigil's PostgreSQL store against the physical
# floor measured in the same run (one binary COPY of the same rows into a plain table), then the store's share of
# scoring one hour for every host, and the peak RSS of the process doing it.
# Starts its own PostgreSQL (Debian postgresql: initdb/pg_ctl, as the postgres user when run as root) in a temp folder.
# Usage: bench/fleet_bench.sh [HOSTS=500] [DAYS=8] [EVENTS_PER_HOUR=20] [WRITERS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-500}; days=${2:-8}; per_hour=${3:-20}; writers=${4:-2}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; run ./test.sh (it installs postgresql)" >&2; exit 2; }
work=$(mktemp -d /tmp/vigil-fleet-bench.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$work"; as_pg=(runuser -u postgres --); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 >/dev/null
# Durable settings (fsync on): the floor and Vigil pay the same WAL costs.
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres vigil_bench
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, $(nproc) cores"

dotnet build bench/Vigil.Benchmarks -c Release -v q -nologo >/dev/null
/usr/bin/time -f '%M' -o "$work/rss" dotnet bench/Vigil.Benchmarks/bin/Release/net10.0/Vigil.Benchmarks.dll fleet-store \
  "Host=127.0.0.1;Port=$port;Username=postgres;Database=vigil_bench" "$hosts" "$days" "$per_hour" "$writers"
echo "peak RSS of the Vigil process: $(( $(cat "$work/rss") / 1024 )) MB"
echo "not measured here yet: OTLP over HTTP (POST /v1/logs) in front of the store, and model scoring of the hour"
