#!/usr/bin/env python3
"""Writes hostile ds_config files into the directory argv[1] (robust.test)."""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, definition):
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump({"design-space.definition": definition}, f)


def one(name, options):
    write(name, {"__PARA__L0": {"default": 1, "ds_type": "PARALLEL", "options": options}})


N = 100000
one("parens", "(" * N + "[1]" + ")" * N)
one("minus", "[" + "-" * N + "1]")
one("not", "[x for x in [1] if " + "not " * N + "x]")
one("plus", "[" + "1+" * N + "1]")
one("lists", "[" * N + "]" * N)
one("and", "[x for x in [1] if " + " and ".join(["x"] * N) + "]")
one("comps", "[x for x in " * 300 + "[1]" + "]" * 300)
one("conds", "[1] if 1 else " * 300 + "[2]")
one("parens190", "(" * 190 + "[1]" + ")" * 190)
one("comps60", "[x for x in " * 60 + "[1]" + "]" * 60)
one("flat", "[" + ",".join(["1"] * N) + "]")
one("chain", "[x for x in [1] if " + " < ".join(["x"] * N) + "]")
write("knobs1025", {"__K%04d" % i: {"default": 1, "ds_type": "PARALLEL", "options": "[1, 2]"}
                    for i in range(1025)})
write("chain1024", {"K%04d" % i: {"default": 1, "ds_type": "PARALLEL",
                                  "options": "[1, 2]" if i == 0 else
                                  "[x for x in [1, 2] if x <= K%04d]" % (i - 1)}
                    for i in range(1024)})
write("wide1024", {"K%04d" % i: {"default": 1, "ds_type": "PARALLEL", "options": "[1, 2]"}
                   for i in range(1024)})
with open(os.path.join(out, "garbage.json"), "wb") as f:
    f.write(bytes(range(256)) * 4)
