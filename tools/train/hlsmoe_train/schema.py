"""The feature schema of graph/schema.def, read from that file, and the
encoding of a design point into pragma vectors.

This is the Python twin of graph/schema.c and graph/encode.c: the schema id is
computed the same way, and encode_point() follows the same rules, so that the
vectors the model is trained on are the vectors the C runtime feeds it.
test/lit/graph/encode-parity.test compares the two on real design points.
"""
import math
import os
import re

import numpy as np

from . import ROOT

SCHEMA_DEF = os.path.join(ROOT, "graph", "schema.def")

_ENTRY = re.compile(r"^(NODE_FEATURE|EDGE_FEATURE|PRAGMA_FEATURE|OPCODE|SCHEMA_VERSION)\((.*)\)\s*(/\*.*)?$")


def _fnv1a(h, s):
    for byte in s.encode():
        h ^= byte
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def _display(identifier):
    return identifier.replace("_", ".", 1)


class Schema:
    """Column names and ids, parsed from schema.def."""

    def __init__(self, path=SCHEMA_DEF):
        self.node, self.edge, self.pragma, self.pragma_group = [], [], [], []
        self.version = None
        with open(path) as f:
            for line in f:
                m = _ENTRY.match(line.strip())
                if not m:
                    continue
                macro, args = m.group(1), [a.strip() for a in m.group(2).split(",")]
                if macro == "SCHEMA_VERSION":
                    self.version = args[0].strip('"')
                elif macro == "NODE_FEATURE":
                    self.node.append(args[0])
                elif macro == "OPCODE":
                    self.node.append("op_" + args[0])
                elif macro == "EDGE_FEATURE":
                    self.edge.append(args[0])
                else:
                    self.pragma.append(args[0])
                    self.pragma_group.append(args[1])
        h = 2166136261
        for c in self.node:
            h = _fnv1a(h, "node " + c + "\n")
        for c in self.edge:
            h = _fnv1a(h, "edge " + c + "\n")
        for c, g in zip(self.pragma, self.pragma_group):
            h = _fnv1a(h, "pragma " + c + " " + g + "\n")
        self.id = "%s:%08x" % (self.version, h)
        self.node_names = [_display(c) for c in self.node]
        self.edge_names = [_display(c) for c in self.edge]
        self.pragma_names = [_display(c) for c in self.pragma]
        self.pcol = {c: i for i, c in enumerate(self.pragma)}

    @property
    def node_dim(self):
        return len(self.node)

    @property
    def edge_dim(self):
        return len(self.edge)

    @property
    def pragma_dim(self):
        return len(self.pragma)

    def group_columns(self, group):
        return [i for i, g in enumerate(self.pragma_group) if g == group]


PIPE_MODES = {"off": "off", "": "cg", "cg": "cg", "flatten": "fg", "fg": "fg"}


def _pipe_of(graph, loop, point):
    slot = loop["pipeline"]
    if slot is None:
        return None
    if "knob" in slot:
        return PIPE_MODES[point[slot["knob"]]]
    return slot["mode"]


def _factor_of(slot, point):
    return int(point[slot["knob"]]) if "knob" in slot else int(slot["factor"])


def _fraction(factor, loop):
    if loop["trip_count"] <= 0:
        return 0.0
    return min(1.0, factor / float(loop["trip_count"]))


def encode_point(schema, graph, point):
    """Pragma matrix [scopes, pragma_dim] (float32) of one design point.

    graph: a parsed hlsmoe graph JSON; point: {knob: value} in the dataset's format.
    """
    loops = graph["loops"]
    nscopes = sum(1 for l in loops if l["scope"] >= 0)
    out = np.zeros((nscopes, schema.pragma_dim), dtype=np.float32)
    c = schema.pcol
    for loop in loops:
        if loop["scope"] < 0:
            continue
        row = out[loop["scope"]]
        pipe = _pipe_of(graph, loop, point)
        row[c["pipe_off"]] = pipe == "off"
        row[c["pipe_cg"]] = pipe == "cg"
        row[c["pipe_fg"]] = pipe == "fg"
        if loop["pipeline"] is not None and loop["pipeline"].get("ii", 0) > 0:
            row[c["pipe_log_ii"]] = math.log2(loop["pipeline"]["ii"]) / 4
        par = loop["parallel"]
        if par is not None:
            f = _factor_of(par, point)
            trip = loop["trip_count"]
            eff = float(f) if f > 0 else (float(trip) if trip > 0 else 1.0)
            row[c["par_log_factor"]] = math.log2(eff) / 8
            row[c["par_fraction"]] = _fraction(eff, loop) if f > 0 else 1.0
            row[c["par_reduction"]] = 1.0 if par.get("reduction") else 0.0
        p = loop["parent"]
        while p >= 0:
            if _pipe_of(graph, loops[p], point) == "fg":
                row[c["par_by_ancestor"]] = 1.0
            p = loops[p]["parent"]
        tile = loop["tile"]
        if tile is not None:
            f = _factor_of(tile, point)
            f = float(f) if f > 0 else 1.0
            row[c["tile_log_factor"]] = math.log2(f) / 8
            row[c["tile_fraction"]] = _fraction(f, loop)
    return out


def main(argv):
    """python3 -m hlsmoe_train.schema id | encode GRAPH.json POINTS.jsonl  (the latter prints what `hls-graph encode` prints)."""
    import json
    schema = Schema()
    if len(argv) == 2 and argv[1] == "id":
        print(schema.id)
        return 0
    if len(argv) == 4 and argv[1] == "encode":
        with open(argv[2]) as f:
            graph = json.load(f)
        if graph["schema"] != schema.id:
            print("%s: graph schema %s differs from %s" % (argv[2], graph["schema"], schema.id))
            return 1
        with open(argv[3]) as f:
            for line in f:
                if not line.strip():
                    continue
                obj = json.loads(line)
                point = obj.get("point", obj)
                m = encode_point(schema, graph, point)
                print("[" + ",".join("[" + ",".join("%.9g" % v for v in row) + "]" for row in m) + "]")
        return 0
    print(main.__doc__)
    return 2


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
