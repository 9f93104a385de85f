"""Which labelled points a change of the analytic estimator moves, and whether it helps: the
estimates of every labelled (hls_ok) point of v21 and v25 through the front door
(`tools/hlsmoe score --predictor analytic`, the plugin HLSMOE_PLUGIN names or build/'s),
written to a file; two such files compared per kernel against the labels.

The estimate is an input of the shipped models (model-format.md): where a change moves no
training point, the models need no retraining; where it does, the comparison says whether the
estimator got better before anyone spends an hour on a retrain.

    PYTHONPATH=tools/train python3 -m hlsmoe_train.estimate_diff dump OUT.json [--versions v21,v25] [--kernels a,b] [--data DIR]
    PYTHONPATH=tools/train python3 -m hlsmoe_train.estimate_diff compare BEFORE.json AFTER.json [--data DIR]
"""
import argparse
import json
import os
import sys
import tempfile

import numpy as np

from .analytic_eval import UTILS, labelled, metrics, overall
from .dataset import default_data, kernel_sources
from .frontdoor import score


def labelled_kernels(versions, kernels=None, data=None):
    """(version/kernel, source, top, flags, rows) of every kernel with labelled points (of
    those named, if any); the labels in `data`, else the version's default."""
    for v in versions:
        data_dir = data or default_data(v)
        for k, src, top, flags in kernel_sources(v, None, data_dir):
            if kernels and k not in kernels:
                continue
            lab = os.path.join(data_dir, v, k + ".jsonl")
            rows = labelled(lab) if os.path.exists(lab) else []
            if rows:
                yield "%s/%s" % (v, k), src, top, flags, rows


def dump(out_path, versions, kernels, data):
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key, src, top, flags, rows in labelled_kernels(versions, kernels, data):
            lines = score(src, rows, "analytic", tmp, top, flags) or []
            out[key] = [[o["latency"]] + [o[u] for u in UTILS] if "error" not in o else None
                        for o in lines]
            print("%-28s %5d points" % (key, len(rows)), file=sys.stderr)
    if not out:
        sys.exit("estimate_diff: no labelled kernels of %s" % ",".join(versions))
    with open(out_path, "w") as f:
        json.dump(out, f, sort_keys=True)


def kernel_metrics(est, rows):
    """analytic_eval's metrics of one kernel's estimates (its errors, squared errors per
    target: perf first, then the utilisations); None if a point was not scored."""
    if len(est) != len(rows) or any(e is None for e in est):
        return None
    pred = np.array(est, float)
    return metrics(pred[:, 0], pred[:, 1:], rows)


def util_mse(se, n):
    """The utilisations' summed MSE from analytic_eval's squared errors (perf is column 0)."""
    return float((np.asarray(se)[1:] / n).sum())


def compare(before_path, after_path, data):
    with open(before_path) as f:
        before = json.load(f)
    with open(after_path) as f:
        after = json.load(f)
    versions = sorted({k.split("/")[0] for k in before})
    if data and len(versions) != 1:
        sys.exit("estimate_diff: --data names the labels of one version; the files hold %s"
                 % ",".join(versions))
    moved = total = 0
    by_version = {}  # (name, version) -> metrics of its kernels
    cell = lambda m: ("med|log2| %.2f rho %.2f util-MSE %.3f"
                      % (m["median_abs_log2"], m["spearman"], util_mse(m["se"], m["n"]))
                      if m else "not scored")
    for key, _src, _top, _flags, rows in labelled_kernels(versions, None, data):
        if key not in before or key not in after:
            continue
        b, a = before[key], after[key]
        mb, ma = kernel_metrics(b, rows), kernel_metrics(a, rows)
        for name, m in (("before", mb), ("after", ma)):
            if m:
                by_version.setdefault((name, key.split("/")[0]), []).append(m)
        n = sum(x != y for x, y in zip(b, a)) + abs(len(b) - len(a))
        total += len(rows)
        moved += n
        if n:
            print("%-28s %5d of %5d moved: %s -> %s" % (key, n, len(rows), cell(mb), cell(ma)))
    print("%d of %d labelled points moved" % (moved, total))
    for name in ("before", "after"):
        ms = [m for (n, _v), kms in sorted(by_version.items()) if n == name for m in kms]
        if ms:
            err = np.concatenate([m["err"] for m in ms])
            se = sum(m["se"] for m in ms)
            print("%s: %d points scored, median |log2(pred/true)| %.4f, utilisations' summed MSE %.4f"
                  % (name, len(err), float(np.median(err)), util_mse(se, len(err))))
    for (name, version), ms in sorted(by_version.items(), key=lambda kv: (kv[0][1], kv[0][0] != "before")):
        print_version(name, version, ms)


def print_version(name, version, ms):
    """One flow's numbers, as analytic_eval pools them over its kernels."""
    o = overall({i: {"analytic": m} for i, m in enumerate(ms)}, "analytic")
    print("%s %s: %d points, median |log2(pred/true)| %.4f, within 2x %.1f %%, Spearman mean %.3f "
          "median %.3f over %d kernels, mean |bias| %.3f"
          % (name, version, o["n"], o["median_abs_log2"], 100 * o["within2x"], o["mean_spearman"],
             o["median_spearman"], o["kernels"], o["mean_abs_bias"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--versions", default="v21,v25")
    d.add_argument("--kernels", help="only these (comma-separated)")
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    for p in (d, c):
        p.add_argument("--data", help="the labels of the one version (default: dataset.py's)")
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        versions = a.versions.split(",")
        if a.data and len(versions) != 1:
            sys.exit("estimate_diff: --data names the labels of one --versions")
        dump(a.out, versions, a.kernels.split(",") if a.kernels else None, a.data)
    else:
        compare(a.before, a.after, a.data)


if __name__ == "__main__":
    main()
