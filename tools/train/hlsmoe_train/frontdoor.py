"""Scoring labelled points through the front door, as a user's build would (`tools/hlsmoe score`):
the evaluations of the C runtime's predictors (analytic_eval, lower_bound_eval) read its lines."""
import json
import os
import subprocess
import sys

from . import ROOT

HLSMOE = os.path.join(ROOT, "tools", "hlsmoe")


def score(source, rows, predictor, tmp, top=None, flags=()):
    """The score lines (dicts) of the rows' points, in order, or None (the failure on stderr)."""
    points = os.path.join(tmp, "points.jsonl")
    out = os.path.join(tmp, "out-%s.jsonl" % predictor)
    with open(points, "w") as f:
        for r in rows:
            f.write(json.dumps({"point": r["point"]}) + "\n")
    cmd = [HLSMOE, "score", source, "--points", points, "--output", out, "--predictor", predictor]
    if top:
        cmd += ["--top", top]
    if flags:
        cmd += ["--"] + list(flags)
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write("%s: score --predictor %s failed:\n%s" % (source, predictor, p.stderr[-2000:]))
        return None
    with open(out) as f:
        return [json.loads(line) for line in f if line.strip()]
