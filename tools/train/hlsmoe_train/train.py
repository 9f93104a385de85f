"""Training of the HierMoE / HARP regression model and of the validity classifier.

    python3 -m hlsmoe_train.train [--kind hier|harp|node|block|graph] [--task regression|validity] [--version v21]
             [--kernels a,b,...] [--exclude a,b,...] [--epochs N] [--seed S] [--out M.safetensors]
             [--with-versions v21]

--with-versions trains one model across flows: the other versions' points too, the heads reading
the points' flow (model/flows.def one-hot); the model records --version's flow and predicts it.

Adam (lr 5e-4, weight decay 1e-4), linear warm-up then cosine decay per step, batches of up to
64 design points of ONE kernel.  Two-stage schedule for hier: the first half of the epochs trains
the three low-level networks separately (loss = mean of their losses + load balance), the
second half alternates separate (odd) and joint (even) epochs; fine-tuning is always joint.
The checkpoint with the lowest validation loss (joint prediction) is kept.  The seed controls
the 80/10/10 split of every kernel's points, the initialisation and the batch order.
"""
import argparse
import copy
import math
import os
import random
import resource
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from . import backbone as backbone_mod
from . import dataset
from . import flows as flows_mod
from . import model as model_mod
from . import schema as schema_mod

ALPHA = 5e-3     # low-level load balance
BETA = 5e-3      # high-level load balance


class Split:
    """Indices of one kernel's points used for training / validation / test."""

    def __init__(self, kd, train, val, test):
        self.kd, self.train, self.val, self.test = kd, np.asarray(train, int), np.asarray(val, int), np.asarray(test, int)


def usable(kd, task):
    """Indices of the points a task learns from: hls_ok points (regression) or all (validity)."""
    return np.nonzero(kd.ok)[0] if task == "regression" else np.arange(len(kd))


def split_kernels(kds, task, seed, frac=(0.8, 0.1, 0.1)):
    rng = np.random.RandomState(seed)
    out = []
    for kd in kds:
        idx = usable(kd, task).copy()
        rng.shuffle(idx)
        n = len(idx)
        ntr = int(round(frac[0] * n))
        nva = int(round(frac[1] * n))
        out.append(Split(kd, idx[:ntr], idx[ntr:ntr + nva], idx[ntr + nva:]))
    return out


class GraphCache:
    """A kernel's graph tensors, built once.  Keyed by the graph file: kernels of one name differ
    between flows (HLSyn's atax in C for Merlin, HLSyn-Vitis's in C++)."""

    def __init__(self):
        self.g = {}

    def __call__(self, kd):
        key = getattr(kd, "graph_path", None) or kd.name
        if key not in self.g:
            self.g[key] = model_mod.GraphTensors(kd.graph)
        return self.g[key]


GRAPHS = GraphCache()


def batches(items, bs, rng, cap=None):
    """items: [(kd, idx array)]; yields (kd, idx chunk) in random order; cap: max points per kernel."""
    out = []
    for kd, idx in items:
        idx = np.array(idx)
        rng.shuffle(idx)
        if cap is not None:
            idx = idx[:cap]
        for i in range(0, len(idx), bs):
            out.append((kd, idx[i:i + bs]))
    rng.shuffle(out)
    return out


def targets_of(kd, idx, task):
    if task == "regression":
        return torch.as_tensor(kd.y[idx])
    return torch.as_tensor(kd.ok[idx].astype(np.int64))


# Class weights of the validity loss (--balance): about 20 % of HLSyn points
# synthesize, and an unweighted classifier settles on "always invalid".
CLASS_WEIGHT = None


def task_loss(y, t, task):
    if task == "regression":
        return ((y - t) ** 2).mean(0).sum()       # sum over the targets of the MSE
    return F.cross_entropy(y, t, weight=CLASS_WEIGHT)


def backbone_of(m, kd, idx):
    """The points' backbone features when m is built on the analytic estimate, followed by their
    flow's one-hot when m reads the flow (model.Model.forward); else None."""
    if not getattr(m, "uses_backbone", False):
        return None
    B = torch.as_tensor(kd.B[idx])
    if getattr(m, "flow_inputs", False):
        B = torch.cat([B, torch.as_tensor(flows_mod.one_hot(kd.flow)).expand(len(B), -1)], 1)
    return B


def step_loss(m, kd, idx, task, mode):
    g = GRAPHS(kd)
    P = torch.as_tensor(kd.P[idx])
    t = targets_of(kd, idx, task)
    out = m(g, P, backbone=backbone_of(m, kd, idx))
    if m.kind != "hier":
        return task_loss(out["y"], t, task) + ALPHA * out["reg"]
    if mode == "separate":
        return sum(task_loss(y, t, task) for y in out["ys"]) / len(out["ys"]) + ALPHA * out["reg"]
    return task_loss(out["y"], t, task) + ALPHA * out["reg"] + BETA * out["hreg"]


def predict(m, kd, idx, bs=256, want_z=False):
    """Joint outputs (regression values, or validity logits) [n, T] and embeddings [n, Z]."""
    m.eval()
    g = GRAPHS(kd)
    ys, zs = [], []
    with torch.no_grad():
        h0 = None
        for i in range(0, len(idx), bs):
            P = torch.as_tensor(kd.P[idx[i:i + bs]])
            out = m(g, P, backbone=backbone_of(m, kd, idx[i:i + bs]))
            ys.append(out["y"])
            if want_z:
                zs.append(out["z"])
    y = torch.cat(ys).numpy() if ys else np.zeros((0, len(m.targets)))
    if want_z:
        return y, (torch.cat(zs).numpy() if zs else None)
    return y


def eval_loss(m, items, task):
    """Mean over points of the task loss (regression: sum over targets of squared errors)."""
    tot, n = 0.0, 0
    for kd, idx in items:
        if len(idx) == 0:
            continue
        y = torch.as_tensor(predict(m, kd, idx))
        t = targets_of(kd, idx, task)
        tot += float(task_loss(y, t, task)) * len(idx)
        n += len(idx)
    return tot / max(n, 1)


def validity_counts(m, kds):
    """Confusion counts and summed cross-entropy of a validity model over every labelled point of
    kds, at p_valid >= 0.5: dict tp, fp, fn, tn, ce_sum, n."""
    c = dict(tp=0, fp=0, fn=0, tn=0, ce_sum=0.0, n=0)
    for kd in kds:
        idx = np.arange(len(kd))
        if len(idx) == 0:
            continue
        logits = torch.as_tensor(predict(m, kd, idx))
        t = torch.as_tensor(kd.ok.astype(np.int64))
        c["ce_sum"] += float(F.cross_entropy(logits, t, reduction="sum"))
        said, truth = logits.argmax(1) == 1, t == 1
        c["tp"] += int((said & truth).sum())
        c["fp"] += int((said & ~truth).sum())
        c["fn"] += int((~said & truth).sum())
        c["tn"] += int((~said & ~truth).sum())
        c["n"] += len(idx)
    return c


def validity_scores(c):
    """accuracy, majority-class rate, precision, recall, balanced accuracy, mean cross-entropy."""
    n, pos = max(1, c["n"]), c["tp"] + c["fn"]
    neg = c["tn"] + c["fp"]
    recall = c["tp"] / max(1, pos)
    return dict(accuracy=(c["tp"] + c["tn"]) / n, majority=max(pos, neg) / n,
                precision=c["tp"] / max(1, c["tp"] + c["fp"]), recall=recall,
                balanced=0.5 * (recall + c["tn"] / max(1, neg)), ce=c["ce_sum"] / n)


def lr_at(step, total, warmup, lr):
    if step < warmup:
        return lr * (step + 1) / warmup
    p = (step - warmup) / max(1, total - warmup)
    return lr * 0.5 * (1 + math.cos(math.pi * min(1.0, p)))


def mode_of(kind, epoch, epochs, finetune):
    if kind != "hier" or finetune:
        return "joint"
    if epoch < epochs // 2:
        return "separate"
    return "separate" if epoch % 2 == 1 else "joint"


def fit(m, train_items, val_items, task, epochs, seed, lr=5e-4, wd=1e-4, bs=64, warmup_frac=0.05,
        finetune=False, cap=None, log=print, tag=""):
    """Trains m in place; returns m with the best-validation weights and a history list."""
    rng = np.random.RandomState(seed + 1000)
    opt = torch.optim.Adam(m.parameters(), lr=lr, weight_decay=wd)
    nb = len(batches(train_items, bs, np.random.RandomState(0), cap))
    total = epochs * nb
    warmup = max(1, int(warmup_frac * total))
    step = 0
    best, best_state, hist = float("inf"), None, []
    for ep in range(epochs):
        t0 = time.time()
        mode = mode_of(m.kind, ep, epochs, finetune)
        m.train()
        run, cnt = 0.0, 0
        for kd, idx in batches(train_items, bs, rng, cap):
            for grp in opt.param_groups:
                grp["lr"] = lr_at(step, total, warmup, lr)
            loss = step_loss(m, kd, idx, task, mode)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            run += float(loss) * len(idx)
            cnt += len(idx)
        vl = eval_loss(m, val_items, task) if val_items else run / max(cnt, 1)
        if vl < best:
            best, best_state = vl, copy.deepcopy(m.state_dict())
        hist.append({"epoch": ep, "mode": mode, "train": run / max(cnt, 1), "val": vl, "sec": time.time() - t0})
        if log and (not finetune or ep == epochs - 1 or ep % 25 == 0):
            log("%sepoch %d/%d %s train %.4f val %.4f (%.1fs, rss %.0f MB)" % (
                tag, ep + 1, epochs, mode, run / max(cnt, 1), vl, time.time() - t0, peak_rss_mb()))
    if best_state is not None:
        m.load_state_dict(best_state)
    return m, hist


def init_head_bias(m, train_items):
    """Regression: start the last layer of every head at the training mean of its target (only the
    initialisation; saves the first epochs of a short CPU schedule)."""
    if m.task != "regression":
        return
    ys = np.concatenate([kd.y[idx] - residual_base(m, kd, idx) for kd, idx in train_items if len(idx)])
    mean = ys.mean(0)
    with torch.no_grad():
        for name, p in m.named_parameters():
            if name.endswith(".3.bias") and ".head." in name:
                t = name.split(".")[-3]
                p.fill_(float(mean[model_mod.TARGETS.index(t)]))


def residual_base(m, kd, idx):
    """What m adds to its heads' outputs: the analytic value of its residual targets."""
    if not getattr(m, "residual", None):
        return 0.0
    return backbone_mod.residual_base(kd.B[idx], list(m.targets), m.residual)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", default="hier", choices=model_mod.KINDS)
    ap.add_argument("--task", default="regression", choices=["regression", "validity"])
    ap.add_argument("--version", default="v21")
    ap.add_argument("--sources", help="kernel sources (default: the version's, dataset.py)")
    ap.add_argument("--data", help="labelled data (default: the version's, dataset.py)")
    ap.add_argument("--cache", default=dataset.DEFAULT_CACHE)
    ap.add_argument("--plugin", default=dataset.DEFAULT_PLUGIN)
    ap.add_argument("--kernels", help="comma-separated kernels to use (default: all with labels)")
    ap.add_argument("--exclude", help="comma-separated kernels to leave out")
    ap.add_argument("--with-versions", default="",
                    help="comma-separated other versions whose points are trained on too (one model across "
                         "flows: the heads read the flow, model/flows.def one-hot; the model predicts --version's "
                         "flow, which it records)")
    ap.add_argument("--with-data", default="", help="comma-separated labelled data of --with-versions "
                    "(default: each version's, dataset.py)")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--cap", type=int, help="at most this many points per kernel per epoch (resampled each epoch)")
    ap.add_argument("--max-points", type=int, help="use at most this many points per kernel (tests)")
    ap.add_argument("--no-val", action="store_true", help="train on train+val+test (shipped models); "
                    "model selection then uses the training loss")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--backbone-inputs", action="store_true",
                    help="the heads read the analytic estimate's features (backbone.py; the hybrid)")
    ap.add_argument("--residual", default="",
                    help="comma-separated regression targets predicted as residuals to the analytic "
                         "estimate (the hybrid: perf)")
    ap.add_argument("--balance", action="store_true",
                    help="validity: weight the classes by inverse frequency (0.5 each overall)")
    ap.add_argument("--init", default="glorot", choices=["glorot", "torch"],
                    help="weight initialisation (model.py LowNet._initialise); torch = PyTorch's defaults")
    ap.add_argument("--out", help="write the model (safetensors) and its reference file here")
    ap.add_argument("--reference-graphs", help="directory to copy the reference graphs into "
                    "(default: next to the model, <dir>/graphs)")
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    np.random.seed(a.seed)
    t_start = time.time()
    kernels = a.kernels.split(",") if a.kernels else None
    try:
        kds = dataset.load_kernels(a.version, a.sources, a.data, a.cache, a.plugin, kernels=kernels)
    except dataset.SchemaMismatch as ex:
        print("error: %s" % ex, file=sys.stderr)
        return 1
    try:
        with_versions = dataset.parse_with_versions(a.version, a.with_versions, a.with_data)
    except ValueError as ex:
        ap.error(str(ex))
    try:
        kds += dataset.load_with_versions(with_versions, a.cache, a.plugin, kernels)
    except (ValueError, dataset.SchemaMismatch) as ex:
        print("error: %s" % ex, file=sys.stderr)
        return 1
    if a.exclude:
        ex = set(a.exclude.split(","))
        kds = [k for k in kds if k.name not in ex]
    splits = split_kernels(kds, a.task, a.seed)
    if a.max_points:
        q = max(1, a.max_points // 4)
        for s in splits:
            s.train, s.val, s.test = s.train[:a.max_points], s.val[:q], s.test[:q]
    if a.no_val:
        train_items = [(s.kd, np.concatenate([s.train, s.val, s.test])) for s in splits]
        val_items = None
    else:
        train_items = [(s.kd, s.train) for s in splits]
        val_items = [(s.kd, s.val) for s in splits]
    n = sum(len(i) for _, i in train_items)
    print("%d kernels, %d training points, kind %s, task %s, %d epochs, seed %d" % (
        len(kds), n, a.kind, a.task, a.epochs, a.seed), flush=True)
    if a.balance and a.task == "validity":
        global CLASS_WEIGHT
        ok = np.concatenate([kd.ok[i] for kd, i in train_items]).astype(np.float64)
        p = min(max(ok.mean(), 1e-3), 1 - 1e-3)
        CLASS_WEIGHT = torch.tensor([0.5 / (1 - p), 0.5 / p], dtype=torch.float32)
        print("class weights %.3f (invalid) %.3f (valid)" % tuple(CLASS_WEIGHT.tolist()), flush=True)
    schema = schema_mod.Schema()
    m = model_mod.Model(a.kind, schema, a.hidden, a.task, init=a.init, backbone_inputs=a.backbone_inputs,
                        residual=[t for t in a.residual.split(",") if t], flow_inputs=bool(with_versions))
    init_head_bias(m, train_items)
    m, hist = fit(m, train_items, val_items, a.task, a.epochs, a.seed, lr=a.lr, bs=a.batch, cap=a.cap,
                  log=lambda s: print(s, flush=True))
    wall = time.time() - t_start
    print("done: %.1f s wall, %.1f s/epoch, peak RSS %.0f MB, best val %.4f" % (
        wall, sum(h["sec"] for h in hist) / max(1, len(hist)), peak_rss_mb(),
        min(h["val"] for h in hist) if hist else float("nan")), flush=True)
    if not a.no_val:
        test_items = [(s.kd, s.test) for s in splits]
        print("test loss %.4f" % eval_loss(m, test_items, a.task), flush=True)
    if a.out:
        from . import confidence
        from . import export
        if a.task == "regression":      # the training embeddings the runtime's confidence reads
            m.confidence = confidence.build(m, train_items)
        cmd = "hlsmoe_train.train " + " ".join(argv if argv is not None else sys.argv[1:])
        export.save_model(m, a.out, "HLSyn%s %s%s, %d kernels, %d points; %s" % (
            "-Vitis" if a.version in dataset.VITIS_VERSIONS else "", a.version,
            "".join(" + " + v for v, _ in with_versions), len(kds), n, cmd),
            flow=flows_mod.of_version(a.version))
        gdir = a.reference_graphs or os.path.join(os.path.dirname(os.path.abspath(a.out)), "graphs")
        gpaths = export.project_reference_graphs(gdir, a.cache, a.plugin)
        pts = export.default_points(gpaths)
        print(export.write_reference(m, a.out, gpaths, pts, schema), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
