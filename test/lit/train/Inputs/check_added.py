"""check_added.py BEFORE.safetensors AFTER.safetensors LABELS_DIR N: after `confidence add --max-points
N`, every tensor and metadata key of BEFORE is in AFTER unchanged, and the recorded perf mean and
standard deviation are those of the first N HLS-successful labels of each training kernel
(computed here from the label files, not by the package's code path)."""
import json
import math
import os
import sys

import numpy as np

from hlsmoe_train import confidence, export, targets


def main(before, after, labels, n):
    a, ma = export.read_safetensors(before)
    b, mb = export.read_safetensors(after)
    assert set(b) - set(a) == {confidence.TENSOR}, sorted(set(b) ^ set(a))
    assert all(a[k].tobytes() == b[k].tobytes() for k in a), "a tensor changed"
    assert all(mb[k] == v for k, v in ma.items()), "a metadata key changed"
    names = mb[confidence.META["kernels"]].split(",")
    perf = []
    for k in names:
        ok = [json.loads(l) for l in open(os.path.join(labels, k + ".jsonl")) if l.strip()]
        ok = [r for r in ok if r.get("hls_ok")][:int(n)]
        perf += [targets.perf_of_latency(r["perf"]) for r in ok]
    mean, std = float(np.mean(perf)), float(np.std(perf))
    got_mean, got_std = float(mb[confidence.META["perf_mean"]]), float(mb[confidence.META["perf_std"]])
    assert math.isclose(mean, got_mean, rel_tol=1e-5, abs_tol=1e-6), (mean, got_mean)
    assert math.isclose(std, got_std, rel_tol=1e-5), (std, got_std)
    print("%d kernels %s; other tensors and metadata unchanged; perf statistics those of the labels"
          % (len(names), ",".join(names)))


if __name__ == "__main__":
    main(*sys.argv[1:])
