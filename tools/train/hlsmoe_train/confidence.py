"""Confidence of a prediction: how far a design lies from what the model was trained on.

A regression model may carry, beside its weights, what it was trained on (model/confidence.def:
tensor, metadata keys, levels): the mean graph embedding of each training kernel, the typical
distance between those rows (the median over the kernels of the distance from a kernel's row to
the nearest other row), and the mean and standard deviation of the training designs' perf.  A
design has two measures: its distance, the Euclidean distance of its embedding z (the heads'
input; hier: z_node ‖ z_block ‖ z_graph) to the nearest row divided by the typical distance, and
its work, |analytic perf - mean| / std with the analytic estimator's perf of the design (how far
its latency lies from the training designs').  The C runtime computes both (model/confidence.c,
model/predictor.c) for every design it scores; docs/confidence.md has the evaluation that chose
them and the levels.

    python3 -m hlsmoe_train.confidence add MODEL.safetensors [--version V] [--kernels a,b] [--exclude a,b]
                [--max-points N] [--data D] [--cache C] [--plugin P] [--out OUT.safetensors]
        computes what a regression model was trained on from its training kernels (default: every
        labelled kernel of the version of the flow the model records; their HLS-successful
        points) and writes it into the file (or OUT), every other tensor and key bit-identical;
        a reference file next to the model gets the confidence of its points
    python3 -m hlsmoe_train.confidence add MODEL.safetensors --graph G.json ... [--npoints N] [--seed S]
                [--perf MEAN,STD] [--scale S]
        the same from graphs and random points instead of labelled data (random test models)
    python3 -m hlsmoe_train.confidence distance MODEL.safetensors GRAPH.json [--points P.jsonl] [--npoints N]
        per design point: distance and nearest training kernel
    python3 -m hlsmoe_train.confidence eval --dir DIR [--version V] [--folds K] [--seed S] [--kind hier] [--kernels a,b]
                [--train-missing --epochs N --max-points N] [--json OUT.json] [--seed-dirs D1,D2]
        leave-kernel-out validation against zero-shot errors: for every fold model
        DIR/<kind>-fold<F>-s<S>.safetensors (kfold.py; --train-missing trains the missing ones
        with kfold.pretrain) the measures of each held-out kernel against its fold's training
        kernels, several variants, and the model's errors; for the errors DIR/results.jsonl
        records (kfold.py), the variants that need no network.  Prints Spearman correlations and
        the errors per level.  --seed-dirs adds the disagreement of an ensemble of seeds: per
        kernel, this run's fold model and each other run's model that held the kernel out.
    python3 -m hlsmoe_train.confidence declaration
        the declaration as this package reads it (test/lit/train/confidence-def.test)
"""
import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

from . import ROOT
from . import defs

CONFIDENCE_DEF = os.path.join(ROOT, "model", "confidence.def")
def _read(path=CONFIDENCE_DEF):
    tensor, meta, levels = None, {}, []
    for macro, args in defs.entries(path, ("CONFIDENCE_TENSOR", "CONFIDENCE_META", "CONFIDENCE_LEVEL")):
        if macro == "CONFIDENCE_TENSOR":
            tensor = args[0]
        elif macro == "CONFIDENCE_META":
            meta[args[0]] = args[1]
        else:
            levels.append((args[0], float(args[1]), float(args[2])))
    if tensor is None or set(meta) != {"kernels", "scale", "perf_mean", "perf_std"} or not levels \
            or levels[-1][1:] != (math.inf, math.inf):
        raise ValueError("%s: needs CONFIDENCE_TENSOR, CONFIDENCE_META kernels, scale, perf_mean and "
                         "perf_std, and CONFIDENCE_LEVELs ending with inf, inf" % path)
    return tensor, meta, levels


TENSOR, META, LEVELS = _read()


def level_index(distance, work):
    """The index in LEVELS of a design's level: the first whose bounds both measures stay below."""
    for i, (_, below_d, below_w) in enumerate(LEVELS):
        if distance < below_d and work < below_w:
            return i
    return len(LEVELS) - 1


def level(distance, work):
    return LEVELS[level_index(distance, work)][0]


class Reference:
    """What a model records of its training data: kernel names [K], their mean embeddings rows
    [K, Z] (float32), the typical distance between them (scale), and the mean and standard
    deviation of the training designs' perf."""

    def __init__(self, names, rows, scale, perf_mean, perf_std):
        self.names = list(names)
        self.rows = np.ascontiguousarray(np.asarray(rows, dtype=np.float32))
        self.scale, self.perf_mean, self.perf_std = float(scale), float(perf_mean), float(perf_std)
        if self.rows.ndim != 2 or self.rows.shape[0] != len(self.names) or not self.names:
            raise ValueError("confidence reference: %d names for rows of shape %s"
                             % (len(self.names), self.rows.shape))
        if any("," in n or not n for n in self.names):
            raise ValueError("confidence reference: kernel names must be non-empty and hold no ','")
        for what, v in (("scale", self.scale), ("perf_std", self.perf_std)):
            if not (v > 0 and math.isfinite(v)):
                raise ValueError("confidence reference: %s %r is not a positive number" % (what, v))
        if not math.isfinite(self.perf_mean):
            raise ValueError("confidence reference: perf_mean %r is not a number" % self.perf_mean)

    def tensors(self):
        return {TENSOR: self.rows}

    def metadata(self):
        # repr of a float: the shortest decimal that reads back as the same double (C strtod)
        return {META["kernels"]: ",".join(self.names), META["scale"]: repr(self.scale),
                META["perf_mean"]: repr(self.perf_mean), META["perf_std"]: repr(self.perf_std)}

    def distance(self, z):
        """z [n, Z] -> (distance / scale [n] float64, index of the nearest row [n])."""
        d = nearest_distances(np.asarray(z, dtype=np.float64), self.rows.astype(np.float64))
        return d[0] / self.scale, d[1]

    def work(self, perf):
        """The work measure of designs whose analytic perf is `perf`."""
        return np.abs(np.asarray(perf, dtype=np.float64) - self.perf_mean) / self.perf_std


def nearest_distances(z, rows, k=1):
    """Euclidean distance of every row of z to its k nearest rows of `rows` (mean of the k) and the
    index of the nearest; float64, direct differences (no |a|²+|b|²-2ab cancellation)."""
    d = np.sqrt(((z[:, None, :] - rows[None, :, :]) ** 2).sum(-1))     # [n, K]
    order = np.argsort(d, axis=1, kind="stable")
    near = order[:, 0]
    dk = np.take_along_axis(d, order[:, :k], 1).mean(1)
    return dk, near


def typical_distance(rows):
    """Median over rows of the distance to the nearest other row (the scale)."""
    rows = np.asarray(rows, dtype=np.float64)
    if len(rows) < 2:
        raise ValueError("a confidence scale needs at least two training kernels")
    d = np.sqrt(((rows[:, None, :] - rows[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    return float(np.median(d.min(1)))


def split(tensors, meta):
    """Takes the confidence tensor out of a weight file's tensors: (other tensors, Reference or None).
    Raises ValueError when the file has half of it."""
    tensors = dict(tensors)
    rows = tensors.pop(TENSOR, None)
    has_meta = [k for k in META.values() if k in meta]
    if rows is None and not has_meta:
        return tensors, None
    if rows is None or len(has_meta) != len(META):
        raise ValueError("a model with training embeddings needs tensor %s and metadata %s together"
                         % (TENSOR, ", ".join(sorted(META.values()))))
    return tensors, Reference(meta[META["kernels"]].split(","), rows, float(meta[META["scale"]]),
                              float(meta[META["perf_mean"]]), float(meta[META["perf_std"]]))


def embeddings(m, kd, idx, bs=256):
    """The model's graph embeddings z [n, Z] of points idx of one kernel (float32)."""
    from . import train
    _, z = train.predict(m, kd, np.asarray(idx), bs=bs, want_z=True)
    return z


def build(m, items):
    """The Reference of a regression model from its training items [(KernelData, point indices)]:
    row k is the mean embedding of kernel k's points (kernels without points are skipped), the perf
    statistics those of the labels of all the points."""
    names, rows, spread = [], [], []
    # a model across flows trains on a kernel's namesakes of several flows: name the flow too
    versions = {getattr(kd, "version", None) for kd, _ in items}
    for kd, idx in items:
        if len(idx) == 0:
            continue
        z = embeddings(m, kd, idx).astype(np.float64)
        flow = getattr(kd, "flow", None)
        names.append("%s (%s)" % (kd.name, flow.name) if len(versions) > 1 and flow is not None else kd.name)
        rows.append(z.mean(0))
        spread.append(float(np.median(np.sqrt(((z - z.mean(0)) ** 2).sum(1)))))
    rows = np.asarray(rows).astype(np.float32)
    # one kernel has no other to be near: its points' median distance to its row stands in
    scale = typical_distance(rows) if len(rows) > 1 else (spread[0] or 1.0)
    return Reference(names, rows, scale, *work_stats(items))


def training_items(kds, task):
    """The points a model of `task` learns from in every kernel (train.usable)."""
    from . import train
    return [(kd, train.usable(kd, task)) for kd in kds]


# ---------------------------------------------------------------- add
def labelled_items(version, kernels=None, exclude=None, max_points=None, data=None, cache=None, plugin=None):
    """The regression training items of a model trained on a version's labelled kernels."""
    from . import dataset
    kds = dataset.load_kernels(version, data=data, cache=cache or dataset.DEFAULT_CACHE,
                               plugin=plugin or dataset.DEFAULT_PLUGIN, kernels=kernels)
    if exclude:
        kds = [k for k in kds if k.name not in set(exclude)]
    items = training_items(kds, "regression")
    if max_points:
        items = [(kd, idx[:max_points]) for kd, idx in items]
    return items


def graph_reference(m, graph_paths, npoints, seed, perf=None, scale=None):
    """A Reference from graph JSON files and random design points instead of labelled data, for
    random test models: rows from those points' embeddings; the perf statistics `perf` (mean, std)
    or those of the model's own predictions; scale the typical distance unless given."""
    from . import dataset
    from . import export
    from . import model as model_mod
    from . import schema as schema_mod
    schema = schema_mod.Schema()
    rng = random.Random(seed)
    names, rows, ys = [], [], []
    for gp in graph_paths:
        gj = dataset.load_graph_json(gp, schema)
        graph = dataset.Graph(gj, schema)
        pts = export.random_points(gj, npoints, rng)
        P = torch.as_tensor(graph.encode(schema, pts))
        with torch.no_grad():
            out = m.forward(model_mod.GraphTensors(graph), P, backbone=_backbone(m, gp, pts))
        names.append(graph.name)
        rows.append(out["z"].double().numpy().mean(0))
        ys.append(out["y"][:, 0].double().numpy())
    rows = np.asarray(rows).astype(np.float32)
    ys = np.concatenate(ys)
    mean, std = perf if perf else (float(ys.mean()), float(ys.std()) or 1.0)
    return Reference(names, rows, scale or typical_distance(rows), mean, std)


def add_to_file(path, items=None, reference=None, out=None, log=print):
    """Writes into out (default: path itself) the training embeddings of the model in `path`:
    computed from its training items [(KernelData, point indices)], or given as a Reference.  The
    model's tensors and metadata are kept (bit-identical); only the confidence tensor and keys are
    added (or replaced).  A reference file next to the model gets the confidence of its points."""
    from . import export
    m = export.load_model(path)
    if m.task != "regression":
        raise ValueError("%s: a %s model; training embeddings belong to the regression model, whose "
                         "embedding the runtime measures" % (path, m.task))
    tensors, meta = export.read_safetensors(path)
    tensors, _ = split(tensors, meta)
    ref = reference or build(m, items)
    meta = dict(meta)
    meta.update(ref.metadata())
    tensors.update(ref.tensors())
    export.write_safetensors(out or path, tensors, meta)
    log("%s: training embeddings of %d kernels%s, %d wide, typical distance %.6g, perf %.6g +- %.6g" % (
        out or path, len(ref.names), " (%d points)" % sum(len(i) for _, i in items) if items else "",
        ref.rows.shape[1], ref.scale, ref.perf_mean, ref.perf_std))
    m.confidence = ref
    refjson = _reference_path(path)
    if os.path.exists(refjson):
        log(add_to_reference(m, refjson, _reference_path(out or path)))
    return ref


def _reference_path(model_path):
    return (model_path[: -len(".safetensors")] if model_path.endswith(".safetensors") else model_path) \
        + ".reference.json"


def add_to_reference(m, path, out):
    """Adds to every case of a reference file (export.py) the confidence of its points, computed
    from the embeddings it records; everything else stays as it was."""
    from . import export
    with open(path) as f:
        ref = json.load(f)
    for case in ref["cases"]:
        case["confidence"] = export.compute_confidence(m, case["embeddings"])
    with open(out, "w") as f:
        json.dump(ref, f, indent=None, separators=(",", ":"))
        f.write("\n")
    return out


# ---------------------------------------------------------------- evaluation
def _spearman(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    ok = np.isfinite(a) & np.isfinite(b)
    if ok.sum() < 3:
        return float("nan")
    from scipy.stats import spearmanr
    return float(spearmanr(a[ok], b[ok]).correlation)


def _results(d):
    """The records of the k-fold run in directory d (its results.jsonl), None without one."""
    res = os.path.join(d, "results.jsonl")
    if not os.path.exists(res):
        return None
    return [json.loads(line) for line in open(res) if line.strip()]


def _recorded(a):
    """The k-fold run's records of seed a.seed (results.jsonl): [(fold, kind, held-out, {kernel: row})]."""
    return [(r["fold"], r["kind"], r["held_out"], {k["kernel"]: k for k in r["kernels"]})
            for r in _results(a.dir) or [] if r["seed"] == a.seed]


def _truncate(kds, n):
    """kfold.py --max-points: the first n points of every kernel."""
    for kd in kds:
        keep = slice(0, n)
        kd.records, kd.points, kd.P = kd.records[keep], kd.points[keep], kd.P[keep]
        kd.ok, kd.y, kd.latency = kd.ok[keep], kd.y[keep], kd.latency[keep]


def analytic_perf(version, kds, cache=None, data=None):
    """The analytic estimator's perf of every labelled point of every kernel ({name: [n]}), through
    the front door as a user runs it (tools/hlsmoe score --predictor analytic), cached in
    build/confidence-analytic/<version>/ and keyed by the plugin's mtime."""
    import subprocess
    from . import dataset
    from . import flows as flows_mod
    from . import targets as targets_mod
    flow = flows_mod.of_version(version)
    plugin = dataset.DEFAULT_PLUGIN
    cache = cache or os.path.join(ROOT, "build", "confidence-analytic", version)
    os.makedirs(cache, exist_ok=True)
    data = data or dataset.default_data(version)
    srcs = {n: (s, t, f) for n, s, t, f in dataset.kernel_sources(version, None, data)}
    out = {}
    for kd in kds:
        src, top, flags = srcs[kd.name]
        labels = os.path.join(data, version, kd.name + ".jsonl")
        path = os.path.join(cache, "%s.%d.jsonl" % (kd.name, int(os.path.getmtime(plugin))))
        if not os.path.exists(path):
            cmd = [dataset.FRONT_DOOR, "score", src] + (["--top", top] if top else []) + [
                "--target", flow.name, "--predictor", "analytic", "--points", labels, "--output", path + ".tmp"]
            cmd += ["--"] + list(flags or [])
            # points the estimator finds implausible (hundreds of times the device) get an error
            # line instead of a prediction, and the run exits 1: they are NaN here
            subprocess.run(cmd, stderr=subprocess.DEVNULL, env=dict(os.environ, HLSMOE_PLUGIN=plugin))
            with open(labels) as f:
                n = sum(1 for line in f if line.strip())
            with open(path + ".tmp") as f:
                if sum(1 for line in f if line.strip()) != n:
                    raise RuntimeError("%s: the analytic estimator did not score every point of %s"
                                       % (" ".join(cmd), labels))
            os.replace(path + ".tmp", path)
        rows = [json.loads(l) for l in open(path) if l.strip()]
        perf = np.asarray([targets_mod.perf_of_latency(max(float(r["latency"]), 1.0)) if "latency" in r
                           else float("nan") for r in rows])
        out[kd.name] = perf[:len(kd)]       # --max-points: the first points, as the kernel's
    return out


def work_stats(items):
    """Mean and standard deviation of the perf labels of the training points: the training
    designs' latencies, in the model's perf space."""
    p = np.concatenate([kd.y[idx, 0] for kd, idx in items if len(idx)]).astype(np.float64)
    return float(p.mean()), float(p.std())


VARIANTS = [
    ("point_median", "per design, nearest training kernel mean (the runtime's), median over the kernel"),
    ("kernel_mean", "kernel mean embedding to the nearest training kernel mean"),
    ("point_median_k3", "per design, mean of the 3 nearest training kernel means"),
    ("point_median_std", "per design, standardised dimensions"),
    ("point_median_cos", "per design, cosine distance"),
    ("point_median_nn_point", "per design, nearest training design (64 per kernel)"),
    ("point_median_node", "hier only: per design, z_node alone"),
    ("point_median_block", "hier only: per design, z_block alone"),
    ("point_median_graph", "hier only: per design, z_graph alone"),
    ("hier_disagreement", "hier only: std of the three networks' perf predictions"),
    ("correction", "perf residual only: |network's correction to the analytic perf|, median"),
    ("seed_disagreement", "--seed-dirs: std over seeds' fold models of the perf prediction, median"),
    ("graph_features", "no model: the kernel's mean node features, standardised"),
    ("work", "no model: |analytic perf - training mean| / training std (the runtime's), median"),
    ("work_outside", "no model: analytic perf outside the training 5-95 % range, median"),
    ("oracle_label", "oracle, not available at inference: |mean true perf - training mean| / std"),
]


def model_free_record(kd, fold_ctx):
    """The variants that need no network: the kernel's input features and its analytic work."""
    r = {}
    gx, gsd, gscale = fold_ctx["graph_features"]
    x = kd.graph.x.astype(np.float64).mean(0, keepdims=True) / gsd
    dg, _ = nearest_distances(x, gx)
    r["graph_features"] = float(dg[0] / gscale)
    a = fold_ctx["analytic"][kd.name][kd.ok]
    mu, sd = fold_ctx["work"]
    w = np.abs(a - mu) / sd
    r["work"] = float(np.nanmedian(w))
    r["point_work"] = w.tolist()
    # not available at inference: the kernel's true latencies, the quantity work stands in for
    r["oracle_label"] = float(abs(kd.y[kd.ok, 0].astype(np.float64).mean() - mu) / sd)
    lo, hi = fold_ctx["work_range"]
    r["work_outside"] = float(np.nanmedian(np.maximum(lo - a, 0) + np.maximum(a - hi, 0)))
    return r


def model_record(m, ref, kd, fold_ctx):
    """Errors and the distance variants of one held-out kernel under a fold model."""
    from . import train
    ok = np.nonzero(kd.ok)[0]
    y, z = train.predict(m, kd, ok, want_z=True)
    err = y - kd.y[ok]
    r = {"n_ok": int(len(ok)),
         "mse_sum": float((err ** 2).mean(0).sum()),
         "log2_latency_median": float(np.median(np.abs(2.0 * err[:, 0]))),   # perf = log2(1e7/lat)/2
         "log2_latency_bias": float(np.mean(-2.0 * err[:, 0]))}
    z64 = z.astype(np.float64)
    rows = ref.rows.astype(np.float64)
    # per design to the nearest training kernel's mean, median over the kernel's designs: what the
    # C runtime computes for each design
    d, near = nearest_distances(z64, rows)
    r["point_median"] = float(np.median(d / ref.scale))
    r["nearest"] = ref.names[int(np.bincount(near, minlength=len(rows)).argmax())]
    r["point_d"] = (d / ref.scale).tolist()
    r["point_sqerr"] = (err ** 2).sum(1).tolist()
    r["point_log2err"] = np.abs(2.0 * err[:, 0]).tolist()
    if "perf" in getattr(m, "residual", ()):
        # how far the network moved the estimate: large where it extrapolates from its kernels
        c = np.abs(y[:, 0] - train.residual_base(m, kd, ok)[:, 0])
        r["correction"] = float(np.median(c))
        r["point_correction"] = c.tolist()
    dm, _ = nearest_distances(z64.mean(0, keepdims=True), rows)
    r["kernel_mean"] = float(dm[0] / ref.scale)
    d3, _ = nearest_distances(z64, rows, k=min(3, len(rows)))
    r["point_median_k3"] = float(np.median(d3 / ref.scale))
    sd = rows.std(0) + 1e-6
    ds, _ = nearest_distances(z64 / sd, rows / sd)
    r["point_median_std"] = float(np.median(ds) / typical_distance(rows / sd))
    zn = z64 / (np.linalg.norm(z64, axis=1, keepdims=True) + 1e-12)
    rn = rows / (np.linalg.norm(rows, axis=1, keepdims=True) + 1e-12)
    r["point_median_cos"] = float(np.median(1.0 - (zn @ rn.T).max(1)))
    pts, pscale = fold_ctx["train_points"]
    dp, _ = nearest_distances(z64, pts)
    r["point_median_nn_point"] = float(np.median(dp) / pscale)
    if m.kind == "hier":
        at = 0
        for k in m.nets:
            w = getattr(m, k).zdim
            dk, _ = nearest_distances(z64[:, at:at + w], rows[:, at:at + w])
            r["point_median_" + k] = float(np.median(dk) / typical_distance(rows[:, at:at + w]))
            at += w
        g = train.GRAPHS(kd)
        ys = []
        with torch.no_grad():
            for i in range(0, len(ok), 256):
                P = torch.as_tensor(kd.P[ok[i:i + 256]])
                B = train.backbone_of(m, kd, ok[i:i + 256])
                ys.append(torch.stack([yy[:, 0] for yy in m.forward(g, P, backbone=B)["ys"]], 1))
        r["hier_disagreement"] = float(np.median(torch.cat(ys).numpy().std(1)))
    return r


class SeedModels:
    """The fold models of another seed's k-fold run of the same kind (kfold.py --out DIR): for a
    kernel, the one model of that run that never saw it."""

    def __init__(self, d, kind, schema):
        self.dir, self.kind, self.schema, self.models = d, kind, schema, {}
        self.fold_of, self.seed = {}, None
        recs = _results(d)
        if recs is None:
            raise SystemExit("--seed-dirs: %s has no results.jsonl (a kfold.py --out directory)" % d)
        for r in recs:
            if r["kind"] == kind:
                self.seed = r["seed"]
                for kn in r["held_out"]:
                    self.fold_of[kn] = r["fold"]
        if self.seed is None:
            raise SystemExit("--seed-dirs: %s records no %s folds" % (d, kind))

    def model_for(self, kernel):
        f = self.fold_of.get(kernel)
        if f is None:
            return None
        if f not in self.models:
            from . import export
            path = os.path.join(self.dir, "%s-fold%d-s%d.safetensors" % (self.kind, f, self.seed))
            self.models[f] = export.load_model(path, self.schema) if os.path.exists(path) else None
        return self.models[f]


def seed_disagreement(m, kd, others):
    """Median over the kernel's designs of the standard deviation of the perf predictions of this
    fold model and the other seeds' models that never saw the kernel (an ensemble of seeds); nan
    when no other seed has a model for it."""
    from . import train
    ok = np.nonzero(kd.ok)[0]
    preds = [train.predict(m, kd, ok)[:, 0]]
    for o in others:
        om = o.model_for(kd.name)
        if om is not None:
            preds.append(train.predict(om, kd, ok)[:, 0])
    if len(preds) < 2:
        return float("nan")
    return float(np.median(np.stack(preds, 1).std(1)))


def _backbone(m, graph_path, points):
    """What m's heads read besides the graph (export.model_backbone), None for the paper's network."""
    from . import export
    return export.model_backbone(m, graph_path, points)


def _train_points(m, items, per_kernel, seed):
    """Embeddings of up to per_kernel random training points per kernel, and their typical
    distance: the median over a sample of them of the distance to the nearest point of another
    kernel."""
    rng = np.random.RandomState(seed)
    zs = []
    for kd, idx in items:
        idx = np.asarray(idx)
        if len(idx) == 0:
            continue
        if len(idx) > per_kernel:
            idx = np.sort(rng.choice(idx, per_kernel, replace=False))
        zs.append(embeddings(m, kd, idx).astype(np.float64))
    pts = np.concatenate(zs)
    owner = np.concatenate([np.full(len(z), i) for i, z in enumerate(zs)])
    sub = rng.choice(len(pts), min(512, len(pts)), replace=False)
    dd = [np.sqrt(((pts[owner != owner[i]] - pts[i]) ** 2).sum(1)).min() for i in sub]
    return pts, float(np.median(dd))


def evaluate(a, log=print):
    from . import dataset
    from . import export
    from . import kfold
    from . import schema as schema_mod
    torch.set_num_threads(a.threads)
    kds = dataset.load_kernels(a.version, data=a.data,
                               kernels=set(a.kernels.split(",")) if a.kernels else None)
    if not kds:
        raise SystemExit("confidence eval: error: no labelled kernel of %s in %s" % (
            a.version, a.data or dataset.default_data(a.version)))
    if a.max_points:
        _truncate(kds, a.max_points)
    by = {k.name: k for k in kds}
    recorded = _recorded(a)
    held = {f: h for f, _, h, _ in recorded} or dict(enumerate(kfold.folds_of(by, a.folds, a.seed)))
    ana = analytic_perf(a.version, kds, data=a.data)
    schema = schema_mod.Schema()
    others = [SeedModels(d, a.kind, schema) for d in (a.seed_dirs.split(",") if a.seed_dirs else [])]
    rows = {}          # (source of the errors) -> [kernel records]
    for f in sorted(held):
        sources = [k for k in kds if k.name not in held[f]]
        items = training_items(sources, "regression")
        gx = np.asarray([kd.graph.x.astype(np.float64).mean(0) for kd, _ in items])
        gsd = gx.std(0) + 1e-6
        tp = np.concatenate([kd.y[idx, 0] for kd, idx in items])
        ctx = {"graph_features": (gx / gsd, gsd, typical_distance(gx / gsd)), "analytic": ana,
               "work": work_stats(items), "work_range": tuple(np.percentile(tp, [5, 95]))}
        free = {kn: model_free_record(by[kn], ctx) for kn in held[f] if by[kn].ok.any()}
        # the errors the k-fold run recorded (its models need not be here)
        for rf, kind, _, ks in recorded:
            if rf != f:
                continue
            for kn, fr in free.items():
                if "zero_shot" in ks.get(kn, {}):
                    rows.setdefault("recorded " + kind, []).append(dict(fr, kernel=kn, fold=f,
                                                                        mse_sum=ks[kn]["zero_shot"]["mse_sum"]))
        path = os.path.join(a.dir, "%s-fold%d-s%d.safetensors" % (a.kind, f, a.seed))
        if not os.path.exists(path):
            if not a.train_missing:
                continue
            t0 = time.time()
            m, _ = kfold.pretrain(a, a.kind, f, sources, schema, log)
            export.save_model(m, path, "confidence eval fold model: %s fold %d of %d, seed %d, %d epochs%s" % (
                a.version, f, len(held), a.seed, a.epochs,
                ", first %d points per kernel" % a.max_points if a.max_points else ""))
            log("fold %d: trained %s in %.0f s" % (f, path, time.time() - t0))
        m = export.load_model(path, schema)
        ref = build(m, items)
        ctx["train_points"] = _train_points(m, items, 64, a.seed)
        for kn in sorted(free):
            r = dict(free[kn], kernel=kn, fold=f, **model_record(m, ref, by[kn], ctx))
            if others:
                r["seed_disagreement"] = seed_disagreement(m, by[kn], others)
            rows.setdefault("fold models " + a.kind, []).append(r)
            log("fold %d %-22s n=%4d distance %.2f (nearest %s) work %.2f summed MSE %.3f median |log2| %.2f" % (
                f, kn, r["n_ok"], r["point_median"], r["nearest"], r["work"], r["mse_sum"],
                r["log2_latency_median"]))
    if not rows:
        log("no fold models and no recorded results in %s" % a.dir)
        return 1
    for src in sorted(rows):
        report(src, rows[src], a, log)
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"args": {k: v for k, v in vars(a).items() if k != "func"}, "kernels": rows}, fh)
    return 0


def report(source, recs, a, log=print):
    folds = sorted({r["fold"] for r in recs})
    log("")
    log("== errors of %s: %d held-out kernels (%s, %d folds, seed %d)" % (source, len(recs), a.version, len(folds), a.seed))
    log("Spearman(variant, zero-shot error) over kernels:                      summed MSE   median |log2 latency|")
    for key, text in VARIANTS:
        if not all(key in r for r in recs):
            continue
        d = [r[key] for r in recs]
        lg = _spearman(d, [r["log2_latency_median"] for r in recs]) if "log2_latency_median" in recs[0] else float("nan")
        log("  %-70s %6.3f   %6.3f" % (text, _spearman(d, [r["mse_sum"] for r in recs]), lg))
    if "point_d" in recs[0]:
        pd = np.concatenate([r["point_d"] for r in recs])
        pw = np.concatenate([r["point_work"] for r in recs])
        se = np.concatenate([r["point_sqerr"] for r in recs])
        le = np.concatenate([r["point_log2err"] for r in recs])
        log("per design (pooled, %d designs): Spearman with squared error: distance %.3f, work %.3f; "
            "with |log2 latency error|: distance %.3f, work %.3f"
            % (len(pd), _spearman(pd, se), _spearman(pw, se), _spearman(pd, le), _spearman(pw, le)))
        if "point_correction" in recs[0]:
            pc = np.concatenate([r["point_correction"] for r in recs])
            log("per design (pooled): Spearman of the correction's size with squared error %.3f, "
                "with |log2 latency error| %.3f" % (_spearman(pc, se), _spearman(pc, le)))
        log("within kernels, median over kernels (n >= 10) of Spearman(distance, squared error) %.3f, "
            "(work, squared error) %.3f"
            % (float(np.nanmedian([_spearman(r["point_d"], r["point_sqerr"]) for r in recs if r["n_ok"] >= 10])),
               float(np.nanmedian([_spearman(r["point_work"], r["point_sqerr"]) for r in recs if r["n_ok"] >= 10]))))
        for name, v, edges in (("work", pw, (0, 0.5, 1, 1.5, 2, 3, np.inf)),
                               ("distance", pd, (0, 1, 2, 3, 4, np.inf))):
            cells = []
            for lo, hi in zip(edges[:-1], edges[1:]):
                m = (v >= lo) & (v < hi)
                cells.append("[%g, %g): %d designs, %s" % (lo, hi, int(m.sum()), (
                    "median |log2 latency error| %.2f, squared error %.2f" % (np.median(le[m]), np.median(se[m])))
                    if m.any() else "-"))
            log("per design by %s: %s" % (name, "; ".join(cells)))
    log("by level (model/confidence.def; a kernel's level: the median over its designs):")
    err = "log2_latency_median" if "log2_latency_median" in recs[0] else None
    for li, (name, below_d, below_w) in enumerate(LEVELS):
        ks = [r for r in recs if level_index(r.get("point_median", 0.0), r["work"]) == li]
        if not ks:
            log("  %-7s: no kernel" % name)
            continue
        log("  %-7s: %2d kernels, median summed MSE %.3f%s; %s" % (
            name, len(ks), float(np.median([r["mse_sum"] for r in ks])),
            ", median |log2 latency| %.2f" % float(np.median([r[err] for r in ks])) if err else "",
            ", ".join(sorted(r["kernel"] for r in ks))))
    for key in ("point_median", "work"):
        if key in recs[0]:
            log("%s quantiles over the held-out kernels: %s" % (key, ", ".join(
                "%d%% %.2f" % (q, np.percentile([r[key] for r in recs], q)) for q in (10, 25, 50, 75, 90))))


# ---------------------------------------------------------------- distance of given points
def distance_lines(model_path, graph_path, points):
    from . import dataset
    from . import export
    from . import model as model_mod
    from . import schema as schema_mod
    schema = schema_mod.Schema()
    m = export.load_model(model_path, schema)
    if m.confidence is None:
        return ["no training embeddings"]
    gj = dataset.load_graph_json(graph_path, schema)
    graph = dataset.Graph(gj, schema)
    g = model_mod.GraphTensors(graph)
    with torch.no_grad():
        z = m.forward(g, torch.as_tensor(graph.encode(schema, points)),
                      backbone=_backbone(m, graph_path, points))["z"].numpy()
    d, near = m.confidence.distance(z)
    return ["%.4f %s" % (x, m.confidence.names[k]) for x, k in zip(d, near)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add")
    p.add_argument("model")
    p.add_argument("--version", help="default: the version of the flow the model records")
    p.add_argument("--kernels", help="comma-separated training kernels (default: every labelled kernel)")
    p.add_argument("--exclude", help="comma-separated kernels the model was not trained on")
    p.add_argument("--max-points", type=int, help="the first N training points of every kernel (as train.py --max-points)")
    p.add_argument("--graph", action="append", help="instead of labelled kernels: graph JSON files with "
                   "--npoints random points each (random test models)")
    p.add_argument("--npoints", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--perf", help="with --graph: MEAN,STD of the training perf (default: the model's predictions')")
    p.add_argument("--scale", type=float, help="with --graph: the typical distance (default: computed)")
    p.add_argument("--data", help="labelled data (default: the version's, dataset.py)")
    p.add_argument("--cache", help="graph cache (default: dataset.py's)")
    p.add_argument("--plugin", help="the plugin that builds the graphs (default: build/libHLSMoE.so)")
    p.add_argument("--out", help="write here instead of rewriting MODEL")
    p.add_argument("--threads", type=int, default=1)
    p = sub.add_parser("distance")
    p.add_argument("model")
    p.add_argument("graph")
    p.add_argument("--points", help="JSON Lines design points (default: --npoints random ones, seed 0)")
    p.add_argument("--npoints", type=int, default=4)
    p = sub.add_parser("eval")
    p.add_argument("--dir", required=True, help="the k-fold directory (kfold.py --out)")
    p.add_argument("--version", default="v25")
    p.add_argument("--folds", type=int, default=4, help="when DIR has no results.jsonl")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--kind", default="hier")
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--train-missing", action="store_true", help="train the fold models that are missing (kfold.pretrain)")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--max-points", type=int, help="the first N points of every kernel (kfold.py --max-points)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--json", help="write every kernel's record here")
    p.add_argument("--kernels", help="comma-separated kernels (kfold.py --kernels; default: every labelled kernel)")
    p.add_argument("--data", help="labelled data (kfold.py --data; default: the version's, dataset.py)")
    p.add_argument("--seed-dirs", help="comma-separated k-fold directories of the same kind with other seeds "
                   "(kfold.py --out): adds the seeds' disagreement as a variant")
    sub.add_parser("declaration")
    a = ap.parse_args(argv)
    if a.cmd == "declaration":
        print("tensor %s" % TENSOR)
        for k in META:                      # declaration order
            print("meta %s %s" % (k, META[k]))
        for name, below_d, below_w in LEVELS:
            print("level %s distance below %g, work below %g" % (name, below_d, below_w))
        return 0
    if a.cmd == "eval":
        return evaluate(a)
    if a.cmd == "distance":
        from . import export
        pts = export.read_points(a.points) if a.points else None
        if pts is None:
            from . import dataset
            pts = export.random_points(dataset.load_graph_json(a.graph), a.npoints, random.Random(0))
        for line in distance_lines(a.model, a.graph, pts):
            print(line)
        return 0
    torch.set_num_threads(a.threads)
    from . import dataset
    from . import export
    from . import flows as flows_mod
    try:
        if a.graph:
            perf = tuple(float(x) for x in a.perf.split(",")) if a.perf else None
            ref = graph_reference(export.load_model(a.model), a.graph, a.npoints, a.seed, perf, a.scale)
            add_to_file(a.model, reference=ref, out=a.out)
            return 0
        version = a.version
        if not version:
            _, meta = export.read_safetensors(a.model)
            if not meta.get("flow"):
                print("error: %s records no flow: give --version" % a.model, file=sys.stderr)
                return 1
            version = flows_mod.by_name(meta["flow"]).version
        items = labelled_items(version, a.kernels.split(",") if a.kernels else None,
                               a.exclude.split(",") if a.exclude else None, a.max_points, a.data,
                               a.cache, a.plugin)
        add_to_file(a.model, items, out=a.out)
    except (ValueError, dataset.SchemaMismatch) as ex:
        print("error: %s" % ex, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
