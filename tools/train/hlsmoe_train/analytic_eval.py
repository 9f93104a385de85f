"""Measures the analytic predictor against HLS results: every labelled (hls_ok) point of every
HLSyn kernel of one version, scored through the front door (`tools/hlsmoe score --predictor P`)
with the analytic estimator and, in the same run, the shipped network; plus a constant
baseline that predicts, for each kernel, the mean log latency of all *other* kernels' points.

Per kernel and overall: median |log2(predicted / true latency)|, Spearman correlation of
predicted and true latency, bias of the mean log2 latency (predicted minus true), and the summed
MSE over the five targets in the model's space (perf = log2(1e7 / latency) / 2, utilisations
as fractions).  The network is in-sample here (it was trained on these kernels); the analytic
estimator has seen none of them.

    PYTHONPATH=tools/train python3 -m hlsmoe_train.analytic_eval [--version v21|v25] [--data DIR]
                                    [--kernels a,b] [--markdown]
"""
import argparse
import math
import os
import sys
import tempfile

import numpy as np

from .dataset import default_data, kernel_sources, read_labels
from .frontdoor import score
from .protocol import spearman
from .targets import REGRESSION, perf_of_latency as perf  # model/targets.def

UTILS = [t for t in REGRESSION if t.startswith("util_")]


def labelled(path):
    """The points of a label file that synthesised."""
    return [r for r in read_labels(path) if r.get("hls_ok")]


def metrics(pred_lat, pred_util, rows):
    true = np.array([r["perf"] for r in rows], float)
    pl = np.array(pred_lat, float)
    err = np.abs(np.log2(pl / true))
    y = np.array([[perf(r["perf"])] + [r[u] for u in UTILS] for r in rows])
    yp = np.column_stack([[perf(x) for x in pl]] + [np.array(pred_util)[:, k] for k in range(4)])
    return {
        "n": len(rows),
        "median_abs_log2": float(np.median(err)),
        "within2x": float(np.mean(err <= 1.0)),
        "spearman": spearman(pl, true),
        "bias": float(np.mean(np.log2(pl)) - np.mean(np.log2(true))),
        "summed_mse": float(((yp - y) ** 2).mean(0).sum()),
        "err": err,
        "se": ((yp - y) ** 2).sum(0),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", default="v21")
    ap.add_argument("--data", help="labelled data (default: the version's, dataset.py)")
    ap.add_argument("--kernels")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    a = ap.parse_args(argv)
    data_dir = a.data or default_data(a.version)
    data, where = {}, {}
    for k, src, top, flags in kernel_sources(a.version, None, data_dir):
        lab = os.path.join(data_dir, a.version, k + ".jsonl")
        if (a.kernels and k not in a.kernels.split(",")) or not os.path.exists(lab):
            continue
        rows = labelled(lab)
        if rows:
            data[k], where[k] = rows, (src, top, flags)
    if not data:
        sys.exit("analytic_eval: no labelled kernels of %s in %s" % (a.version, data_dir))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k, rows in data.items():
            src, top, flags = where[k]
            res = {}
            for pred in ("analytic", "network"):
                out = score(src, rows, pred, tmp, top, flags)
                if out is None or any("error" in o for o in out):
                    continue
                res[pred] = metrics([o["latency"] for o in out],
                                    [[o[u] for u in UTILS] for o in out], rows)
            # leave-kernel-out constant: the mean log2 latency (and utilisations) of the others
            others = [r for j, rs in data.items() if j != k for r in rs]
            mlog = np.mean([math.log2(r["perf"]) for r in others])
            mu = [float(np.mean([r[u] for r in others])) for u in UTILS]
            res["mean"] = metrics([2 ** mlog] * len(rows), [mu] * len(rows), rows)
            results[k] = res
            print("%-22s" % k + "  ".join(
                "%s: med|log2| %.2f rho %.2f bias %+.2f" % (p, m["median_abs_log2"], m["spearman"], m["bias"])
                for p, m in res.items()), file=sys.stderr)
    report(results, a.markdown)


def overall(results, pred):
    ms = [r[pred] for r in results.values() if pred in r]
    err = np.concatenate([m["err"] for m in ms])
    se = sum(m["se"] for m in ms)
    n = sum(m["n"] for m in ms)
    rhos = [m["spearman"] for m in ms if not math.isnan(m["spearman"])]
    return {"kernels": len(ms), "n": n, "median_abs_log2": float(np.median(err)),
            "within2x": float(np.mean(err <= 1.0)),
            "mean_spearman": float(np.mean(rhos)) if rhos else float("nan"),
            "median_spearman": float(np.median(rhos)) if rhos else float("nan"),
            "mean_abs_bias": float(np.mean([abs(m["bias"]) for m in ms])),
            "summed_mse": float((se / n).sum())}


def report(results, markdown):
    preds = ["analytic", "network", "mean"]
    if markdown:
        print("| kernel | points | " + " | ".join(
            "%s med\\|log2\\| | %s ρ | %s bias" % (p, p, p) for p in preds[:2]) + " | mean med\\|log2\\| |")
        print("|---|---:|" + "---:|" * 7)
    for k, res in results.items():
        cells = []
        for p in preds[:2]:
            m = res.get(p)
            cells += ["%.2f" % m["median_abs_log2"], "%.2f" % m["spearman"], "%+.2f" % m["bias"]] if m else ["—"] * 3
        cells.append("%.2f" % res["mean"]["median_abs_log2"])
        n = res["mean"]["n"]
        print(("| %s | %d | " % (k, n) + " | ".join(cells) + " |") if markdown else
              "%-22s %5d  " % (k, n) + "  ".join("%7s" % c for c in cells))
    print()
    for p in preds:
        o = overall(results, p)
        print(("* **%s**: " if markdown else "%s: ") % p +
              "%d kernels, %d points; median |log2(pred/true)| %.2f (within 2x: %.0f%%); Spearman mean %.2f, "
              "median %.2f over kernels; mean |bias| %.2f; summed MSE %.2f" % (
                  o["kernels"], o["n"], o["median_abs_log2"], 100 * o["within2x"], o["mean_spearman"],
                  o["median_spearman"], o["mean_abs_bias"], o["summed_mse"]))


if __name__ == "__main__":
    sys.exit(main())
