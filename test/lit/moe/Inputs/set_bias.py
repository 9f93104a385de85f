"""Writes a copy of a model whose output heads for the named targets end in the
given bias (every head of that target: node, block, graph experts), steering
its predictions: e.g. util_FF=-2 makes a negative FF share, perf=10 a latency
of a few cycles.  A validity head has two outputs, the logits of "fails" and
"succeeds": valid=-5,5 gives them one bias each.

    set_bias.py IN.safetensors OUT.safetensors TARGET=VALUE[,VALUE]..."""
import json
import struct
import sys

raw = open(sys.argv[1], "rb").read()
(n,) = struct.unpack("<Q", raw[:8])
header = json.loads(raw[8:8 + n])
data = bytearray(raw[8 + n:])
biases = dict((k, [float(x) for x in v.split(",")]) for k, v in (a.split("=") for a in sys.argv[3:]))
done = set()
for name, t in header.items():
    for target, value in biases.items():
        if name != "__metadata__" and name.endswith(".%s.3.bias" % target):
            b, e = t["data_offsets"]
            count = (e - b) // 4
            if len(value) not in (1, count):
                sys.exit("set_bias: %s has %d outputs" % (name, count))
            data[b:e] = struct.pack("<%df" % count, *(value * count if len(value) == 1 else value))
            done.add(target)
if done != set(biases):
    sys.exit("set_bias: no head for %s" % ", ".join(sorted(set(biases) - done)))
open(sys.argv[2], "wb").write(raw[:8 + n] + bytes(data))
