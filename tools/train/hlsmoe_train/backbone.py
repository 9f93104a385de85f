"""The analytic estimate as a learned model's backbone (issue 14 item 2): the feature names of
model/backbone.def, and the feature vectors of a kernel's design points as the C estimator
computes them (`build/hls-graph backbone GRAPH POINTS`, cached beside the graph).

A model trained with a backbone (model.Model(..., backbone_inputs=True, residual=[...])) reads
the vector beside its graph embedding and/or predicts, for the residual targets, the difference
between the label and the analytic value (the feature of the same name, in the target's space).

    python3 -m hlsmoe_train.backbone GRAPH.json POINTS.jsonl    prints the features (a check)
    python3 -m hlsmoe_train.backbone --names                    the names, as `hls-graph backbone` does
"""
import hashlib
import json
import os
import subprocess
import sys

import numpy as np

from . import ROOT
from . import defs

BACKBONE_DEF = os.path.join(ROOT, "model", "backbone.def")
HLS_GRAPH = os.path.join(ROOT, "build", "hls-graph")
def _read(path=BACKBONE_DEF):
    """The feature names in order, and the residual bound (bound, damaged)."""
    found = defs.entries(path, ("BACKBONE_FEATURE", "BACKBONE_RESIDUAL_BOUND"))
    names = [args[0] for macro, args in found if macro == "BACKBONE_FEATURE"]
    bounds = [args for macro, args in found if macro == "BACKBONE_RESIDUAL_BOUND"]
    if not names:
        raise ValueError("%s: no BACKBONE_FEATURE entries" % path)
    if len(bounds) != 1 or len(bounds[0]) != 2:
        raise ValueError("%s: needs one BACKBONE_RESIDUAL_BOUND(bound, damaged)" % path)
    return names, float(bounds[0][0]), float(bounds[0][1])


FEATURES, RESIDUAL_BOUND, RESIDUAL_DAMAGED = _read()


def bound_correction(c):
    """A residual correction as the model uses it (backbone.def): clamped to +-RESIDUAL_BOUND,
    unless beyond RESIDUAL_DAMAGED or not finite (a damaged model's: left for the checks)."""
    import torch
    clamped = c.clamp(-RESIDUAL_BOUND, RESIDUAL_BOUND)
    return torch.where(c.abs() <= RESIDUAL_DAMAGED, clamped, c)


class BackboneMismatch(Exception):
    pass


def tool_beside(plugin):
    """The hls-graph of the build that made the plugin (the estimator the graphs' build has)."""
    return os.path.join(os.path.dirname(os.path.abspath(plugin)), "hls-graph")


def compute(graph_path, points, tool=HLS_GRAPH, flow=None):
    """[len(points), len(FEATURES)] float32: the C estimator's features of each point.

    flow: the flows.Flow (or its name) whose device share the utilisations are fractions of
    (model/flows.def); None: the whole device (v18/v20 have no flow of their own: HLSyn's
    utilisations are over the whole U200 too)."""
    tmp = "%s.%d.points.jsonl" % (graph_path, os.getpid())
    with open(tmp, "w") as f:
        for p in points:
            f.write(json.dumps({"point": p}) + "\n")
    try:
        r = subprocess.run([tool, "backbone", graph_path, tmp] + _flow_arg(flow), capture_output=True,
                           text=True)
    finally:
        os.remove(tmp)
    if r.returncode != 0:
        raise RuntimeError("%s backbone %s failed:\n%s" % (tool, graph_path, r.stderr[-2000:]))
    lines = r.stdout.splitlines()
    header = json.loads(lines[0])
    if header != FEATURES:
        raise BackboneMismatch("%s names the features %s; model/backbone.def says %s (rebuild)"
                               % (tool, header, FEATURES))
    rows = [json.loads(l) for l in lines[1:]]
    if len(rows) != len(points):
        raise RuntimeError("%s: %d feature rows for %d points" % (graph_path, len(rows), len(points)))
    return np.asarray(rows, dtype=np.float32).reshape(len(points), len(FEATURES))


def _flow_arg(flow):
    name = getattr(flow, "name", flow)
    return [name] if name else []


def cached(graph_path, points, tool=HLS_GRAPH, flow=None):
    """compute(), cached next to the graph; the key hashes the points, the flow and the tool's
    mtime (the estimator's code) so a rebuilt estimator recomputes."""
    h = hashlib.sha1(json.dumps(points, sort_keys=True).encode())
    h.update(("flow=%s;" % ",".join(_flow_arg(flow))).encode())
    h.update(str(int(os.path.getmtime(tool))).encode())
    h.update(",".join(FEATURES).encode())
    path = "%s.backbone-%s.npy" % (graph_path[:-5], h.hexdigest()[:12])
    if os.path.exists(path):
        return np.load(path)
    b = compute(graph_path, points, tool, flow)
    tmp = path + ".%d.npy" % os.getpid()
    np.save(tmp, b)
    os.replace(tmp, path)
    return b


def residual_base(features, targets, residual):
    """[N, len(targets)]: the analytic value of each residual target (its feature), 0 elsewhere."""
    base = np.zeros((features.shape[0], len(targets)), dtype=np.float32)
    for t in residual:
        base[:, targets.index(t)] = features[:, FEATURES.index(t)]
    return base


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--names"]:
        print(json.dumps(FEATURES, separators=(",", ":")))
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        pts = [json.loads(l).get("point", json.loads(l)) for l in f if l.strip()]
    print(json.dumps(FEATURES))
    for row in compute(argv[0], pts):
        print(json.dumps([round(float(x), 6) for x in row]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
