"""Measures the analytic lower bound on latency (docs/analytic.md, "Lower bound") against HLS
results: every labelled (hls_ok) point of every kernel of a version, scored through the front
door (`tools/hlsmoe score --predictor P`), whose lines carry the bound ("latency_bound") and what
the physical rules changed ("adjusted", model/physical.h).

Per kernel and overall: the points whose true latency is below the bound (violations: the bound
is wrong there), how tight it is (median bound / true latency, 1 would be exact; the share of
points where it is within 2x), and how often the physical rules changed the predictor's outputs
(latency raised to the bound, a negative utilisation raised to 0, validity capped for over-use).  v21 reads ../shared/data/hlsyn (Merlin flow,
<kernel>_kernel.c), v25 ../shared/data/hlsyn-vitis (Vitis 2025.1; source, top and clang flags
as hlsmoe_train.dataset.kernel_sources finds them).

    PYTHONPATH=tools/train python3 -m hlsmoe_train.lower_bound_eval [--version v21,v25] [--predictor network]
                                      [--data DIR] [--kernels a,b] [--markdown] [--worst N]
"""
import argparse
import os
import sys
import tempfile

import numpy as np

from .dataset import default_data, kernel_sources, read_labels
from .frontdoor import score
from .targets import REGRESSION

UTILS = [t for t in REGRESSION if t.startswith("util_")]


def labelled(path):
    """The points of a label file that synthesised with a latency."""
    return [r for r in read_labels(path) if r.get("hls_ok") and r.get("perf", 0) > 0]


def kernel_metrics(rows, out):
    true = np.array([r["perf"] for r in rows], float)
    bound = np.array([o["latency_bound"] for o in out], float)
    raised = np.array(["latency" in o.get("adjusted", []) for o in out])
    clamped = np.array([any(a.startswith("util_") for a in o.get("adjusted", [])) for o in out])
    capped = np.array(["valid" in o.get("adjusted", []) for o in out])
    over = np.array([max(r.get(u, 0) for u in UTILS) > 1 for r in rows])  # the label's over-use
    return {"over": over,"n": len(rows), "true": true, "bound": bound, "raised": raised, "clamped": clamped,
            "capped": capped,
            "violations": int(np.sum(true < bound)),
            "tightness": float(np.median(bound / true)),
            "worst": float(np.min(true / bound))}


def evaluate(version, a, tmp):
    data = a.data or default_data(version)
    results = {}
    for name, src, top, flags in kernel_sources(version, None, data):
        if a.kernels and name not in a.kernels.split(","):
            continue
        lab = os.path.join(data, version, name + ".jsonl")
        if not os.path.exists(lab):
            continue
        rows = labelled(lab)
        if not rows:
            continue
        out = score(src, rows, a.predictor, tmp, top, flags)
        if out is None or any("error" in o for o in out) or len(out) != len(rows):
            print("%s %s: not scored" % (version, name), file=sys.stderr)
            continue
        m = kernel_metrics(rows, out)
        results[name] = m
        print("%s %-20s %5d points  violations %d  median bound/true %.3f  raised %.0f%%" % (
            version, name, m["n"], m["violations"], m["tightness"], 100 * m["raised"].mean()),
            file=sys.stderr)
    return results


def report(version, results, markdown, worst):
    true = np.concatenate([m["true"] for m in results.values()])
    bound = np.concatenate([m["bound"] for m in results.values()])
    raised = np.concatenate([m["raised"] for m in results.values()])
    clamped = np.concatenate([m["clamped"] for m in results.values()])
    capped = np.concatenate([m["capped"] for m in results.values()])
    over = np.concatenate([m["over"] for m in results.values()])
    viol = int(np.sum(true < bound))
    bad = sorted((k for k, m in results.items() if m["violations"]), key=lambda k: -results[k]["violations"])
    if markdown:
        print("| %s kernel | points | below the bound | median bound/true | raised |" % version)
        print("|---|---:|---:|---:|---:|")
        for k, m in results.items():
            print("| %s | %d | %d | %.3f | %.0f%% |" % (k, m["n"], m["violations"], m["tightness"],
                                                       100 * m["raised"].mean()))
        print()
    print(("* **%s**: " if markdown else "%s: ") % version +
          "%d kernels, %d points; true latency below the bound: %d (%.2f%%) on %d kernel(s)%s; "
          "median bound/true %.3f (per-kernel medians: median %.3f, min %.3f, max %.3f); "
          "bound within 2x of the true latency on %.1f%%; predictor raised to the bound on %.1f%% "
          "(a negative utilisation raised to 0 on %.1f%%, validity capped for over-use on %.1f%% "
          "(%d points, %d of them over the device by their labels too; labelled over-use: %d points))" % (
              len(results), len(true), viol, 100.0 * viol / len(true), len(bad),
              (" (" + ", ".join("%s %d" % (k, results[k]["violations"]) for k in bad) + ")") if bad else "",
              float(np.median(bound / true)),
              float(np.median([m["tightness"] for m in results.values()])),
              float(np.min([m["tightness"] for m in results.values()])),
              float(np.max([m["tightness"] for m in results.values()])),
              100.0 * float(np.mean(2 * bound >= true)), 100.0 * float(raised.mean()),
              100.0 * float(clamped.mean()), 100.0 * float(capped.mean()), int(capped.sum()),
              int(np.sum(capped & over)),
              int(over.sum())))
    if worst:
        ratio = sorted(((m["worst"], k) for k, m in results.items()))[:worst]
        print("  lowest true/bound per kernel: " + ", ".join("%s %.3f" % (k, r) for r, k in ratio))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", default="v21,v25", help="comma-separated: v18, v20, v21, v25")
    ap.add_argument("--predictor", default="network", help="whose latencies may be raised (network, analytic)")
    ap.add_argument("--data", help="labelled data, with one --version (default: the version's, dataset.py)")
    ap.add_argument("--kernels")
    ap.add_argument("--markdown", action="store_true", help="per-kernel tables in Markdown")
    ap.add_argument("--worst", type=int, default=0, help="list the N kernels closest to a violation")
    a = ap.parse_args(argv)
    if a.data and "," in a.version:
        ap.error("--data names the labels of one --version")
    with tempfile.TemporaryDirectory() as tmp:
        for version in a.version.split(","):
            results = evaluate(version, a, tmp)
            if results:
                report(version, results, a.markdown, a.worst)
            else:
                print("%s: no kernel scored" % version)


if __name__ == "__main__":
    sys.exit(main())
