"""The tool flows, read from model/flows.def (the declaration the C runtime compiles in).

    python3 -m hlsmoe_train.flows      prints them as `hls-model flows` does (test/lit/train/flows.test)
"""
import collections
import os
import sys

import numpy as np

from . import ROOT
from . import defs

FLOWS_DEF = os.path.join(ROOT, "model", "flows.def")

Flow = collections.namedtuple("Flow", "name tool device clock_mhz dialect version capacity_pct merges_nests "
                                       "partitions_args")

def read(path=FLOWS_DEF):
    out = []
    for _, g in defs.entries(path, ("FLOW",)):
        if len(g) != len(Flow._fields):
            raise ValueError("%s: FLOW(%s) needs %d arguments" % (path, ", ".join(g), len(Flow._fields)))
        out.append(Flow(g[0], g[1], g[2], int(g[3]), g[4], g[5], int(g[6]), int(g[7]), int(g[8])))
    if not out:
        raise ValueError("%s: no FLOW entries" % path)
    return out


FLOWS = read()


def by_name(name):
    for f in FLOWS:
        if f.name == name:
            return f
    raise KeyError("unknown flow %r (known: %s)" % (name, ", ".join(f.name for f in FLOWS)))


def of_version(version):
    """The flow whose labels are `version` (v21 -> merlin-2021.1), or None (v18, v20: no flow of their own)."""
    for f in FLOWS:
        if f.version == version:
            return f
    return None


def one_hot(f):
    """A flow as a model input (model.Model flow_inputs): 1 at its place in FLOWS; None (v18, v20)
    is all zeros."""
    return np.asarray([1.0 if f is not None and g.name == f.name else 0.0 for g in FLOWS], dtype=np.float32)


def describe(f):
    """'Vitis HLS 2025.1, xcu200 @ 250 MHz': how remarks and reports state a flow."""
    return "%s, %s @ %d MHz" % (f.tool, f.device, f.clock_mhz)


def main():
    for f in FLOWS:
        print("%s: %s (dialect %s, data %s, utilisation of %d %% of the device; estimator: "
              "merges nests %d, partitions argument arrays %d)"
              % (f.name, describe(f), f.dialect, f.version, f.capacity_pct, f.merges_nests,
                 f.partitions_args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
