/* The incremental path (docs/runtime.md, "The incremental scheme"):
 * hls_model_prepare computes once per kernel everything the design point
 * cannot change, and hls_model_score recomputes per design point only the
 * scope rows and the nodes they reach, many points per call. */
#include "hiermoe.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/network.h"

/* ---- the prepared kernel ---- */

/* Per network.  "Affected" nodes are those whose conv7 output depends on the
 * design point: scope nodes and their out-neighbours.  Arrays over affected
 * nodes list block nodes first, so that the block pool's rows are a prefix.
 * X is the number of conv7 experts. */
typedef struct {
  /* W0[:, :D] h_s + b0 of each pragma group's first layer [S][D/2]: the part
   * of it that no pragma value changes. */
  float *pragma_first_from_h[3];
  size_t naffected, naffected_blocks;
  int32_t *affected_scope;       /* [A] scope row of the node, -1 if it is not a scope */
  uint32_t *affected_edge_begin; /* [A + 1] into the arrays over affected in-edges */
  size_t naffected_edges;        /* in-edges of affected nodes */
  size_t max_in_degree;          /* of affected nodes */
  int32_t *edge_src_scope;       /* [affected edges] scope row of the source, or -1 */
  float *affected_query;         /* [X][A][D] */
  float *affected_skip;          /* [X][A][D] */
  float *affected_node_gate;     /* [A][E] node gate (node kind) */
  /* [X][affected edges][D]: K_src + E_e and V_src + E_e, or E_e alone if the
   * source is a scope, whose K and V come from the design point. */
  float *edge_key, *edge_value;
  /* A non-scope affected node keeps its query, so the attention terms of its
   * in-edges from non-scope nodes are fixed: kept as a softmax partial sum
   * (max, Σ exp, Σ exp·v) to which each point adds its scope in-edges. */
  float *fixed_attention_max;    /* [X][A] */
  float *fixed_attention_sum;    /* [X][A] */
  float *fixed_attention_values; /* [X][A][D] */
  float *scope_edge_fixed_score; /* [X][affected edges] q · E_e / √D of scope-source edges */
  uint32_t *scope_edge_begin;    /* [A + 1] into scope_edges */
  uint32_t *scope_edges;         /* affected in-edges whose source is a scope */
  /* Pooling over the nodes that never change. */
  double *pool_base_values[2];
  hls_rt_pool pool_base[2];
} prepared_net;

struct hls_prepared {
  const hls_model *model;
  size_t nnodes, nscopes, bytes;
  prepared_net nets[3];
};

static void prepare_pragma(const network *net, prepared_net *pn, const graph_view *v,
                           const float *h, size_t *bytes) {
  size_t S = v->graph->nscopes, hidden = (size_t)net->hidden;
  float *scope_h = hls_xmalloc((S + 1) * hidden * sizeof(float));
  for (size_t s = 0; s < S; s++)
    memcpy(scope_h + s * hidden, h + (size_t)v->node_of_scope[s] * hidden, hidden * sizeof(float));
  for (int g = 0; g < 3; g++) {
    const linear_layer *first = &net->pragma_mlp[g].layer[0];
    pn->pragma_first_from_h[g] = hls_xmalloc((S + 1) * (hidden / 2) * sizeof(float));
    hls_rt_linear(scope_h, S, hidden, hidden, first->weight, (size_t)first->in, first->bias,
                  hidden / 2, pn->pragma_first_from_h[g], hidden / 2);
    *bytes += S * (hidden / 2) * sizeof(float);
  }
  free(scope_h);
}

/* Lists the affected nodes, block nodes first, and their in-edges; returns
 * the node of each affected row. */
static uint32_t *find_affected(prepared_net *pn, const graph_view *v) {
  const hls_graph *g = v->graph;
  uint8_t *affected = hls_xcalloc(g->nnodes, 1);
  for (size_t i = 0; i < g->nnodes; i++) {
    affected[i] = v->scope_of_node[i] >= 0;
    for (uint32_t t = g->in_offset[i]; t < g->in_offset[i + 1] && !affected[i]; t++)
      affected[i] = v->scope_of_node[v->edge_src[g->in_edge[t]]] >= 0;
  }
  uint32_t *node = hls_xmalloc((g->nnodes + 1) * sizeof *node);
  pn->naffected = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < g->nnodes; i++)
      if (affected[i] && (g->nodes[i].kind == HLS_NODE_BLOCK) == (pass == 0))
        node[pn->naffected++] = (uint32_t)i;
  pn->naffected_blocks = 0;
  while (pn->naffected_blocks < pn->naffected &&
         g->nodes[node[pn->naffected_blocks]].kind == HLS_NODE_BLOCK)
    pn->naffected_blocks++;
  pn->affected_scope = hls_xmalloc((pn->naffected + 1) * sizeof *pn->affected_scope);
  pn->affected_edge_begin = hls_xmalloc((pn->naffected + 1) * sizeof *pn->affected_edge_begin);
  pn->naffected_edges = 0;
  pn->max_in_degree = 1;
  for (size_t a = 0; a < pn->naffected; a++) {
    size_t degree = g->in_offset[node[a] + 1] - g->in_offset[node[a]];
    pn->affected_scope[a] = v->scope_of_node[node[a]];
    pn->affected_edge_begin[a] = (uint32_t)pn->naffected_edges;
    pn->naffected_edges += degree;
    pn->max_in_degree = degree > pn->max_in_degree ? degree : pn->max_in_degree;
  }
  pn->affected_edge_begin[pn->naffected] = (uint32_t)pn->naffected_edges;
  pn->edge_src_scope = hls_xmalloc((pn->naffected_edges + 1) * sizeof *pn->edge_src_scope);
  for (size_t a = 0; a < pn->naffected; a++)
    for (uint32_t t = g->in_offset[node[a]], k = pn->affected_edge_begin[a];
         t < g->in_offset[node[a] + 1]; t++, k++)
      pn->edge_src_scope[k] = v->scope_of_node[v->edge_src[g->in_edge[t]]];
  free(affected);
  return node;
}

/* The fixed part of the attention of non-scope affected nodes. */
static void cache_fixed_attention(const network *net, prepared_net *pn, size_t *bytes) {
  size_t hidden = (size_t)net->hidden, X = (size_t)net->nconv7;
  size_t naffected = pn->naffected, nedges = pn->naffected_edges;
  const float scale = 1.0f / sqrtf((float)hidden);
  pn->fixed_attention_max = hls_xmalloc((X * naffected + 1) * sizeof(float));
  pn->fixed_attention_sum = hls_xmalloc((X * naffected + 1) * sizeof(float));
  pn->fixed_attention_values = hls_xcalloc((X * naffected + 1) * hidden, sizeof(float));
  pn->scope_edge_fixed_score = hls_xcalloc(X * nedges + 1, sizeof(float));
  pn->scope_edge_begin = hls_xmalloc((naffected + 1) * sizeof *pn->scope_edge_begin);
  pn->scope_edges = hls_xmalloc((nedges + 1) * sizeof *pn->scope_edges);
  *bytes += (X * naffected * (hidden + 2) + X * nedges + naffected + nedges) * sizeof(float);
  size_t k = 0;
  for (size_t a = 0; a < naffected; a++) {
    pn->scope_edge_begin[a] = (uint32_t)k;
    for (uint32_t t = pn->affected_edge_begin[a]; t < pn->affected_edge_begin[a + 1]; t++)
      if (pn->edge_src_scope[t] >= 0)
        pn->scope_edges[k++] = t;
  }
  pn->scope_edge_begin[naffected] = (uint32_t)k;
  for (size_t x = 0; x < X; x++)
    for (size_t a = 0; a < naffected; a++) {
      if (pn->affected_scope[a] >= 0)
        continue;
      const float *q = pn->affected_query + (x * naffected + a) * hidden;
      float m = -INFINITY, sum = 0.0f;
      float *values = pn->fixed_attention_values + (x * naffected + a) * hidden;
      for (uint32_t t = pn->affected_edge_begin[a]; t < pn->affected_edge_begin[a + 1]; t++) {
        const float *key = pn->edge_key + (x * nedges + t) * hidden;
        float score = 0.0f;
        for (size_t c = 0; c < hidden; c++)
          score += q[c] * key[c];
        score *= scale;
        if (pn->edge_src_scope[t] >= 0) {
          pn->scope_edge_fixed_score[x * nedges + t] = score; /* key is E_e here */
          continue;
        }
        if (score > m) { /* keep the sums relative to the running maximum */
          float r = expf(m - score);
          sum *= r;
          for (size_t c = 0; c < hidden; c++)
            values[c] *= r;
          m = score;
        }
        float weight = expf(score - m);
        const float *value = pn->edge_value + (x * nedges + t) * hidden;
        sum += weight;
        for (size_t c = 0; c < hidden; c++)
          values[c] += weight * value[c];
      }
      pn->fixed_attention_max[x * naffected + a] = m;
      pn->fixed_attention_sum[x * naffected + a] = sum;
    }
}

typedef struct {
  const network *net;
  prepared_net *pn;
  const graph_view *v;
  const uint32_t *affected_node;
} conv7_cache;

/* Keeps the rows of expert x's projections that scoring reads (a
 * conv7_visitor). */
static void cache_conv7_rows(void *ctx, size_t x, const tconv_buffers *b) {
  const conv7_cache *cc = ctx;
  const hls_graph *g = cc->v->graph;
  prepared_net *pn = cc->pn;
  size_t hidden = (size_t)cc->net->hidden, naffected = pn->naffected;
  size_t nedges = pn->naffected_edges;
  for (size_t a = 0; a < naffected; a++) {
    uint32_t node = cc->affected_node[a];
    const float *row = b->qkvs + (size_t)node * 4 * hidden;
    memcpy(pn->affected_query + (x * naffected + a) * hidden, row, hidden * sizeof(float));
    memcpy(pn->affected_skip + (x * naffected + a) * hidden, row + 3 * hidden,
           hidden * sizeof(float));
    for (uint32_t k = g->in_offset[node], j = pn->affected_edge_begin[a];
         k < g->in_offset[node + 1]; k++, j++) {
      uint32_t edge = g->in_edge[k];
      const float *src = b->qkvs + (size_t)cc->v->edge_src[edge] * 4 * hidden;
      const float *edge_proj = b->edge_proj + (size_t)edge * hidden;
      float *key = pn->edge_key + (x * nedges + j) * hidden;
      float *value = pn->edge_value + (x * nedges + j) * hidden;
      int from_scope = pn->edge_src_scope[j] >= 0;
      for (size_t c = 0; c < hidden; c++) {
        key[c] = edge_proj[c] + (from_scope ? 0.0f : src[hidden + c]);
        value[c] = edge_proj[c] + (from_scope ? 0.0f : src[2 * hidden + c]);
      }
    }
  }
}

/* Pooling base sums over the nodes outside the affected set. */
static void prepare_pool_bases(const network *net, prepared_net *pn, const graph_view *v,
                               const uint32_t *affected_node, const float *h_last) {
  const hls_graph *g = v->graph;
  size_t N = g->nnodes, hidden = (size_t)net->hidden;
  uint8_t *affected = hls_xcalloc(N, 1);
  for (size_t a = 0; a < pn->naffected; a++)
    affected[affected_node[a]] = 1;
  float *gate = hls_xmalloc(N * sizeof(float));
  float *scratch = hls_xmalloc(2 * N * hidden * sizeof(float));
  for (int pool = POOL_ALL; pool <= POOL_BLOCK; pool++) {
    hls_net_pool_gates(&net->pool_gate[pool], h_last, N, hidden, gate, scratch);
    pn->pool_base_values[pool] = hls_xmalloc(hidden * sizeof(double));
    hls_rt_pool_init(&pn->pool_base[pool], pn->pool_base_values[pool], hidden);
    for (size_t i = 0; i < N; i++)
      if (!affected[i] && (pool == POOL_ALL || g->nodes[i].kind == HLS_NODE_BLOCK))
        hls_rt_pool_add(&pn->pool_base[pool], gate[i], h_last + i * hidden);
  }
  free(affected);
  free(gate);
  free(scratch);
}

static void prepare_conv7(const network *net, prepared_net *pn, const graph_view *v,
                          const float *h, size_t *bytes) {
  size_t N = v->graph->nnodes, hidden = (size_t)net->hidden, experts = (size_t)net->experts;
  size_t X = (size_t)net->nconv7;
  uint32_t *affected_node = find_affected(pn, v);
  size_t naffected = pn->naffected, nedges = pn->naffected_edges;
  pn->affected_query = hls_xmalloc((X * naffected + 1) * hidden * sizeof(float));
  pn->affected_skip = hls_xmalloc((X * naffected + 1) * hidden * sizeof(float));
  pn->edge_key = hls_xmalloc((X * nedges + 1) * hidden * sizeof(float));
  pn->edge_value = hls_xmalloc((X * nedges + 1) * hidden * sizeof(float));
  *bytes += (2 * X * naffected + 2 * X * nedges) * hidden * sizeof(float);
  float *gate = NULL;
  if (net->kind == HLS_KIND_NODE) {
    gate = hls_xmalloc(N * experts * sizeof(float));
    hls_net_node_gates(net, h, N, gate);
    pn->affected_node_gate = hls_xmalloc((naffected + 1) * experts * sizeof(float));
    for (size_t a = 0; a < naffected; a++)
      memcpy(pn->affected_node_gate + a * experts, gate + (size_t)affected_node[a] * experts,
             experts * sizeof(float));
    *bytes += naffected * experts * sizeof(float);
  }
  /* The conv7 output of every node at h: right for the unaffected ones. */
  float *h_last = hls_xmalloc(N * hidden * sizeof(float));
  conv7_cache cc = {net, pn, v, affected_node};
  hls_net_conv7(net, v, h, gate, cache_conv7_rows, &cc, h_last);
  cache_fixed_attention(net, pn, bytes);
  prepare_pool_bases(net, pn, v, affected_node, h_last);
  free(gate);
  free(h_last);
  free(affected_node);
}

/* Block kind: the block experts change only on scope rows (scope nodes are
 * block nodes), so every other block node goes into the pooling base. */
static void prepare_block(const network *net, prepared_net *pn, const graph_view *v,
                          const float *h) {
  const hls_graph *g = v->graph;
  size_t hidden = (size_t)net->hidden, experts = (size_t)net->experts, nfixed = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    nfixed += g->nodes[i].kind == HLS_NODE_BLOCK && v->scope_of_node[i] < 0;
  float *fixed_h = hls_xmalloc((nfixed + 1) * hidden * sizeof(float));
  float *fixed_last = hls_xmalloc((nfixed + 1) * hidden * sizeof(float));
  float *gate = hls_xmalloc((nfixed + 1) * experts * sizeof(float));
  /* expert_out doubles as the pooling gate's scratch: 2 * nfixed * D floats at least */
  size_t expert_floats = (nfixed + 1) * (experts < 2 ? 2 : experts) * hidden;
  float *expert_out = hls_xmalloc(expert_floats * sizeof(float));
  float *pool_gate = hls_xmalloc((nfixed + 1) * sizeof(float));
  size_t r = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    if (g->nodes[i].kind == HLS_NODE_BLOCK && v->scope_of_node[i] < 0)
      memcpy(fixed_h + r++ * hidden, h + i * hidden, hidden * sizeof(float));
  hls_net_block_experts(net, fixed_h, nfixed, fixed_last, gate, expert_out);
  hls_net_pool_gates(&net->pool_gate[POOL_BLOCK], fixed_last, nfixed, hidden, pool_gate,
                     expert_out);
  pn->pool_base_values[POOL_BLOCK] = hls_xmalloc(hidden * sizeof(double));
  hls_rt_pool_init(&pn->pool_base[POOL_BLOCK], pn->pool_base_values[POOL_BLOCK], hidden);
  for (size_t k = 0; k < nfixed; k++)
    hls_rt_pool_add(&pn->pool_base[POOL_BLOCK], pool_gate[k], fixed_last + k * hidden);
  free(fixed_h);
  free(fixed_last);
  free(gate);
  free(expert_out);
  free(pool_gate);
}

static void free_prepared_net(prepared_net *pn) {
  for (int g = 0; g < 3; g++)
    free(pn->pragma_first_from_h[g]);
  free(pn->affected_scope);
  free(pn->affected_edge_begin);
  free(pn->edge_src_scope);
  free(pn->affected_query);
  free(pn->affected_skip);
  free(pn->affected_node_gate);
  free(pn->edge_key);
  free(pn->edge_value);
  free(pn->fixed_attention_max);
  free(pn->fixed_attention_sum);
  free(pn->fixed_attention_values);
  free(pn->scope_edge_fixed_score);
  free(pn->scope_edge_begin);
  free(pn->scope_edges);
  free(pn->pool_base_values[0]);
  free(pn->pool_base_values[1]);
}

hls_prepared *hls_model_prepare(const hls_model *m, const hls_graph *g, hls_diags *diags) {
  graph_view v;
  if (hls_net_view_graph(g, &v, diags)) {
    hls_net_free_view(&v);
    return NULL;
  }
  hls_prepared *p = hls_xcalloc(1, sizeof *p);
  p->model = m;
  p->nnodes = g->nnodes;
  p->nscopes = g->nscopes;
  float *h = hls_xmalloc(g->nnodes * (size_t)m->config.hidden * sizeof(float));
  for (int i = 0; i < m->nnets; i++) {
    const network *net = &m->nets[i];
    hls_net_hidden_states(net, &v, h);
    prepare_pragma(net, &p->nets[i], &v, h, &p->bytes);
    if (net->kind == HLS_KIND_BLOCK)
      prepare_block(net, &p->nets[i], &v, h);
    else
      prepare_conv7(net, &p->nets[i], &v, h, &p->bytes);
  }
  free(h);
  hls_net_free_view(&v);
  return p;
}

void hls_prepared_free(hls_prepared *p) {
  if (!p)
    return;
  for (int i = 0; i < 3; i++)
    free_prepared_net(&p->nets[i]);
  free(p);
}

size_t hls_prepared_scopes(const hls_prepared *p) { return p->nscopes; }
size_t hls_prepared_bytes(const hls_prepared *p) { return p->bytes + sizeof *p; }

size_t hls_prepared_affected(const hls_prepared *p) {
  size_t n = 0;
  for (int i = 0; i < p->model->nnets; i++)
    n += p->nets[i].naffected;
  return n;
}

/* ---- the workspace ---- */

/* Buffers of one network for a chunk of up to chunk_points points.  Row
 * s * chunk + p holds scope s of point p (chunk: points in this chunk), row
 * a * chunk + p affected node a of point p: the rows of one node are
 * adjacent, so the per-node loops walk the points of a chunk in order. */
typedef struct {
  float *pragma_hidden;    /* [S rows][D/2] first layer of one pragma group */
  float *pragma_concat;    /* [S rows][3D] a ‖ b ‖ c */
  float *merge_hidden;     /* [S rows][3D/2] */
  float *scope_h;          /* [S rows][D] h_s after the pragma layer */
  float *scope_proj;       /* [S rows][X * 4D] q, k, v, skip of every conv7 expert */
  float *scope_gate;       /* [S rows][E] node gate (node kind), block gate (block) */
  /* The last node states the point changes, before pooling: affected nodes
   * (conv7 kinds) or scope nodes (block). */
  float *changed_h;
  float *block_expert_out; /* [S rows][E * D] */
  float *pool_scratch, *pool_gate;
  float *embedding, *head_out, *head_scratch;
  float *conv7_scratch;    /* one expert's output row, then one node's edge scores */
  double *pool_sum;        /* running pool, copied from the prepared base per point */
} workspace_net;

struct hls_workspace {
  const hls_model *model;
  const hls_prepared *prepared;
  size_t chunk_points, bytes;
  workspace_net nets[3];
  float *outputs_scratch;
  float *floats;
  double *doubles;
};

/* Lays out the float buffers in base (sizes only, if base is NULL); returns
 * the floats needed. */
static size_t workspace_layout(const hls_model *m, const hls_prepared *p, size_t chunk_points,
                               workspace_net *nets, float *base, float **outputs_scratch) {
  size_t at = 0, S = p->nscopes, scope_rows = S * chunk_points;
#define TAKE(field, count)                                                                         \
  do {                                                                                             \
    size_t take_n = (count) + 16; /* slack keeps every buffer non-empty and rows apart */          \
    (field) = base ? base + at : NULL;                                                             \
    at += take_n;                                                                                  \
  } while (0)
  for (int i = 0; i < m->nnets; i++) {
    const network *net = &m->nets[i];
    const prepared_net *pn = &p->nets[i];
    workspace_net *w = &nets[i];
    size_t hidden = (size_t)net->hidden, experts = (size_t)net->experts;
    size_t X = (size_t)net->nconv7;
    size_t changed_rows = net->kind == HLS_KIND_BLOCK ? scope_rows : pn->naffected * chunk_points;
    TAKE(w->pragma_hidden, scope_rows * hidden / 2);
    TAKE(w->pragma_concat, scope_rows * 3 * hidden);
    TAKE(w->merge_hidden, scope_rows * 3 * hidden / 2);
    TAKE(w->scope_h, scope_rows * hidden);
    TAKE(w->scope_proj, scope_rows * X * 4 * hidden);
    TAKE(w->scope_gate, scope_rows * experts);
    TAKE(w->changed_h, changed_rows * hidden);
    TAKE(w->block_expert_out, net->kind == HLS_KIND_BLOCK ? scope_rows * experts * hidden : 0);
    TAKE(w->pool_scratch, 2 * changed_rows * hidden);
    TAKE(w->pool_gate, changed_rows);
    TAKE(w->embedding, chunk_points * (size_t)net->embedding_dim);
    TAKE(w->head_out, chunk_points * (size_t)net->targets * net->head_outputs);
    TAKE(w->head_scratch, hls_net_heads_scratch_floats(net, chunk_points));
    TAKE(w->conv7_scratch, pn->max_in_degree + 2 * hidden + experts);
  }
  TAKE(*outputs_scratch, hls_net_outputs_scratch_floats(m, chunk_points));
#undef TAKE
  return at;
}

hls_workspace *hls_workspace_new(const hls_model *m, const hls_prepared *p) {
  hls_workspace *w = hls_xcalloc(1, sizeof *w);
  w->model = m;
  w->prepared = p;
  /* Points per chunk: enough rows for efficient sgemm, a few MiB of buffers. */
  size_t rows = p->nscopes, hidden = (size_t)m->config.hidden;
  for (int i = 0; i < m->nnets; i++)
    rows = p->nets[i].naffected > rows ? p->nets[i].naffected : rows;
  size_t chunk = ((size_t)1 << 20) / ((rows ? rows : 1) * hidden);
  w->chunk_points = chunk < 4 ? 4 : chunk > 64 ? 64 : chunk;
  size_t floats = workspace_layout(m, p, w->chunk_points, w->nets, NULL, &w->outputs_scratch);
  w->floats = hls_xmalloc(floats * sizeof(float));
  workspace_layout(m, p, w->chunk_points, w->nets, w->floats, &w->outputs_scratch);
  w->doubles = hls_xmalloc((size_t)m->nnets * hidden * sizeof(double));
  for (int i = 0; i < m->nnets; i++)
    w->nets[i].pool_sum = w->doubles + (size_t)i * hidden;
  w->bytes = floats * sizeof(float) + (size_t)m->nnets * hidden * sizeof(double) + sizeof *w;
  return w;
}

void hls_workspace_free(hls_workspace *w) {
  if (!w)
    return;
  free(w->floats);
  free(w->doubles);
  free(w);
}

size_t hls_workspace_bytes(const hls_workspace *w) { return w->bytes; }

/* ---- scoring a chunk of design points ---- */

/* scope_h [S * chunk][D].  The first pragma layers start from the prepared
 * h part and add only the few pragma columns, skipping zeros. */
static void score_pragma(const hls_model *m, const network *net, const prepared_net *pn,
                         workspace_net *w, size_t S, const float *pragma, size_t chunk) {
  size_t hidden = (size_t)net->hidden, half = hidden / 2, scope_rows = S * chunk;
  for (int g = 0; g < 3; g++) {
    const linear_layer *first = &net->pragma_mlp[g].layer[0];
    for (size_t s = 0; s < S; s++)
      for (size_t p = 0; p < chunk; p++) {
        float *row = w->pragma_hidden + (s * chunk + p) * half;
        const float *point = pragma + (p * S + s) * HLS_PRAGMA_DIM;
        memcpy(row, pn->pragma_first_from_h[g] + s * half, half * sizeof(float));
        for (int j = 0; j < m->group_ncols[g]; j++) {
          float x = point[m->group_col[g][j]];
          if (x == 0.0f)
            continue;
          const float *col = first->weight + hidden + (size_t)j; /* column D + j of W0 */
          for (size_t i = 0; i < half; i++)
            row[i] += col[i * (size_t)first->in] * x;
        }
      }
    hls_rt_elu(w->pragma_hidden, scope_rows * half);
    hls_net_linear(&net->pragma_mlp[g].layer[1], w->pragma_hidden, scope_rows, half,
                   w->pragma_concat + g * hidden, 3 * hidden);
  }
  const linear_layer *merge0 = &net->merge_mlp.layer[0];
  hls_rt_linear_act(w->pragma_concat, scope_rows, 3 * hidden, 3 * hidden, merge0->weight,
                    3 * hidden, merge0->bias, 3 * hidden / 2, w->merge_hidden, 3 * hidden / 2,
                    HLS_RT_ELU);
  hls_net_linear(&net->merge_mlp.layer[1], w->merge_hidden, scope_rows, 3 * hidden / 2,
                 w->scope_h, hidden);
}

/* The projections of expert x for scope s of point p: q, k, v, skip. */
static const float *scope_proj(const network *net, const workspace_net *w, size_t scope,
                               size_t x, size_t p, size_t chunk) {
  size_t hidden = (size_t)net->hidden, stride = (size_t)net->nconv7 * 4 * hidden;
  return w->scope_proj + (scope * chunk + p) * stride + x * 4 * hidden;
}

/* conv7 expert x of a non-scope affected node: the prepared fixed part plus
 * the in-edges from scope nodes.  out receives the output. */
static void conv7_fixed(const network *net, const prepared_net *pn, const workspace_net *w,
                        size_t x, size_t a, size_t p, size_t chunk, float *out) {
  size_t hidden = (size_t)net->hidden, naffected = pn->naffected, nedges = pn->naffected_edges;
  const float scale = 1.0f / sqrtf((float)hidden);
  const float *q = pn->affected_query + (x * naffected + a) * hidden;
  const float *skip = pn->affected_skip + (x * naffected + a) * hidden;
  float m = pn->fixed_attention_max[x * naffected + a];
  float sum = pn->fixed_attention_sum[x * naffected + a];
  memcpy(out, pn->fixed_attention_values + (x * naffected + a) * hidden, hidden * sizeof(float));
  for (uint32_t k = pn->scope_edge_begin[a]; k < pn->scope_edge_begin[a + 1]; k++) {
    uint32_t t = pn->scope_edges[k];
    const float *src = scope_proj(net, w, (size_t)pn->edge_src_scope[t], x, p, chunk);
    float score =
        pn->scope_edge_fixed_score[x * nedges + t] + hls_rt_dot(q, src + hidden, hidden) * scale;
    if (score > m) {
      float r = expf(m - score);
      sum *= r;
      hls_rt_scale(out, r, hidden);
      m = score;
    }
    float weight = expf(score - m);
    sum += weight;
    hls_rt_axpy2(weight, pn->edge_value + (x * nedges + t) * hidden, src + 2 * hidden, out, hidden);
  }
  hls_rt_scale_add(out, 1.0f / sum, skip, hidden);
}

/* conv7 expert x of a scope node: its query changed, so every edge counts. */
static void conv7_scope(const network *net, const prepared_net *pn, const workspace_net *w,
                        size_t x, size_t a, size_t p, size_t chunk, float *out) {
  size_t hidden = (size_t)net->hidden, nedges = pn->naffected_edges;
  const float scale = 1.0f / sqrtf((float)hidden);
  const float *mine = scope_proj(net, w, (size_t)pn->affected_scope[a], x, p, chunk);
  const float *q = mine, *skip = mine + 3 * hidden;
  uint32_t lo = pn->affected_edge_begin[a], hi = pn->affected_edge_begin[a + 1];
  float *score = w->conv7_scratch + 2 * hidden, mx = -INFINITY, sum = 0.0f;
  for (uint32_t t = lo; t < hi; t++) {
    float s = hls_rt_dot(q, pn->edge_key + (x * nedges + t) * hidden, hidden);
    if (pn->edge_src_scope[t] >= 0)
      s += hls_rt_dot(q, scope_proj(net, w, (size_t)pn->edge_src_scope[t], x, p, chunk) + hidden,
                      hidden);
    score[t - lo] = s * scale;
    mx = score[t - lo] > mx ? score[t - lo] : mx;
  }
  for (uint32_t t = lo; t < hi; t++)
    sum += score[t - lo] = expf(score[t - lo] - mx);
  memcpy(out, skip, hidden * sizeof(float));
  for (uint32_t t = lo; t < hi; t++) {
    float alpha = score[t - lo] / sum;
    const float *value = pn->edge_value + (x * nedges + t) * hidden;
    if (pn->edge_src_scope[t] >= 0)
      hls_rt_axpy2(alpha, value,
                   scope_proj(net, w, (size_t)pn->edge_src_scope[t], x, p, chunk) + 2 * hidden,
                   out, hidden);
    else
      hls_rt_axpy(alpha, value, out, hidden);
  }
}

/* conv7 (all experts, mixed by the node gate) of affected node a for point p
 * into out, before ELU.  One expert of weight 1 writes out directly. */
static void conv7_affected(const network *net, const prepared_net *pn, workspace_net *w, size_t a,
                           size_t p, size_t chunk, float *out) {
  size_t hidden = (size_t)net->hidden;
  int32_t s = pn->affected_scope[a];
  float *expert_out = w->conv7_scratch;
  const float *gate = NULL;
  if (net->kind == HLS_KIND_NODE)
    gate = s >= 0 ? w->scope_gate + ((size_t)s * chunk + p) * net->experts
                  : pn->affected_node_gate + a * net->experts;
  if (!gate) {
    if (s >= 0)
      conv7_scope(net, pn, w, 0, a, p, chunk, out);
    else
      conv7_fixed(net, pn, w, 0, a, p, chunk, out);
    return;
  }
  memset(out, 0, hidden * sizeof(float));
  for (size_t x = 0; x < (size_t)net->nconv7; x++) {
    if (s >= 0)
      conv7_scope(net, pn, w, x, a, p, chunk, expert_out);
    else
      conv7_fixed(net, pn, w, x, a, p, chunk, expert_out);
    hls_rt_axpy(gate[x], expert_out, out, hidden);
  }
}

/* embedding[p] = the prepared pool base plus rows a * chunk + p of h, a <
 * count. */
static void pool_combine(const prepared_net *pn, int pool, workspace_net *w, const float *h,
                         const float *gate, size_t count, size_t chunk, size_t hidden,
                         float *embedding, size_t ld_embedding) {
  hls_rt_pool acc;
  acc.w = w->pool_sum;
  acc.d = hidden;
  for (size_t p = 0; p < chunk; p++) {
    hls_rt_pool_copy(&acc, &pn->pool_base[pool]);
    for (size_t a = 0; a < count; a++)
      hls_rt_pool_add(&acc, gate[a * chunk + p], h + (a * chunk + p) * hidden);
    hls_rt_pool_result(&acc, embedding + p * ld_embedding);
  }
}

static void score_net(const hls_model *m, const network *net, const prepared_net *pn,
                      workspace_net *w, size_t S, const float *pragma, const float *backbone,
                      size_t chunk) {
  size_t hidden = (size_t)net->hidden, scope_rows = S * chunk;
  score_pragma(m, net, pn, w, S, pragma, chunk);
  if (net->kind == HLS_KIND_BLOCK) {
    hls_net_block_experts(net, w->scope_h, scope_rows, w->changed_h, w->scope_gate,
                          w->block_expert_out);
    hls_net_pool_gates(&net->pool_gate[POOL_BLOCK], w->changed_h, scope_rows, hidden, w->pool_gate,
                       w->pool_scratch);
    pool_combine(pn, POOL_BLOCK, w, w->changed_h, w->pool_gate, S, chunk, hidden, w->embedding,
                 hidden);
  } else {
    size_t stride = (size_t)net->nconv7 * 4 * hidden;
    hls_rt_linear(w->scope_h, scope_rows, hidden, hidden, net->conv7_stacked_weight, hidden,
                  net->conv7_stacked_bias, stride, w->scope_proj, stride);
    if (net->kind == HLS_KIND_NODE)
      hls_net_node_gates(net, w->scope_h, scope_rows, w->scope_gate);
    size_t changed_rows = pn->naffected * chunk, block_rows = pn->naffected_blocks * chunk;
    for (size_t a = 0; a < pn->naffected; a++)
      for (size_t p = 0; p < chunk; p++)
        conv7_affected(net, pn, w, a, p, chunk, w->changed_h + (a * chunk + p) * hidden);
    hls_rt_elu(w->changed_h, changed_rows * hidden);
    hls_net_pool_gates(&net->pool_gate[POOL_ALL], w->changed_h, changed_rows, hidden, w->pool_gate,
                       w->pool_scratch);
    pool_combine(pn, POOL_ALL, w, w->changed_h, w->pool_gate, pn->naffected, chunk, hidden,
                 w->embedding, 2 * hidden);
    hls_net_pool_gates(&net->pool_gate[POOL_BLOCK], w->changed_h, block_rows, hidden, w->pool_gate,
                       w->pool_scratch);
    pool_combine(pn, POOL_BLOCK, w, w->changed_h, w->pool_gate, pn->naffected_blocks, chunk,
                 hidden, w->embedding + hidden, 2 * hidden);
  }
  hls_net_heads(net, w->embedding, backbone, chunk, w->head_out, w->head_scratch);
}

int hls_model_score_embed(const hls_model *m, const hls_prepared *p, hls_workspace *w,
                          const float *pragma, const float *backbone, size_t npoints, float *out,
                          float *emb) {
  if (!m || !p || !w || p->model != m || w->model != m || w->prepared != p ||
      (hls_model_uses_backbone(m) && !backbone))
    return -1;
  size_t S = p->nscopes, targets = (size_t)hls_model_targets(m);
  size_t emb_dim = hls_model_embedding_dim(m);
  for (size_t at = 0; at < npoints; at += w->chunk_points) {
    size_t chunk = npoints - at < w->chunk_points ? npoints - at : w->chunk_points;
    float *y[3], *z[3];
    const float *b = backbone ? backbone + at * HLS_BACKBONE_FEATURES : NULL;
    for (int i = 0; i < m->nnets; i++) {
      score_net(m, &m->nets[i], &p->nets[i], &w->nets[i], S, pragma + at * S * HLS_PRAGMA_DIM, b,
                chunk);
      y[i] = w->nets[i].head_out;
      z[i] = w->nets[i].embedding;
    }
    hls_net_outputs(m, y, z, b, chunk, out + at * targets, emb ? emb + at * emb_dim : NULL,
                    w->outputs_scratch);
  }
  return 0;
}

int hls_model_score(const hls_model *m, const hls_prepared *p, hls_workspace *w,
                    const float *pragma, const float *backbone, size_t npoints, float *out) {
  return hls_model_score_embed(m, p, w, pragma, backbone, npoints, out, NULL);
}

double hls_prepared_flops(const hls_prepared *p) {
  const hls_model *m = p->model;
  double S = (double)p->nscopes, total = 0.0;
  for (int i = 0; i < m->nnets; i++) {
    const network *net = &m->nets[i];
    const prepared_net *pn = &p->nets[i];
    double hidden = net->hidden, experts = net->experts, X = net->nconv7, f = 0.0;
    for (int g = 0; g < 3; g++)
      f += S * 2.0 * (m->group_ncols[g] * hidden / 2 + hidden / 2 * hidden);
    f += S * 2.0 * (3 * hidden * 3 * hidden / 2 + 3 * hidden / 2 * hidden);
    if (net->kind == HLS_KIND_BLOCK) {
      f += S * 2.0 * (hidden * experts + hidden * experts * hidden + hidden * hidden + hidden);
    } else {
      f += S * 2.0 *
           (hidden * X * 4 * hidden + (net->kind == HLS_KIND_NODE ? hidden * experts : 0));
      for (size_t a = 0; a < pn->naffected; a++) {
        double scoped = pn->scope_edge_begin[a + 1] - pn->scope_edge_begin[a];
        double degree = pn->affected_edge_begin[a + 1] - pn->affected_edge_begin[a];
        f += X * (pn->affected_scope[a] >= 0 ? 4.0 * hidden * (degree + scoped)
                                             : 4.0 * hidden * scoped + 2.0 * hidden);
      }
      f += ((double)pn->naffected + (double)pn->naffected_blocks) * 2.0 *
           (hidden * hidden + hidden);
    }
    f += net->head_sets * net->targets * 2.0 *
         ((net->embedding_dim + net->extra) * 32 + 32 * 16 + 16 * 8 + 8 * net->head_outputs);
    total += f;
  }
  if (m->nnets == 3)
    total += 2.0 * 5 * m->config.hidden * 3;
  return total;
}
