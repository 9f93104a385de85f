#!/usr/bin/python3
"""The device capacity the labels' utilisations are fractions of: for every resource, the median of
total_<r> / util_<r> over the points that use at least 5 % of it (smaller fractions are too coarsely
rounded in the data), per tool version.  It says which part and which share of it the flow reports
against -- what the analytic estimator's device constants (model/analytic.h) must match.

    python3 bench/device-capacity.py [--data ../shared/data] [--versions v21,v25]
"""
import argparse
import glob
import json
import os
import statistics

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WHERE = {"v18": "hlsyn", "v20": "hlsyn", "v21": "hlsyn", "v25": "hlsyn-vitis"}
# Alveo U200, xcu200-fsgd2104-2-e (model/analytic.h)
U200 = {"LUT": 1182240, "FF": 2364480, "DSP": 6840, "BRAM": 4320}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--versions", default="v21,v25")
    a = ap.parse_args()
    print("| version | resource | points | capacity (median total/util) | share of the U200 |")
    print("|---|---|---|---|---|")
    for v in a.versions.split(","):
        ratios = {r: [] for r in U200}
        for path in sorted(glob.glob(os.path.join(a.data, WHERE[v], v, "*.jsonl"))):
            for line in open(path):
                rec = json.loads(line)
                for r in U200:
                    u, t = rec.get("util_" + r), rec.get("total_" + r)
                    if u and t and u >= 0.05:
                        ratios[r].append(t / u)
        for r in U200:
            if ratios[r]:
                cap = statistics.median(ratios[r])
                print("| %s | %s | %d | %.0f | %.3f |" % (v, r, len(ratios[r]), cap, cap / U200[r]))


if __name__ == "__main__":
    main()
