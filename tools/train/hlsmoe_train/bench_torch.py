"""Designs/second of the PyTorch model (model.py) on one kernel graph, for bench/runtime.sh.

    python3 -m hlsmoe_train.bench_torch GRAPH.json MODEL.safetensors[,MODEL2...] [--points N] [--batch 64] [--threads 2]

Every model scores every point (regression + validity = two models), in batches of --batch
design points through Model.predict under torch.no_grad(), as a user of the PyTorch model
would score a design space.  Prints one line: "torch designs/s <rate> (<points> points in <s> s,
peak RSS <MiB> MiB)".  Hybrid models (built on the analytic estimate) get the points' backbone
features from the C estimator beforehand, untimed: PyTorch has no estimator of its own."""
import argparse
import os
import random
import resource
import sys
import time

import torch

from . import dataset
from . import export
from . import model as model_mod
from . import schema as schema_mod


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("graph")
    ap.add_argument("models")
    ap.add_argument("--points", type=int, default=1024)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    schema = schema_mod.Schema()
    models = [export.load_model(p, schema) for p in a.models.split(",")]
    gj = dataset.load_graph_json(a.graph, schema)
    graph = dataset.Graph(gj, schema)
    g = model_mod.GraphTensors(graph)
    pts = export.random_points(gj, a.points, random.Random(a.seed))
    P = torch.as_tensor(graph.encode(schema, pts))
    Bs = [export.model_backbone(m, a.graph, pts) for m in models]   # each for its own flow
    with torch.no_grad():
        for m, B in zip(models, Bs):  # warm-up: allocator, thread pool
            m.predict(g, P[: a.batch], None if B is None else B[: a.batch])
        t0 = time.perf_counter()
        for m, B in zip(models, Bs):
            for at in range(0, a.points, a.batch):
                m.predict(g, P[at: at + a.batch], None if B is None else B[at: at + a.batch])
        secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("torch designs/s %.1f (%d points in %.3f s, peak RSS %.1f MiB)" % (a.points / secs, a.points, secs, peak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
