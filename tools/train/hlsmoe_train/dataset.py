"""Dataset builder: graphs of every kernel of a directory, joined with HLSyn labels.

For each kernel source <dir>/<kernel>_kernel.c (or any *.c), runs clang + opt with the
hls-graph pass into a cache directory, keyed by kernel, schema id and plugin mtime, then
joins the graph with the JSON Lines labels of a tool version (v18, v20, v21) and
precomputes the pragma matrix of every design point with schema.encode_point.
Version v25 (HLSyn-Vitis, Vitis HLS 2025.1) reads ../shared/data/hlsyn-vitis instead: its
<kernel>.cpp sources go through the front door (tools/hlsmoe graph: the project's HLS headers,
the top function of kernels/design_space/<kernel>.json), as a user's kernel would.

    python3 -m hlsmoe_train.dataset [--version v21|v25] [--sources DIR] [--cache DIR]

prints one line per kernel (nodes, edges, scopes, points, hls_ok points).
"""
import argparse
import glob
import hashlib
import json
import math
import os
import subprocess
import sys

import numpy as np

from . import ROOT
from . import backbone as backbone_mod
from . import flows as flows_mod
from . import schema as schema_mod
from . import targets as targets_mod

DEFAULT_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "hlsyn"))
DEFAULT_SOURCES = os.path.join(DEFAULT_DATA, "kernels", "sources")
VITIS_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "hlsyn-vitis"))
VITIS_VERSIONS = ("v25",)           # tool versions whose data is HLSyn-Vitis (C++ through the front door)
FRONT_DOOR = os.path.join(ROOT, "tools", "hlsmoe")
# aes.cpp declares `register` variables, which C++17 rejects (the data's README)
VITIS_CLANG_FLAGS = {"aes": ["-std=c++14"]}
DEFAULT_CACHE = os.path.join(ROOT, "build", "train-cache")
DEFAULT_PLUGIN = os.path.join(ROOT, "build", "libHLSMoE.so")
LLVM_BIN = "/usr/lib/llvm-19/bin"
TARGETS = targets_mod.REGRESSION    # model/targets.def; perf first, then the labels of the same names


class SchemaMismatch(Exception):
    pass


def kernel_name(path):
    base = os.path.basename(path)
    if base.endswith("_kernel.c"):
        return base[: -len("_kernel.c")]
    return os.path.splitext(base)[0]


def build_graph_json(src, out_json, plugin=DEFAULT_PLUGIN, llvm_bin=LLVM_BIN):
    """Runs clang + opt (hls-graph) on one C source; writes out_json."""
    ll = "%s.%d.ll" % (out_json[:-5], os.getpid())
    subprocess.run([os.path.join(llvm_bin, "clang"), "-O0", "-g", "-gdwarf-5", "-gembed-source",
                    "-emit-llvm", "-S", src, "-o", ll], check=True)
    tmp = "%s.%d.tmp" % (out_json, os.getpid())
    subprocess.run([os.path.join(llvm_bin, "opt"), "-load-pass-plugin=" + plugin, "-passes=hls-graph",
                    "-hls-graph-json=" + tmp, "-disable-output", ll], check=True)
    os.replace(tmp, out_json)
    os.remove(ll)


def build_graph_front_door(src, out_json, plugin=DEFAULT_PLUGIN, top=None, flags=()):
    """Runs tools/hlsmoe graph on one source (C or C++, the project's HLS headers); writes out_json."""
    tmp = "%s.%d.tmp" % (out_json, os.getpid())
    cmd = [FRONT_DOOR, "graph", src, "--json", tmp] + (["--top", top] if top else []) + ["--"] + list(flags)
    # its summary remark goes to stderr: shown only when the build fails
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                       env=dict(os.environ, HLSMOE_PLUGIN=plugin))
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise subprocess.CalledProcessError(r.returncode, cmd)
    os.replace(tmp, out_json)


def cached_graph(src, cache=DEFAULT_CACHE, plugin=DEFAULT_PLUGIN, schema=None, top=None, flags=None):
    """Path of the graph JSON of src in the cache, building it if needed.

    top/flags given: built through the front door (tools/hlsmoe).  The key then also hashes the
    source's path, top and flags (kernels of the same name in HLSyn and HLSyn-Vitis must not share
    a graph), and the mtimes count the source's header and the project's HLS headers too."""
    schema = schema or schema_mod.Schema()
    os.makedirs(cache, exist_ok=True)
    mtime = int(os.path.getmtime(plugin)) if os.path.exists(plugin) else 0
    smtime = int(os.path.getmtime(src))
    front = top is not None or flags is not None
    if front:
        deps = [os.path.splitext(src)[0] + ".h"] + glob.glob(os.path.join(ROOT, "include", "hls", "*.h"))
        smtime = max([smtime] + [int(os.path.getmtime(d)) for d in deps if os.path.exists(d)])
        ident = "\0".join([os.path.abspath(src), top or ""] + list(flags or ()))
        key = "%s.door-%s.%s.%d.%d.json" % (kernel_name(src), hashlib.sha1(ident.encode()).hexdigest()[:10],
                                            schema.id.replace(":", "-"), mtime, smtime)
    else:
        key = "%s.%s.%d.%d.json" % (kernel_name(src), schema.id.replace(":", "-"), mtime, smtime)
    path = os.path.join(cache, key)
    if not os.path.exists(path):
        for attempt in range(3):       # the plugin may be being rebuilt right now
            try:
                if front:
                    build_graph_front_door(src, path, plugin, top, flags or ())
                else:
                    build_graph_json(src, path, plugin)
                break
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
                import time
                time.sleep(20)
    return path


def load_graph_json(path, schema=None):
    """Parses a graph JSON and checks its schema id against schema.def."""
    schema = schema or schema_mod.Schema()
    with open(path) as f:
        g = json.load(f)
    if g.get("format") != "hlsmoe-graph":
        raise SchemaMismatch("%s: not an hlsmoe graph (format %r)" % (path, g.get("format")))
    if g.get("schema") != schema.id:
        raise SchemaMismatch("%s: graph schema %s differs from the trainer's schema %s "
                             "(rebuild the graph with the current plugin)" % (path, g.get("schema"), schema.id))
    return g


class Graph:
    """Tensors of one kernel graph (numpy), independent of the design point."""

    def __init__(self, g, schema, name=None):
        self.json = g
        self.name = name or g.get("kernel", "?")
        self.x = np.asarray(g["x"], dtype=np.float32).reshape(-1, schema.node_dim)
        self.src = np.asarray(g["edges"]["src"], dtype=np.int64)
        self.dst = np.asarray(g["edges"]["dst"], dtype=np.int64)
        self.e = np.asarray(g["e"], dtype=np.float32).reshape(-1, schema.edge_dim)
        kinds = g["nodes"]["kind"]
        self.block = np.asarray([k == "block" for k in kinds], dtype=bool)
        scopes = sorted((l["scope"], l["header_node"]) for l in g["loops"] if l["scope"] >= 0)
        self.scope_nodes = np.asarray([h for _, h in scopes], dtype=np.int64)
        self.knobs = [k["name"] for k in g.get("knobs", [])]

    @property
    def num_nodes(self):
        return self.x.shape[0]

    def encode(self, schema, points):
        """[B, S, Fp] pragma matrices of a list of design points."""
        s = len(self.scope_nodes)
        out = np.zeros((len(points), s, schema.pragma_dim), dtype=np.float32)
        for i, p in enumerate(points):
            out[i] = schema_mod.encode_point(schema, self.json, p)
        return out


def perf_transform(latency):
    return targets_mod.perf_of_latency(latency)


class KernelData:
    """One kernel: its graph, and its labelled design points."""

    def __init__(self, name, graph, records, schema):
        self.name = name
        self.graph = graph
        self.records = records
        self.points = [r["point"] for r in records]
        self.P = graph.encode(schema, self.points) if records else None
        self.ok = np.asarray([bool(r.get("hls_ok")) for r in records], dtype=bool)
        y = np.zeros((len(records), len(TARGETS)), dtype=np.float32)
        lat = np.zeros(len(records), dtype=np.float64)
        for i, r in enumerate(records):
            if self.ok[i]:
                lat[i] = r["perf"]
                y[i, 0] = perf_transform(r["perf"])
                for j, t in enumerate(TARGETS[1:]):
                    y[i, j + 1] = r[t]
        self.y = y
        self.latency = lat

    def __len__(self):
        return len(self.records)


def read_labels(path):
    recs = []
    with open(path) as f:
        for line in f:
            if line.strip():
                recs.append(json.loads(line))
    return recs


def default_data(version):
    """Where the labels of a tool version are: HLSyn-Vitis for v25, HLSyn otherwise."""
    return VITIS_DATA if version in VITIS_VERSIONS else DEFAULT_DATA


def kernel_sources(version, sources, data):
    """[(kernel, source, top, clang flags)] of a version's kernels.

    HLSyn: every *.c, built with clang + opt (top None: the #pragma ACCEL kernel).  HLSyn-Vitis:
    every design_space/<kernel>.json names its source and top; flags per VITIS_CLANG_FLAGS."""
    if version not in VITIS_VERSIONS:
        sources = sources or os.path.join(data, "kernels", "sources")
        return [(kernel_name(s), s, None, None) for s in sorted(glob.glob(os.path.join(sources, "*.c")))]
    sources = sources or os.path.join(data, "kernels", "sources")
    out = []
    for ds in sorted(glob.glob(os.path.join(data, "kernels", "design_space", "*.json"))):
        with open(ds) as f:
            d = json.load(f)
        name = d.get("kernel") or os.path.splitext(os.path.basename(ds))[0]
        out.append((name, os.path.join(sources, d.get("source", name + ".cpp")), d["top"],
                    VITIS_CLANG_FLAGS.get(name, [])))
    return out


def load_kernels(version="v21", sources=None, data=None, cache=DEFAULT_CACHE,
                 plugin=DEFAULT_PLUGIN, kernels=None, require_labels=True, log=None):
    """List of KernelData for every kernel of `sources` with labels of `version`.

    sources/data None: the version's defaults (default_data; <data>/kernels/sources)."""
    schema = schema_mod.Schema()
    data = data or default_data(version)
    out = []
    for name, src, top, flags in kernel_sources(version, sources, data):
        if kernels is not None and name not in kernels:
            continue
        lab = os.path.join(data, version, name + ".jsonl") if version else None
        if require_labels and (lab is None or not os.path.exists(lab)):
            continue
        gpath = cached_graph(src, cache, plugin, schema, top, flags)
        g = load_graph_json(gpath, schema)
        recs = read_labels(lab) if lab and os.path.exists(lab) else []
        kd = KernelData(name, Graph(g, schema, name), recs, schema)
        kd.graph_path = gpath
        kd.version, kd.flow = version, flows_mod.of_version(version)
        # the analytic estimate of every point: the backbone of hybrid models (backbone.py)
        kd.B = backbone_mod.cached(gpath, kd.points, backbone_mod.tool_beside(plugin),
                                   kd.flow) if recs else None
        out.append(kd)
        if log:
            log("%s: %d nodes, %d edges, %d scopes, %d points, %d hls_ok" % (
                name, kd.graph.num_nodes, len(kd.graph.src), len(kd.graph.scope_nodes), len(kd), int(kd.ok.sum())))
    return out


def parse_with_versions(version, with_versions, with_data):
    """[(version, data dir or None)] of the --with-versions / --with-data arguments (comma-separated).

    The versions trained on besides `version` (one model across flows, train.py and kfold.py).
    Raises ValueError with the message for the user."""
    versions = [v for v in with_versions.split(",") if v]
    datas = [d or None for d in with_data.split(",")] if with_data else [None] * len(versions)
    if len(datas) != len(versions):
        raise ValueError("--with-data names %d directories for %d --with-versions" % (len(datas), len(versions)))
    if version in versions:
        raise ValueError("--with-versions %s: the version given by --version is trained on already" % version)
    return list(zip(versions, datas))


def load_with_versions(pairs, cache=DEFAULT_CACHE, plugin=DEFAULT_PLUGIN, kernels=None):
    """KernelData of every (version, data) of parse_with_versions, in that order.

    Raises ValueError when a version has no labelled kernels (a wrong --with-data, or --kernels
    that version does not have): training on nothing of it would be silent."""
    out = []
    for v, d in pairs:
        got = load_kernels(v, data=d, cache=cache, plugin=plugin, kernels=kernels)
        if not got:
            raise ValueError("--with-versions %s: no labelled kernels in %s" % (v, d or default_data(v)))
        out += got
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", default="v21")
    ap.add_argument("--sources", help="kernel sources (default: <data>/kernels/sources)")
    ap.add_argument("--data", help="labelled data (default: ../shared/data/hlsyn, hlsyn-vitis for v25)")
    ap.add_argument("--cache", default=DEFAULT_CACHE)
    ap.add_argument("--plugin", default=DEFAULT_PLUGIN)
    ap.add_argument("--check", metavar="GRAPH_JSON", help="only check one graph's schema id")
    a = ap.parse_args(argv)
    if a.check:
        try:
            load_graph_json(a.check)
        except SchemaMismatch as ex:
            print("error: %s" % ex, file=sys.stderr)
            return 1
        print("ok")
        return 0
    try:
        ks = load_kernels(a.version, a.sources, a.data, a.cache, a.plugin, log=print)
    except SchemaMismatch as ex:
        print("error: %s" % ex, file=sys.stderr)
        return 1
    print("%d kernels, %d points, %d hls_ok" % (len(ks), sum(len(k) for k in ks), sum(int(k.ok.sum()) for k in ks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
