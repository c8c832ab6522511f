#!/usr/bin/env bash
# Text-file ingest into SQLite (`vigil ingest --source text:FILE`) against the physical floor (`cat`, `wc -l`) on the
# same file, and against SQLite's own floor: the very rows Vigil stored (same schema, indexes, keys and pragmas) inserted
# by the `sqlite3` shell in one transaction, with no parsing at all — what SQLite itself allows for this store.
# Usage: bench/ingest_bench.sh [LINES]   (default 1,000,000 lines of real loghub logs, repeated)
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

vigil=$(bench/release-vigil.sh)   # the ReadyToRun release binary users run

secs() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc -l; }
cat "$work/bench.log" > /dev/null   # warm the page cache for all three
t_cat=$(secs cat "$work/bench.log")
t_wc=$(secs wc -l "$work/bench.log")
/usr/bin/time -f '%e %U %S' -o "$work/time" "$vigil" ingest --config "$work/config.ini" --source "text:$work/bench.log" >/dev/null
read -r t_vigil u_vigil s_vigil < "$work/time"
stored=$(sqlite3 "$work/data/vigil.db" 'SELECT COUNT(*) FROM events')

# SQLite's floor: Vigil's events table and its indexes as the store created them, in a fresh file with the store's
# pragmas (SqliteEventStore.Open), filled from the stored rows in their key order (the order Vigil wrote them). The
# `+column` keeps SQLite from copying the b-tree wholesale (its transfer optimisation): every row is inserted.
{
  echo "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 8192;"
  sqlite3 "$work/data/vigil.db" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL ORDER BY type DESC"
  echo "ATTACH '$work/data/vigil.db' AS stored; BEGIN;"
  echo "INSERT OR IGNORE INTO main.events SELECT $(sqlite3 "$work/data/vigil.db" "SELECT group_concat('+' || name, ', ') FROM pragma_table_info('events')") FROM stored.events;"
  echo "COMMIT;"
} > "$work/floor.sql"
/usr/bin/time -f '%e %U %S' -o "$work/time" sqlite3 "$work/floor.db" < "$work/floor.sql" >/dev/null
read -r t_floor u_floor s_floor < "$work/time"
floor_rows=$(sqlite3 "$work/floor.db" 'SELECT COUNT(*) FROM events')

awk -v n="$lines" -v b="$bytes" -v c="$t_cat" -v w="$t_wc" -v v="$t_vigil" -v cpu="$(echo "$u_vigil + $s_vigil" | bc -l)" -v s="$stored" \
  -v f="$t_floor" -v fcpu="$(echo "$u_floor + $s_floor" | bc -l)" -v fr="$floor_rows" 'BEGIN {
  mb = b / 1048576
  printf "file: %d lines, %.1f MB; stored %d events\n", n, mb, s
  printf "%-28s %8.3f s %12.0f lines/s %9.1f MB/s\n", "cat > /dev/null", c, n / c, mb / c
  printf "%-28s %8.3f s %12.0f lines/s %9.1f MB/s\n", "wc -l", w, n / w, mb / w
  printf "%-28s %8.3f s %12.0f events/s %8.1f MB/s\n", "vigil ingest (incl. startup)", v, n / v, mb / v
  printf "%-28s %8.3f s %12.0f events/s %8.1f MB/s   (CPU time, user+sys: the rate on an idle machine)\n", "vigil ingest CPU", cpu, n / cpu, mb / cpu
  printf "%-28s %8.3f s %12.0f events/s %8.1f MB/s   (%d rows, one transaction, no parsing)\n", "sqlite3 floor (same rows)", f, fr / f, mb / f, fr
  printf "%-28s %8.3f s %12.0f events/s\n", "sqlite3 floor CPU", fcpu, fr / fcpu
  printf "vigil ingest / wc -l: %.1fx slower (wall); sqlite3 floor / wc -l: %.1fx; vigil / sqlite3 floor: %.1fx wall, %.1fx CPU\n", v / w, f / w, v / f, cpu / fcpu
  printf "RESULT ingest_events_s=%.0f ingest_cpu_events_s=%.0f ingest_vs_wc=%.1f ingest_floor_events_s=%.0f ingest_floor_vs_wc=%.1f ingest_vs_floor=%.1f ingest_vs_floor_cpu=%.1f\n", n / v, n / cpu, v / w, fr / f, f / w, v / f, cpu / fcpu
}'
