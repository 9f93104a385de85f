"""Kernels with pragmas longer than any fixed buffer (issue 15), in OUTDIR.
usage: long_pragmas.py OUTDIR"""
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def kernel(name, pragma):
    with open(os.path.join(out, name + ".c"), "w") as f:
        f.write("#pragma ACCEL kernel\nvoid k(float a[64]) {\n%s\n"
                "  for (int i = 0; i < 64; i++)\n    a[i] += 1;\n}\n" % pragma)


# 1,500 bytes of spaces, a comment and a continuation before FACTOR=4: the
# directive is long, the pragma it folds to is short.  Cut at 1,023 bytes,
# it became a full unroll.
kernel("spaces", "#pragma ACCEL PARALLEL" + " " * 1200 + "/* " + "x" * 200 + " */ \\\n"
       + " " * 100 + "FACTOR=4")
# A pragma whose folded text is over the 511 bytes that hlsmoe keeps.
kernel("long", "#pragma ACCEL PARALLEL FACTOR=4 " + " ".join(["reduction"] * 60))
# A reduction variable longer than 63 characters: once cut to another name.
kernel("reduction", "#pragma ACCEL PARALLEL reduction=" + "r" * 100)
# A knob name longer than 63 characters.
kernel("knob", "#pragma ACCEL PARALLEL FACTOR=auto{__PARA__" + "L" * 80 + "}")
