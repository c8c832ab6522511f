"""scikit-learn side of forest_vs_sklearn.sh.

  forest_sklearn.py generate DIR   writes DIR/<rows>x<cols>.csv: first column the planted label (1 = outlier),
                                   the rest the features; no header.
  forest_sklearn.py run CSV        fits IsolationForest(n_estimators=100, contamination=0.05, random_state=42) and
                                   prints JSON: fit seconds, score_samples rows/s, AUC against the labels.
"""
import json
import math
import sys
import time

import numpy as np

SHAPES = [(168, 5), (1_000, 10), (10_000, 20), (100_000, 50)]


def hourly(rng, rows):
    """A week of hours (total, errors, warnings, infos, error_rate) with a day/night rhythm and 4 bad hours."""
    hour = np.arange(rows) % 24
    daylight = np.clip(np.sin(np.pi * (hour - 6) / 14.0), 0, None)
    mean = 60 + 140 * daylight
    total = np.round(mean + rng.normal(size=rows) * np.sqrt(mean))
    errors = np.clip(np.round(0.02 * total + rng.normal(size=rows)), 0, None)
    warnings = np.clip(np.round(0.06 * total + 1.5 * rng.normal(size=rows)), 0, None)
    label = np.zeros(rows)
    bad = rng.choice(rows, 4, replace=False)
    label[bad] = 1
    errors[bad[0]] = np.round(0.4 * total[bad[0]])
    total[bad[1]] *= 6
    warnings[bad[2]] = np.round(0.5 * total[bad[2]])
    errors[bad[3]] = np.round(0.2 * total[bad[3]])
    infos = total - errors - warnings
    return np.column_stack([label, total, errors, warnings, infos, errors / total])


def blob(rng, rows, cols):
    """Standard normal rows; 2 % are outliers shifted by +-3 on a fifth of their features."""
    x = rng.normal(size=(rows, cols))
    label = np.zeros(rows)
    bad = rng.choice(rows, max(1, rows // 50), replace=False)
    label[bad] = 1
    shifted = max(1, cols // 5)
    for row in bad:
        features = rng.choice(cols, shifted, replace=False)
        x[row, features] += rng.choice([-3.0, 3.0], shifted)
    return np.column_stack([label, x])


def generate(directory):
    rng = np.random.default_rng(2026)
    for rows, cols in SHAPES:
        data = hourly(rng, rows) if cols == 5 and rows == 168 else blob(rng, rows, cols)
        np.savetxt(f"{directory}/{rows}x{cols}.csv", data, delimiter=",", fmt="%.17g")


def best_seconds(action, budget=1.0, max_runs=5):
    """Best wall-clock and best CPU seconds of several runs, run until budget seconds are spent (at least once).
    CPU time is what a shared, loaded machine measures fairly for single-threaded work."""
    wall, cpu, spent, runs = math.inf, math.inf, 0.0, 0
    while runs == 0 or (spent < budget and runs < max_runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        elapsed = time.perf_counter() - start
        wall, cpu = min(wall, elapsed), min(cpu, time.process_time() - start_cpu)
        spent, runs = spent + elapsed, runs + 1
    return wall, cpu


def run(path):
    from sklearn.ensemble import IsolationForest
    from sklearn.metrics import roc_auc_score

    data = np.loadtxt(path, delimiter=",", ndmin=2)
    label, x = data[:, 0], data[:, 1:]
    make = lambda: IsolationForest(n_estimators=100, contamination=0.05, random_state=42)
    fit_wall, fit_cpu = best_seconds(lambda: make().fit(x))
    forest = make().fit(x)
    # Small matrices are scored many times over so the clock sees more than overhead.
    repeats = max(1, 20_000 // len(x))
    score_wall, score_cpu = best_seconds(lambda: [forest.score_samples(x) for _ in range(repeats)])
    auc = roc_auc_score(label, -forest.score_samples(x))
    print(json.dumps({
        "fit_s": fit_wall, "fit_cpu_s": fit_cpu,
        "score_rows_per_s": len(x) * repeats / score_wall, "score_cpu_rows_per_s": len(x) * repeats / score_cpu,
        "auc": auc}))


if __name__ == "__main__":
    {"generate": generate, "run": run}[sys.argv[1]](sys.argv[2])
