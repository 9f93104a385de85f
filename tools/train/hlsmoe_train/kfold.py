"""Leave-kernel-out evaluation: k-fold over kernels, so that every kernel is scored by models that
never saw it (issue 13; the zero-shot half of protocol.py, for every kernel instead of six).

    python3 -m hlsmoe_train.kfold [--version v25] [--folds 4] [--seed 0] [--kinds hier,harp]
                [--epochs N] [--valid-epochs N] [--finetune] [--out build/kfold-v25] [--table F]

The kernels of a version (sorted by name, shuffled with --seed) go round-robin into --folds folds.
For every fold and model kind: pre-train a regression model on the other folds' kernels (80/10/10
split of their HLS-successful points, model selection on validation, as protocol.py) and a
validity classifier (HARP kind, as protocol.py; --valid-backbone: reading the analytic estimate's
features too) on all their points; score every kernel of the
fold zero-shot: summed MSE over the five objectives on its HLS-successful points, Spearman of
predicted vs true perf, the offline exploration check (protocol.explore: top 10 after the
validity and utilisation filters) and the classifier's accuracy against the majority rate.
--with-versions v21 adds another flow's points to every fold's training data (a held-out kernel's
namesakes excluded) and makes the models read the flow (one model across flows, issue 13).
--seed-dirs lists the --out directories of the same run with other seeds (run one after another:
each deals its own folds): the table then adds the comparison per seed.
Kinds in DERIVED (composite, hybrid-half) train nothing of their own: they are the fold's hybrid
(loaded from --out, or trained then) with its perf correction weighted 0 or 0.5, so one run
measures how much of the learned correction to trust.
--finetune adds protocol.py's 50-point coreset fine-tuning per kernel (kernels with >= 20
HLS-successful points); the analytic estimator, which has nothing to train, is calibrated on the
same points instead (model.AnalyticOnly.calibrated: a least-squares line per target).  Results go to <out>/results.jsonl as each (fold, kind) finishes (a rerun
skips what is there), the table to --table.
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
from . import export
from . import flows as flows_mod
from . import model as model_mod
from . import protocol
from . import schema as schema_mod
from . import targets as targets_mod
from . import train

OBJ = dataset.TARGETS
MIN_FINETUNE = 20   # fewer HLS-successful points leave no test set worth the name after a coreset


def folds_of(names, k, seed):
    """Kernel names -> k lists: a seeded permutation dealt round-robin (deterministic)."""
    perm = np.random.RandomState(seed).permutation(sorted(names))
    return [sorted(perm[i::k].tolist()) for i in range(k)]


def validity_model(a, fold, sources, schema, log):
    """The fold's validity classifier: --valid-kind (HARP, as protocol.py, unless told); with
    --valid-backbone its head also reads the analytic estimate's features (over-use of the device,
    the amount of unrolled work)."""
    tag = ("-" + a.valid_kind if a.valid_kind != "harp" else "") + ("-est" if a.valid_backbone else "")
    path = os.path.join(a.out, "valid%s-fold%d-s%d.safetensors" % (tag, fold, a.seed))
    if os.path.exists(path):
        return export.load_model(path, schema)
    torch.manual_seed(a.seed)
    vs = train.split_kernels(sources, "validity", a.seed)
    vm = model_mod.Model(a.valid_kind, schema, a.hidden, "validity", backbone_inputs=a.valid_backbone,
                         flow_inputs=bool(a.with_versions))
    vm, _ = train.fit(vm, [(s.kd, s.train) for s in vs], [(s.kd, s.val) for s in vs], "validity",
                      a.valid_epochs, a.seed, cap=a.valid_cap, log=log, tag="[valid f%d] " % fold)
    export.save_model(vm, path, "k-fold validity classifier, %s fold %d, seed %d" % (a.version, fold, a.seed),
                      flow=flows_mod.of_version(a.version))
    return vm


# The predictors compared: network kind, and how it builds on the analytic estimate (backbone.py):
# heads that read its features, targets predicted as a residual to it.  "analytic" is the
# estimator alone (nothing trained).
PREDICTORS = {
    "hier": ("hier", False, ()),            # HierMoE, the paper's configuration
    "harp": ("harp", False, ()),            # HARP, the paper's baseline
    "analytic": (None, False, ()),
    "hybrid": ("hier", True, ("perf",)),    # HierMoE reading the estimate, perf as a residual to it
    "hybrid-res": ("hier", False, ("perf",)),
    "hybrid-in": ("hier", True, ()),
    "hybrid-harp": ("harp", True, ("perf",)),
}
# Predictors derived from another kind's fold model without training: the hybrid with its perf
# correction weighted by w (0: perf is the analytic estimate, the utilisations the network's).
DERIVED = {"hybrid-half": ("hybrid", 0.5), "composite": ("hybrid", 0.0)}
for _k, (_base, _w) in DERIVED.items():
    PREDICTORS[_k] = PREDICTORS[_base]
NAMES = {"composite": "composite (analytic perf, hybrid utilisations)",
         "hybrid-half": "hybrid, half its perf correction", "hier": "HierMoE", "harp": "HARP", "analytic": "analytic", "hybrid": "hybrid (HierMoE + analytic)",
         "hybrid-res": "HierMoE, perf residual to analytic", "hybrid-in": "HierMoE reading analytic",
         "hybrid-harp": "hybrid (HARP + analytic)"}


def derived(a, kind, fold, sources, schema, log):
    """A DERIVED kind: its base kind's model of this fold (trained now unless a run saved it),
    its perf correction weighted."""
    base, w = DERIVED[kind]
    path = os.path.join(a.out, "%s-fold%d-s%d.safetensors" % (base, fold, a.seed))
    if os.path.exists(path):
        m, sec = export.load_model(path, schema), 0.0
    else:
        m, sec = pretrain(a, base, fold, sources, schema, log)
        save_fold_model(a, m, base, fold)
    m.residual_scale = [w if t == "perf" else 1.0 for t in m.residual]
    return m, sec


def save_fold_model(a, m, kind, fold):
    export.save_model(m, os.path.join(a.out, "%s-fold%d-s%d.safetensors" % (kind, fold, a.seed)),
                      "k-fold %s, %s fold %d, seed %d" % (kind, a.version, fold, a.seed),
                      flow=flows_mod.of_version(a.version))


def pretrain(a, kind, fold, sources, schema, log):
    if kind in DERIVED:
        return derived(a, kind, fold, sources, schema, log)
    net, inputs, residual = PREDICTORS[kind]
    if net is None:
        return model_mod.AnalyticOnly(), 0.0
    torch.manual_seed(a.seed)
    sp = train.split_kernels(sources, "regression", a.seed)
    tr = [(s.kd, s.train) for s in sp]
    m = model_mod.Model(net, schema, a.hidden, "regression", backbone_inputs=inputs, residual=residual,
                        flow_inputs=bool(a.with_versions))
    train.init_head_bias(m, tr)
    t0 = time.time()
    m, _ = train.fit(m, tr, [(s.kd, s.val) for s in sp], "regression", a.epochs, a.seed, log=log,
                     tag="[%s f%d] " % (kind, fold))
    return m, time.time() - t0


def score_kernel(a, m, vm, kd):
    """The zero-shot (and, with --finetune, fine-tuned) record of one held-out kernel."""
    allidx = np.arange(len(kd))
    pv = torch.softmax(torch.as_tensor(train.predict(vm, kd, allidx)), -1)[:, 1].numpy()
    c = train.validity_counts(vm, [kd])
    r = {"kernel": kd.name, "n_points": len(kd), "n_ok": int(kd.ok.sum()),
         "valid_correct": c["tp"] + c["tn"], "valid_majority": max(int(kd.ok.sum()), len(kd) - int(kd.ok.sum()))}
    ok = np.nonzero(kd.ok)[0]
    if len(ok) == 0:
        return r
    y = train.predict(m, kd, allidx)
    r["zero_shot"] = protocol.errors(m, kd, ok)
    # every point's |log2(predicted / true latency)|: the pooled median over kernels needs them
    r["abs_log2"] = [round(float(x), 4) for x in
                     np.abs(targets_mod.PERF_DIVISOR * (y[ok, 0] - kd.y[ok, 0]))]
    r["explore"] = protocol.explore(y, pv, kd)
    r["explore_nv"] = protocol.explore(y, None, kd)
    if a.finetune and len(ok) >= MIN_FINETUNE:
        _, z = train.predict(m, kd, ok, want_z=True)
        ft = ok[protocol.coreset(z, min(a.coreset, len(ok) // 2), a.seed)]
        test = np.setdiff1d(ok, ft)
        if isinstance(m, model_mod.AnalyticOnly):      # nothing to train: a line per target
            fm = m.calibrated(train.predict(m, kd, ft), kd.y[ft])
        else:
            fm, _ = train.fit(copy.deepcopy(m), [(kd, ft)], None, "regression", a.ft_epochs, a.seed,
                              finetune=True, log=None)
        r["zero_shot_test"] = protocol.errors(m, kd, test)
        r["finetuned"] = protocol.errors(fm, kd, test)
        r["explore_finetuned"] = protocol.explore(train.predict(fm, kd, allidx), pv, kd)
        r["n_finetune"] = int(len(ft))
    return r


def run(a):
    torch.set_num_threads(a.threads)
    os.makedirs(a.out, exist_ok=True)
    res_path = os.path.join(a.out, "results.jsonl")
    done = set()
    if os.path.exists(res_path):
        for line in open(res_path):
            r = json.loads(line)
            done.add((r["fold"], r["kind"]))
    log = lambda s: print(time.strftime("%H:%M:%S ") + s, flush=True)  # noqa: E731
    kds = dataset.load_kernels(a.version, a.sources, a.data, a.cache, kernels=a.kernels)
    # --with-versions: other flows' kernels, training data only (their held-out namesakes excluded)
    try:
        others = dataset.load_with_versions(a.with_pairs, cache=a.cache, kernels=a.kernels)
    except ValueError as ex:
        sys.exit("kfold: %s" % ex)
    if a.max_points:        # tests: the first points of every kernel
        for kd in kds + others:
            keep = slice(0, a.max_points)
            kd.records, kd.points, kd.P = kd.records[keep], kd.points[keep], kd.P[keep]
            kd.ok, kd.y, kd.latency = kd.ok[keep], kd.y[keep], kd.latency[keep]
            kd.B = kd.B[keep]
    by = {k.name: k for k in kds}
    folds = folds_of(by, a.folds, a.seed)
    schema = schema_mod.Schema()
    for f, held in enumerate(folds):
        if a.only_folds is not None and f not in a.only_folds:
            continue
        sources = [k for k in kds + others if k.name not in held]
        if others:
            log("fold %d holds out %s; trains on %s" % (f, ", ".join(held), ", ".join(
                "%s (%s)" % (k.name, k.version) for k in sources)))
        vm = None
        for kind in a.kinds.split(","):
            if (f, kind) in done:
                continue
            vm = vm or validity_model(a, f, sources, schema, log)
            m, sec = pretrain(a, kind, f, sources, schema, log)
            if isinstance(m, model_mod.Model):   # kept: confidence.py and later tables read them
                save_fold_model(a, m, kind, f)
            rows = [score_kernel(a, m, vm, by[k]) for k in held]
            rec = {"version": a.version, "seed": a.seed, "folds": a.folds, "fold": f, "kind": kind,
                   "held_out": held, "epochs": a.epochs, "valid_epochs": a.valid_epochs,
                   "valid_kind": a.valid_kind, "valid_backbone": a.valid_backbone,
                   "with_versions": a.with_versions,
                   "finetune_epochs": a.ft_epochs if a.finetune else 0, "pretrain_sec": sec,
                   "peak_rss_mb": train.peak_rss_mb(), "kernels": rows}
            with open(res_path, "a") as fh:
                fh.write(json.dumps(rec) + "\n")
            z = [r["zero_shot"]["mse_sum"] for r in rows if "zero_shot" in r]
            log("fold %d %s: %d kernels, pre-trained in %.0f s, mean zero-shot summed MSE %.3f" % (
                f, kind, len(held), sec, float(np.mean(z)) if z else float("nan")))
            if a.table:
                write_table(a)
    if a.table:
        write_table(a)
    else:
        log("--only-folds without --table: no table written (the folds' results are in %s; "
            "--table-only --table FILE writes it)" % res_path)


def _median(v):
    v = [x for x in v if x == x]
    return float(np.median(v)) if v else float("nan")


def summary(rows, exclude=()):
    """Aggregates over the held-out kernels of every fold of one kind (but those in exclude)."""
    ks = [r for rec in rows for r in rec["kernels"] if r["kernel"] not in exclude]
    reg = [r for r in ks if "zero_shot" in r]
    pts = sum(r["n_ok"] for r in reg)
    pooled = sum(r["zero_shot"]["mse_sum"] * r["n_ok"] for r in reg) / max(1, pts)
    sp = [r["zero_shot"]["spearman_perf"] for r in reg if r["n_ok"] >= 10]
    ex = [r["explore"]["ratio"] for r in reg if r["explore"]["best_latency"] == r["explore"]["best_latency"]]
    exnv = [r["explore_nv"]["ratio"] for r in reg if r["explore_nv"]["best_latency"] == r["explore_nv"]["best_latency"]]
    n = sum(r["n_points"] for r in ks)
    out = {"kernels": len(ks), "reg_kernels": len(reg), "points_ok": pts,
           "mse_mean": float(np.mean([r["zero_shot"]["mse_sum"] for r in reg])) if reg else float("nan"),
           "mse_median": _median([r["zero_shot"]["mse_sum"] for r in reg]), "mse_pooled": pooled,
           "spearman_median": _median(sp), "spearman_mean": float(np.nanmean(sp)) if sp else float("nan"),
           "spearman_n": len(sp),
           "explore_mean": float(np.mean(ex)) if ex else float("nan"), "explore_n": len(ex),
           "explore_hits": sum(1 for x in ex if x >= 0.95), "explore_empty": sum(1 for x in ex if x == 0),
           "explore_nv_mean": float(np.mean(exnv)) if exnv else float("nan"),
           "valid_acc": sum(r["valid_correct"] for r in ks) / max(1, n),
           "valid_majority": sum(r["valid_majority"] for r in ks) / max(1, n), "points": n,
           "valid_majority_pooled": max(sum(r["n_ok"] for r in ks), n - sum(r["n_ok"] for r in ks)) / max(1, n),
           "sec": sum(rec["pretrain_sec"] for rec in rows), "rss": max(rec["peak_rss_mb"] for rec in rows)}
    al = np.concatenate([r["abs_log2"] for r in reg if r.get("abs_log2")] or [np.zeros(0)])
    out["abs_log2_median"] = float(np.median(al)) if len(al) else float("nan")
    out["within_2x"] = float((al <= 1).mean()) if len(al) else float("nan")
    out["bias_abs_mean"] = float(np.mean([abs(r["zero_shot"]["bias_log2"]) for r in reg
                                          if "bias_log2" in r["zero_shot"]] or [float("nan")]))
    per_obj = {o: sum(r["zero_shot"]["mse"][o] * r["n_ok"] for r in reg) / max(1, pts) for o in OBJ}
    out["per_obj"] = per_obj
    # results of runs before the relative utilisation error have none: the table leaves it out
    ul = [r["zero_shot"]["util_abs_log2"] for r in reg if r["zero_shot"].get("util_abs_log2")]
    if ul:
        out["util_abs_log2"] = {o: _median([u[o] for u in ul]) for o in ul[0]}
    ft = [r for r in ks if "finetuned" in r]
    if ft:
        out["ft_kernels"] = len(ft)
        out["ft_zero_mean"] = float(np.mean([r["zero_shot_test"]["mse_sum"] for r in ft]))
        out["ft_mean"] = float(np.mean([r["finetuned"]["mse_sum"] for r in ft]))
        out["ft_spearman_median"] = _median([r["finetuned"]["spearman_perf"] for r in ft])
        out["ft_explore_mean"] = float(np.mean([r["explore_finetuned"]["ratio"] for r in ft]))
    return out


def seed_section(paths):
    """The main comparisons once per seed (each seed deals other folds and trains other models):
    a run of kfold.py per seed, their results files in paths."""
    L = ["## Per seed\n", "Each seed's own run (its folds, models and classifiers): summed MSE mean over "
         "kernels (and without trmm-opt), median |log2| latency error, Spearman median, top-10 ratio mean, "
         "and the fine-tuned summed MSE of runs with --finetune.\n",
         "| seed | model | summed MSE | without trmm-opt | median abs log2 | Spearman | top-10 | fine-tuned |",
         "|---|---|---|---|---|---|---|---|"]
    for path in paths:
        recs = [json.loads(l) for l in open(path) if l.strip()]
        for k in [k for k in PREDICTORS if any(r["kind"] == k for r in recs)]:
            rows = [r for r in recs if r["kind"] == k]
            s, x = summary(rows), summary(rows, exclude=("trmm-opt",))
            L.append("| %d | %s | %.3f | %.3f | %.2f | %.3f | %.3f | %s |" % (
                rows[0]["seed"], NAMES.get(k, k), s["mse_mean"], x["mse_mean"], s["abs_log2_median"],
                s["spearman_median"], s["explore_mean"], "%.3f" % s["ft_mean"] if "ft_mean" in s else "–"))
    return L + [""]


def write_table(a):
    res_path = os.path.join(a.out, "results.jsonl")
    if not os.path.exists(res_path):
        return
    recs = [json.loads(l) for l in open(res_path) if l.strip()]
    name = NAMES
    kinds = [k for k in PREDICTORS if any(r["kind"] == k for r in recs)]
    folds = sorted({r["fold"] for r in recs})
    L = ["# Results: leave-kernel-out on %s (k-fold over kernels)\n" % a.version]
    args = [x for x in a.argv if x != "--table-only"]
    L.append("Produced by `PYTHONPATH=tools/train /usr/bin/python3 -m hlsmoe_train.kfold%s` "
             "(results in `%s/results.jsonl`; `--table-only` rebuilds this file from there). "
             "Every kernel is scored by models trained on the kernels of the other folds only.\n"
             % ("".join(" " + x for x in args), os.path.relpath(a.out, ROOT)))
    r0 = recs[0]
    L.append("%d folds (present: %s), seed %d, %d pre-training epochs, validity classifier %d epochs; "
             "MSE in the model's target space (perf = log2(1e7/latency)/2, utilisations as fractions).\n"
             % (r0["folds"], ", ".join(map(str, folds)), r0["seed"], r0["epochs"], r0["valid_epochs"]))
    if r0.get("with_versions"):
        L.append("One model across flows: every fold's models also trained on the %s points of the "
                 "kernels outside the fold (a held-out kernel's namesakes excluded), reading the "
                 "flow as an input (model/flows.def one-hot).\n" % ", ".join(r0["with_versions"]))
    L.append("Folds: " + "; ".join("%d: %s" % (r["fold"], ", ".join(r["held_out"]))
                                   for r in recs if r["kind"] == recs[0]["kind"]) + ".\n")
    S = {k: summary([r for r in recs if r["kind"] == k]) for k in kinds}
    L.append("| model | kernels (with latency) | summed MSE, mean over kernels | median | pooled over points "
             "| Spearman(perf), median over kernels (n ≥ 10) | top-10 ratio, mean | within 5 % of the best | "
             "no valid design in top 10 | top-10 ratio, no validity filter |")
    L.append("|---|---|---|---|---|---|---|---|---|---|")
    for k in kinds:
        s = S[k]
        L.append("| %s | %d (%d) | %.3f | %.3f | %.3f | %.3f (%d kernels) | %.3f | %d of %d | %d | %.3f |" % (
            name.get(k, k), s["kernels"], s["reg_kernels"], s["mse_mean"], s["mse_median"], s["mse_pooled"],
            s["spearman_median"], s["spearman_n"], s["explore_mean"], s["explore_hits"], s["explore_n"],
            s["explore_empty"], s["explore_nv_mean"]))
    L.append("")
    L.append("Latency alone, on every HLS-successful point of the held-out kernels: median "
             "|log2(predicted / true latency)| pooled over points, the share within 2×, and the mean "
             "over kernels of |bias|, the kernel's mean log2 predicted minus mean log2 true latency "
             "(what a user sees as \"everything is N× too fast\").\n")
    L.append("| model | median abs log2 error | within 2× | mean abs per-kernel bias (log2) |")
    L.append("|---|---|---|---|")
    for k in kinds:
        s = S[k]
        L.append("| %s | %.2f (%.1f×) | %.0f %% | %.2f |" % (name.get(k, k), s["abs_log2_median"],
                                                         2 ** s["abs_log2_median"], 100 * s["within_2x"],
                                                         s["bias_abs_mean"]))
    L.append("")
    if any("util_abs_log2" in S[k] for k in kinds):
        L.append("Utilisations relative to the truth, median over kernels of each kernel's median "
                 "|log2(predicted / true)|, both floored at %g of the device (protocol.UTIL_FLOOR; "
                 "the MSE above hardly sees a small design predicted 50× too big):\n" % protocol.UTIL_FLOOR)
        uo = [o for o in OBJ if o.startswith("util_")]
        L.append("| model | " + " | ".join(uo) + " |")
        L.append("|---|" + "---|" * len(uo))
        for k in kinds:
            if "util_abs_log2" in S[k]:
                L.append("| %s | %s |" % (name.get(k, k), " | ".join(
                    "%.2f (%.1f×)" % (S[k]["util_abs_log2"][o], 2 ** S[k]["util_abs_log2"][o]) for o in uo)))
        L.append("")
    out_k = [x for x in ("trmm-opt",) if any(r["kernel"] == x for rec in recs for r in rec["kernels"])]
    if out_k:
        X = {k: summary([r for r in recs if r["kind"] == k], exclude=out_k) for k in kinds}
        L.append("Without %s (one kernel's utilisation outliers decide comparisons in the paper's "
                 "protocol, docs/results.md): summed MSE, mean over kernels: " % ", ".join(out_k)
                 + "; ".join("%s %.3f" % (name.get(k, k), X[k]["mse_mean"]) for k in kinds) + ".\n")
    L.append("Pooled MSE per objective: " + "; ".join(
        "%s %s" % (name.get(k, k), ", ".join("%s %.3f" % (o, S[k]["per_obj"][o]) for o in OBJ)) for k in kinds) + ".\n")
    if any("ft_mean" in S[k] for k in kinds):
        L.append("Fine-tuned on a 50-point coreset (kernels with ≥ %d HLS-successful points; test = the rest): " % MIN_FINETUNE
                 + "; ".join("%s: %d kernels, summed MSE zero-shot %.3f → fine-tuned %.3f, Spearman median %.3f, "
                             "top-10 ratio %.3f" % (name.get(k, k), S[k]["ft_kernels"], S[k]["ft_zero_mean"],
                                                    S[k]["ft_mean"], S[k]["ft_spearman_median"], S[k]["ft_explore_mean"])
                             for k in kinds if "ft_mean" in S[k])
                 + ("; without %s, fine-tuned summed MSE: " % ", ".join(out_k)
                    + ", ".join("%s %.3f" % (name.get(k, k), X[k]["ft_mean"]) for k in kinds if "ft_mean" in X[k])
                    if out_k else "") + ".\n")
    k0 = kinds[0]
    est = ", reading the analytic estimate's features," if r0.get("valid_backbone") else ""
    vkind = {"harp": "HARP", "hier": "HierMoE"}.get(r0.get("valid_kind", "harp"), r0.get("valid_kind"))
    L.append("Validity classifier (" + vkind + " kind%s one per fold, shared by all models), on all %d points of the "
             "held-out kernels: accuracy %.3f against a majority rate of %.3f (the majority class of all "
             "these points) and %.3f (each kernel's own majority class, which a zero-shot model cannot "
             "know).\n" % (est or ",", S[k0]["points"], S[k0]["valid_acc"], S[k0]["valid_majority_pooled"],
                           S[k0]["valid_majority"]))
    L.append("Cost: " + "; ".join("%s pre-training %.0f s over the folds present, peak RSS %.0f MB" % (
        name.get(k, k), S[k]["sec"], S[k]["rss"]) for k in kinds) + ".\n")
    if a.seed_dirs:
        L += seed_section([os.path.join(a.out, "results.jsonl")] +
                          [os.path.join(d, "results.jsonl") for d in a.seed_dirs])
    L.append("## Per kernel (zero-shot)\n")
    L.append("| kernel | fold | points / with latency | " + " | ".join(
        "%s summed MSE | %s Spearman | %s top-10" % ((name.get(k, k),) * 3) for k in kinds) + " | validity accuracy / majority |")
    L.append("|---|---|---|" + "---|---|---|" * len(kinds) + "---|")
    rows = {}
    for rec in recs:
        for r in rec["kernels"]:
            rows.setdefault(r["kernel"], {})[rec["kind"]] = (rec["fold"], r)
    for kn in sorted(rows):
        any_f, any_r = next(iter(rows[kn].values()))
        cells = []
        for k in kinds:
            if k not in rows[kn] or "zero_shot" not in rows[kn][k][1]:
                cells += ["–"] * 3
                continue
            r = rows[kn][k][1]
            cells += ["%.3f" % r["zero_shot"]["mse_sum"], "%.2f" % r["zero_shot"]["spearman_perf"],
                      "%.2f" % r["explore"]["ratio"]]
        L.append("| %s | %d | %d / %d | %s | %.2f / %.2f |" % (
            kn, any_f, any_r["n_points"], any_r["n_ok"], " | ".join(cells),
            any_r["valid_correct"] / max(1, any_r["n_points"]), any_r["valid_majority"] / max(1, any_r["n_points"])))
    with open(a.table, "w") as fh:
        fh.write("\n".join(L) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", default="v25")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--only-folds", help="comma-separated fold numbers to run now (the rest later)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kernels", help="comma-separated kernels (default: every kernel with labels)")
    ap.add_argument("--max-points", type=int, help="use the first N points of every kernel (tests)")
    ap.add_argument("--kinds", default="hier,harp", help="comma-separated, of: " + ", ".join(PREDICTORS))
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--valid-epochs", type=int, default=10)
    ap.add_argument("--valid-cap", type=int, default=256)
    ap.add_argument("--with-versions", default="",
                    help="comma-separated data versions of other flows (v21, v25) whose points join "
                         "every fold's training data, but those of the fold's kernels; the models "
                         "then read the flow as an input (one model across flows)")
    ap.add_argument("--with-data", default="",
                    help="comma-separated labelled-data directories of the --with-versions, in their "
                         "order (default: each version's, dataset.py)")
    ap.add_argument("--valid-kind", default="harp", choices=model_mod.KINDS,
                    help="the validity classifier's network (shipped classifiers: hier)")
    ap.add_argument("--valid-backbone", action="store_true",
                    help="the validity classifier also reads the analytic estimate's features")
    ap.add_argument("--finetune", action="store_true")
    ap.add_argument("--ft-epochs", type=int, default=100)
    ap.add_argument("--coreset", type=int, default=50)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--sources", help="kernel sources (default: the version's, dataset.py)")
    ap.add_argument("--data", help="labelled data (default: the version's, dataset.py)")
    ap.add_argument("--cache", default=dataset.DEFAULT_CACHE)
    ap.add_argument("--out", help="default: build/kfold-<version>")
    ap.add_argument("--table", help="default: docs/results-<version>.md (with --only-folds: none, "
                    "so that a partial run never overwrites a documented table)")
    ap.add_argument("--table-only", action="store_true")
    ap.add_argument("--seed-dirs", help="comma-separated --out directories of the same comparison run with "
                    "other seeds: the table adds a per-seed section")
    a = ap.parse_args(argv)
    a.seed_dirs = a.seed_dirs.split(",") if a.seed_dirs else []
    try:
        a.with_pairs = dataset.parse_with_versions(a.version, a.with_versions, a.with_data)
    except ValueError as ex:
        ap.error(str(ex))
    a.with_versions = [v for v, _ in a.with_pairs]
    for d in a.seed_dirs:
        if not os.path.exists(os.path.join(d, "results.jsonl")):
            ap.error("%s: no results for --seed-dirs (run kfold.py with --out %s first)"
                     % (os.path.join(d, "results.jsonl"), d))
    a.argv = list(argv if argv is not None else sys.argv[1:])
    a.out = a.out or os.path.join(ROOT, "build", "kfold-" + a.version)
    if not a.table and not (a.only_folds and not a.table_only):
        a.table = os.path.join(ROOT, "docs", "results-%s.md" % a.version)
    a.kernels = a.kernels.split(",") if a.kernels else None
    a.only_folds = {int(x) for x in a.only_folds.split(",")} if a.only_folds else None
    unknown = [k for k in a.kinds.split(",") if k not in PREDICTORS]
    if unknown:
        ap.error("unknown --kinds %s (known: %s)" % (",".join(unknown), ", ".join(PREDICTORS)))
    if a.table_only:
        write_table(a)
        return 0
    run(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
