"""Prints the SHA-256 of a safetensors file's data section and its tensor entries (names,
shapes, offsets), without the metadata: what stamp-flow.test compares."""
import hashlib
import json
import struct
import sys

raw = open(sys.argv[1], "rb").read()
(n,) = struct.unpack("<Q", raw[:8])
header = json.loads(raw[8:8 + n])
header.pop("__metadata__", None)
print(json.dumps(header, sort_keys=True))
print(hashlib.sha256(raw[8 + n:]).hexdigest())
