#!/usr/bin/env bash
# Template mining throughput, Vigil vs the plain Drain reference (drain_ref.py), on 1,000,000 messages:
# the Content column of the five loghub 2k samples repeated 100 times each. Prints lines/s and the ratio.
# Vigil is timed by BenchmarkDotNet in process (TemplateMinerBenchmarks.MineMessages, one core, in-memory messages);
# drain_ref.py is timed end to end (it also reads the CSV and scores, a small share of its time).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$(cd .. && pwd)/shared"
[ -d "$shared/data/loghub" ] || shared=/work/shared
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for name in HDFS BGL Linux OpenSSH Apache; do
  mkdir -p "$work/$name"
  src="$shared/data/loghub/$name/${name}_2k.log_structured.csv"
  { head -n 1 "$src"; for _ in $(seq 100); do tail -n +2 "$src"; done; } > "$work/$name/${name}_2k.log_structured.csv"
done

start=$(date +%s.%N)
/usr/bin/python3 "$shared/tools/drain_ref.py" "$work"/HDFS "$work"/BGL "$work"/Linux "$work"/OpenSSH "$work"/Apache > "$work/ref.txt"
end=$(date +%s.%N)
ref_rate=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", 1000000 / (e - s) }')

dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*TemplateMinerBenchmarks.MineMessages*' \
  --job short --inProcess --exporters csv --artifacts "$work/bdn" > "$work/bdn.log"
mean_ns=$(/usr/bin/python3 -c '
import csv, sys
row = next(csv.DictReader(open(sys.argv[1])))
value, unit = row["Mean"].replace(",", "").split()
print({"ns": 1, "μs": 1e3, "us": 1e3, "ms": 1e6}[unit] * float(value))' "$work"/bdn/results/*TemplateMinerBenchmarks-report.csv)
vigil_rate=$(awk -v m="$mean_ns" 'BEGIN { printf "%.0f", 1e9 / m }')

echo "drain_ref.py: $ref_rate lines/s"
echo "vigil:        $vigil_rate lines/s (${mean_ns} ns/line)"
awk -v v="$vigil_rate" -v r="$ref_rate" 'BEGIN { printf "ratio vigil/drain_ref: %.1fx\n", v / r }'
