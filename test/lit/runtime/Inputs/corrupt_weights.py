"""Writes a damaged copy of a safetensors model for the weight reader's tests.

    corrupt_weights.py MODE IN.safetensors OUT.safetensors

Standard library only.  Modes: truncated, header-beyond, bad-json, dtype, shape, overlap,
schema, nan, missing, unknown, backbone-features (another build's analytic features),
backbone-residual (a residual target without an analytic value).  The damaged tensor is the first conv1 query weight."""
import json
import struct
import sys

VICTIM_SUFFIX = ".conv1.lin_query.weight"


def read(path):
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    return raw, n, header, raw[8 + n:]


def pack(header, data):
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    return struct.pack("<Q", len(h)) + h + data


def tensors(header):
    return sorted((k for k in header if k != "__metadata__"), key=lambda k: header[k]["data_offsets"][0])


def repack(header, data, drop=None, extra=None):
    """Rebuilds the data section without `drop`, with `extra` = (name, shape, bytes) at the end."""
    out = {"__metadata__": header["__metadata__"]}
    blobs, at = [], 0
    for k in tensors(header):
        if k == drop:
            continue
        b, e = header[k]["data_offsets"]
        blobs.append(data[b:e])
        out[k] = dict(header[k], data_offsets=[at, at + e - b])
        at += e - b
    if extra:
        name, shape, blob = extra
        out[name] = {"dtype": "F32", "shape": shape, "data_offsets": [at, at + len(blob)]}
        blobs.append(blob)
    return pack(out, b"".join(blobs))


def main(mode, src, dst):
    raw, n, header, data = read(src)
    victim = next(k for k in header if k.endswith(VICTIM_SUFFIX))
    if mode == "truncated":
        out = raw[:-100]
    elif mode == "header-beyond":
        out = struct.pack("<Q", len(raw)) + raw[8:]
    elif mode == "bad-json":
        text = raw[8:8 + n].replace(b'"dtype":', b'"dtype"', 1)
        out = raw[:8] + text + raw[8 + n:]
    elif mode == "dtype":
        header[victim]["dtype"] = "BF16"
        out = pack(header, data)
    elif mode == "shape":
        header[victim]["shape"] = list(reversed(header[victim]["shape"]))
        out = pack(header, data)
    elif mode == "overlap":
        order = tensors(header)
        second = order[1]
        b, e = header[second]["data_offsets"]
        header[second]["data_offsets"] = [b - 4, e - 4]
        out = pack(header, data)
    elif mode == "schema":
        header["__metadata__"]["schema"] = "hlsmoe-graph-0:00000000"
        out = pack(header, data)
    elif mode == "backbone-features":
        header["__metadata__"]["backbone_features"] = "perf,util_LUT,log_flops"
        out = pack(header, data)
    elif mode == "backbone-residual":
        header["__metadata__"]["backbone_residual"] = "perf,latency"
        out = pack(header, data)
    elif mode == "residual-scale":   # a correction weighted outside [0, 1]
        header["__metadata__"]["backbone_residual_scale"] = "2"
        out = pack(header, data)
    elif mode == "residual-scale-count":   # two weights for one residual target
        header["__metadata__"]["backbone_residual_scale"] = "0.5,0.5"
        out = pack(header, data)
    elif mode == "residual-scale-plain":   # a weight on a model without residual targets
        header["__metadata__"]["backbone_residual_scale"] = "0"
        out = pack(header, data)
    elif mode == "flow-order":       # a model across flows trained with the flows in another order
        header["__metadata__"]["flow_inputs"] = ",".join(reversed(header["__metadata__"]["flow_inputs"].split(",")))
        out = pack(header, data)
    elif mode == "flow-unknown":     # ... that records a flow this build does not know
        header["__metadata__"]["flow"] = "vivado-2019.2"
        out = pack(header, data)
    elif mode == "nan":
        b, _ = header[victim]["data_offsets"]
        data = data[:b + 12] + struct.pack("<f", float("nan")) + data[b + 16:]
        out = pack(header, data)
    elif mode == "missing":
        out = repack(header, data, drop=victim)
    elif mode == "unknown":
        net = victim.split(".")[0]
        out = repack(header, data, extra=(net + ".conv8.lin_query.bias", [4], b"\0" * 16))
    else:
        sys.exit("unknown mode " + mode)
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
