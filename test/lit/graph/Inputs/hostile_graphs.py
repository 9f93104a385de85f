"""Writes broken variants of a good graph (issue 15): each once read out of
bounds or cast an out-of-range number to an integer.
usage: hostile_graphs.py GRAPH.json OUTDIR"""
import copy
import json
import os
import sys


def variants(g):
    def loop(h, name):
        return next(l for l in h["loops"] if l["name"] == name)

    def knob_not_in_list(h):  # the encoder's binary search returned -1
        loop(h, "L0_0")["parallel"]["knob"] = "__PARA__NOPE"

    def knobs_unsorted(h):  # the binary search missed a knob that is there
        h["knobs"].reverse()

    def wrong_kind(h):  # a parallel slot reading a pipeline knob's string
        loop(h, "L0_0")["parallel"]["knob"] = "__PIPE__L0"

    def trip_1e300(h):
        loop(h, "L0")["trip_count"] = 1e300

    def factor_1e300(h):
        loop(h, "L0_0")["parallel"] = {"factor": 1e300, "reduction": False}

    def node_function_huge(h):
        h["nodes"]["function"][0] = -1e300

    def edge_position_fraction(h):
        h["edges"]["position"][0] = 2.5

    def scope_outside(h):  # the encoder wrote row `scope` of nscopes rows
        loop(h, "L0_0")["scope"] = 7

    def parent_later(h):
        loop(h, "L0")["parent"] = 1

    def feature_overflow(h):  # finite as a double, infinite as a float
        h["x"][0][0] = 1e300

    return {f.__name__: f for f in (knob_not_in_list, knobs_unsorted, wrong_kind, trip_1e300,
                                    factor_1e300, node_function_huge, edge_position_fraction,
                                    scope_outside, parent_later, feature_overflow)}


def main():
    g = json.load(open(sys.argv[1]))
    os.makedirs(sys.argv[2], exist_ok=True)
    for name, change in variants(g).items():
        h = copy.deepcopy(g)
        change(h)
        with open(os.path.join(sys.argv[2], name + ".json"), "w") as f:
            json.dump(h, f)


main()
