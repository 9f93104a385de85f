"""Writes broken variants of a model with training embeddings (model/confidence.def) for
confidence-weights.test:  confidence_weights.py GOOD.safetensors OUTDIR"""
import os
import sys

import numpy as np

from hlsmoe_train import confidence, export


def main(good, out):
    tensors, meta = export.read_safetensors(good)
    key = confidence.META
    rows = tensors[confidence.TENSOR]

    def write(name, t, m):
        export.write_safetensors(os.path.join(out, name + ".safetensors"), t, m)

    write("no-tensor", {k: v for k, v in tensors.items() if k != confidence.TENSOR}, meta)
    write("no-scale", tensors, {k: v for k, v in meta.items() if k != key["scale"]})
    write("tensor-only", tensors, {k: v for k, v in meta.items() if k not in key.values()})
    write("names", tensors, dict(meta, **{key["kernels"]: meta[key["kernels"]] + ",extra"}))
    write("empty-name", tensors, dict(meta, **{key["kernels"]: "," + meta[key["kernels"]].split(",", 1)[1]}))
    write("width", dict(tensors, **{confidence.TENSOR: rows[:, :-1]}), meta)
    write("scale", tensors, dict(meta, **{key["scale"]: "0"}))
    write("perf-std", tensors, dict(meta, **{key["perf_std"]: "nan"}))
    write("perf-mean", tensors, dict(meta, **{key["perf_mean"]: "1.5x"}))
    bad = rows.copy()
    bad[1, 2] = np.nan
    write("nan", dict(tensors, **{confidence.TENSOR: bad}), meta)


if __name__ == "__main__":
    main(*sys.argv[1:])
