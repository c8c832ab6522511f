#!/usr/bin/env bash
# `vigil setup` on a large CSV of events against reading + inserting the same file (`vigil ingest` into a fresh store),
# with peak RSS of each, `vigil detect` after setup, and one 50 MB log line through `vigil ingest`.
# Usage: bench/setup_bench.sh [EVENTS]   (default 2,000,000 events, about 280 MB of CSV over 7 days)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-2000000}
work=$(mktemp -d /tmp/vigil-setup-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

vigil=$(bench/release-vigil.sh)   # the ReadyToRun release binary users run
now=2026-02-16T00:00:00Z
/usr/bin/python3 bench/make_events_csv.py "$work/events.csv" "$events" "$now"
mb=$(awk -v b="$(stat -c %s "$work/events.csv")" 'BEGIN { printf "%.0f", b / 1048576 }')
for store in ingest setup; do printf '[vigil]\ndata_dir = %s/%s\n' "$work" "$store" > "$work/$store.ini"; done

# run NAME COMMAND...: one run, its wall seconds, CPU seconds and peak RSS (MB) into $work/NAME.
run() {
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/$name.time" > "$work/$name.res"
}
cat "$work/events.csv" > /dev/null
run cat cat "$work/events.csv"
run ingest "$vigil" ingest --config "$work/ingest.ini" --source "file:$work/events.csv"
run setup "$vigil" setup --config "$work/setup.ini" --source "file:$work/events.csv" --now "$now"
run detect "$vigil" detect --config "$work/setup.ini" --source "file:$work/events.csv" --now "$now"

# One 50 MB line (a runaway stack dump) through the text reader and the ingestor.
/usr/bin/python3 -c "import sys; f = open(sys.argv[1], 'w'); f.write('2024-01-02 03:04:05,123 ERROR [main] app.Job: ' + 'x' * (50 << 20) + '\n2024-01-02 03:04:06,000 INFO [main] app.Job: next\n')" "$work/long.log"
printf '[vigil]\ndata_dir = %s/long\n' "$work" > "$work/long.ini"
run long "$vigil" ingest --config "$work/long.ini" --source "text:$work/long.log"

read -r i_wall i_cpu i_rss < "$work/ingest.res"
read -r s_wall s_cpu s_rss < "$work/setup.res"
read -r d_wall d_cpu d_rss < "$work/detect.res"
read -r l_wall l_cpu l_rss < "$work/long.res"
echo "file: $events events, $mb MB CSV"
printf '%-34s %8s s wall %8s s CPU %6s MB peak RSS\n' "vigil ingest (read + insert)" "$i_wall" "$i_cpu" "$i_rss"
printf '%-34s %8s s wall %8s s CPU %6s MB peak RSS\n' "vigil setup (collect + train)" "$s_wall" "$s_cpu" "$s_rss"
printf '%-34s %8s s wall %8s s CPU %6s MB peak RSS\n' "vigil detect after setup" "$d_wall" "$d_cpu" "$d_rss"
printf '%-34s %8s s wall %8s s CPU %6s MB peak RSS\n' "vigil ingest of one 50 MB line" "$l_wall" "$l_cpu" "$l_rss"
awk -v sw="$s_wall" -v sc="$s_cpu" -v iw="$i_wall" -v ic="$i_cpu" 'BEGIN { printf "setup / ingest: %.2fx wall, %.2fx CPU\n", sw / iw, sc / ic }'
echo "RESULT setup_rss_mb=$s_rss setup_vs_ingest_wall=$(awk -v a="$s_wall" -v b="$i_wall" 'BEGIN { printf "%.2f", a / b }') setup_vs_ingest_cpu=$(awk -v a="$s_cpu" -v b="$i_cpu" 'BEGIN { printf "%.2f", a / b }') detect_rss_mb=$d_rss long_line_rss_mb=$l_rss"
