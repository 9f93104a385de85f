"""Weight files (safetensors, the project's own writer/reader) and reference vectors.

    python3 -m hlsmoe_train.export random --kind K [--hidden D] [--seed S] [--task regression|validity]
                     [--graph G.json ...] [--points PTS.jsonl] [--npoints N] OUT.safetensors
        writes a random-weight model and OUT.reference.json (for the C runtime's parity tests)
    python3 -m hlsmoe_train.export reference MODEL.safetensors [--graph G.json ...] [--points PTS.jsonl] [--npoints N]
        (re)writes MODEL.reference.json for a trained model
    python3 -m hlsmoe_train.export check MODEL.safetensors
        loads the model and its reference file, recomputes every case, exit 1 on a mismatch
    python3 -m hlsmoe_train.export info MODEL.safetensors
        prints the metadata and the tensor count
    python3 -m hlsmoe_train.export stamp-flow MODEL.safetensors --flow FLOW
        records the tool flow (model/flows.def: flow, tool, device, clock_mhz) in a model that
        records none, for models trained before flows were recorded; the tensor data stays
        byte-identical
    python3 -m hlsmoe_train.export weigh MODEL.safetensors --residual-scale perf=0 [--out OUT.safetensors]
        records how much of a residual target's correction the runtime adds (0: the analytic
        estimate alone, 1: all of it); the tensor data stays byte-identical; rewrite the
        reference file afterwards (`reference`)
    python3 -m hlsmoe_train.export restamp MODEL.safetensors --from OLD_SCHEMA_ID
        records the current schema id in a model made with OLD_SCHEMA_ID, when the schema id
        changed but no feature's meaning did (docs/training.md); only the header's schema string
        changes, the tensor data stays byte-identical

Default graphs: examples/conv1d.c and test/lit/train/Inputs/*.c, built with the plugin into
build/train-cache.  Design points: random points drawn from each graph's knobs (seeded), or
--points (JSON Lines, {knob: value} or {"point": {...}}).
"""
import argparse
import glob
import json
import os
import random
import struct
import sys

import numpy as np
import torch

from . import ROOT
from . import backbone as backbone_mod
from . import confidence as confidence_mod
from . import dataset
from . import flows as flows_mod
from . import model as model_mod
from . import schema as schema_mod




# ---------------------------------------------------------------- safetensors
def write_safetensors(path, tensors, metadata):
    """tensors: ordered {name: array-like float32}; metadata: {str: str}."""
    header = {"__metadata__": {str(k): str(v) for k, v in metadata.items()}}
    blobs = []
    off = 0
    for name in sorted(tensors):
        a = np.ascontiguousarray(np.asarray(tensors[name], dtype="<f4"))
        b = a.tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)      # keep the data section 8-byte aligned
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


def read_safetensors(path):
    """-> ({name: np.ndarray float32}, metadata dict).  Checks the layout."""
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise ValueError("%s: too short for a safetensors file" % path)
    (n,) = struct.unpack("<Q", raw[:8])
    if 8 + n > len(raw):
        raise ValueError("%s: header length %d beyond the file" % (path, n))
    header = json.loads(raw[8:8 + n].decode())
    data = raw[8 + n:]
    meta = header.pop("__metadata__", {})
    out = {}
    spans = []
    for name, info in header.items():
        if info["dtype"] != "F32":
            raise ValueError("%s: tensor %s has dtype %s (F32 expected)" % (path, name, info["dtype"]))
        b, e = info["data_offsets"]
        count = int(np.prod(info["shape"])) if info["shape"] else 1
        if e - b != 4 * count or e > len(data) or b < 0:
            raise ValueError("%s: tensor %s: bad data_offsets %s for shape %s" % (path, name, [b, e], info["shape"]))
        out[name] = np.frombuffer(data[b:e], dtype="<f4").reshape(info["shape"]).copy()
        spans.append((b, e))
    spans.sort()
    pos = 0
    for b, e in spans:
        if b != pos:
            raise ValueError("%s: data section has gaps or overlaps at %d" % (path, b))
        pos = e
    if pos != len(data):
        raise ValueError("%s: data section is %d bytes, tensors cover %d" % (path, len(data), pos))
    return out, meta


def _rewrite_metadata(path, change, out=None):
    """Applies change(meta) to the metadata of a weight file, written to out (default: in place).

    The header is re-serialised as write_safetensors writes it (its tensor entries and their
    data_offsets unchanged) and the data section is copied byte for byte."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header, data = json.loads(raw[8:8 + n].decode()), raw[8 + n:]
    change(header.setdefault("__metadata__", {}))
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    out = out or path
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + data)
    os.replace(tmp, out)


def stamp_flow(path, flow):
    """Adds the flow's metadata keys (flow_metadata) to a weight file that records no flow."""
    def change(meta):
        if "flow" in meta:
            raise ValueError("%s: the model already records flow %s" % (path, meta["flow"]))
        meta.update(flow_metadata(flow))
    _rewrite_metadata(path, change)


def weigh_correction(path, weights, out=None):
    """Records the weight of residual targets' corrections (backbone_residual_scale,
    docs/model-format.md): weights {target: w in [0, 1]}; targets not named keep theirs.  The
    network is untouched: only what the runtime does with its output changes."""
    def change(meta):
        residual = [t for t in meta.get("backbone_residual", "").split(",") if t]
        bad = sorted(set(weights) - set(residual))
        if bad:
            raise ValueError("%s: %s not among the model's residual targets (%s)"
                             % (path, ", ".join(bad), ",".join(residual) or "none"))
        if any(not 0.0 <= w <= 1.0 for w in weights.values()):
            raise ValueError("%s: a correction's weight lies in [0, 1]" % path)
        old = [float(x) for x in meta["backbone_residual_scale"].split(",")] \
            if meta.get("backbone_residual_scale") else [1.0] * len(residual)
        new = [float(weights.get(t, w)) for t, w in zip(residual, old)]
        meta.pop("backbone_residual_scale", None)
        if any(w != 1.0 for w in new):      # as Model.backbone_metadata writes it
            meta["backbone_residual_scale"] = ",".join(repr(w) for w in new)
    _rewrite_metadata(path, change, out)


def parse_weights(text):
    """"perf=0,util_LUT=0.5" -> {target: weight}."""
    try:
        return {k: float(v) for k, v in (x.split("=", 1) for x in text.split(",") if x)}
    except ValueError:
        raise ValueError("--residual-scale takes target=weight pairs, ','-joined (e.g. perf=0): %r" % text)


def restamp_schema(path, old_id, new_id):
    """Rewrites the schema id in the metadata of a weight file, from old_id to new_id.

    For a schema id that changed while every feature kept its meaning (a new way of computing the
    id, a reworded declaration): retraining would give the same model.  Only the `"schema":"..."`
    string of the header changes (and the header's padding, to keep its length a multiple of 8);
    the tensor data is copied byte for byte.  Refuses a file whose id is not old_id."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header, data = raw[8:8 + n], raw[8 + n:]
    meta = json.loads(header.decode()).get("__metadata__", {})
    if meta.get("schema") != old_id:
        raise ValueError("%s: model schema is %s, not %s" % (path, meta.get("schema"), old_id))
    old = b'"schema":' + json.dumps(old_id).encode()
    if header.count(old) != 1:
        raise ValueError("%s: the header does not hold %s exactly once" % (path, old.decode()))
    h = header.rstrip(b" ").replace(old, b'"schema":' + json.dumps(new_id).encode())
    h += b" " * ((8 - len(h) % 8) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + data)
    os.replace(tmp, path)


def flow_metadata(flow):
    """The metadata keys that say which tool flow a model predicts (model/flows.def, model-format.md)."""
    return {"flow": flow.name, "tool": flow.tool, "device": flow.device, "clock_mhz": str(flow.clock_mhz)}


def save_model(m, path, trained_on="", flow=None):
    """flow: a flows.Flow, recorded in the metadata (None: the model records no flow, e.g. random models)."""
    sd = {k: v.detach().cpu().numpy() for k, v in m.state_dict().items()}
    meta = m.metadata(trained_on)
    if flow is not None:
        meta.update(flow_metadata(flow))
    if getattr(m, "confidence", None) is not None:     # training embeddings (confidence.py)
        sd.update(m.confidence.tensors())
        meta.update(m.confidence.metadata())
    write_safetensors(path, sd, meta)
    m.flow = flow.name if flow is not None else ""     # as load_model reads it back


def load_model(path, schema=None):
    schema = schema or schema_mod.Schema()
    tensors, meta = read_safetensors(path)
    tensors, conf = confidence_mod.split(tensors, meta)
    if meta.get("format") != "hlsmoe-model":
        raise ValueError("%s: not an hlsmoe model (format %r)" % (path, meta.get("format")))
    if meta.get("schema") != schema.id:
        raise dataset.SchemaMismatch("%s: model schema %s differs from the current schema %s"
                                     % (path, meta.get("schema"), schema.id))
    feats = [f for f in meta.get("backbone_features", "").split(",") if f]
    if feats and feats != backbone_mod.FEATURES:
        raise ValueError("%s: the model reads backbone features %s; model/backbone.def declares %s"
                         % (path, feats, backbone_mod.FEATURES))
    residual = [t for t in meta.get("backbone_residual", "").split(",") if t]
    fl = [f for f in meta.get("flow_inputs", "").split(",") if f]
    if fl and fl != [f.name for f in flows_mod.FLOWS]:
        raise ValueError("%s: the model reads the flows %s; model/flows.def declares %s"
                         % (path, fl, [f.name for f in flows_mod.FLOWS]))
    m = model_mod.Model(meta["kind"], schema, int(meta["hidden"]), meta["task"],
                        backbone_inputs=bool(feats), residual=residual, flow_inputs=bool(fl))
    sd = m.state_dict()
    missing = sorted(set(sd) - set(tensors))
    extra = sorted(set(tensors) - set(sd))
    if missing or extra:
        raise ValueError("%s: missing tensors %s, unexpected tensors %s" % (path, missing[:5], extra[:5]))
    for k in sd:
        if tuple(sd[k].shape) != tuple(tensors[k].shape):
            raise ValueError("%s: tensor %s has shape %s, expected %s" % (path, k, tensors[k].shape, tuple(sd[k].shape)))
    m.load_state_dict({k: torch.from_numpy(v) for k, v in tensors.items()})
    if meta.get("backbone_residual_scale"):
        w = [float(x) for x in meta["backbone_residual_scale"].split(",")]
        if len(w) != len(m.residual) or not all(0.0 <= x <= 1.0 for x in w):
            raise ValueError("%s: backbone_residual_scale %r needs one weight in [0, 1] per residual target %s"
                             % (path, meta["backbone_residual_scale"], m.residual))
        m.residual_scale = w
    m.eval()
    m.trained_on = meta.get("trained_on", "")
    m.flow = meta.get("flow", "")    # "" when the file records no flow
    if conf is not None and conf.rows.shape[1] != _embedding_width(m):
        raise ValueError("%s: tensor %s has shape %s, the embedding is %d wide"
                         % (path, confidence_mod.TENSOR, conf.rows.shape, _embedding_width(m)))
    m.confidence = conf              # training embeddings, None when the file has none
    return m


def _embedding_width(m):
    return sum(getattr(m, k).zdim for k in m.nets)


# ---------------------------------------------------------------- reference vectors
def default_graph_sources():
    srcs = [os.path.join(ROOT, "examples", "conv1d.c")]
    srcs += sorted(glob.glob(os.path.join(ROOT, "test", "lit", "train", "Inputs", "*.c")))
    return srcs


def random_points(g, n, rng):
    """n random design points over the graph's knobs (pipeline off/cg/fg, factors dividing-ish the trip)."""
    pts = []
    for _ in range(n):
        p = {}
        for k in g.get("knobs", []):
            if k["kind"] == "pipeline":
                p[k["name"]] = rng.choice(["off", "", "flatten"])
            else:
                trip = k.get("trip_count", 0) or 16
                opts = [f for f in (1, 2, 4, 8, 16, 32, 64) if f <= max(1, trip)]
                p[k["name"]] = rng.choice(opts)
        pts.append(p)
    return pts


def project_reference_graphs(dest, cache=dataset.DEFAULT_CACHE, plugin=dataset.DEFAULT_PLUGIN):
    """Builds the graphs of the project's own reference kernels and copies them to dest/<kernel>.json
    (stable names, so that a reference file can be committed next to them)."""
    import shutil
    schema = schema_mod.Schema()
    os.makedirs(dest, exist_ok=True)
    out = []
    for src in default_graph_sources():
        gp = dataset.cached_graph(src, cache, plugin, schema)
        d = os.path.join(dest, dataset.kernel_name(src) + ".json")
        shutil.copyfile(gp, d)
        out.append(d)
    return out


def default_points(gpaths, n=4, seed=0):
    rng = random.Random(seed)
    return [random_points(dataset.load_graph_json(gp), n, rng) for gp in gpaths]


def read_points(path):
    pts = []
    with open(path) as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                pts.append(o.get("point", o))
    return pts


def own_inputs(m, backbone):
    """What m's heads read beyond the graph as it predicts for a user: the points' analytic
    features backbone [n, F], then, for a model across flows, the one-hot of the flow it records
    (as the C runtime feeds it, model/hiermoe.c); a tensor, or None without backbone."""
    if backbone is None:
        return None
    backbone = torch.as_tensor(np.asarray(backbone, dtype=np.float32))
    if not getattr(m, "flow_inputs", False):
        return backbone
    if not getattr(m, "flow", ""):
        raise ValueError("a model across flows must record the flow it predicts (train.py --out does)")
    hot = torch.as_tensor(flows_mod.one_hot(flows_mod.by_name(m.flow)))
    return torch.cat([backbone, hot.expand(len(backbone), -1)], 1)


def model_backbone(m, graph_path, points):
    """own_inputs of the points of a graph file: their analytic features for the flow m records
    (backbone.py), None for the paper's network."""
    if not m.uses_backbone:
        return None
    return own_inputs(m, backbone_mod.compute(graph_path, points, flow=getattr(m, "flow", "") or None))


def compute_case(m, schema, gjson, points, backbone=None):
    """Outputs and embeddings of the points; backbone: their analytic features (models built on
    the estimate; a model across flows gets its own flow's one-hot after them)."""
    m.eval()
    graph = dataset.Graph(gjson, schema)
    g = model_mod.GraphTensors(graph)
    P = torch.as_tensor(graph.encode(schema, points))
    with torch.no_grad():
        out = m.forward(g, P, backbone=own_inputs(m, backbone))
        y = out["y"]
        if m.task == "validity":
            y = torch.softmax(y, -1)[:, 1:2]
    return y.double().numpy().tolist(), out["z"].double().numpy().tolist()


def compute_confidence(m, embeddings):
    """The reference file's "confidence" of a case: [[distance, nearest row], ...] per point, for a
    model with training embeddings (confidence.py), else None."""
    if getattr(m, "confidence", None) is None:
        return None
    d, near = m.confidence.distance(np.asarray(embeddings, dtype=np.float32))
    return [[float(x), int(k)] for x, k in zip(d, near)]


def write_reference(m, model_path, graph_paths, points_per_graph, schema=None):
    """graph_paths: graph JSON files; points_per_graph: list of lists of points."""
    schema = schema or schema_mod.Schema()
    ref_path = model_path[: -len(".safetensors")] + ".reference.json" if model_path.endswith(".safetensors") \
        else model_path + ".reference.json"
    base = os.path.dirname(os.path.abspath(ref_path))
    cases = []
    for gp, pts in zip(graph_paths, points_per_graph):
        gj = dataset.load_graph_json(gp, schema)
        # the flow the model records (the runtime estimates for it too)
        bb = backbone_mod.compute(gp, pts, flow=getattr(m, "flow", None)) if m.uses_backbone else None
        outs, embs = compute_case(m, schema, gj, pts, bb)
        case = {"graph": os.path.relpath(os.path.abspath(gp), base), "points": pts,
                "outputs": outs, "embeddings": embs}
        if bb is not None:      # the C parity check feeds the network these, not its own estimates
            case["backbone"] = bb.astype(np.float64).tolist()
        cases.append(case)
        conf = compute_confidence(m, embs)
        if conf is not None:
            cases[-1]["confidence"] = conf
    ref = {"model": os.path.basename(model_path), "schema": schema.id, "kind": m.kind, "task": m.task,
           "cases": cases}
    with open(ref_path, "w") as f:
        json.dump(ref, f, indent=None, separators=(",", ":"))
        f.write("\n")
    return ref_path


def check_reference(model_path, ref_path=None, tol=1e-4, log=print):
    schema = schema_mod.Schema()
    m = load_model(model_path, schema)
    ref_path = ref_path or model_path[: -len(".safetensors")] + ".reference.json"
    with open(ref_path) as f:
        ref = json.load(f)
    if ref["schema"] != schema.id:
        raise dataset.SchemaMismatch("%s: reference schema %s differs from %s" % (ref_path, ref["schema"], schema.id))
    base = os.path.dirname(os.path.abspath(ref_path))
    worst = 0.0
    n = 0
    for case in ref["cases"]:
        gj = dataset.load_graph_json(os.path.join(base, case["graph"]), schema)
        bb = np.asarray(case["backbone"], dtype=np.float32) if "backbone" in case else None
        outs, embs = compute_case(m, schema, gj, case["points"], bb)
        pairs = [(outs, case["outputs"]), (embs, case["embeddings"])]
        conf = compute_confidence(m, embs)
        if (conf is None) != ("confidence" not in case):
            log("%s: the reference and the model disagree on having training embeddings" % ref_path)
            return False
        if conf is not None:
            if [k for _, k in conf] != [int(k) for _, k in case["confidence"]]:
                log("%s: another nearest training kernel" % ref_path)
                return False
            pairs.append(([d for d, _ in conf], [d for d, _ in case["confidence"]]))
        for a, b in pairs:
            d = float(np.max(np.abs(np.asarray(a) - np.asarray(b)))) if len(b) else 0.0
            worst = max(worst, d)
        n += len(case["points"])
    ok = worst <= tol
    log("%s: %d cases, %d points, max |diff| %.3g: %s" % (os.path.basename(model_path), len(ref["cases"]), n, worst,
                                                          "ok" if ok else "MISMATCH"))
    return ok


def graphs_and_points(args, cache, seed):
    schema = schema_mod.Schema()
    gpaths = list(args.graph or [])
    if not gpaths:
        plugin = getattr(args, "plugin", dataset.DEFAULT_PLUGIN)
        gpaths = [dataset.cached_graph(s, cache, plugin, schema) for s in default_graph_sources()]
    rng = random.Random(seed)
    fixed = read_points(args.points) if args.points else None
    pts = []
    for gp in gpaths:
        gj = dataset.load_graph_json(gp, schema)
        if fixed is not None:
            pts.append(fixed)
        else:
            pts.append(random_points(gj, args.npoints, rng))
    return gpaths, pts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("random")
    r.add_argument("out")
    r.add_argument("--kind", required=True, choices=model_mod.KINDS)
    r.add_argument("--hidden", type=int, default=64)
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--task", default="regression", choices=["regression", "validity"])
    r.add_argument("--hier-gate-scale", type=float, default=0.1,
                   help="random hier_gate weights of this scale (0 = zero init, a uniform gate)")
    r.add_argument("--backbone-inputs", action="store_true", help="heads read the analytic features")
    r.add_argument("--residual", default="", help="comma-separated targets predicted as residuals "
                                                  "to the analytic estimate (e.g. perf)")
    r.add_argument("--flow", choices=[x.name for x in flows_mod.FLOWS], help="the flow the model records")
    r.add_argument("--flow-inputs", action="store_true", help="heads read the flow one-hot (a model across "
                   "flows; needs --flow, the flow it predicts)")
    for p in (r, sub.add_parser("reference")):
        if p is not r:
            p.add_argument("model")
        p.add_argument("--graph", action="append", help="graph JSON (repeatable); default: project kernels")
        p.add_argument("--points", help="JSON Lines design points used for every graph")
        p.add_argument("--npoints", type=int, default=4)
        p.add_argument("--cache", default=dataset.DEFAULT_CACHE)
        p.add_argument("--plugin", default=dataset.DEFAULT_PLUGIN)
    c = sub.add_parser("check")
    c.add_argument("model")
    c.add_argument("--reference")
    c.add_argument("--tol", type=float, default=1e-4)
    i = sub.add_parser("info")
    i.add_argument("model")
    s = sub.add_parser("restamp")
    s.add_argument("model")
    s.add_argument("--from", dest="old", required=True, help="the schema id the model records now")
    w = sub.add_parser("weigh")
    w.add_argument("model")
    w.add_argument("--residual-scale", required=True, help="target=weight pairs, e.g. perf=0")
    w.add_argument("--out", help="default: in place")
    r.add_argument("--residual-scale", default="", help="target=weight pairs for residual targets' corrections")
    f = sub.add_parser("stamp-flow")
    f.add_argument("model")
    f.add_argument("--flow", required=True, choices=[x.name for x in flows_mod.FLOWS])
    a = ap.parse_args(argv)
    torch.set_num_threads(2)
    try:
        if a.cmd == "random":
            schema = schema_mod.Schema()
            torch.manual_seed(a.seed)
            if a.flow_inputs and not a.flow:
                ap.error("--flow-inputs needs --flow (the flow the model predicts)")
            m = model_mod.Model(a.kind, schema, a.hidden, a.task, backbone_inputs=a.backbone_inputs,
                                residual=[t for t in a.residual.split(",") if t], flow_inputs=a.flow_inputs)
            if a.kind == "hier" and a.hier_gate_scale > 0:
                with torch.no_grad():
                    m.hier_gate.weight.normal_(0, a.hier_gate_scale)
                    m.hier_gate.bias.normal_(0, a.hier_gate_scale)
            # experts start as identical copies upstream; perturb them so that a runtime mixing up
            # expert indices fails its parity test
            with torch.no_grad():
                for name, p in m.named_parameters():
                    if "expert" in name:
                        p.add_(torch.randn_like(p) * 0.05)
            ws = parse_weights(a.residual_scale)
            if set(ws) - set(m.residual):
                ap.error("--residual-scale names targets that are not --residual ones")
            m.residual_scale = [ws.get(t, 1.0) for t in m.residual]
            m.eval()
            save_model(m, a.out, "random weights (export.py random --kind %s --hidden %d --seed %d)"
                       % (a.kind, a.hidden, a.seed), flow=flows_mod.by_name(a.flow) if a.flow else None)
            gpaths, pts = graphs_and_points(a, a.cache, a.seed)
            print(write_reference(m, a.out, gpaths, pts, schema))
        elif a.cmd == "reference":
            schema = schema_mod.Schema()
            m = load_model(a.model, schema)
            gpaths, pts = graphs_and_points(a, a.cache, 0)
            print(write_reference(m, a.model, gpaths, pts, schema))
        elif a.cmd == "restamp":
            new = schema_mod.Schema().id
            restamp_schema(a.model, a.old, new)
            print("%s: schema %s -> %s" % (a.model, a.old, new))
        elif a.cmd == "weigh":
            weigh_correction(a.model, parse_weights(a.residual_scale), a.out)
            print("%s: residual corrections weighted %s" % (a.out or a.model, a.residual_scale))
        elif a.cmd == "stamp-flow":
            stamp_flow(a.model, flows_mod.by_name(a.flow))
            print("%s: flow %s" % (a.model, a.flow))
        elif a.cmd == "check":
            return 0 if check_reference(a.model, a.reference, a.tol) else 1
        else:
            t, meta = read_safetensors(a.model)
            for k in sorted(meta):
                print("%s: %s" % (k, meta[k]))
            print("tensors: %d, parameters: %d" % (len(t), sum(v.size for v in t.values())))
    except (dataset.SchemaMismatch, ValueError) as ex:
        print("error: %s" % ex, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
