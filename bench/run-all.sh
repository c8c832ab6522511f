#!/usr/bin/env bash
# Every side-by-side benchmark of issue 16, each against its reference in the same run, then the table of ratios
# (work | measured | aim) that README's Performance section is regenerated from. Each script's full output is kept
# in the log folder it names. About 5 minutes on an idle 2-core machine.
# Usage: bench/run-all.sh [--large]   (--large: a 256 MB EVTX, 4M text lines, 4M events: bigger than the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
evtx_mb=64 text_lines=1000000 csv_events=2000000
if [ "${1:-}" = "--large" ]; then evtx_mb=256 text_lines=4000000 csv_events=4000000; fi
logs=$(mktemp -d /tmp/vigil-bench.XXXXXX)

bench/release-vigil.sh >/dev/null   # the CLI benches measure the ReadyToRun release binary; built once here
step() {
  local name=$1; shift
  echo "== $name: $*" >&2
  "$@" > "$logs/$name.log" 2>&1 || { echo "$name failed; see $logs/$name.log" >&2; tail -5 "$logs/$name.log" >&2; }
  grep -v '^RESULT ' "$logs/$name.log" >&2 || true
}
step evtx bench/evtx_vs_evtxexport.sh "$evtx_mb"
step ingest bench/ingest_bench.sh "$text_lines"
step setup bench/setup_bench.sh "$csv_events"
step forest bench/forest_vs_sklearn.sh

# The RESULT key=value lines of every script, as shell-safe variables.
declare -A r
while read -r pair; do r[${pair%%=*}]=${pair#*=}; done < <(grep -h '^RESULT ' "$logs"/*.log | sed 's/^RESULT //' | tr ' ' '\n')
get() { echo "${r[$1]:-n/a}"; }

echo
echo "cores: $(nproc), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); logs: $logs"
echo
echo "| work | measured | aim |"
echo "| --- | --- | --- |"
echo "| EVTX → XML, ${evtx_mb} MB, 1 thread, vs libevtx \`evtxexport -f xml\` | $(get evtx_xml_vs_libevtx)x wall ($(get evtx_mb_s_1) MB/s), $(get evtx_xml_vs_libevtx_cpu)x CPU; parsing alone (minus the $(get evtx_floor_s) s startup floor) $(get evtx_parse_vs_libevtx)x wall, $(get evtx_parse_vs_libevtx_cpu)x CPU | ≥ 30x |"
echo "| EVTX, $(nproc) threads vs 1 | $(get evtx_threads)x; parsing alone (minus the startup floor) $(get evtx_threads_parse)x | ≥ 1.7x on 2 cores |"
echo "| EVTX → JSON lines vs XML (1 thread) | $(get evtx_json_vs_xml)x wall, $(get evtx_json_vs_xml_cpu)x CPU | ≥ 1.0x |"
echo "| text ingest into the store, $text_lines lines, vs \`wc -l\` | $(get ingest_events_s) events/s wall, $(get ingest_cpu_events_s) per CPU-second; $(get ingest_vs_wc)x the time of \`wc -l\`; SQLite's own floor (the same rows by the \`sqlite3\` shell, one transaction, no parsing) $(get ingest_floor_events_s) events/s, $(get ingest_floor_vs_wc)x \`wc -l\`; Vigil $(get ingest_vs_floor)x that floor ($(get ingest_vs_floor_cpu)x its CPU) | ≥ 200k events/s, within 20x |"
echo "| \`vigil setup\` on a $csv_events-event CSV | $(get setup_rss_mb) MB peak RSS; $(get setup_vs_ingest_wall)x the wall time ($(get setup_vs_ingest_cpu)x the CPU) of reading + inserting it; detect after it $(get detect_rss_mb) MB | ≤ 300 MB, within 3x |"
echo "| one 50 MB log line (\`vigil ingest\`) | $(get long_line_rss_mb) MB peak RSS | bounded by the per-event cap |"
echo "| forest scoring vs scikit-learn, 1 core (CPU time) | $(get forest_score_min)x at the slowest shape ($(get forest_score_all)) | ≥ 50x at every shape |"
