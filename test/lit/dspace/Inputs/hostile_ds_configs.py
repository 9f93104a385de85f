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
# Budgets of one evaluation (HLS_DSPACE_MAX_STEPS, HLS_DSPACE_MAX_ELEMENTS):
# a list doubled 60 times (2^60 elements from 1.3 KB), comprehensions nested
# three deep over 1000 values (10^6 lists), a comparison chain of 10^4 links
# tried on 1000 values (2*10^7 steps, no list), and 10^6 steps that stay
# within both.
one("doubling", "[1] if " + "[y+y for y in " * 60 + "[[1]]" + "]" * 60 + " else [2]")
R = "[" + ",".join(str(i) for i in range(1000)) + "]"
one("nested", "[1] if [a for a in %s if [b for b in %s if [c for c in %s if c < 0]]] else [2]"
    % (R, R, R))
one("steps", "[a for a in %s if %s]" % (R, " <= ".join(["a"] * 10000)))
R5 = "[" + ",".join(str(i) for i in range(500)) + "]"
one("within", "[1] if [a for a in %s if [b for b in %s if b < 0]] else [2]" % (R5, R5))
