#!/usr/bin/env bash
# Times `vigil evtx dump` against libevtx's `evtxexport -f xml` on a >= 50 MB EVTX file built from the shared corpus
# (same machine, same run) and prints the ratios: Vigil XML vs evtxexport on 1 thread, XML vs JSON lines, 1 thread vs
# all cores. Each command runs REPEAT times (default 3) and its fastest run counts; wall-clock and CPU seconds
# (user + sys) are both printed, because on a shared machine CPU seconds are the steadier figure.
# Also prints the startup floor (the same dump of a 1-chunk file): the part of every run that is process start and
# JIT, not parsing, which bounds the ratios on small files.
# Usage: bench/evtx_vs_evtxexport.sh [MB]   (default 64; REPEAT=n in the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-64}
REPEAT=${REPEAT:-3}

# The shared folder is the repository's sibling (../shared); a git worktree one level deeper finds it further up.
SHARED=""
for up in .. ../.. ../../..; do
  if [ -f "$up/shared/tools/make_big_evtx.py" ]; then SHARED="$(cd "$up/shared" && pwd)"; break; fi
done
[ -n "$SHARED" ] || { echo "no ../shared/tools/make_big_evtx.py beside the repository" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIG="$WORK/big.evtx"
# Files libevtx reads completely, so both tools do the same work.
SAMPLES=(security.evtx system.evtx sysmon.evtx 2-vss_7-System.evtx Security_with_size_t.evtx post-Security.evtx
         sample-with-irregular-bool-values.evtx "2-system-Microsoft-Windows-LiveId%4Operational.evtx")
/usr/bin/python3 "$SHARED/tools/make_big_evtx.py" "$BIG" "$MB" "${SAMPLES[@]/#/$SHARED/data/evtx/}"
# One chunk of real records: the cost of starting the process and compiling the parser, with almost no parsing.
SMALL="$WORK/small.evtx"
head -c $((4096 + 65536)) "$BIG" > "$SMALL"

VIGIL=$(bench/release-vigil.sh)   # the ReadyToRun release binary users run
CORES=$(nproc)

# run COMMAND...: the fastest of REPEAT runs, output discarded; sets WALL and CPU (user + sys) in seconds.
run() {
  local i best_wall="" best_cpu=""
  for ((i = 0; i < REPEAT; i++)); do
    /usr/bin/time -o "$WORK/time" -f "%e %U %S" "$@" > /dev/null 2>&1
    read -r w u s < "$WORK/time"
    best_wall=$(awk -v a="$w" -v b="$best_wall" 'BEGIN { print (b == "" || a < b) ? a : b }')
    best_cpu=$(awk -v a="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" -v b="$best_cpu" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  WALL=$best_wall CPU=$best_cpu
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
ratio2() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mbps() { awk -v t="$1" -v mb="$MB" 'BEGIN { printf "%.1f", mb / t }'; }
line() { printf '%-32s %6.2fs wall %6.2fs CPU  (%s MB/s)\n' "$1" "$2" "$3" "$(mbps "$2")"; }

"$VIGIL" evtx dump "$BIG" --threads 1 > /dev/null 2>&1   # warm-up (page cache)
records_vigil=$("$VIGIL" evtx dump "$BIG" --format jsonl --threads "$CORES" 2>/dev/null | wc -l)
records_libevtx=$(evtxexport -f xml "$BIG" 2>/dev/null | grep -c '<EventRecordID>' || true)

run evtxexport -f xml "$BIG";                                        w_lib=$WALL c_lib=$CPU
run "$VIGIL" evtx dump "$BIG" --format xml --threads 1;              w_xml1=$WALL c_xml1=$CPU
run "$VIGIL" evtx dump "$BIG" --format jsonl --threads 1;            w_json1=$WALL c_json1=$CPU
run "$VIGIL" evtx dump "$BIG" --format xml --threads "$CORES";       w_xmln=$WALL c_xmln=$CPU
run "$VIGIL" evtx dump "$BIG" --format jsonl --threads "$CORES";     w_jsonn=$WALL c_jsonn=$CPU
run "$VIGIL" evtx dump "$SMALL" --format xml --threads 1;            w_floor=$WALL c_floor=$CPU

echo "file: $MB MB, records: vigil $records_vigil, evtxexport $records_libevtx, cores: $CORES, best of $REPEAT runs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
line "evtxexport -f xml" "$w_lib" "$c_lib"
line "vigil xml   --threads 1" "$w_xml1" "$c_xml1"
line "vigil jsonl --threads 1" "$w_json1" "$c_json1"
line "vigil xml   --threads $CORES" "$w_xmln" "$c_xmln"
line "vigil jsonl --threads $CORES" "$w_jsonn" "$c_jsonn"
printf '%-32s %6.2fs wall %6.2fs CPU  (process start + JIT: in every run above)\n' "vigil xml, one 64 KiB chunk" "$w_floor" "$c_floor"
# Parsing alone: the run minus the startup floor, so the ratio the parser reaches on a file large enough to hide startup.
minus() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; print (d > 0.01 ? d : 0.01) }'; }
w_parse=$(minus "$w_xml1" "$w_floor") c_parse=$(minus "$c_xml1" "$c_floor")
echo "ratio evtxexport / vigil xml, 1 thread:    $(ratio "$w_lib" "$w_xml1")x wall, $(ratio "$c_lib" "$c_xml1")x CPU; parsing alone (minus the floor) $(ratio "$w_lib" "$w_parse")x wall, $(ratio "$c_lib" "$c_parse")x CPU"
echo "ratio vigil xml / vigil jsonl, 1 thread:   $(ratio2 "$w_xml1" "$w_json1")x wall, $(ratio2 "$c_xml1" "$c_json1")x CPU"
echo "ratio vigil xml 1 thread / $CORES threads:     $(ratio2 "$w_xml1" "$w_xmln")x wall; without the serial startup floor $(ratio2 "$w_parse" "$(minus "$w_xmln" "$w_floor")")x"
echo "RESULT evtx_mb_s_1=$(mbps "$w_xml1") evtx_xml_vs_libevtx=$(ratio "$w_lib" "$w_xml1") evtx_xml_vs_libevtx_cpu=$(ratio "$c_lib" "$c_xml1") evtx_parse_vs_libevtx=$(ratio "$w_lib" "$w_parse") evtx_parse_vs_libevtx_cpu=$(ratio "$c_lib" "$c_parse") evtx_threads_parse=$(ratio2 "$w_parse" "$(minus "$w_xmln" "$w_floor")") evtx_threads=$(ratio2 "$w_xml1" "$w_xmln") evtx_json_vs_xml=$(ratio2 "$w_xml1" "$w_json1") evtx_json_vs_xml_cpu=$(ratio2 "$c_xml1" "$c_json1") evtx_floor_s=$w_floor"
