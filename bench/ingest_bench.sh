#!/usr/bin/env bash
# Text-file ingest into SQLite (`vigil ingest --source text:FILE`) against the physical floor (`cat`, `wc -l`) on the
# same file. Usage: bench/ingest_bench.sh [LINES]   (default 1,000,000 lines of real loghub logs, repeated)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
work=$(mktemp -d /tmp/vigil-ingest-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
data=../shared/data/loghub
[ -d "$data" ] || data=../../shared/data/loghub

touch "$work/app.log"
# Syslog, Apache and Hadoop lines, repeated: every line is a record, every record a new byte offset.
while [ "$(wc -l < "$work/app.log")" -lt "$lines" ]; do
  cat "$data"/Linux/Linux_2k.log "$data"/OpenSSH/OpenSSH_2k.log "$data"/Apache/Apache_2k.log "$data"/HDFS/HDFS_2k.log >> "$work/app.log"
done
head -n "$lines" "$work/app.log" > "$work/bench.log"
bytes=$(stat -c %s "$work/bench.log")
printf '[vigil]\ndata_dir = %s/data\n' "$work" > "$work/config.ini"

dotnet build src/Vigil.Cli -c Release -v q -nologo >/dev/null
vigil=src/Vigil.Cli/bin/Release/net10.0/vigil

secs() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc -l; }
cat "$work/bench.log" > /dev/null   # warm the page cache for all three
t_cat=$(secs cat "$work/bench.log")
t_wc=$(secs wc -l "$work/bench.log")
/usr/bin/time -f '%e %U %S' -o "$work/time" "$vigil" ingest --config "$work/config.ini" --source "text:$work/bench.log" >/dev/null
read -r t_vigil u_vigil s_vigil < "$work/time"
stored=$(sqlite3 "$work/data/vigil.db" 'SELECT COUNT(*) FROM events')

awk -v n="$lines" -v b="$bytes" -v c="$t_cat" -v w="$t_wc" -v v="$t_vigil" -v cpu="$(echo "$u_vigil + $s_vigil" | bc -l)" -v s="$stored" 'BEGIN {
  mb = b / 1048576
  printf "file: %d lines, %.1f MB; stored %d events\n", n, mb, s
  printf "%-28s %8.3f s %12.0f lines/s %9.1f MB/s\n", "cat > /dev/null", c, n / c, mb / c
  printf "%-28s %8.3f s %12.0f lines/s %9.1f MB/s\n", "wc -l", w, n / w, mb / w
  printf "%-28s %8.3f s %12.0f events/s %8.1f MB/s\n", "vigil ingest (incl. startup)", v, n / v, mb / v
  printf "%-28s %8.3f s %12.0f events/s %8.1f MB/s   (CPU time, user+sys: the rate on an idle machine)\n", "vigil ingest CPU", cpu, n / cpu, mb / cpu
  printf "vigil ingest / wc -l: %.1fx slower (wall)\n", v / w
  printf "RESULT ingest_events_s=%.0f ingest_cpu_events_s=%.0f ingest_vs_wc=%.1f\n", n / v, n / cpu, v / w
}'
