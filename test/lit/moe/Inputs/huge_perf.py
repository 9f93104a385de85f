"""Writes a copy of a regression model whose perf heads end in a bias of
-1e30: finite weights whose latency (reference / 2^perf) is infinite.

    huge_perf.py IN.safetensors OUT.safetensors"""
import json
import struct
import sys

raw = open(sys.argv[1], "rb").read()
(n,) = struct.unpack("<Q", raw[:8])
header = json.loads(raw[8:8 + n])
data = bytearray(raw[8 + n:])
for name, t in header.items():
    if name != "__metadata__" and ".perf." in name and name.endswith(".3.bias"):
        b, e = t["data_offsets"]
        data[b:e] = struct.pack("<%df" % ((e - b) // 4), *[-1e30] * ((e - b) // 4))
open(sys.argv[2], "wb").write(raw[:8 + n] + bytes(data))
