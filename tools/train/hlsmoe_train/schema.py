"""The feature schema of graph/schema.def, read from that file, and the
encoding of a design point into pragma vectors.

This is the Python twin of graph/schema.c and graph/encode.c: the schema id is
computed the same way, and encode_point() applies the rules and scales that
schema.def declares for every pragma column, so that the vectors the model is
trained on are the vectors the C runtime feeds it.  Only the rules themselves
(what "log2_factor" means) are written here and in encode.c;
test/lit/graph/encode-parity.test compares the two on real design points.
"""
import math
import os
import re
import sys

import numpy as np

from . import ROOT

SCHEMA_DEF = os.path.join(ROOT, "graph", "schema.def")

_ENTRY = re.compile(r"^(NODE_FEATURE|NODE_SCALED|EDGE_FEATURE|EDGE_SCALED|PRAGMA_FEATURE|OPCODE|SCHEMA_VERSION)"
                    r"\((.*)\)\s*(/\*.*)?$")
_ARITY = {"NODE_FEATURE": 1, "NODE_SCALED": 3, "EDGE_FEATURE": 1, "EDGE_SCALED": 3, "PRAGMA_FEATURE": 4,
          "OPCODE": 1, "SCHEMA_VERSION": 1}
SCALED_RULES = ("log2p1", "signed_log2p1", "linear")
PRAGMA_RULES = ("mode_off", "mode_cg", "mode_fg", "log2_ii", "log2_factor", "factor_fraction", "reduction",
                "fg_ancestor", "flatten_off")
GROUPS = ("pipeline", "parallel", "tile")   # the slots, and the groups the pragma MLPs read
PRAGMA_GROUPS = GROUPS + ("analytic",)      # ... and the columns only the analytic estimator reads


class SchemaError(ValueError):
    pass


def _fnv1a(h, s):
    for byte in s.encode():
        h ^= byte
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def _display(identifier):
    return identifier.replace("_", ".", 1)


class Column:
    """One declared column: identifier, rule, scale (and group, for pragma columns)."""

    def __init__(self, ident, rule="indicator", scale=1.0, group=None):
        self.id, self.rule, self.scale, self.group = ident, rule, scale, group

    def hash_line(self, vector):
        """What the schema id hashes of this column (graph/schema.c hash_column)."""
        group = " " + self.group if self.group else ""
        return "%s %s%s %s %g\n" % (vector, self.id, group, self.rule, self.scale)


def _scale(text, where):
    try:
        return float(text)
    except ValueError:
        raise SchemaError("%s: scale %r is not a number" % (where, text))


def _column(macro, args, where):
    if macro in ("NODE_FEATURE", "EDGE_FEATURE"):
        return Column(args[0])
    if macro == "OPCODE":
        return Column("op_" + args[0])
    if macro in ("NODE_SCALED", "EDGE_SCALED"):
        if args[1] not in SCALED_RULES:
            raise SchemaError("%s: unknown rule %r for a scaled column" % (where, args[1]))
        return Column(args[0], args[1], _scale(args[2], where))
    if args[1] not in PRAGMA_GROUPS:
        raise SchemaError("%s: unknown pragma group %r" % (where, args[1]))
    if args[2] not in PRAGMA_RULES:
        raise SchemaError("%s: unknown pragma rule %r" % (where, args[2]))
    return Column(args[0], args[2], _scale(args[3], where), args[1])


class Schema:
    """Columns, their rules and scales, and the schema id, parsed from schema.def."""

    def __init__(self, path=SCHEMA_DEF):
        self.node_cols, self.edge_cols, self.pragma_cols = [], [], []
        self.version = None
        vectors = {"NODE": self.node_cols, "OPCODE": self.node_cols, "EDGE": self.edge_cols,
                   "PRAGMA": self.pragma_cols}
        with open(path) as f:
            for no, line in enumerate(f, 1):
                m = _ENTRY.match(line.strip())
                if not m:
                    continue
                where = "%s:%d" % (path, no)
                macro, args = m.group(1), [a.strip() for a in m.group(2).split(",")]
                if len(args) != _ARITY[macro]:
                    raise SchemaError("%s: %s takes %d arguments" % (where, macro, _ARITY[macro]))
                if macro == "SCHEMA_VERSION":
                    self.version = args[0].strip('"')
                else:
                    vectors[macro.split("_")[0]].append(_column(macro, args, where))
        h = _fnv1a(2166136261, "version %s\n" % self.version)
        for vector, cols in (("node", self.node_cols), ("edge", self.edge_cols), ("pragma", self.pragma_cols)):
            for c in cols:
                h = _fnv1a(h, c.hash_line(vector))
        self.id = "%s:%08x" % (self.version, h)
        self.node = [c.id for c in self.node_cols]
        self.edge = [c.id for c in self.edge_cols]
        self.pragma = [c.id for c in self.pragma_cols]
        self.pragma_group = [c.group for c in self.pragma_cols]
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


def pipe_value(vocab, value):
    """(mode, ii) of a pipeline knob's value in a dialect's vocabulary (pragma/vocabulary.h):
    Merlin "off", "", "flatten" (and cg, fg); Vitis "NA" (no pragma), blanks (pipeline),
    "off", "II=N".  Mode None: no pragma.  Raises KeyError for a value outside it."""
    if vocab != "vitis":
        return PIPE_MODES[value], 0
    v = value.strip(" \t")
    if v == "":
        return "fg", 0
    if v == "NA":
        return None, 0
    if v.lower() == "off":
        return "off", 0
    m = re.fullmatch(r"[Ii][Ii][ \t]*=[ \t]*([0-9]+)", v)
    if not m or not 1 <= int(m.group(1)) <= 1 << 20:
        raise KeyError(value)
    return "fg", int(m.group(1))


def _pipe_of(graph, loop, point):
    """(mode, ii) of the loop's pipeline slot under a point (graph/encode.c pipe_of)."""
    slot = loop["pipeline"]
    if slot is None:
        return None, 0
    if "ii_knob" in slot:   # II=auto{K}
        return slot["mode"], int(point[slot["ii_knob"]])
    if "knob" in slot:
        value = point[slot["knob"]]
        try:
            return pipe_value(slot.get("vocab", "merlin"), value)
        except KeyError:
            return None, 0
    return slot["mode"], slot.get("ii", 0)


def _flatten_off(flatten, point):
    """Does the loop say loop_flatten off under the point (graph/encode.c hls_loop_flatten_off)?"""
    if not flatten:
        return False
    if "knob" in flatten:
        return point.get(flatten["knob"]) == "off"
    return bool(flatten.get("off"))


def _factor_of(slot, point):
    return int(point[slot["knob"]]) if "knob" in slot else int(slot["factor"])


class _LoopView:
    """What the rules of one loop's pragma columns read (graph/encode.c loop_view)."""

    def __init__(self, graph, loop, point):
        loops = graph["loops"]
        self.trip = loop["trip_count"]
        self.pipe, self.ii = _pipe_of(graph, loop, point)
        self.slot = {g: loop[g] for g in GROUPS}
        self.factor, self.full_unroll = {}, False
        for g in ("parallel", "tile"):
            if self.slot[g] is not None:
                f = _factor_of(self.slot[g], point)
                self.factor[g] = self._effective(f, g)
                if g == "parallel":
                    self.full_unroll = f <= 0
        self.flatten_off = _flatten_off(loop.get("flatten"), point)
        self.fg_ancestor = False
        p = loop["parent"]
        while p >= 0:
            if _pipe_of(graph, loops[p], point)[0] == "fg":
                self.fg_ancestor = True
            p = loops[p]["parent"]

    def _effective(self, f, group):
        """Factor 0: a full unroll on a parallel slot (the trip count, or 1), no tiling on a tile slot."""
        if f > 0:
            return float(f)
        return float(self.trip) if group == "parallel" and self.trip > 0 else 1.0

    def fraction(self, group):
        if group == "parallel" and self.full_unroll:
            return 1.0
        if self.trip <= 0:
            return 0.0
        return min(1.0, self.factor[group] / float(self.trip))

    def value(self, rule, group):
        """The value of a rule for a column of a group, before the scale (schema.def)."""
        if rule == "flatten_off":
            return 1.0 if self.flatten_off else 0.0
        slot, pipe = self.slot[group], self.slot["pipeline"]
        factored = slot is not None and group != "pipeline"
        if rule.startswith("mode_"):
            return 1.0 if self.pipe == rule[len("mode_"):] else 0.0
        if rule == "log2_ii":
            return math.log2(self.ii) if self.ii > 0 else 0.0
        if rule == "log2_factor":
            return math.log2(self.factor[group]) if factored else 0.0
        if rule == "factor_fraction":
            return self.fraction(group) if factored else 0.0
        if rule == "reduction":
            return 1.0 if slot is not None and slot.get("reduction") else 0.0
        return 1.0 if self.fg_ancestor else 0.0    # fg_ancestor


def encode_point(schema, graph, point):
    """Pragma matrix [scopes, pragma_dim] (float32) of one design point.

    graph: a parsed hlsmoe graph JSON; point: {knob: value} in the dataset's format.
    """
    loops = graph["loops"]
    nscopes = sum(1 for l in loops if l["scope"] >= 0)
    out = np.zeros((nscopes, schema.pragma_dim), dtype=np.float32)
    for loop in loops:
        if loop["scope"] < 0:
            continue
        view = _LoopView(graph, loop, point)
        row = out[loop["scope"]]
        for c, col in enumerate(schema.pragma_cols):
            row[c] = view.value(col.rule, col.group) / col.scale
    return out


def main(argv):
    """python3 -m hlsmoe_train.schema id [SCHEMA.def] | encode GRAPH.json POINTS.jsonl
    (id: of graph/schema.def or the file given; encode prints what `hls-graph encode` prints)."""
    import json
    if len(argv) in (2, 3) and argv[1] == "id":
        try:
            print(Schema(*argv[2:]).id)
        except (OSError, SchemaError) as ex:
            print("error: %s" % ex, file=sys.stderr)
            return 1
        return 0
    schema = Schema()
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
    sys.exit(main(sys.argv))
