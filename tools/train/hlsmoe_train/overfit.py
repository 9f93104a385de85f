"""Overfit check: can the model memorise a handful of design points of one kernel?

A network that cannot drive its training loss well below the "predict the kernel's mean" value on
64 points has a defect in how the design point reaches the output (this is how the vanishing signal of the
first shipped validity model was found).  The check trains from a fixed seed on the
first --points design points of --kernel (validity: all points; regression: HLS-successful ones)
and fails unless the final training loss is at most --ratio times the base loss:

    validity    base = entropy of the points' valid fraction
    regression  base = sum over the targets of the variance of the labels

    /usr/bin/python3 -m hlsmoe_train.overfit --kernel atax --task validity
    /usr/bin/python3 -m hlsmoe_train.overfit --kernel atax --task validity --init torch   # before

Prints one line per 20 steps and a last line "overfit <kernel> <task>: loss A -> B (base C, ratio R)".
Exit status 0 when the ratio is met, 1 when it is not, 2 on bad arguments or data.
"""
import argparse
import math
import sys

import numpy as np
import torch

from . import dataset
from . import model as model_mod
from . import schema as schema_mod
from . import train


def points_of(kd, task, n):
    idx = np.arange(len(kd)) if task == "validity" else np.nonzero(kd.ok)[0]
    return idx[:n]


def base_loss(t, task):
    if task == "validity":
        p = float(t.float().mean())
        return 0.0 if p in (0.0, 1.0) else -(p * math.log(p) + (1 - p) * math.log(1 - p))
    return float(t.var(0, unbiased=False).sum())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default="atax")
    ap.add_argument("--task", default="validity", choices=["regression", "validity"])
    ap.add_argument("--kind", default="harp", choices=model_mod.KINDS)
    ap.add_argument("--points", type=int, default=64)
    ap.add_argument("--steps", type=int, default=80)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ratio", type=float, default=0.5, help="pass when final loss <= ratio * base loss")
    ap.add_argument("--init", default="glorot", choices=["glorot", "torch"],
                    help="weight initialisation (model.py LowNet._initialise)")
    ap.add_argument("--version", default="v21")
    ap.add_argument("--sources", help="kernel sources (default: the version's, dataset.py)")
    ap.add_argument("--data", help="labelled data (default: the version's, dataset.py)")
    ap.add_argument("--cache", default=dataset.DEFAULT_CACHE)
    ap.add_argument("--plugin", default=dataset.DEFAULT_PLUGIN)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    kds = dataset.load_kernels(a.version, a.sources, a.data, a.cache, a.plugin, kernels=[a.kernel])
    if not kds:
        print("overfit: no labelled kernel %r under %s" % (a.kernel, a.sources), file=sys.stderr)
        return 2
    kd = kds[0]
    idx = points_of(kd, a.task, a.points)
    t = train.targets_of(kd, idx, a.task)
    base = base_loss(t, a.task)
    if len(idx) < 2 or base <= 0:
        print("overfit: %s has no spread to learn among its first %d %s points" % (
            a.kernel, len(idx), a.task), file=sys.stderr)
        return 2
    m = model_mod.Model(a.kind, schema_mod.Schema(), 64, a.task, init=a.init)
    train.init_head_bias(m, [(kd, idx)])   # regression heads start at the label mean
    g = model_mod.GraphTensors(kd.graph)
    P = torch.as_tensor(kd.P[idx])
    opt = torch.optim.Adam(m.parameters(), lr=a.lr)
    m.train()
    first = None
    for step in range(a.steps):
        loss = train.task_loss(m(g, P)["y"], t, a.task)
        first = float(loss) if first is None else first
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 20 == 0:
            print("step %d loss %.4f" % (step, float(loss)), flush=True)
    m.eval()
    with torch.no_grad():
        final = float(train.task_loss(m(g, P)["y"], t, a.task))
    ratio = final / base
    print("overfit %s %s: loss %.4f -> %.4f (base %.4f, ratio %.3f, need <= %.3f)" % (
        a.kernel, a.task, first, final, base, ratio, a.ratio))
    return 0 if ratio <= a.ratio else 1


if __name__ == "__main__":
    sys.exit(main())
