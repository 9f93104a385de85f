"""The HierMoE paper's evaluation protocol as one command.

    python3 -m hlsmoe_train.protocol [--seeds 0,1,2] [--kinds hier,harp] [--epochs N] [--ft-epochs N]
                [--valid-epochs N] [--out build/protocol] [--table docs/results.md]

v21 labels (--version: another tool version's; kfold.py: every kernel held out in turn).  For every seed: pre-train on the source kernels (every v21 kernel except the six
targets; random 80/10/10 split of their HLS-successful points, model selection on validation);
for every target kernel: zero-shot error, then fine-tune (joint, always) on a 50-point K-means
coreset of the pretrained model's graph embeddings of the kernel's HLS-successful points (the
point nearest each centroid; k = min(50, n/2) for kernels with fewer than 100 such points) and
test on the rest.  Reports MSE per objective and summed (transformed space), Spearman of
predicted vs true perf, and an offline exploration check: among all labelled points of the kernel,
drop points the validity classifier calls invalid (p < 0.5) or with a predicted utilisation >= 0.8,
take the top 10 by predicted perf, and compare the best true latency among those that are truly
valid (HLS ok, every utilisation < 0.8) with the best valid labelled point.  One validity
classifier per seed (HARP kind, pre-trained on the source kernels, not fine-tuned: a coreset of
HLS-successful points carries no invalid examples) serves both regression models.

Results go to <out>/results.jsonl (one line per seed, kind, target) as they come, and the table
to --table (re-written after every run).  `protocol.py --table-only` rebuilds the table.
"""
import argparse
import copy
import json
import os
import sys
import time

import numpy as np
import torch

from . import ROOT
from . import dataset
from . import model as model_mod
from . import schema as schema_mod
from . import targets as targets_mod
from . import train

TARGET_KERNELS = ["fdtd-2d-large", "gemver-medium", "syr2k", "gemm-p", "jacobi-2d", "trmm-opt"]
OBJ = dataset.TARGETS


def spearman(a, b):
    if len(a) < 3:
        return float("nan")
    ra = np.argsort(np.argsort(a)).astype(float)
    rb = np.argsort(np.argsort(b)).astype(float)
    # average ranks for ties are not needed for continuous predictions; labels may tie: use scipy if present
    try:
        from scipy.stats import spearmanr
        return float(spearmanr(a, b).correlation)
    except Exception:
        return float(np.corrcoef(ra, rb)[0, 1])


def coreset(z, k, seed):
    from sklearn.cluster import KMeans
    km = KMeans(n_clusters=k, random_state=seed, n_init=10).fit(z)
    chosen = []
    for c in range(k):
        d = ((z - km.cluster_centers_[c]) ** 2).sum(1)
        for i in np.argsort(d):
            if i not in chosen:
                chosen.append(int(i))
                break
    return np.asarray(chosen)


# Utilisations below this fraction of the device count as this much in their relative error: a
# user does not care whether a design takes 0.01 % or 0.05 % of the DSPs, but does whether 0.2 % or 10 %.
UTIL_FLOOR = 1e-3


def util_abs_log2(y, t):
    """Per utilisation target, the median |log2(predicted / true)| with both floored at UTIL_FLOOR
    (the paper's MSE on raw fractions hardly sees a small design predicted 50x too big)."""
    return {o: float(np.median(np.abs(np.log2(np.maximum(y[:, i], UTIL_FLOOR) / np.maximum(t[:, i], UTIL_FLOOR)))))
            for i, o in enumerate(OBJ) if o.startswith("util_")} if len(t) else {}


def errors(m, kd, idx):
    y = train.predict(m, kd, idx)
    t = kd.y[idx]
    mse = ((y - t) ** 2).mean(0)
    # latency in log2 cycles: log2(latency) = log2(reference) - divisor * perf (model/targets.def)
    dlog = -targets_mod.PERF_DIVISOR * (y[:, 0] - t[:, 0])
    return {"mse": {o: float(mse[i]) for i, o in enumerate(OBJ)}, "mse_sum": float(mse.sum()),
            "spearman_perf": spearman(y[:, 0], t[:, 0]),
            "bias_log2": float(dlog.mean()) if len(dlog) else float("nan"),
            "median_abs_log2": float(np.median(np.abs(dlog))) if len(dlog) else float("nan"),
            "within_2x": float((np.abs(dlog) <= 1).mean()) if len(dlog) else float("nan"),
            "util_abs_log2": util_abs_log2(y, t)}


def explore(y, pv, kd, topk=10):
    """y: predictions for every labelled point of kd; pv: p_valid of every point (None: no validity
    filter, utilisation filter only)."""
    idx = np.arange(len(kd))
    keep = (y[:, 1:] < 0.8).all(1)
    if pv is not None:
        keep &= pv >= 0.5
    cand = idx[keep]
    top = cand[np.argsort(-y[cand, 0])][:topk]
    valid = np.asarray([bool(r.get("valid")) and bool(r.get("hls_ok")) for r in kd.records])
    lat = np.asarray([float(r["perf"]) for r in kd.records])
    best = float(lat[valid].min()) if valid.any() else float("nan")
    found_v = [i for i in top if valid[i]]
    found = float(lat[found_v].min()) if found_v else float("nan")
    return {"best_latency": best, "found_latency": found, "n_candidates": int(keep.sum()),
            "ratio": (best / found) if found_v else 0.0}


def run(a):
    torch.set_num_threads(a.threads)
    os.makedirs(a.out, exist_ok=True)
    res_path = os.path.join(a.out, "results.jsonl")
    done = set()
    if os.path.exists(res_path):
        for line in open(res_path):
            r = json.loads(line)
            done.add((r["seed"], r["kind"], r["target"]))
    log = lambda s: print(time.strftime("%H:%M:%S ") + s, flush=True)  # noqa: E731
    kds = dataset.load_kernels(a.version, a.sources, a.data, a.cache)
    by = {k.name: k for k in kds}
    targets = [by[t] for t in a.targets.split(",")]
    sources = [k for k in kds if k.name not in a.targets.split(",")]
    schema = schema_mod.Schema()
    log("%d source kernels (%d hls_ok points), targets %s" % (
        len(sources), sum(int(k.ok.sum()) for k in sources), a.targets))
    for seed in [int(s) for s in a.seeds.split(",")]:
        vm = None
        for kind in a.kinds.split(","):
            if all((seed, kind, t.name) in done for t in targets):
                continue
            if vm is None:
                vpath = os.path.join(a.out, "valid-seed%d.safetensors" % seed)
                from . import export
                if os.path.exists(vpath):
                    vm = export.load_model(vpath, schema)
                else:
                    torch.manual_seed(seed)
                    vs = train.split_kernels(sources, "validity", seed)
                    vm = model_mod.Model("harp", schema, a.hidden, "validity")
                    t0 = time.time()
                    vm, _ = train.fit(vm, [(s.kd, s.train) for s in vs], [(s.kd, s.val) for s in vs], "validity",
                                      a.valid_epochs, seed, cap=a.valid_cap, log=log, tag="[valid s%d] " % seed)
                    log("validity classifier seed %d: %.0f s, val CE %.4f" % (
                        seed, time.time() - t0, train.eval_loss(vm, [(s.kd, s.val) for s in vs], "validity")))
                    export.save_model(vm, vpath, "protocol validity classifier, seed %d" % seed)
            torch.manual_seed(seed)
            sp = train.split_kernels(sources, "regression", seed)
            tr = [(s.kd, s.train) for s in sp]
            va = [(s.kd, s.val) for s in sp]
            m = model_mod.Model(kind, schema, a.hidden, "regression")
            train.init_head_bias(m, tr)
            t0 = time.time()
            m, hist = train.fit(m, tr, va, "regression", a.epochs, seed, log=log, tag="[%s s%d] " % (kind, seed))
            pre_sec = time.time() - t0
            src_test = train.eval_loss(m, [(s.kd, s.test) for s in sp], "regression")
            from . import export
            export.save_model(m, os.path.join(a.out, "pretrained-%s-s%d.safetensors" % (kind, seed)),
                              "protocol pre-training, %s source kernels, seed %d, %d epochs" % (a.version, seed, a.epochs))
            log("%s seed %d pre-trained in %.0f s (%.1f s/epoch), source test loss %.4f, peak RSS %.0f MB" % (
                kind, seed, pre_sec, pre_sec / a.epochs, src_test, train.peak_rss_mb()))
            for kd in targets:
                if (seed, kind, kd.name) in done:
                    continue
                ok = np.nonzero(kd.ok)[0]
                _, z = train.predict(m, kd, ok, want_z=True)
                k = min(a.coreset, len(ok) // 2)
                ft = ok[coreset(z, k, seed)]
                test = np.setdiff1d(ok, ft)
                zero = errors(m, kd, test)
                allidx = np.arange(len(kd))
                pv = torch.softmax(torch.as_tensor(train.predict(vm, kd, allidx)), -1)[:, 1].numpy()
                y_zero = train.predict(m, kd, allidx)
                zero_explore = explore(y_zero, pv, kd)
                zero_explore_nv = explore(y_zero, None, kd)
                fm = copy.deepcopy(m)
                t1 = time.time()
                fm, _ = train.fit(fm, [(kd, ft)], None, "regression", a.ft_epochs, seed, finetune=True, log=None)
                fine = errors(fm, kd, test)
                y_fine = train.predict(fm, kd, allidx)
                fine_explore = explore(y_fine, pv, kd)
                fine_explore_nv = explore(y_fine, None, kd)
                os.makedirs(os.path.join(a.out, "preds"), exist_ok=True)
                np.savez_compressed(os.path.join(a.out, "preds", "%s-s%d-%s.npz" % (kind, seed, kd.name)),
                                    y_zero=y_zero, y_fine=y_fine, p_valid=pv, finetune=ft, test=test)
                r = {"seed": seed, "kind": kind, "target": kd.name, "n_finetune": int(len(ft)), "n_test": int(len(test)),
                     "zero_shot": zero, "finetuned": fine, "explore_zero_shot": zero_explore, "explore": fine_explore,
                     "explore_nv_zero_shot": zero_explore_nv, "explore_nv": fine_explore_nv,
                     "p_valid_mean": float(pv.mean()), "n_pred_valid": int((pv >= 0.5).sum()),
                     "pretrain_sec": pre_sec, "pretrain_epochs": a.epochs, "finetune_epochs": a.ft_epochs,
                     "finetune_sec": time.time() - t1, "source_test_loss": src_test, "peak_rss_mb": train.peak_rss_mb()}
                with open(res_path, "a") as f:
                    f.write(json.dumps(r) + "\n")
                log("%s seed %d %s: zero-shot %.4f -> fine-tuned %.4f, spearman %.3f, explore %.3f (no validity filter %.3f, %d points predicted valid)" % (
                    kind, seed, kd.name, zero["mse_sum"], fine["mse_sum"], fine["spearman_perf"], fine_explore["ratio"],
                    fine_explore_nv["ratio"], int((pv >= 0.5).sum())))
                write_table(a)
    write_table(a)


def _ms(vals, fmt="%.3f"):
    """mean ± population std of the non-NaN values, in fmt."""
    vals = [v for v in vals if v == v]
    if not vals:
        return "–"
    if len(vals) == 1:
        return fmt % vals[0]
    return (fmt + " ± " + fmt) % (np.mean(vals), np.std(vals))


def coreset_mean_baseline(a, rows):
    """Summed test MSE of predicting the coreset's mean label (from the saved predictions files)."""
    out = {}
    pdir = os.path.join(a.out, "preds")
    if not os.path.isdir(pdir):
        return out
    for t in TARGET_KERNELS:
        vals = []
        for f in sorted(os.listdir(pdir)):
            if not f.endswith("-%s.npz" % t) or "-s0-" not in f:
                continue
            d = np.load(os.path.join(pdir, f))
            recs = dataset.read_labels(os.path.join(a.data, a.version, t + ".jsonl"))
            y = np.zeros((len(recs), len(OBJ)))
            for i, r in enumerate(recs):
                if r.get("hls_ok"):
                    y[i, 0] = dataset.perf_transform(r["perf"])
                    y[i, 1:] = [r[o] for o in OBJ[1:]]
            mu = y[d["finetune"]].mean(0)
            vals.append(float(((y[d["test"]] - mu) ** 2).mean(0).sum()))
        if vals:
            out[t] = float(np.mean(vals))
    return out


def validity_quality(a):
    """Per seed: scores of the protocol's validity classifier on every labelled point of the target
    kernels (never trained on).  Cached next to each model as valid-seed<N>.quality.json."""
    out = {}
    models = sorted(f for f in os.listdir(a.out) if f.startswith("valid-seed") and f.endswith(".safetensors")) \
        if os.path.isdir(a.out) else []
    kds = None
    for f in models:
        seed = int(f[len("valid-seed"):-len(".safetensors")])
        mpath = os.path.join(a.out, f)
        qpath = mpath[:-len(".safetensors")] + ".quality.json"
        if os.path.exists(qpath) and os.path.getmtime(qpath) >= os.path.getmtime(mpath):
            with open(qpath) as fh:
                out[seed] = json.load(fh)
            continue
        from . import export
        if kds is None:
            kds = dataset.load_kernels(a.version, a.sources, a.data, a.cache, kernels=a.targets.split(","))
        q = train.validity_scores(train.validity_counts(export.load_model(mpath), kds))
        with open(qpath, "w") as fh:
            json.dump(q, fh)
        out[seed] = q
    return out


def write_table(a):
    res_path = os.path.join(a.out, "results.jsonl")
    if not os.path.exists(res_path):
        return
    rows = [json.loads(l) for l in open(res_path) if l.strip()]
    kinds = [k for k in ["hier", "harp", "node", "block", "graph"] if any(r["kind"] == k for r in rows)]
    targets = [t for t in TARGET_KERNELS if any(r["target"] == t for r in rows)]
    name = {"hier": "HierMoE", "harp": "HARP"}
    L = []
    L.append("# Results: the HierMoE evaluation protocol (%s)\n" % a.version)
    args = [x for x in a.argv if x != "--table-only"]
    L.append("Produced by `PYTHONPATH=tools/train /usr/bin/python3 -m hlsmoe_train.protocol%s` (defaults: seeds 0,1,2; kinds hier,harp; "
             "30 pre-training epochs; 100 fine-tuning epochs; 10 validity epochs). The command appends every "
             "(seed, model, target) result to `build/protocol/results.jsonl` as it finishes and re-writes this "
             "file; `--table-only` rebuilds it from there; a rerun skips what is there, so `--seeds`/`--kinds` "
             "runs add up (how this table was run: the notes at the end).\n"
             % ("".join(" " + x for x in args)))
    seeds = sorted({r["seed"] for r in rows})
    L.append("Seeds present: %s. Pre-training epochs %s, fine-tuning epochs %s. Values are mean ± std over the "
             "seeds present (population std). MSE in the transformed space (%s, "
             "utilisations as fractions), on the target kernel's HLS-successful points outside the fine-tuning "
             "coreset.\n" % (", ".join(map(str, seeds)),
                             sorted({r["pretrain_epochs"] for r in rows}), sorted({r["finetune_epochs"] for r in rows}),
                             targets_mod.transform_text()))
    L.append("## Summed MSE over the five objectives (lower is better)\n")
    L.append("| target | n ft / test | " + " | ".join("%s zero-shot | %s fine-tuned" % (name.get(k, k), name.get(k, k)) for k in kinds) + " |")
    L.append("|---|---|" + "---|---|" * len(kinds))

    def sel(k, t):
        return [r for r in rows if r["kind"] == k and r["target"] == t]
    for t in targets:
        any_r = next(r for r in rows if r["target"] == t)
        cells = []
        for k in kinds:
            rs = sel(k, t)
            cells.append(_ms([r["zero_shot"]["mse_sum"] for r in rs]))
            cells.append(_ms([r["finetuned"]["mse_sum"] for r in rs]))
        L.append("| %s | %d / %d | %s |" % (t, any_r["n_finetune"], any_r["n_test"], " | ".join(cells)))
    cells = []
    for k in kinds:
        for key in ("zero_shot", "finetuned"):
            per_seed = []
            for s in seeds:
                rs = [r for r in rows if r["kind"] == k and r["seed"] == s]
                if len(rs) == len(targets):
                    per_seed.append(np.mean([r[key]["mse_sum"] for r in rs]))
            cells.append(_ms(per_seed))
    L.append("| **mean over targets** | | %s |" % " | ".join(cells))
    cells = []
    rest = [t for t in targets if t != "trmm-opt"]
    for k in kinds:
        for key in ("zero_shot", "finetuned"):
            per_seed = []
            for s in seeds:
                rs = [r for r in rows if r["kind"] == k and r["seed"] == s and r["target"] in rest]
                if len(rs) == len(rest):
                    per_seed.append(np.mean([r[key]["mse_sum"] for r in rs]))
            cells.append(_ms(per_seed))
    L.append("| mean without trmm-opt | | %s |" % " | ".join(cells))
    L.append("")
    if "hier" in kinds and "harp" in kinds:
        ratios = []
        for s in seeds:
            h = [r["finetuned"]["mse_sum"] for r in rows if r["kind"] == "hier" and r["seed"] == s]
            b = [r["finetuned"]["mse_sum"] for r in rows if r["kind"] == "harp" and r["seed"] == s]
            if len(h) == len(targets) == len(b):
                ratios.append(np.mean(h) / np.mean(b))
        ratios2 = []
        for s in seeds:
            h = [r["finetuned"]["mse_sum"] for r in rows if r["kind"] == "hier" and r["seed"] == s and r["target"] != "trmm-opt"]
            b = [r["finetuned"]["mse_sum"] for r in rows if r["kind"] == "harp" and r["seed"] == s and r["target"] != "trmm-opt"]
            if len(h) == len(b) == len([t for t in targets if t != "trmm-opt"]) and h:
                ratios2.append(np.mean(h) / np.mean(b))
        L.append("HierMoE / HARP ratio of the mean fine-tuned summed MSE, per seed where both ran: %s (goal ≤ 0.85); "
                 "without trmm-opt (whose util_FF outliers dominate the mean): %s.\n"
                 % (", ".join("%.3f" % x for x in ratios) or "–", ", ".join("%.3f" % x for x in ratios2) or "–"))
    base = coreset_mean_baseline(a, rows)
    if base:
        L.append("Reference point: predicting the mean of the fine-tuning coreset's labels for every test point "
                 "gives a summed MSE of %s (per target, seed 0 coreset of each model: %s).\n" % (
                     "%.3f" % np.mean(list(base.values())),
                     ", ".join("%s %.3f" % (t, base[t]) for t in targets if t in base)))
    L.append("## Fine-tuned MSE per objective\n")
    L.append("| target | model | " + " | ".join(OBJ) + " | Spearman(perf) |")
    L.append("|---|---|" + "---|" * (len(OBJ) + 1))
    for t in targets:
        for k in kinds:
            rs = sel(k, t)
            if not rs:
                continue
            L.append("| %s | %s | %s | %s |" % (t, name.get(k, k), " | ".join(_ms([r["finetuned"]["mse"][o] for r in rs]) for o in OBJ),
                                               _ms([r["finetuned"]["spearman_perf"] for r in rs])))
    L.append("")
    L.append("## Zero-shot Spearman(perf) and offline exploration\n")
    L.append("Exploration: best valid labelled latency / best true latency among the model's top 10 "
             "(after validity and utilisation < 0.8 filtering; 1 = found the best labelled design, 0 = no "
             "valid design in the top 10).\n")
    L.append("Columns \"no validity filter\" use the utilisation filter only: the difference is what the "
             "validity classifier contributes.\n")
    L.append("| target | model | Spearman zero-shot | Spearman fine-tuned | explore zero-shot | explore fine-tuned "
             "| explore fine-tuned, no validity filter | points predicted valid |")
    L.append("|---|---|---|---|---|---|---|---|")
    for t in targets:
        for k in kinds:
            rs = sel(k, t)
            if not rs:
                continue
            L.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                t, name.get(k, k), _ms([r["zero_shot"]["spearman_perf"] for r in rs]),
                _ms([r["finetuned"]["spearman_perf"] for r in rs]),
                _ms([r["explore_zero_shot"]["ratio"] for r in rs]), _ms([r["explore"]["ratio"] for r in rs]),
                _ms([r["explore_nv"]["ratio"] for r in rs if "explore_nv" in r]),
                _ms([r["n_pred_valid"] for r in rs if "n_pred_valid" in r], "%.0f")))
    L.append("")
    vq = validity_quality(a)
    if vq:
        L.append("## Validity classifier\n")
        L.append("One per seed (HARP kind, trained on the source kernels), scored on every labelled point of "
                 "the six target kernels, which it never saw; the \"valid\" class is p_valid ≥ 0.5.\n")
        L.append("| seeds | accuracy | majority-class rate | precision (valid) | recall (valid) | balanced accuracy | cross-entropy |")
        L.append("|---|---|---|---|---|---|---|")
        keys = ("accuracy", "majority", "precision", "recall", "balanced", "ce")
        L.append("| %s | %s |" % (", ".join(str(k) for k in sorted(vq)),
                                   " | ".join(_ms([vq[k][x] for k in vq]) for x in keys)))
        L.append("")
    L.append("## Cost\n")
    for k in kinds:
        rs = [r for r in rows if r["kind"] == k]
        L.append("* %s: pre-training %s s per seed (%s epochs), fine-tuning %s s per target, peak RSS %.0f MB." % (
            name.get(k, k), _ms(sorted({r["pretrain_sec"] for r in rs})), rs[0]["pretrain_epochs"],
            _ms([r["finetune_sec"] for r in rs]), max(r["peak_rss_mb"] for r in rs)))
    extra = getattr(a, "notes", None)
    if extra and os.path.exists(extra):
        L.append("")
        L.append(open(extra).read())
    with open(a.table, "w") as f:
        f.write("\n".join(L) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", default="v21", help="the labels (v25: HLSyn-Vitis; see also kfold.py)")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--kinds", default="hier,harp")
    ap.add_argument("--targets", default=",".join(TARGET_KERNELS))
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--ft-epochs", type=int, default=100)
    ap.add_argument("--valid-epochs", type=int, default=10)
    ap.add_argument("--valid-cap", type=int, default=256)
    ap.add_argument("--coreset", type=int, default=50)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--sources", help="kernel sources (default: the version's, dataset.py)")
    ap.add_argument("--data", help="labelled data (default: the version's, dataset.py)")
    ap.add_argument("--cache", default=dataset.DEFAULT_CACHE)
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "protocol"))
    ap.add_argument("--table", default=os.path.join(ROOT, "docs", "results.md"))
    ap.add_argument("--notes", default=os.path.join(ROOT, "tools", "train", "results-notes.md"))
    ap.add_argument("--table-only", action="store_true")
    a = ap.parse_args(argv)
    a.argv = [x for x in (argv if argv is not None else sys.argv[1:])]
    a.data = a.data or dataset.default_data(a.version)
    if a.table_only:
        write_table(a)
        return 0
    run(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
