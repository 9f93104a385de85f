"""The device capacity the labels' utilisations are fractions of, per tool version, checked against
model/flows.def (capacity_pct: what the analytic estimator divides its counts by).

For every resource: the median of total_<r> / util_<r> over the points that use at least 5 % of it
(smaller fractions are too coarsely rounded in the data), as a share of the U200's counts.

    python3 -m hlsmoe_train.capacity [--versions v18,v20,v21,v25] [--hlsyn DIR] [--hlsyn-vitis DIR]
                                                                              the table
    python3 -m hlsmoe_train.capacity --check                                  and exit 1 on a drift

--check compares each version's shares with its flow's capacity_pct (a version without a flow of
its own, v18/v20, with the whole device: HLSyn's flows all report against it).
"""
import argparse
import glob
import json
import os
import statistics
import sys

from . import dataset
from . import flows as flows_mod

# Alveo U200, xcu200-fsgd2104-2-e (model/analytic.h, HLS_DEVICE_*)
U200 = {"LUT": 1182240, "FF": 2364480, "DSP": 6840, "BRAM": 4320}
# Utilisations in the data are rounded down: the median ratio exceeds the true share by a few
# percent (v21: 1.012-1.032).
TOLERANCE = 0.06
MIN_UTIL = 0.05


def shares(version, data=None):
    """{resource: (points, median total/util as a share of the U200)} of one version's labels."""
    data = data or dataset.default_data(version)
    ratios = {r: [] for r in U200}
    for path in sorted(glob.glob(os.path.join(data, version, "*.jsonl"))):
        with open(path) as f:
            for line in f:
                rec = json.loads(line)
                for r in U200:
                    u, t = rec.get("util_" + r), rec.get("total_" + r)
                    if u and t and u >= MIN_UTIL:
                        ratios[r].append(t / u)
    return {r: (len(x), statistics.median(x) / U200[r]) for r, x in ratios.items() if x}


def declared_share(version, flows):
    f = next((f for f in flows if f.version == version), None)
    return (f.capacity_pct if f else 100) / 100.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--versions", default="v18,v20,v21,v25")
    ap.add_argument("--check", action="store_true", help="exit 1 when a share differs from the declaration")
    ap.add_argument("--flows", default=flows_mod.FLOWS_DEF, help="the declaration to check (model/flows.def)")
    ap.add_argument("--hlsyn", default=dataset.DEFAULT_DATA, help="HLSyn's data (v18, v20, v21)")
    ap.add_argument("--hlsyn-vitis", default=dataset.VITIS_DATA, help="HLSyn-Vitis's data (v25)")
    a = ap.parse_args(argv)
    flows = flows_mod.read(a.flows)
    print("| version | resource | points | median total/util as a share of the U200 | model/flows.def |")
    print("|---|---|---|---|---|")
    drift = []
    for v in a.versions.split(","):
        want = declared_share(v, flows)
        data = a.hlsyn_vitis if v in dataset.VITIS_VERSIONS else a.hlsyn
        if not os.path.isdir(os.path.join(data, v)):
            ap.error("%s: no labels of %s (give --hlsyn / --hlsyn-vitis)" % (os.path.join(data, v), v))
        for r, (n, share) in shares(v, data).items():
            print("| %s | %s | %d | %.3f | %.2f |" % (v, r, n, share, want))
            if abs(share - want) > TOLERANCE * want:
                drift.append("%s %s: the labels report against %.3f of the U200, %s says %.2f"
                             % (v, r, share, a.flows, want))
    for d in drift:
        print("error: " + d, file=sys.stderr)
    if a.check and not drift:
        print("capacities match %s" % a.flows)
    return 1 if a.check and drift else 0


if __name__ == "__main__":
    sys.exit(main())
