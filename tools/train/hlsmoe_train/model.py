"""The HierMoE model of docs/model-format.md in plain PyTorch.

One code path for every configuration: `LowNet(kind)` with kind in harp|node|block|graph
(harp = the same network with every MoE switched off), and `Model(kind)` which holds one
low-level network, or for kind "hier" the three networks node, block, graph under the
high-level gate.  Parameter names of `Model.state_dict()` are exactly the tensor names of
the weight file (`node.conv3.lin_key.weight`, `hier_gate.bias`, ...).

Batching: one forward call takes ONE kernel graph and B design points of it.  Steps 1-2
(six convolutions + jumping knowledge) run once on [N, D]; everything after the pragma layer
runs on [B, N, D].
"""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from . import backbone as backbone_mod
from . import flows as flows_mod
from . import targets as targets_mod

TARGETS = targets_mod.REGRESSION     # model/targets.def
VALIDITY_TARGETS = targets_mod.VALIDITY
KINDS = ["harp", "node", "block", "graph", "hier"]
LOW_KINDS = ["harp", "node", "block", "graph"]
EXPERTS = 4
PRAGMA_INIT_GAIN = 16.0   # see LowNet._initialise


class MLP(nn.ModuleList):
    """Linear layers .0, .1, ...; activation between layers, not after the last."""

    def __init__(self, widths, act="elu"):
        super().__init__([nn.Linear(a, b) for a, b in zip(widths[:-1], widths[1:])])
        self.act = F.elu if act == "elu" else F.relu

    def forward(self, x):
        n = len(self)
        for i, lin in enumerate(self):
            x = lin(x)
            if i < n - 1:
                x = self.act(x)
        return x


class GraphTensors:
    """Torch view of a dataset.Graph (design-point independent)."""

    def __init__(self, g):
        self.x = torch.as_tensor(g.x)
        self.src = torch.as_tensor(g.src)
        self.dst = torch.as_tensor(g.dst)
        self.e = torch.as_tensor(g.e)
        self.block = torch.as_tensor(g.block)
        self.block_idx = torch.nonzero(self.block).flatten()
        self.scope_nodes = torch.as_tensor(g.scope_nodes)
        self.num_nodes = self.x.shape[0]
        self._plan()

    def _plan(self):
        """Which nodes can differ between design points.  After the pragma layer only the scope
        nodes S differ; after one convolution only A = S + the destinations of edges leaving S.
        Everything else is shared by all design points, so it is computed once ([N, D]) and only
        the rows of A are computed per point ([B, |A|, D]).  Exact, not an approximation."""
        n = self.num_nodes
        S = self.scope_nodes
        in_s = torch.zeros(n, dtype=torch.bool)
        in_s[S] = True
        in_a = in_s.clone()
        in_a[self.dst[in_s[self.src]]] = True
        self.A = torch.nonzero(in_a).flatten()
        ea = torch.nonzero(in_a[self.dst]).flatten()
        self.EA = ea
        in_u = in_a.clone()
        in_u[self.src[ea]] = True
        self.U = torch.nonzero(in_u).flatten()
        pos_u = torch.full((n,), -1, dtype=torch.long)
        pos_u[self.U] = torch.arange(len(self.U))
        pos_a = torch.full((n,), -1, dtype=torch.long)
        pos_a[self.A] = torch.arange(len(self.A))
        self.S_in_U = pos_u[S]
        self.S_in_A = pos_a[S]
        self.A_in_U = pos_u[self.A]
        self.EA_src_U = pos_u[self.src[ea]]
        self.EA_dst_A = pos_a[self.dst[ea]]
        self.eA = self.e[ea]
        # pooling sets: (shared nodes, positions in the per-point rows) for "all" and "block",
        # for per-point rows = A (after a convolution) and = S (block kind: no convolution)
        self.pool_sets = {}
        for rows_name, in_rows, pos_rows in (("A", in_a, pos_a), ("S", in_s, None)):
            if pos_rows is None:
                pos_rows = torch.full((n,), -1, dtype=torch.long)
                pos_rows[S] = torch.arange(len(S))
            for set_name, in_set in (("all", torch.ones(n, dtype=torch.bool)), ("block", self.block)):
                shared = torch.nonzero(in_set & ~in_rows).flatten()
                mine = torch.nonzero(in_set & in_rows).flatten()
                self.pool_sets[(rows_name, set_name)] = (shared, pos_rows[mine])


def segment_softmax(score, dst, n):
    """Softmax of score [..., E] over the edges of each destination (last dim)."""
    shape = list(score.shape[:-1]) + [n]
    idx = dst.expand_as(score)
    m = torch.full(shape, -float("inf"), dtype=score.dtype).scatter_reduce(
        -1, idx, score, reduce="amax", include_self=True)
    ex = torch.exp(score - m.gather(-1, idx))
    s = torch.zeros(shape, dtype=score.dtype).scatter_add(-1, idx, ex)
    return ex / s.gather(-1, idx)


class TransformerConv(nn.Module):
    def __init__(self, din, d, edge_dim, dropout=0.1):
        super().__init__()
        self.lin_query = nn.Linear(din, d)
        self.lin_key = nn.Linear(din, d)
        self.lin_value = nn.Linear(din, d)
        self.lin_edge = nn.Linear(edge_dim, d, bias=False)
        self.lin_skip = nn.Linear(din, d)
        self.d = d
        self.dropout = dropout

    def forward(self, h, g, eproj=None):
        """h: [N, Din] or [B, N, Din] -> same leading shape with D."""
        if eproj is None:
            eproj = self.lin_edge(g.e)                      # [E, D]
        n = h.shape[-2]
        q = self.lin_query(h)
        k = self.lin_key(h).index_select(-2, g.src) + eproj
        v = self.lin_value(h).index_select(-2, g.src) + eproj
        score = (q.index_select(-2, g.dst) * k).sum(-1) / math.sqrt(self.d)   # [..., E]
        alpha = segment_softmax(score, g.dst, n)
        if self.training and self.dropout > 0:
            alpha = F.dropout(alpha, self.dropout, True)
        msg = alpha.unsqueeze(-1) * v
        out = torch.zeros(h.shape[:-1] + (self.d,), dtype=h.dtype).index_add(-2, g.dst, msg)
        return out + self.lin_skip(h)

    def forward_rows(self, hU, g):
        """Per-point rows A of the output, given the inputs hU [B, |U|, D] on the nodes U."""
        hA = hU.index_select(1, g.A_in_U)
        q = self.lin_query(hA)
        ep = self.lin_edge(g.eA)
        k = self.lin_key(hU).index_select(1, g.EA_src_U) + ep
        v = self.lin_value(hU).index_select(1, g.EA_src_U) + ep
        score = (q.index_select(1, g.EA_dst_A) * k).sum(-1) / math.sqrt(self.d)
        alpha = segment_softmax(score, g.EA_dst_A, len(g.A))
        if self.training and self.dropout > 0:
            alpha = F.dropout(alpha, self.dropout, True)
        out = torch.zeros(hA.shape[:-1] + (self.d,), dtype=hA.dtype).index_add(1, g.EA_dst_A, alpha.unsqueeze(-1) * v)
        return out + self.lin_skip(hA)


class AttentionPool(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.gate = MLP([d, d, 1], "relu")

    def forward(self, h, idx=None):
        """h [B, N, D]; idx: node indices of the pooling set (None = all) -> [B, D]."""
        if idx is not None:
            h = h.index_select(-2, idx)
        a = torch.softmax(self.gate(h).squeeze(-1), dim=-1)
        return (a.unsqueeze(-1) * h).sum(-2)

    def forward_split(self, h0, hR, shared, mine):
        """Pool of a split representation: shared rows h0[shared] ([N, D], the same for every point)
        and per-point rows hR[:, mine] ([B, R, D])."""
        B = hR.shape[0]
        hs = h0.index_select(0, shared)
        hm = hR.index_select(1, mine)
        l0 = self.gate(hs).squeeze(-1)
        lm = self.gate(hm).squeeze(-1)
        a = torch.softmax(torch.cat([l0.unsqueeze(0).expand(B, -1), lm], 1), 1)
        m0 = hs.shape[0]
        return a[:, :m0] @ hs + (a[:, m0:].unsqueeze(-1) * hm).sum(1)


def cv(importance):
    """Coefficient of variation std/mean of an importance vector (unbiased std)."""
    return importance.std() / (importance.mean() + 1e-10)


class Heads(nn.Module):
    def __init__(self, z, targets):
        super().__init__()
        for t in targets:
            self.add_module(t, MLP([z, 32, 16, 8, 2 if t in VALIDITY_TARGETS else 1], "elu"))
        self.targets = targets

    def forward(self, z):
        outs = [getattr(self, t)(z) for t in self.targets]
        return torch.cat(outs, -1)        # [B, 5] or [B, 2]


class ExpertHeads(nn.Module):
    def __init__(self, z, targets):
        super().__init__()
        for i in range(EXPERTS):
            self.add_module("expert%d" % i, Heads(z, targets))

    def forward(self, z, gates):
        out = 0
        for i in range(EXPERTS):
            out = out + gates[:, i:i + 1] * getattr(self, "expert%d" % i)(z)
        return out


class ExpertConv(nn.Module):
    def __init__(self, d, edge_dim, dropout):
        super().__init__()
        for i in range(EXPERTS):
            self.add_module("expert%d" % i, TransformerConv(d, d, edge_dim, dropout))


def _copy_experts(mods):
    """Upstream: every expert starts as an identical copy of one initialised layer."""
    first = mods[0].state_dict()
    for m in mods[1:]:
        m.load_state_dict(first)


class LowNet(nn.Module):
    def __init__(self, kind, schema, d=64, task="regression", dropout=0.1, init="glorot", extra=0):
        super().__init__()
        assert kind in LOW_KINDS
        self.kind, self.d = kind, d
        self.extra = extra          # backbone features the heads read beside z (0: none)
        fn, fe = schema.node_dim, schema.edge_dim
        # column indices of each pragma group, by name (not assumed contiguous): the C runtime selects
        # them the same way.  Plain tensors, not buffers: the weight file holds parameters only.
        self.pcols = [torch.as_tensor(schema.group_columns(gname), dtype=torch.long)
                      for gname in ("pipeline", "parallel", "tile")]
        gp, gq, gt = (len(c) for c in self.pcols)
        for i in range(1, 7):
            self.add_module("conv%d" % i, TransformerConv(fn if i == 1 else d, d, fe, dropout))
        self.pragma_pipeline = MLP([d + gp, d // 2, d])
        self.pragma_parallel = MLP([d + gq, d // 2, d])
        self.pragma_tile = MLP([d + gt, d // 2, d])
        self.pragma_merge = MLP([3 * d, 3 * d // 2, d])
        if kind in ("harp", "graph"):
            self.conv7 = TransformerConv(d, d, fe, dropout)
        elif kind == "node":
            self.conv7 = ExpertConv(d, fe, dropout)
            self.node_gate = nn.Linear(d, EXPERTS, bias=False)
        else:
            for i in range(EXPERTS):
                self.add_module("block_expert%d" % i, nn.Linear(d, d))
            self.block_gate = nn.Linear(d, EXPERTS, bias=False)
        if kind != "block":
            self.pool_all = AttentionPool(d)
        self.pool_block = AttentionPool(d)
        self.zdim = d if kind == "block" else 2 * d
        targets = VALIDITY_TARGETS if task == "validity" else TARGETS
        if kind == "graph":
            self.head = ExpertHeads(self.zdim + extra, targets)
            self.graph_gate = nn.Linear(self.zdim, EXPERTS, bias=False)
        else:
            self.head = Heads(self.zdim + extra, targets)
        self._initialise(init)

    def _initialise(self, init):
        """init "glorot" (default): Glorot-uniform weights, zero biases, pragma columns scaled up;
        "torch": PyTorch's default initialisation (the first shipped models).

        Why: PyTorch's default shrinks the variance about 3x per linear layer, so after the six
        convolutions, the pooling and a four-layer head the outputs differ by ~1e-4 between kernels
        and between design points; training then sits on the "predict the global mean" plateau
        for the first 10-15 epochs, and the validity classifier never left it.  And a pragma MLP
        sees [h (D columns) | pragma vector (2-4 columns in [0, 1])], where the few pragma columns
        are drowned by the D-wide embedding unless their weights start PRAGMA_INIT_GAIN larger.
        docs/training.md has the measurements (train.py --init, hlsmoe_train.overfit).
        Experts of one MoE layer start as copies of one initialised expert (upstream)."""
        if init not in ("glorot", "torch"):
            raise ValueError("init must be glorot or torch, not %r" % (init,))
        if init == "glorot":
            for mod in self.modules():
                if isinstance(mod, nn.Linear):
                    nn.init.xavier_uniform_(mod.weight)
                    if mod.bias is not None:
                        nn.init.zeros_(mod.bias)
            with torch.no_grad():
                for mlp in (self.pragma_pipeline, self.pragma_parallel, self.pragma_tile):
                    mlp[0].weight[:, self.d:] *= PRAGMA_INIT_GAIN
        if self.kind == "node":
            _copy_experts([getattr(self.conv7, "expert%d" % i) for i in range(EXPERTS)])
        elif self.kind == "block":
            _copy_experts([getattr(self, "block_expert%d" % i) for i in range(EXPERTS)])
        elif self.kind == "graph":
            _copy_experts([getattr(self.head, "expert%d" % i) for i in range(EXPERTS)])

    def encode_graph(self, g):
        """Steps 1-2: [N, D], independent of the design point."""
        h = g.x
        hs = []
        for i in range(1, 7):
            h = F.elu(getattr(self, "conv%d" % i)(h, g))
            hs.append(h)
        return torch.stack(hs, 0).max(0).values

    def forward(self, g, P, h0=None, dense=False, feats=None):
        """g: GraphTensors; P: [B, S, Fp] -> (outputs [B, T], z [B, Z], load-balance reg).
        feats [B, extra]: the backbone features (with extra > 0).
        dense=True computes every node per point ([B, N, D]); the default computes the rows that
        differ between points only (same result)."""
        self._feats = feats
        if dense:
            return self.forward_dense(g, P, h0)
        if h0 is None:
            h0 = self.encode_graph(g)
        B = P.shape[0]
        S = g.scope_nodes
        hS = h0.index_select(0, S).unsqueeze(0).expand(B, -1, -1)
        if len(S) > 0:
            parts = []
            for mlp, cols in zip((self.pragma_pipeline, self.pragma_parallel, self.pragma_tile), self.pcols):
                parts.append(mlp(torch.cat([hS, P.index_select(-1, cols)], -1)))
            hS = self.pragma_merge(torch.cat(parts, -1))
        reg = h0.new_zeros(())
        if self.kind == "block":
            # per-point rows: S (all scope nodes are block nodes)
            nb = g.block_idx
            hb0 = h0.index_select(0, nb)
            g0 = torch.softmax(self.block_gate(hb0), -1)
            gS = torch.softmax(self.block_gate(hS), -1)
            e0 = 0
            eS = 0
            for i in range(EXPERTS):
                lin = getattr(self, "block_expert%d" % i)
                e0 = e0 + g0[:, i:i + 1] * lin(hb0)
                eS = eS + gS[..., i:i + 1] * lin(hS)
            h1 = h0.index_copy(0, nb, e0)
            shared, mine = g.pool_sets[("S", "block")]
            z = self.pool_block.forward_split(h1, eS, shared, mine)
            in_s = torch.zeros(g.num_nodes, dtype=torch.bool)
            in_s[S] = True
            gsh = g0[~in_s[nb]]
            reg = cv(B * gsh.sum(0) + gS.reshape(-1, EXPERTS).sum(0))
        else:
            hU = h0.index_select(0, g.U).unsqueeze(0).expand(B, -1, -1)
            if len(S) > 0:
                hU = hU.index_copy(1, g.S_in_U, hS)
            if self.kind in ("harp", "graph"):
                h1 = F.elu(self.conv7(h0, g))
                hA = F.elu(self.conv7.forward_rows(hU, g))
            else:
                hA_in = hU.index_select(1, g.A_in_U)
                g0 = torch.softmax(self.node_gate(h0), -1)
                gA = torch.softmax(self.node_gate(hA_in), -1)
                m0 = 0
                mA = 0
                for i in range(EXPERTS):
                    conv = getattr(self.conv7, "expert%d" % i)
                    m0 = m0 + g0[:, i:i + 1] * conv(h0, g)
                    mA = mA + gA[..., i:i + 1] * conv.forward_rows(hU, g)
                h1 = F.elu(m0)
                hA = F.elu(mA)
                in_a = torch.zeros(g.num_nodes, dtype=torch.bool)
                in_a[g.A] = True
                reg = cv(B * g0[~in_a].sum(0) + gA.reshape(-1, EXPERTS).sum(0))
            sa, ma = g.pool_sets[("A", "all")]
            sb, mb = g.pool_sets[("A", "block")]
            z = torch.cat([self.pool_all.forward_split(h1, hA, sa, ma),
                           self.pool_block.forward_split(h1, hA, sb, mb)], -1)
        return self.read_out(z, reg, B)

    def read_out(self, z, reg, B):
        """Heads on the graph embedding z [B, Z] (and the backbone features): (outputs, z,
        load-balance reg).  The graph gate reads z alone."""
        zin = z
        if self.extra:
            feats = self._feats
            if feats is None or feats.shape[-1] != self.extra:
                raise ValueError("this network reads %d backbone features per point" % self.extra)
            zin = torch.cat([z, feats], -1)
        if self.kind == "graph":
            gg = torch.softmax(self.graph_gate(z), -1)
            y = self.head(zin, gg)
            reg = cv(gg.sum(0)) if B > 1 else reg
        else:
            y = self.head(zin)
        return y, z, reg

    def forward_dense(self, g, P, h0=None):
        if h0 is None:
            h0 = self.encode_graph(g)
        B = P.shape[0]
        h = h0.unsqueeze(0).expand(B, -1, -1)
        reg = h0.new_zeros(())
        if len(g.scope_nodes) > 0:
            hs = h.index_select(1, g.scope_nodes)                       # [B, S, D]
            parts = []
            for mlp, cols in zip((self.pragma_pipeline, self.pragma_parallel, self.pragma_tile), self.pcols):
                parts.append(mlp(torch.cat([hs, P.index_select(-1, cols)], -1)))
            hn = self.pragma_merge(torch.cat(parts, -1))
            h = h.index_copy(1, g.scope_nodes, hn)
        if self.kind in ("harp", "graph"):
            h = F.elu(self.conv7(h, g))
        elif self.kind == "node":
            gates = torch.softmax(self.node_gate(h), -1)                # [B, N, 4]
            mix = 0
            for i in range(EXPERTS):
                mix = mix + gates[..., i:i + 1] * getattr(self.conv7, "expert%d" % i)(h, g)
            h = F.elu(mix)
            reg = cv(gates.reshape(-1, EXPERTS).sum(0))
        else:
            hb = h.index_select(1, g.block_idx)                         # [B, Nb, D]
            gates = torch.softmax(self.block_gate(hb), -1)
            mix = 0
            for i in range(EXPERTS):
                mix = mix + gates[..., i:i + 1] * getattr(self, "block_expert%d" % i)(hb)
            reg = cv(gates.reshape(-1, EXPERTS).sum(0))
            z = self.pool_block(mix)
        if self.kind != "block":
            z = torch.cat([self.pool_all(h), self.pool_block(h, g.block_idx)], -1)
        return self.read_out(z, reg, B)


class Model(nn.Module):
    """kind harp|node|block|graph: one LowNet; hier: node, block, graph + hier_gate."""

    def __init__(self, kind, schema, d=64, task="regression", dropout=0.1, init="glorot",
                 backbone_inputs=False, residual=(), flow_inputs=False):
        """backbone_inputs: the heads also read the analytic estimate's features (backbone.py);
        residual: regression targets predicted as a difference to their analytic value;
        flow_inputs: the heads also read the points' tool flow, one-hot over model/flows.def (one
        model across flows; a version without a flow of its own, v18/v20, reads zeros).  None of
        them: the paper's network."""
        super().__init__()
        assert kind in KINDS
        self.kind, self.d, self.task = kind, d, task
        self.backbone_inputs = bool(backbone_inputs)
        self.flow_inputs = bool(flow_inputs)
        self.residual = [t for t in TARGETS if t in residual] if task == "regression" else []
        if set(residual) - set(self.residual):
            raise ValueError("residual targets must be regression targets: %s" % sorted(residual))
        # the weight of each residual target's correction (1: as trained; 0: the estimate alone).
        # Set after training (kfold.py DERIVED) to measure how much of the correction to trust.
        self.residual_scale = [1.0] * len(self.residual)
        extra = (len(backbone_mod.FEATURES) if self.backbone_inputs else 0) + \
            (len(flows_mod.FLOWS) if self.flow_inputs else 0)
        self.schema_id = schema.id
        self.node_dim, self.edge_dim = schema.node_dim, schema.edge_dim
        self.pragma_groups = [len(schema.group_columns(x)) for x in ("pipeline", "parallel", "tile")]
        self.nets = ["node", "block", "graph"] if kind == "hier" else [kind]
        for k in self.nets:
            self.add_module(k, LowNet(k, schema, d, task, dropout, init, extra))
        if kind == "hier":
            zd = sum(getattr(self, k).zdim for k in self.nets)
            self.hier_gate = nn.Linear(zd, len(self.nets))
            nn.init.zeros_(self.hier_gate.weight)
            nn.init.zeros_(self.hier_gate.bias)

    @property
    def targets(self):
        return VALIDITY_TARGETS if self.task == "validity" else TARGETS

    @property
    def uses_backbone(self):
        """Whether forward() needs the points' extra inputs: backbone features, then the flow."""
        return self.backbone_inputs or bool(self.residual) or self.flow_inputs

    def add_estimate(self, y, backbone):
        """Residual targets: the correction, bounded to +-RESIDUAL_BOUND (backbone.def: far outside
        the kernels it learnt from the network extrapolates without limit; a damaged model's
        correction stays as it is), plus the estimate."""
        if not self.residual:
            return y
        out = y.clone()     # written in place; y itself stays as autograd saw it
        for t, w in zip(self.residual, self.residual_scale):
            j = self.targets.index(t)
            c = backbone_mod.bound_correction(y[:, j])
            out[:, j] = (c if w == 1.0 else w * c) + backbone[:, backbone_mod.FEATURES.index(t)]
        return out

    def forward(self, g, P, mode="joint", backbone=None):
        """Returns dict: y [B, T] (joint prediction; logits for validity), z [B, Z] (graph embedding;
        hier: the concat), reg (load-balance loss), and for hier ys: list of per-network outputs,
        G [B, 3] the high-level gate.  backbone [B, F]: the points' backbone features (needed when
        uses_backbone; with flow_inputs the flow one-hot follows them, train.backbone_of); residual
        targets get their analytic value added to every output."""
        if self.uses_backbone and backbone is None:
            raise ValueError("this model is built on the analytic estimate: pass the backbone features")
        nb = len(backbone_mod.FEATURES)
        feats = None
        if self.backbone_inputs or self.flow_inputs:
            feats = backbone[:, (0 if self.backbone_inputs else nb):(None if self.flow_inputs else nb)]
        outs = [getattr(self, k)(g, P, feats=feats) for k in self.nets]
        if self.kind != "hier":
            y, z, reg = outs[0]
            y = self.add_estimate(y, backbone)
            return {"y": y, "z": z, "reg": reg, "ys": [y]}
        ys = [o[0] for o in outs]
        z = torch.cat([o[1] for o in outs], -1)
        reg = sum(o[2] for o in outs) / len(outs)
        G = torch.softmax(self.hier_gate(z.detach()), -1)
        y = self.add_estimate(sum(G[:, j:j + 1] * ys[j] for j in range(len(ys))), backbone)
        ys = [self.add_estimate(x, backbone) for x in ys]
        if P.shape[0] > 1:
            hreg = cv(G.sum(0))
        else:
            hreg = reg.new_zeros(())
        return {"y": y, "z": z, "reg": reg, "hreg": hreg, "ys": ys, "G": G}

    def predict(self, g, P, backbone=None):
        """Outputs in the reference-file convention: regression [B, 5]; validity p_valid [B, 1]."""
        y = self.forward(g, P, backbone=backbone)["y"]
        if self.task == "validity":
            return torch.softmax(y, -1)[:, 1:2]
        return y

    def metadata(self, trained_on=""):
        return {
            "format": "hlsmoe-model",
            "schema": self.schema_id,
            "task": self.task,
            "kind": self.kind,
            "hidden": str(self.d),
            "experts": str(EXPERTS),
            "node_dim": str(self.node_dim),
            "edge_dim": str(self.edge_dim),
            "pragma_groups": ",".join(str(x) for x in self.pragma_groups),
            "targets": ",".join(self.targets),
            "trained_on": trained_on,
            **self.backbone_metadata(),
        }

    def backbone_metadata(self):
        """The keys of a model built on the analytic estimate (docs/model-format.md), none for the
        paper's network: the features its heads read, in order, and its residual targets."""
        if not self.uses_backbone:
            return {}
        meta = {"backbone_features": ",".join(backbone_mod.FEATURES) if self.backbone_inputs else "",
                "backbone_residual": ",".join(self.residual)}
        if any(w != 1.0 for w in self.residual_scale):     # files with every weight 1 omit the key
            meta["backbone_residual_scale"] = ",".join(repr(float(w)) for w in self.residual_scale)
        if self.flow_inputs:        # the C runtime refuses such a model (model/weights.c)
            meta["flow_inputs"] = ",".join(f.name for f in flows_mod.FLOWS)
        return meta


class AnalyticOnly(nn.Module):
    """The analytic estimator (model/analytic.c) behind the model interface, for evaluations that
    compare it with the networks: its outputs are the backbone features named like the targets
    (the estimate in the targets' space), times `scale` plus `shift` per target (1 and 0 unless
    calibrated).  Nothing to train; "fine-tuning" it is calibrated()."""

    kind, task, residual, backbone_inputs, uses_backbone = "analytic", "regression", [], False, True
    targets = TARGETS

    def __init__(self, scale=None, shift=None):
        super().__init__()
        self.scale = torch.ones(len(TARGETS)) if scale is None else torch.as_tensor(scale, dtype=torch.float32)
        self.shift = torch.zeros(len(TARGETS)) if shift is None else torch.as_tensor(shift, dtype=torch.float32)

    def forward(self, g, P, mode="joint", backbone=None):
        cols = [backbone_mod.FEATURES.index(t) for t in TARGETS]
        y = backbone[:, cols] * self.scale + self.shift
        return {"y": y, "z": y, "reg": y.new_zeros(()), "ys": [y]}

    def calibrated(self, estimate, truth):
        """The estimator with a per-target least-squares line from its estimates [n, T] to the
        truth [n, T] of a few labelled points of one kernel: what a user with n synthesis runs can
        fit without training anything (the analytic row of the fine-tuned protocol).  A target
        whose estimate does not vary keeps slope 1 and takes the mean offset; slopes are kept in
        [0, 4] so that a few noisy points cannot turn the estimate around."""
        est, y = np.asarray(estimate, dtype=np.float64), np.asarray(truth, dtype=np.float64)
        scale, shift = np.ones(est.shape[1]), np.zeros(est.shape[1])
        for j in range(est.shape[1]):
            x = est[:, j]
            if x.std() > 1e-9:
                scale[j] = float(np.clip(np.cov(x, y[:, j], bias=True)[0, 1] / x.var(), 0.0, 4.0))
            shift[j] = float(y[:, j].mean() - scale[j] * x.mean())
        return AnalyticOnly(scale * self.scale.numpy(), shift + scale * self.shift.numpy())
