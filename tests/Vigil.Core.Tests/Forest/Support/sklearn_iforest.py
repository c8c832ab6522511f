"""Fits scikit-learn's IsolationForest as Vigil configures it on each matrix and prints one "score,predict" line
per row, then "end" after each matrix. One process for many matrices: importing scikit-learn is the slow part.

Usage: /usr/bin/python3 sklearn_iforest.py a.csv [b.csv ...]   (comma-separated, no header, one row per sample)
"""
import sys

import numpy as np
from sklearn.ensemble import IsolationForest

for path in sys.argv[1:]:
    x = np.loadtxt(path, delimiter=",", ndmin=2)
    forest = IsolationForest(n_estimators=100, contamination=0.05, random_state=42).fit(x)
    scores = forest.score_samples(x)
    labels = forest.predict(x)
    sys.stdout.write("".join(f"{s!r},{int(p)}\n" for s, p in zip(scores, labels)) + "end\n")
