#!/usr/bin/env bash
# The held-out attack week (README "The models"): builds two weeks of one workstation from real EVTX samples (a
# training week and a test week of real background hours, 10 short incidents of real attack-relevant records in the
# test week), writes them as events.csv + labels.csv, and runs the shipped `vigil evaluate --events --labels` for each
# model. Prints, per model, incidents caught of 10 and false-positive hours, beside the do-nothing and flag-everything
# baselines. Which files are background and which are attacks: tests/scenarios/README.md.
# Usage: bench/attack-week.sh [evtx-dir]     (default /work/shared/data/evtx)
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
vigil="${VIGIL:-$here/src/Vigil.Cli/bin/Debug/net10.0/vigil}"
corpus="${1:-/work/shared/data/evtx}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$vigil" evaluate --attack-week "$corpus" --write "$work" 2> "$work/build.err"
printf '%-8s %18s %22s %10s %8s\n' model "incidents caught" "false-positive hours" precision recall
for model in seed vigil; do
    "$vigil" evaluate --events "file:$work/events.csv" --labels "$work/labels.csv" --model "$model" --json 2> "$work/$model.err" > "$work/$model.json"
    python3 - "$work/$model.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
r = lambda v: "-" if v is None else f"{v:.2f}"
print(f"{d['model']:<8} {str(d['incidents_caught']) + ' of ' + str(d['incidents']):>18} {d['false_positive_hours']:>22} {r(d['precision']):>10} {r(d['recall']):>8}")
if d['model'] == 'vigil':
    e = d['flag_everything']
    print(f"{'nothing':<8} {'0 of ' + str(d['incidents']):>18} {0:>22}")
    print(f"{'all':<8} {str(e['incidents_caught']) + ' of ' + str(d['incidents']):>18} {e['false_positive_hours']:>22}")
    print("\nvigil, each rule: hours fired, incident hours, incidents only it caught, FP hours only it caused")
    for x in d['rules']:
        print(f"  {x['rule']:<16} {x['hours_fired']:>4} {x['incident_hours']:>4} {x['incidents_only_this_rule']:>4} {x['false_positive_hours_only_this_rule']:>4}")
PY
done
