"""Quality of a trained model on labelled data (no training).

    python3 -m hlsmoe_train.evaluate MODEL.safetensors [--version v21] [--kernels a,b] [--threads 1]

Regression: MSE per objective and summed over the HLS-successful points of every kernel, and the
Spearman correlation of predicted vs true perf per kernel.  Validity: accuracy, the rate of the
majority class, the cross-entropy over every labelled point, and precision / recall / balanced accuracy
of the "valid" class at p_valid >= 0.5.
"""
import argparse
import os
import sys

import numpy as np
import torch

from . import dataset
from . import export
from . import flows
from . import protocol
from . import train


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model")
    ap.add_argument("--version", default="v21")
    ap.add_argument("--kernels")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--data", help="labelled data (default: the version's, dataset.py)")
    ap.add_argument("--sources", help="kernel sources (default: the version's, dataset.py)")
    ap.add_argument("--cache", default=dataset.DEFAULT_CACHE)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    m = export.load_model(a.model)
    want = flows.of_version(a.version)
    if want is not None and m.flow != want.name:
        # the labels are another tool's than the model predicts: say so, as the compiler does
        print("warning: %s: the model was trained for %s, the %s labels are %s's" % (
            a.model, m.flow or "no recorded flow", a.version, want.name), file=sys.stderr)
    kds = dataset.load_kernels(a.version, a.sources, a.data, a.cache,
                               kernels=a.kernels.split(",") if a.kernels else None)
    if m.task == "regression":
        se, n, rhos = np.zeros(len(dataset.TARGETS)), 0, []
        for kd in kds:
            idx = np.nonzero(kd.ok)[0]
            if len(idx) == 0:
                continue
            y = train.predict(m, kd, idx)
            se += ((y - kd.y[idx]) ** 2).sum(0)
            n += len(idx)
            r = protocol.spearman(y[:, 0], kd.y[idx, 0])
            rhos.append(r)
            print("%-18s %5d points  summed MSE %.4f  Spearman(perf) %.3f" % (
                kd.name, len(idx), float(((y - kd.y[idx]) ** 2).mean(0).sum()), r))
        mse = se / n
        print("all: %d points, MSE %s, summed %.4f, median Spearman(perf) over kernels %.3f" % (
            n, " ".join("%s %.4f" % (t, v) for t, v in zip(dataset.TARGETS, mse)), mse.sum(),
            float(np.nanmedian(rhos))))
    else:
        c = train.validity_counts(m, kds)
        v = train.validity_scores(c)
        print("all: %d points, accuracy %.4f (majority class %.4f), cross-entropy %.4f" % (
            c["n"], v["accuracy"], v["majority"], v["ce"]))
        # what exploration relies on: how many kept designs really synthesize (precision) and how
        # many of the good ones are kept (recall), at p_valid >= 0.5
        print("valid class: precision %.4f, recall %.4f, balanced accuracy %.4f; %d points predicted valid, %d valid" % (
            v["precision"], v["recall"], v["balanced"], c["tp"] + c["fp"], c["tp"] + c["fn"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
