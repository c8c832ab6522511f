#!/usr/bin/env bash
# Vigil's IsolationForest against scikit-learn's on the same CSVs (168x5, 1k x10, 10k x20, 100k x50, planted outliers).
# Usage: bench/forest_vs_sklearn.sh [shape ...]   e.g. bench/forest_vs_sklearn.sh 168x5 10000x20
# Ratios are Vigil / scikit-learn (higher = Vigil better). 1-core columns compare CPU seconds, which stays fair on a
# loaded shared machine; "all cores" compares Vigil's wall clock on every core with scikit-learn's (single-threaded).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$here/Vigil.Benchmarks" -v quiet -nologo >/dev/null
runner="$here/Vigil.Benchmarks/bin/Release/net10.0/Vigil.Benchmarks.dll"
"$python" "$here/forest_sklearn.py" generate "$work"
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(168x5 1000x10 10000x20 100000x50)

echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %12s %12s %10s %14s %14s %12s %14s %8s %8s\n' shape "sk fit ms" "vigil fit ms" "fit x" "sk rows/s" "vigil 1c r/s" "score 1c x" "score all x" "sk AUC" "vg AUC"
for shape in "${shapes[@]}"; do
    csv="$work/$shape.csv"
    sk="$("$python" "$here/forest_sklearn.py" run "$csv")"
    vg="$(dotnet "$runner" forest-csv "$csv")"
    "$python" - "$shape" "$sk" "$vg" "$work/ratios" <<'PY'
import json, sys
shape, sk, vg = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
with open(sys.argv[4], "a") as ratios:
    ratios.write(f"{shape}={vg['score_cpu_rows_per_s']/sk['score_cpu_rows_per_s']:.1f}\n")
print(f"{shape:<10} {sk['fit_cpu_s']*1e3:12.1f} {vg['fit_cpu_s']*1e3:12.1f} {sk['fit_cpu_s']/vg['fit_cpu_s']:10.1f}"
      f" {sk['score_cpu_rows_per_s']:14,.0f} {vg['score_cpu_rows_per_s']:14,.0f}"
      f" {vg['score_cpu_rows_per_s']/sk['score_cpu_rows_per_s']:12.1f}"
      f" {vg['score_all_cores_rows_per_s']/sk['score_rows_per_s']:14.1f} {sk['auc']:8.4f} {vg['auc']:8.4f}")
print(f"{'':<10} wall: sk fit {sk['fit_s']*1e3:.1f} ms, vigil fit {vg['fit_s']*1e3:.1f} ms (all cores {vg['fit_all_cores_s']*1e3:.1f} ms);"
      f" score rows/s sk {sk['score_rows_per_s']:,.0f}, vigil 1 core {vg['score_rows_per_s']:,.0f}, all cores {vg['score_all_cores_rows_per_s']:,.0f}")
PY
done
echo "RESULT forest_score_min=$(cut -d= -f2 "$work/ratios" | sort -g | head -1) forest_score_all=$(paste -sd, "$work/ratios")"
