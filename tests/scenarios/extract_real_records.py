#!/usr/bin/python3
"""Extracts a few dozen real Windows records from ../shared/data/evtx into real-records.csv (Vigil's CSV columns).

Run once by hand (python3-evtx): /usr/bin/python3 tests/scenarios/extract_real_records.py ../shared/data/evtx
The scenario generator re-times these records into week 3 so the detector sees real event shapes.
EVTX holds no rendered message, so the message is the record's EventData as "Name=Value; ...".
"""
import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import Evtx.Evtx as evtx

NS = "{http://schemas.microsoft.com/win/2004/08/events/event}"
WANTED = {
    "system.evtx": ({7045, 7031, 7034, 7036}, 20),
    "Security_short_selected.evtx": ({4625, 4776, 5152, 4673}, 10),
    "new-user-security.evtx": ({4720, 4728, 4732}, 10),
    "2-vss_7-System.evtx": ({6013, 10016, 37, 35}, 8),
}
LEVELS = {"0": "LogAlways", "1": "Critical", "2": "Error", "3": "Warning", "4": "Information", "5": "Verbose"}


def records(path, ids, limit):
    taken = {}
    with evtx.Evtx(str(path)) as log:
        for record in log.records():
            root = ET.fromstring(record.xml())
            system = root.find(NS + "System")
            event_id = int(system.find(NS + "EventID").text)
            if event_id not in ids or taken.get(event_id, 0) >= max(2, limit // len(ids)):
                continue
            taken[event_id] = taken.get(event_id, 0) + 1
            data = root.find(NS + "EventData")
            fields = [] if data is None else [f"{d.get('Name') or 'Data'}={(d.text or '').strip()}" for d in data]
            yield {
                "time_created": system.find(NS + "TimeCreated").get("SystemTime"),
                "level": LEVELS.get(system.find(NS + "Level").text or "4", "Information"),
                "event_id": event_id,
                "provider": system.find(NS + "Provider").get("Name"),
                "channel": system.find(NS + "Channel").text,
                "computer": system.find(NS + "Computer").text,
                "message": " ".join("; ".join(fields).split())[:400],
                "record_id": f"{path.name}#{record.record_num()}",
            }


def main():
    folder = Path(sys.argv[1])
    out = Path(__file__).with_name("real-records.csv")
    with out.open("w", newline="") as f:
        writer = csv.DictWriter(f, ["time_created", "level", "event_id", "provider", "channel", "computer", "message", "record_id"], lineterminator="\n")
        writer.writeheader()
        for name, (ids, limit) in WANTED.items():
            for row in records(folder / name, ids, limit):
                writer.writerow(row)


if __name__ == "__main__":
    main()
