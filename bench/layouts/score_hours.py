"""Share of a layout's lines stored in their true hour: per hour, min(stored events, true lines), summed, over all lines.
Usage: score_hours.py STRUCTURED.csv VIGIL.db"""
import csv, sqlite3, sys
from collections import Counter
truth = Counter(r["Time"][:13] for r in csv.DictReader(open(sys.argv[1], newline="")))
db = sqlite3.connect(sys.argv[2])
stored = Counter(h for (h,) in db.execute("SELECT strftime('%Y-%m-%dT%H', time_ms / 1000, 'unixepoch') FROM events"))
print(f"{sum(min(n, stored[h]) for h, n in truth.items()) / sum(truth.values()):.4f}")
