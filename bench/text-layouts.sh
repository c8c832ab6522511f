#!/usr/bin/env bash
# Per-layout figures for text sources on logs Vigil's code has no path for: 14 layouts documented by their products
# (bench/layouts/make_layouts.py writes 2,000 lines each with messages of our own and the true time and template).
# For each: `vigil ingest --source text:FILE` (TZ=UTC, the generator's zone), share of lines stored in their true hour;
# `vigil templates --source text:FILE --assignments` scored with drain_ref.py --score (raw lines, default settings);
# drain_ref.py itself on the clean content column with its per-dataset masks, where it has settings for the name.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$(cd .. && pwd)/shared"
[ -d "$shared/tools" ] || shared=/work/shared
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TZ=UTC
/usr/bin/python3 bench/layouts/make_layouts.py "$work/logs" "${1:-7}"
dotnet build -c Release src/Vigil.Cli > "$work/build.log"
vigil=src/Vigil.Cli/bin/Release/net10.0/vigil.dll
printf '%-12s %10s %10s %10s\n' layout in-hour vigil-GA drain-ref
for dir in "$work"/logs/*/; do
  name=$(basename "$dir")
  log="$dir/${name}_2k.log"; truth="$dir/${name}_2k.log_structured.csv"
  VIGIL_VIGIL__DATA_DIR="$work/data-$name" dotnet "$vigil" ingest --source "text:$log" > /dev/null 2> "$work/$name.err" || true
  hour=$(/usr/bin/python3 bench/layouts/score_hours.py "$truth" "$work/data-$name/vigil.db")
  dotnet "$vigil" templates --source "text:$log" --assignments "$work/$name.csv" --json > /dev/null
  ga=$(/usr/bin/python3 "$shared/tools/drain_ref.py" --score "$truth" "$work/$name.csv")
  ref=$(/usr/bin/python3 "$shared/tools/drain_ref.py" "$dir" 2>/dev/null | awk '{print $2}' || true)
  printf '%-12s %10s %10s %10s\n' "$name" "$hour" "$ga" "${ref:--}"
done | tee "$work/table.txt"
awk 'NR>0 { h+=$2; g+=$3; n++; if ($4 != "-") { r+=$4; m++ } } END { printf "%-12s %10.4f %10.4f %10.4f\n", "mean", h/n, g/n, r/m }' "$work/table.txt"
