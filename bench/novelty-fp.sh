#!/usr/bin/env bash
# False-positive hours of the vigil model on the shared EVTX corpus (no labelled incidents: every flagged hour counts
# as a false positive, an upper bound), with this build and, when BEFORE=path/to/vigil is given, another build (e.g.
# main before the rare-kind rule) for comparison. Each file: trained on its first 7 days, every later hour scored
# (vigil evaluate). Files too short or too sparse to train on are listed as skipped.
# Usage: bench/novelty-fp.sh [corpus-dir]     (default /work/shared/data/evtx)
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
vigil="${VIGIL:-$here/src/Vigil.Cli/bin/Debug/net10.0/vigil}"
corpus="${1:-/work/shared/data/evtx}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'hour_timestamp,label\n' > "$work/labels.csv"

flagged() { # binary file -> "flagged hours" or "skipped: reason"
    (cd "$work" && "$1" evaluate --events "evtx:$2" --labels "$work/labels.csv" --json 2> "$work/err") > "$work/out" \
        && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["flagged"], d["hours"])' "$work/out" \
        || echo "skipped: $(tail -1 "$work/err" | cut -c1-90)"
}

total_new=0; total_old=0; total_hours=0
printf '%-70s %8s %8s %8s\n' file hours flagged "${BEFORE:+before}"
for f in "$corpus"/*.evtx; do
    new="$(flagged "$vigil" "$f")"
    old=""
    [ -n "${BEFORE:-}" ] && old="$(flagged "$BEFORE" "$f")"
    name="$(basename "$f")"
    if [[ "$new" == skipped* ]]; then
        printf '%-70s %s\n' "${name:0:70}" "$new"
        continue
    fi
    read -r n hours <<< "$new"
    total_new=$((total_new + n)); total_hours=$((total_hours + hours))
    o="${old%% *}"; [[ "$o" =~ ^[0-9]+$ ]] && total_old=$((total_old + o))
    printf '%-70s %8s %8s %8s\n' "${name:0:70}" "$hours" "$n" "$o"
done
printf '%-70s %8s %8s %8s\n' "all files" "$total_hours" "$total_new" "${BEFORE:+$total_old}"
