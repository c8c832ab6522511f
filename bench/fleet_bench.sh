#!/usr/bin/env bash
# A fleet into PostgreSQL: HOSTS simulated hosts x DAYS days pushed over OTLP/HTTP to `vigil serve` (PostgreSQL store)
# and through Vigil's store directly, each against the physical floor measured in the same run (one binary COPY of the
# same rows into a plain table, and into a table with the events' primary key); the store's share of scoring one hour
# for every host; then every host's model trained and one hour scored for all hosts with them (the hourly scheduler's
# work), with the peak RSS of each process.
# Starts its own PostgreSQL (Debian postgresql: initdb/pg_ctl, as the postgres user when run as root) in a temp folder.
# Usage: bench/fleet_bench.sh [HOSTS=500] [DAYS=8] [EVENTS_PER_HOUR=20] [WRITERS=2]
# (FLEET_BENCH_INGEST_ONLY=1 stops after ingest, for A/B runs of the write path.)
# The senders stand in for the fleet's hosts: their request bodies are encoded before the clock starts (on a real fleet
# that CPU is spent on each host, not on Vigil's machine), and the floor's rows are built before its clock likewise.
# Prints wall-clock rates and the CPU each road spent per event (client, vigil serve, PostgreSQL): on a shared machine
# compare the ratios and the CPU per event, not the absolute rates.
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
dotnet build src/Vigil.Cli -c Release -v q -nologo >/dev/null
bench=bench/Vigil.Benchmarks/bin/Release/net10.0/Vigil.Benchmarks.dll
/usr/bin/time -f '%M' -o "$work/rss" dotnet "$bench" fleet-store \
  "Host=127.0.0.1;Port=$port;Username=postgres;Database=vigil_bench" "$hosts" "$days" "$per_hour" "$writers" | tee "$work/store.out"
echo "peak RSS of the store bench process (it holds the whole fleet's rows): $(( $(cat "$work/rss") / 1024 )) MB"
# The vacuum PostgreSQL owes for those rows must not land in the OTLP run's CPU figures.
"$bin/dropdb" -h 127.0.0.1 -p "$port" -U postgres vigil_bench

# The same fleet over OTLP into a fresh database behind a real `vigil serve`.
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres vigil_otlp
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/serve"
cat > "$work/serve/config.ini" <<INI
[vigil]
data_dir = $work/serve/data
models_dir = $work/serve/models
[api]
listen = http://127.0.0.1:$api_port
api_key = fleet-bench-admin-key-7f3a9c
[ingest]
keys = fleet-bench-ingest-key-2b8e41
[store]
kind = postgresql
connection_string = Host=127.0.0.1;Port=$port;Username=postgres;Database=vigil_otlp
INI
chmod 600 "$work/serve/config.ini"
vigil=(dotnet src/Vigil.Cli/bin/Release/net10.0/vigil.dll)
/usr/bin/time -f '%M' -o "$work/serve.rss" "${vigil[@]}" serve --no-scheduler \
  --config "$work/serve/config.ini" > "$work/serve.log" 2>&1 &
serve=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$api_port/" && break; sleep 0.5; done
VIGIL_BENCH_SERVE_PID=$(pgrep -P "$serve" | head -1) dotnet "$bench" fleet-otlp "http://127.0.0.1:$api_port" fleet-bench-ingest-key-2b8e41 \
  "Host=127.0.0.1;Port=$port;Username=postgres;Database=vigil_otlp" "$hosts" "$days" "$per_hour" "$writers" | tee "$work/otlp.out"
pkill -TERM -P "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true
rate() { grep "$1" "$2" | head -1 | sed -E 's/.* ([0-9,]+) events\/s.*/\1/' | tr -d ,; }
floor=$(rate 'COPY (floor)' "$work/store.out")
keyed=$(rate 'COPY, keyed' "$work/store.out")
otlp=$(rate 'OTLP push' "$work/otlp.out")
awk -v f="$floor" -v k="$keyed" -v o="$otlp" 'BEGIN { if (f > 0 && k > 0 && o > 0)
  printf "OTLP push into PostgreSQL / COPY floor: %.2f of the floor'"'"'s rate (%.2f of a COPY into a table with the same key)\n", o / f, o / k }'
echo "peak RSS of vigil serve: $(( $(cat "$work/serve.rss" 2>/dev/null || echo 0) / 1024 )) MB"
[ "${FLEET_BENCH_INGEST_ONLY:-0}" = 1 ] && exit 0

# The hourly scheduler's work for a trained fleet: train every host's model (setup --all-hosts on the week before the
# last hour), then score that last hour for every host with its model (detect --all-hosts: the scheduler's road, one scope
# after another as a tick runs them). exit 1 = anomalies found, not an error.
end=$(date -u +%Y-%m-%dT00:00:00Z)
trained_to=$(date -u -d "$end - 1 hour" +%Y-%m-%dT%H:00:00Z)
t0=$(date +%s%N)
/usr/bin/time -f '%M' -o "$work/setup.rss" "${vigil[@]}" setup --all-hosts --now "$trained_to" --config "$work/serve/config.ini" > "$work/setup.out" 2>&1 \
  || { tail -5 "$work/setup.out" >&2; exit 1; }
setup_s=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
t0=$(date +%s%N)
rc=0
/usr/bin/time -f '%M' -o "$work/detect.rss" "${vigil[@]}" detect --all-hosts --now "$end" --hours 1 --json \
  --config "$work/serve/config.ini" > "$work/detect.json" 2> "$work/detect.err" || rc=$?
detect_s=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
[ "$rc" -le 1 ] || { tail -5 "$work/detect.err" >&2; exit 1; }
scored=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); rows=d if isinstance(d,list) else next(v for v in d.values() if isinstance(v,list)); print(len(rows))' "$work/detect.json" 2>/dev/null || echo "?")
printf 'train every host (setup --all-hosts)   %8.2f s  peak RSS %d MB\n' "$setup_s" $(( $(cat "$work/setup.rss") / 1024 ))
printf 'score one hour, all %s hosts (detect --all-hosts --hours 1)  %8.2f s  peak RSS %d MB  (%s rows, exit %s)\n' \
  "$hosts" "$detect_s" $(( $(cat "$work/detect.rss") / 1024 )) "$scored" "$rc"
# The same hour as serve's scheduler scores it (FleetDetectionTarget): per scope a tick claim, an hour claim, the
# detection and the claim completed, each claim a round trip to PostgreSQL.
dotnet "$bench" fleet-tick "$work/serve/config.ini" "$end" "Host=127.0.0.1;Port=$port;Username=postgres;Database=vigil_otlp"
