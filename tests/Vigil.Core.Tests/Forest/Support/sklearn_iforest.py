"""Fits scikit-learn's IsolationForest as Vigil configures it and prints one "score,predict" line per row.

Usage: /usr/bin/python3 sklearn_iforest.py matrix.csv   (comma-separated, no header, one row per sample)
"""
import sys

import numpy as np
from sklearn.ensemble import IsolationForest

x = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
forest = IsolationForest(n_estimators=100, contamination=0.05, random_state=42).fit(x)
scores = forest.score_samples(x)
labels = forest.predict(x)
sys.stdout.write("".join(f"{s!r},{int(p)}\n" for s, p in zip(scores, labels)))
