#!/usr/bin/env bash
# Times `vigil evtx dump` against libevtx's `evtxexport -f xml` on a >= 50 MB EVTX file built from the shared corpus
# (same machine, same run) and prints the ratios: Vigil XML vs evtxexport on 1 thread, XML vs JSON lines, 1 thread vs all cores.
# Usage: bench/evtx_vs_evtxexport.sh [MB]   (default 64)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-64}

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

dotnet build src/Vigil.Cli -c Release -v quiet -nologo >/dev/null
VIGIL=src/Vigil.Cli/bin/Release/net10.0/vigil
CORES=$(nproc)

# seconds COMMAND...: wall-clock seconds of one run, output discarded.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
mbps() { awk -v t="$1" -v mb="$MB" 'BEGIN { printf "%.1f", mb / t }'; }

"$VIGIL" evtx dump "$BIG" --threads 1 > /dev/null 2>&1   # warm-up (JIT, page cache)
records_vigil=$("$VIGIL" evtx dump "$BIG" --format jsonl --threads "$CORES" 2>/dev/null | wc -l)
records_libevtx=$(evtxexport -f xml "$BIG" 2>/dev/null | grep -c '<EventRecordID>' || true)

t_libevtx=$(seconds evtxexport -f xml "$BIG")
t_xml_1=$(seconds "$VIGIL" evtx dump "$BIG" --format xml --threads 1)
t_json_1=$(seconds "$VIGIL" evtx dump "$BIG" --format jsonl --threads 1)
t_xml_n=$(seconds "$VIGIL" evtx dump "$BIG" --format xml --threads "$CORES")
t_json_n=$(seconds "$VIGIL" evtx dump "$BIG" --format jsonl --threads "$CORES")

echo "file: $MB MB, records: vigil $records_vigil, evtxexport $records_libevtx, cores: $CORES"
echo "evtxexport -f xml              ${t_libevtx}s  ($(mbps "$t_libevtx") MB/s)"
echo "vigil xml   --threads 1        ${t_xml_1}s  ($(mbps "$t_xml_1") MB/s)"
echo "vigil jsonl --threads 1        ${t_json_1}s  ($(mbps "$t_json_1") MB/s)"
echo "vigil xml   --threads $CORES        ${t_xml_n}s  ($(mbps "$t_xml_n") MB/s)"
echo "vigil jsonl --threads $CORES        ${t_json_n}s  ($(mbps "$t_json_n") MB/s)"
echo "ratio evtxexport / vigil xml, 1 thread:    $(ratio "$t_libevtx" "$t_xml_1")x"
echo "ratio vigil xml / vigil jsonl, 1 thread:   $(ratio "$t_xml_1" "$t_json_1")x"
echo "ratio vigil xml 1 thread / $CORES threads:     $(ratio "$t_xml_1" "$t_xml_n")x"
echo "RESULT evtx_mb_s_1=$(mbps "$t_xml_1") evtx_xml_vs_libevtx=$(ratio "$t_libevtx" "$t_xml_1") evtx_threads=$(awk -v a="$t_xml_1" -v b="$t_xml_n" 'BEGIN { printf "%.2f", a / b }') evtx_json_vs_xml=$(awk -v a="$t_xml_1" -v b="$t_json_1" 'BEGIN { printf "%.2f", a / b }')"
