"""Rewrites the reference file of a model with a perf residual and no backbone inputs (its heads
do not read the features) for backbone.test: adds DELTA to every point's perf feature (the
first backbone feature, model/backbone.def) and to its expected perf output (the first
regression target).  The C runtime passes the rewritten file only if it adds the feature to
perf and uses it nowhere else.  Standard library only.

    shift_backbone.py REFERENCE.json DELTA > SHIFTED.json
"""
import json
import sys


def main(path, delta):
    ref = json.load(open(path))
    for case in ref["cases"]:
        for features, outputs in zip(case["backbone"], case["outputs"]):
            features[0] += float(delta)
            outputs[0] += float(delta)
    json.dump(ref, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:3])
