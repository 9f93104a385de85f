"""The model's targets and the latency transform, read from model/targets.def (the declaration the
C runtime compiles in).

    python3 -m hlsmoe_train.targets     prints them as `hls-model targets` does (test/lit/train/targets.test)
"""
import math
import os
import sys

from . import ROOT
from . import defs

TARGETS_DEF = os.path.join(ROOT, "model", "targets.def")

def _read(path=TARGETS_DEF):
    regression, validity, transform = [], [], None
    for macro, args in defs.entries(path, ("TARGET", "VALIDITY_TARGET", "PERF_TRANSFORM")):
        if macro == "TARGET":
            regression.append(args[0])
        elif macro == "VALIDITY_TARGET":
            validity.append(args[0])
        else:
            transform = tuple(args[:2])
    if not regression or len(validity) != 1 or transform is None:
        raise ValueError("%s: needs TARGET entries, one VALIDITY_TARGET and PERF_TRANSFORM" % path)
    return regression, validity, transform


REGRESSION, VALIDITY, _TRANSFORM_TEXT = _read()
PERF_REFERENCE, PERF_DIVISOR = (float(t) for t in _TRANSFORM_TEXT)


def perf_of_latency(cycles):
    """The perf target of a latency in cycles: log2(reference / latency) / divisor."""
    return math.log2(PERF_REFERENCE / float(cycles)) / PERF_DIVISOR


def latency_of_perf(perf):
    """Cycles for a perf value: reference / 2^(divisor * perf)."""
    return PERF_REFERENCE / math.pow(2.0, PERF_DIVISOR * perf)


def transform_text():
    """The transform as a formula, its constants as targets.def writes them (for tables and logs)."""
    return "perf = log2(%s/latency)/%s" % _TRANSFORM_TEXT


def main():
    print("regression %s" % ",".join(REGRESSION))
    print("validity %s" % ",".join(VALIDITY))
    print("perf = log2(%.17g / latency) / %.17g" % (PERF_REFERENCE, PERF_DIVISOR))
    for perf in (-2.0, 0.0, 1.0, 3.5, 10.0):
        cycles = latency_of_perf(perf)
        print("perf %g: latency %.17g, perf again %.17g" % (perf, cycles, perf_of_latency(cycles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
