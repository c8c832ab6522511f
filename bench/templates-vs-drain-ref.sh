#!/usr/bin/env bash
# Template mining throughput, Vigil vs the plain Drain reference (drain_ref.py), on 1,000,000 messages:
# the Content column of the five loghub 2k samples (HDFS, BGL, Linux, OpenSSH, Apache) repeated 100 times.
# 1. `vigil templates --source text:FILE --assignments OUT --json` end to end, timed in CPU seconds (one core:
#    the miner is single-threaded), with its peak RSS; 3 million lines are run too, to show memory stays flat.
# 2. drain_ref.py on the same messages, end to end (it also reads the CSV and scores, a small share of its time).
# 3. With --bdn: BenchmarkDotNet's TemplateMinerBenchmarks (in process, wall clock, in-memory messages).
# Prints lines per CPU-second and the ratio. CPU time is used because the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$(cd .. && pwd)/shared"
[ -d "$shared/data/loghub" ] || shared=/work/shared
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
names=(HDFS BGL Linux OpenSSH Apache)

for name in "${names[@]}"; do
  mkdir -p "$work/$name"
  src="$shared/data/loghub/$name/${name}_2k.log_structured.csv"
  { head -n 1 "$src"; for _ in $(seq 100); do tail -n +2 "$src"; done; } > "$work/$name/${name}_2k.log_structured.csv"
  /usr/bin/python3 -c '
import csv, sys
rows = csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8", errors="replace"))
sys.stdout.write("".join(r["Content"] + "\n" for r in rows))' "$src" >> "$work/five.txt"
done
for _ in $(seq 100); do cat "$work/five.txt"; done > "$work/messages.txt"
for _ in 1 2 3; do cat "$work/messages.txt"; done > "$work/messages3.txt"

dotnet build -c Release src/Vigil.Cli > "$work/build.log"
vigil=src/Vigil.Cli/bin/Release/net10.0/vigil.dll
for file in messages messages3; do
  /usr/bin/time -f "%U %S %M" -o "$work/$file.time" dotnet "$vigil" templates --source "text:$work/$file.txt" \
    --assignments "$work/$file.csv" --json > "$work/$file.json"
  lines=$(wc -l < "$work/$file.txt")
  read -r user sys rss < "$work/$file.time"
  awk -v n="$lines" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "vigil templates: %d lines, %.2f s user + %.2f s sys, %.0f lines per CPU-second, peak RSS %.0f MB\n", n, u, s, n / (u + s), r / 1024 }'
  [ "$file" = messages ] && vigil_rate=$(awk -v n="$lines" -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", n / (u + s) }')
done

/usr/bin/time -f "%U %S" -o "$work/ref.time" /usr/bin/python3 "$shared/tools/drain_ref.py" "${names[@]/#/$work/}" > "$work/ref.txt"
read -r user sys < "$work/ref.time"
ref_rate=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", 1000000 / (u + s) }')
echo "drain_ref.py:    1000000 lines, $user s user + $sys s sys, $ref_rate lines per CPU-second"
awk -v v="$vigil_rate" -v r="$ref_rate" 'BEGIN { printf "ratio vigil/drain_ref: %.1fx\n", v / r }'

if [ "${1:-}" = --bdn ]; then
  dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*TemplateMinerBenchmarks*' \
    --job short --inProcess --exporters github --artifacts "$work/bdn" > "$work/bdn.log"
  cat "$work"/bdn/results/*TemplateMinerBenchmarks-report-github.md
fi
