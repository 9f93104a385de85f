"""A kernel of K loops, each with a PARALLEL knob, and design spaces for it
that have no point (issue 15).  Twelve knobs of ten options give 10^12
prefixes: walking them to the empty thirteenth knob never ends.
usage: dead_end_space.py OUTDIR"""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
K = 13
names = ["__PARA__K%02d" % i for i in range(K - 1)] + ["__PARA__Z"]
with open(os.path.join(out, "k13.c"), "w") as f:
    f.write("#pragma ACCEL kernel\nvoid k13(int a[10]) {\n")
    for n in names:
        f.write("#pragma ACCEL PARALLEL FACTOR=auto{%s}\n"
                "  for (int i = 0; i < 10; i++)\n    a[i] += i;\n" % n)
    f.write("}\n")


def space(name, last):
    d = {n: {"default": 1, "ds_type": "PARALLEL", "options": "[x for x in [1,2,3,4,5,6,7,8,9,10]]"}
         for n in names[:-1]}
    d["__PARA__Z"] = {"default": 1, "ds_type": "PARALLEL", "options": last}
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump({"design-space.definition": d}, f, indent=1)


# Empty whatever the others are: found without walking.
space("constant", "[x for x in [1,2,4] if x*2<=-0]")
# Empty only under every assignment of the others: 10^12 of them.
space("dependent", "[x for x in [1] if " + "+".join(names[:-1]) + " < 0]")
# Empty for the first prefixes only: the space is not empty.
space("late", "[x for x in [1] if __PARA__K00 > 9]")
