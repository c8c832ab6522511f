#!/usr/bin/env python3
"""Writes N events in Vigil's CSV columns over the 7 days before END (default 2026-02-16T00:00:00Z): a steady mix of
providers, levels and messages with variable parts, so setup has realistic templates and hours to learn.
Usage: make_events_csv.py OUT.csv N [END]"""
import datetime as dt
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
end = dt.datetime.fromisoformat((sys.argv[3] if len(sys.argv) > 3 else "2026-02-16T00:00:00+00:00").replace("Z", "+00:00"))
start = end - dt.timedelta(days=7)
span_ms = 7 * 24 * 3600 * 1000
rng = random.Random(42)
kinds = [
    (4, 7036, "Service Control Manager", "The {} service entered the running state."),
    (4, 4624, "Microsoft-Windows-Security-Auditing", "An account was successfully logged on. Account {} from 10.0.{}.{}"),
    (3, 1014, "Microsoft-Windows-DNS-Client", "Name resolution for the name host{}.corp timed out after {} ms."),
    (2, 7000, "Service Control Manager", "The {} service failed to start due to error {}."),
    (4, 16, "Microsoft-Windows-Kernel-General", "The access history in hive {} was cleared updating {} keys."),
]
with open(out, "w", newline="") as f:
    f.write("time_created,level,event_id,provider,channel,computer,message,record_id\n")
    step = span_ms / n
    for i in range(n):
        t = start + dt.timedelta(milliseconds=int(i * step))
        level, eid, provider, text = kinds[rng.randrange(100) % len(kinds) if rng.random() < 0.9 else 3]
        msg = text.format(*(rng.randrange(1000) for _ in range(text.count("{}"))))
        f.write(f"{t.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}Z,{level},{eid},{provider},System,SRV{rng.randrange(4)},\"{msg}\",{i + 1}\n")
