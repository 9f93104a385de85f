"""Checks the output of hls-moe -hls-score-points against its input.

    check_scores.py POINTS.jsonl SCORES.jsonl [MODEL_OUTPUTS]

One output line per non-blank input line, in order: a scored point repeats
the input's knob values ("point"; a dataset line's "point" member) with a
latency > 0, four utilisations and a validity in [0, 1], the latency's lower
bound and the list of outputs the physical rules changed ("adjusted",
model/physical.h), from a model with training embeddings its confidence (level,
distance, nearest kernel, work), and obeys the physical rules: utilisations >= 0,
latency >= the bound, validity < 0.5 when a utilisation exceeds the device; a bad line is
{"line": N, "error": "..."} with N its line number.  MODEL_OUTPUTS, the
lines of `hls-model score` for the same points (perf and four
utilisations each: the network's raw outputs), must give the same
utilisations, in the same order, but for the negative ones, which the score
lines raise to 0 and list as adjusted.
Prints "N points: S scored, E errors"."""
import json
import math
import sys

UTILS = ("util_LUT", "util_FF", "util_DSP", "util_BRAM")


def fail(msg):
    print("check_scores: " + msg)
    sys.exit(1)


def main(points, scores, model_outputs=None):
    inputs = [(n, l) for n, l in enumerate(open(points), 1) if l.strip()]
    outputs = open(scores).read().splitlines()
    if len(outputs) != len(inputs):
        fail("%d input points, %d output lines" % (len(inputs), len(outputs)))
    reference = [l.split() for l in open(model_outputs)] if model_outputs else None
    scored = errors = 0
    for (n, text), out in zip(inputs, outputs):
        o = json.loads(out)
        if "error" in o:
            if o.get("line") != n or not isinstance(o["error"], str) or len(o) != 2:
                fail("line %d: bad error record %s" % (n, out))
            errors += 1
            continue
        given = json.loads(text)
        given = given.get("point", given)
        if o["point"] != given:
            fail("line %d: point %s, input %s" % (n, o["point"], given))
        if sorted(k for k in o if k != "confidence") != sorted(("point", "latency", "valid", "latency_bound", "adjusted") + UTILS):
            fail("line %d: fields %s" % (n, sorted(o)))
        c = o.get("confidence")   # a model with training embeddings (docs/confidence.md)
        if c is not None and not (c.get("level") in ("high", "medium", "low")
                                  and isinstance(c.get("nearest_kernel"), str)
                                  and all(isinstance(c.get(k, 0.0), (int, float)) and math.isfinite(c.get(k, 0.0))
                                          and c.get(k, 0.0) >= 0 for k in ("distance", "work"))
                                  and set(c) <= {"level", "distance", "nearest_kernel", "work"}):
            fail("line %d: bad confidence %s" % (n, c))
        values = [o["latency"], o["valid"], o["latency_bound"]] + [o[u] for u in UTILS]
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in values):
            fail("line %d: non-numbers in %s" % (n, out))
        if not o["latency"] > 0 or not 0 <= o["valid"] <= 1:
            fail("line %d: latency or valid out of range in %s" % (n, out))
        if not set(o["adjusted"]) <= {"latency", "valid"} | set(UTILS):
            fail("line %d: adjusted %s" % (n, o["adjusted"]))
        if any(o[u] < 0 for u in UTILS) or o["latency"] < o["latency_bound"] or o["latency_bound"] < 1:
            fail("line %d: a negative utilisation, or latency below the bound, in %s" % (n, out))
        if max(o[u] for u in UTILS) > 1 and not o["valid"] < 0.5:
            fail("line %d: over the device, yet valid %g" % (n, o["valid"]))
        if reference is not None:
            ref = [float(x) for x in reference[scored]]
            for u, r in zip(UTILS, ref[1:]):
                want = max(0.0, r)
                if abs(o[u] - want) > 1e-5 * max(1.0, abs(r)) or (u in o["adjusted"]) != (r < 0):
                    fail("line %d: %s %g (adjusted: %s), hls-model score %g" % (n, u, o[u], o["adjusted"], r))
        scored += 1
    print("%d points: %d scored, %d errors" % (len(inputs), scored, errors))


if __name__ == "__main__":
    main(*sys.argv[1:])
