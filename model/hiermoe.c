#include "hiermoe.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/weights.h"
#include "runtime/kernels.h"

/* ---- the loaded model ---- */

typedef struct {
  const float *w, *b; /* b may be NULL */
  int in, out;
} lin;

typedef struct {
  lin l[4];
  int n;
} mlp;

/* TransformerConv: query, key, value and skip stacked into one [4D][in]
 * matrix so that one sgemm projects a node block. */
typedef struct {
  lin edge; /* lin_edge, no bias */
  float *wcat, *bcat;
  int in;
} tconv;

enum { POOL_ALL, POOL_BLOCK };

typedef struct {
  hls_model_kind kind;
  int d, e, z;
  tconv conv[6];
  int nconv7;       /* 1 (harp, graph), E (node), 0 (block) */
  tconv *conv7;     /* [nconv7] */
  float *w7, *b7;   /* [nconv7 * 4D][D]: every conv7 projection, stacked */
  lin node_gate, block_gate;
  float *wblock, *bblock; /* [E * D][D]: block experts stacked */
  mlp prag[3], merge;
  int has_pool_all;
  mlp pool[2];
  int nsets, nt, hout; /* head sets (E for graph, else 1), targets, outputs per head */
  mlp *heads;          /* [nsets * nt] */
  lin graph_gate;
} net;

struct hls_model {
  hls_weights w;
  hls_model_config c;
  int nnets;
  net nets[3];
  lin hier_gate;
  int cols[3][HLS_PRAGMA_DIM]; /* pragma columns of each group */
  int ncols[3];
};

typedef struct {
  const hls_model *m;
  const char *net;
} binder;

static const float *tensor(const binder *b, const char *fmt, ...) HLS_PRINTF(2, 3);

/* The loader checked every tensor of the configuration: lookups cannot fail. */
static const float *tensor(const binder *b, const char *fmt, ...) {
  char name[256], path[192];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(path, sizeof path, fmt, ap);
  va_end(ap);
  if (b->net)
    snprintf(name, sizeof name, "%s.%s", b->net, path);
  else
    snprintf(name, sizeof name, "%s", path);
  const hls_tensor *t = hls_weights_find(&b->m->w, name);
  if (!t) {
    fprintf(stderr, "hlsmoe: internal error: tensor '%s' not bound\n", name);
    abort();
  }
  return t->data;
}

static lin bind_lin(const binder *b, const char *prefix, int in, int out, int bias) {
  lin l = {tensor(b, "%s.weight", prefix), bias ? tensor(b, "%s.bias", prefix) : NULL, in, out};
  return l;
}

static mlp bind_mlp(const binder *b, const char *prefix, const int *widths, int layers) {
  mlp m;
  char name[160];
  m.n = layers;
  for (int i = 0; i < layers; i++) {
    snprintf(name, sizeof name, "%s.%d", prefix, i);
    m.l[i] = bind_lin(b, name, widths[i], widths[i + 1], 1);
  }
  return m;
}

static void bind_tconv(const binder *b, tconv *t, const char *prefix, int in, int d, int fe) {
  static const char *const parts[] = {"lin_query", "lin_key", "lin_value", "lin_skip"};
  char name[160];
  t->in = in;
  t->wcat = hls_xmalloc((size_t)4 * d * in * sizeof(float));
  t->bcat = hls_xmalloc((size_t)4 * d * sizeof(float));
  for (int i = 0; i < 4; i++) {
    snprintf(name, sizeof name, "%s.%s", prefix, parts[i]);
    lin l = bind_lin(b, name, in, d, 1);
    memcpy(t->wcat + (size_t)i * d * in, l.w, (size_t)d * in * sizeof(float));
    memcpy(t->bcat + (size_t)i * d, l.b, (size_t)d * sizeof(float));
  }
  snprintf(name, sizeof name, "%s.lin_edge", prefix);
  t->edge = bind_lin(b, name, fe, d, 0);
}

static void bind_heads(const binder *b, net *n, const hls_model_config *c) {
  int widths[5] = {n->z, 32, 16, 8, n->hout};
  char name[128];
  n->heads = hls_xcalloc((size_t)n->nsets * n->nt, sizeof *n->heads);
  for (int s = 0; s < n->nsets; s++)
    for (int t = 0; t < n->nt; t++) {
      if (n->kind == HLS_KIND_GRAPH)
        snprintf(name, sizeof name, "head.expert%d.%s", s, hls_model_target_name(c->task, t));
      else
        snprintf(name, sizeof name, "head.%s", hls_model_target_name(c->task, t));
      n->heads[s * n->nt + t] = bind_mlp(b, name, widths, 4);
    }
}

static void bind_experts(const binder *b, net *n, const hls_model_config *c) {
  int d = n->d, e = n->e;
  char name[128];
  if (n->kind == HLS_KIND_BLOCK) {
    n->wblock = hls_xmalloc((size_t)e * d * d * sizeof(float));
    n->bblock = hls_xmalloc((size_t)e * d * sizeof(float));
    for (int i = 0; i < e; i++) {
      snprintf(name, sizeof name, "block_expert%d", i);
      lin l = bind_lin(b, name, d, d, 1);
      memcpy(n->wblock + (size_t)i * d * d, l.w, (size_t)d * d * sizeof(float));
      memcpy(n->bblock + (size_t)i * d, l.b, (size_t)d * sizeof(float));
    }
    n->block_gate = bind_lin(b, "block_gate", d, e, 0);
    return;
  }
  n->nconv7 = n->kind == HLS_KIND_NODE ? e : 1;
  n->conv7 = hls_xcalloc((size_t)n->nconv7, sizeof *n->conv7);
  for (int i = 0; i < n->nconv7; i++) {
    if (n->kind == HLS_KIND_NODE)
      snprintf(name, sizeof name, "conv7.expert%d", i);
    else
      snprintf(name, sizeof name, "conv7");
    bind_tconv(b, &n->conv7[i], name, d, d, c->edge_dim);
  }
  size_t per = (size_t)4 * d * d;
  n->w7 = hls_xmalloc(n->nconv7 * per * sizeof(float));
  n->b7 = hls_xmalloc((size_t)n->nconv7 * 4 * d * sizeof(float));
  for (int i = 0; i < n->nconv7; i++) {
    memcpy(n->w7 + i * per, n->conv7[i].wcat, per * sizeof(float));
    memcpy(n->b7 + (size_t)i * 4 * d, n->conv7[i].bcat, (size_t)4 * d * sizeof(float));
  }
  if (n->kind == HLS_KIND_NODE)
    n->node_gate = bind_lin(b, "node_gate", d, e, 0);
}

static void bind_net(hls_model *m, net *n, hls_model_kind kind) {
  const hls_model_config *c = &m->c;
  binder b = {m, hls_model_kind_name(kind)};
  char name[64];
  int d = c->hidden;
  n->kind = kind;
  n->d = d;
  n->e = c->experts;
  n->z = kind == HLS_KIND_BLOCK ? d : 2 * d;
  for (int l = 0; l < 6; l++) {
    snprintf(name, sizeof name, "conv%d", l + 1);
    bind_tconv(&b, &n->conv[l], name, l ? d : c->node_dim, d, c->edge_dim);
  }
  static const char *const groups[] = {"pragma_pipeline", "pragma_parallel", "pragma_tile"};
  for (int g = 0; g < 3; g++) {
    int w[3] = {d + c->groups[g], d / 2, d};
    n->prag[g] = bind_mlp(&b, groups[g], w, 2);
  }
  int merge[3] = {3 * d, 3 * d / 2, d};
  n->merge = bind_mlp(&b, "pragma_merge", merge, 2);
  bind_experts(&b, n, c);
  int gate[3] = {d, d, 1};
  n->has_pool_all = kind != HLS_KIND_BLOCK;
  if (n->has_pool_all)
    n->pool[POOL_ALL] = bind_mlp(&b, "pool_all.gate", gate, 2);
  n->pool[POOL_BLOCK] = bind_mlp(&b, "pool_block.gate", gate, 2);
  n->nt = hls_model_output_count(c->task);
  n->hout = c->task == HLS_TASK_REGRESSION ? 1 : 2;
  n->nsets = kind == HLS_KIND_GRAPH ? n->e : 1;
  bind_heads(&b, n, c);
  if (kind == HLS_KIND_GRAPH)
    n->graph_gate = bind_lin(&b, "graph_gate", n->z, n->e, 0);
}

static void free_tconv(tconv *t) {
  free(t->wcat);
  free(t->bcat);
}

static void free_net(net *n) {
  for (int l = 0; l < 6; l++)
    free_tconv(&n->conv[l]);
  for (int i = 0; i < n->nconv7; i++)
    free_tconv(&n->conv7[i]);
  free(n->conv7);
  free(n->w7);
  free(n->b7);
  free(n->wblock);
  free(n->bblock);
  free(n->heads);
}

hls_model *hls_model_load(const char *path, hls_diags *d) {
  hls_model *m = hls_xcalloc(1, sizeof *m);
  if (hls_weights_load(path, &m->w, d)) {
    free(m);
    return NULL;
  }
  m->c = m->w.config;
  for (int c = 0; c < HLS_PRAGMA_DIM; c++) {
    int g = (int)hls_pragma_feature_group(c);
    m->cols[g][m->ncols[g]++] = c;
  }
  if (m->c.kind == HLS_KIND_HIER) {
    m->nnets = 3;
    bind_net(m, &m->nets[0], HLS_KIND_NODE);
    bind_net(m, &m->nets[1], HLS_KIND_BLOCK);
    bind_net(m, &m->nets[2], HLS_KIND_GRAPH);
    binder b = {m, NULL};
    m->hier_gate = bind_lin(&b, "hier_gate", 5 * m->c.hidden, 3, 1);
  } else {
    m->nnets = 1;
    bind_net(m, &m->nets[0], m->c.kind);
  }
  return m;
}

void hls_model_free(hls_model *m) {
  if (!m)
    return;
  for (int i = 0; i < m->nnets; i++)
    free_net(&m->nets[i]);
  hls_weights_free(&m->w);
  free(m);
}

const hls_model_config *hls_model_config_of(const hls_model *m) { return &m->c; }
hls_model_task hls_model_task_of(const hls_model *m) { return m->c.task; }
hls_model_kind hls_model_kind_of(const hls_model *m) { return m->c.kind; }
int hls_model_targets(const hls_model *m) { return hls_model_output_count(m->c.task); }
const char *hls_model_trained_on(const hls_model *m) { return m->w.trained_on; }

size_t hls_model_embedding_dim(const hls_model *m) {
  return m->c.kind == HLS_KIND_HIER ? 5 * (size_t)m->c.hidden : (size_t)m->nets[0].z;
}

size_t hls_model_parameters(const hls_model *m) { return (size_t)(m->w.data_bytes / 4); }

/* ---- shared building blocks ---- */

static void linear(const lin *l, const float *x, size_t rows, size_t ldx, float *y, size_t ldy) {
  hls_rt_linear(x, rows, (size_t)l->in, ldx, l->w, (size_t)l->in, l->b, (size_t)l->out, y, ldy);
}

static int mlp_width(const mlp *m) {
  int w = 0;
  for (int i = 0; i < m->n; i++)
    w = m->l[i].out > w ? m->l[i].out : w;
  return w;
}

/* out = MLP(x); tmp holds 2 * rows * mlp_width floats.  relu selects the
 * activation between layers (ReLU for pooling gates, ELU elsewhere). */
static void mlp_run(const mlp *m, const float *x, size_t rows, size_t ldx, float *out, size_t ldo,
                    int relu, float *tmp) {
  size_t w = (size_t)mlp_width(m);
  float *buf[2] = {tmp, tmp + rows * w};
  const float *in = x;
  size_t ldin = ldx;
  for (int i = 0; i < m->n; i++) {
    const lin *l = &m->l[i];
    int last = i == m->n - 1;
    float *y = last ? out : buf[i % 2];
    size_t ldy = last ? ldo : (size_t)l->out;
    hls_rt_act act = last ? HLS_RT_NONE : relu ? HLS_RT_RELU : HLS_RT_ELU;
    hls_rt_linear_act(in, rows, (size_t)l->in, ldin, l->w, (size_t)l->in, l->b, (size_t)l->out, y,
                      ldy, act);
    in = y;
    ldin = ldy;
  }
}

static void softmax_rows(float *x, size_t rows, size_t cols) { hls_rt_softmax_rows(x, rows, cols); }

/* The edge sources and in-degrees every whole-graph convolution needs. */
typedef struct {
  const hls_graph *g;
  int32_t *scope_of; /* [N] */
  uint32_t *scope_node; /* [S] */
  uint32_t *src;      /* [E] edge sources */
  size_t maxdeg;
} graph_view;

static int view_graph(const hls_graph *g, graph_view *v, hls_diags *d, const char *what) {
  memset(v, 0, sizeof *v);
  v->g = g;
  if (g->nnodes == 0 || !g->in_offset) {
    hls_diag_add(d, HLS_SEV_ERROR, what, 0, 0, "graph has no nodes or no edge index");
    return -1;
  }
  v->scope_of = hls_xmalloc(g->nnodes * sizeof *v->scope_of);
  v->scope_node = hls_xmalloc((g->nscopes + 1) * sizeof *v->scope_node);
  for (size_t i = 0; i < g->nnodes; i++)
    v->scope_of[i] = -1;
  for (size_t s = 0; s < g->nscopes; s++)
    v->scope_node[s] = UINT32_MAX; /* every row must be claimed exactly once */
  int rc = 0;
  size_t seen = 0;
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_graph_loop *lp = &g->loops[l];
    if (lp->scope < 0)
      continue;
    if ((size_t)lp->scope >= g->nscopes || lp->header_node >= g->nnodes ||
        g->nodes[lp->header_node].kind != HLS_NODE_BLOCK ||
        v->scope_of[lp->header_node] >= 0 || v->scope_node[lp->scope] != UINT32_MAX) {
      hls_diag_add(d, HLS_SEV_ERROR, what, 0, 0,
                   "loop %s: pragma scope %d does not sit on a header block node of its own",
                   lp->name, lp->scope);
      rc = -1;
      continue;
    }
    v->scope_of[lp->header_node] = lp->scope;
    v->scope_node[lp->scope] = lp->header_node;
    seen++;
  }
  if (!rc && seen != g->nscopes) {
    hls_diag_add(d, HLS_SEV_ERROR, what, 0, 0, "graph has %zu pragma scopes but %zu scope loops",
                 g->nscopes, seen);
    rc = -1;
  }
  v->src = hls_xmalloc((g->nedges + 1) * sizeof *v->src);
  for (size_t e = 0; e < g->nedges; e++)
    v->src[e] = g->edges[e].src;
  v->maxdeg = 1;
  for (size_t i = 0; i < g->nnodes; i++)
    if (g->in_offset[i + 1] - g->in_offset[i] > v->maxdeg)
      v->maxdeg = g->in_offset[i + 1] - g->in_offset[i];
  return rc;
}

static void free_view(graph_view *v) {
  free(v->scope_of);
  free(v->scope_node);
  free(v->src);
}

/* Buffers of one TransformerConv over the whole graph. */
typedef struct {
  float *qkvs;  /* [N][4D] query, key, value, skip rows */
  float *eproj; /* [edges][D] lin_edge of the edge features */
  float *scores; /* [max in-degree] attention scores of one node */
} tconv_buffers;

static void tconv_buffers_init(tconv_buffers *b, const graph_view *v, size_t d) {
  b->qkvs = hls_xmalloc(v->g->nnodes * 4 * d * sizeof(float));
  b->eproj = hls_xmalloc((v->g->nedges + 1) * d * sizeof(float));
  b->scores = hls_xmalloc(v->maxdeg * sizeof(float));
}

static void tconv_buffers_free(tconv_buffers *b) {
  free(b->qkvs);
  free(b->eproj);
  free(b->scores);
}

/* out [N][D] = TransformerConv t of in [N][t->in] over every node of the
 * graph; the projections stay in b for callers that cache some of them. */
static void tconv_graph(const tconv *t, const graph_view *v, const float *in, size_t d,
                        tconv_buffers *b, float *out) {
  const hls_graph *g = v->g;
  size_t nn = g->nnodes;
  hls_rt_linear(in, nn, (size_t)t->in, (size_t)t->in, t->wcat, (size_t)t->in, t->bcat, 4 * d,
                b->qkvs, 4 * d);
  linear(&t->edge, g->e, g->nedges, HLS_EDGE_DIM, b->eproj, d);
  hls_rt_tconv(nn, d, g->in_offset, g->in_edge, v->src, b->qkvs, b->eproj, b->scores, out);
}

/* h = max over layers of ELU(conv_k(...)): steps 1-2 of the network. */
static void run_convs(const net *n, const graph_view *v, float *h) {
  size_t nn = v->g->nnodes, d = (size_t)n->d;
  tconv_buffers b;
  tconv_buffers_init(&b, v, d);
  float *cur = hls_xmalloc(nn * d * sizeof(float));
  const float *in = v->g->x;
  for (int l = 0; l < 6; l++) {
    tconv_graph(&n->conv[l], v, in, d, &b, cur);
    hls_rt_elu(cur, nn * d);
    if (l == 0)
      memcpy(h, cur, nn * d * sizeof(float));
    else
      hls_rt_max_into(h, cur, nn * d);
    in = cur;
  }
  tconv_buffers_free(&b);
  free(cur);
}

/* Called with the projections of every conv7 expert, for the caches of the
 * incremental path. */
typedef void conv7_visitor(void *ctx, size_t expert, const tconv_buffers *b);

/* out [N][D] = ELU(Σ_x gate_x conv7_x(h)) over every node; gate [N][E] is the
 * node gate (node kind) or NULL (the single conv7, weight 1). */
static void conv7_graph(const net *n, const graph_view *v, const float *h, const float *gate,
                        conv7_visitor *visit, void *ctx, float *out) {
  size_t N = v->g->nnodes, d = (size_t)n->d, e = (size_t)n->e;
  tconv_buffers b;
  tconv_buffers_init(&b, v, d);
  float *one = hls_xmalloc(N * d * sizeof(float));
  memset(out, 0, N * d * sizeof(float));
  for (size_t x = 0; x < (size_t)n->nconv7; x++) {
    tconv_graph(&n->conv7[x], v, h, d, &b, one);
    for (size_t i = 0; i < N; i++)
      for (size_t c = 0; c < d; c++)
        out[i * d + c] += (gate ? gate[i * e + x] : 1.0f) * one[i * d + c];
    if (visit)
      visit(ctx, x, &b);
  }
  hls_rt_elu(out, N * d);
  tconv_buffers_free(&b);
  free(one);
}


/* Heads of one network on embeddings z [rows][Z]: y [rows][nt * hout]
 * (regression values or validity logits). tmp: heads_tmp_floats(n, rows). */
static size_t heads_tmp_floats(const net *n, size_t rows) {
  return rows * ((size_t)n->nsets * n->nt * n->hout + (size_t)n->e + 2 * 32);
}

static void run_heads(const net *n, const float *z, size_t rows, float *y, float *tmp) {
  size_t per = (size_t)n->nt * n->hout;
  float *ys = tmp, *gate = ys + rows * n->nsets * per, *mt = gate + rows * n->e;
  for (int s = 0; s < n->nsets; s++)
    for (int t = 0; t < n->nt; t++)
      mlp_run(&n->heads[s * n->nt + t], z, rows, (size_t)n->z, ys + (size_t)s * per + t * n->hout,
              n->nsets * per, 0, mt);
  if (n->nsets == 1) {
    memcpy(y, ys, rows * per * sizeof(float));
    return;
  }
  linear(&n->graph_gate, z, rows, (size_t)n->z, gate, (size_t)n->e);
  softmax_rows(gate, rows, (size_t)n->e);
  for (size_t r = 0; r < rows; r++)
    for (size_t k = 0; k < per; k++) {
      float acc = 0.0f;
      for (int s = 0; s < n->nsets; s++)
        acc += gate[r * n->e + s] * ys[(r * n->nsets + s) * per + k];
      y[r * per + k] = acc;
    }
}

/* Combines the networks' outputs (hier gate) and turns logits into p_valid.
 * y[j] [rows][per] of network j; z[j] [rows][Z_j]. */
static void finish(const hls_model *m, float *const *y, float *const *z, size_t rows, float *out,
                   float *emb, float *tmp) {
  int nt = hls_model_output_count(m->c.task), hout = m->nets[0].hout;
  size_t per = (size_t)nt * hout, ed = hls_model_embedding_dim(m);
  const float *mixed = y[0];
  if (m->nnets == 3) {
    float *zc = tmp, *gate = zc + rows * ed, *mix = gate + rows * 3;
    for (size_t r = 0; r < rows; r++) {
      size_t at = 0;
      for (int j = 0; j < 3; j++) {
        memcpy(zc + r * ed + at, z[j] + r * m->nets[j].z, (size_t)m->nets[j].z * sizeof(float));
        at += (size_t)m->nets[j].z;
      }
    }
    linear(&m->hier_gate, zc, rows, ed, gate, 3);
    softmax_rows(gate, rows, 3);
    for (size_t r = 0; r < rows; r++)
      for (size_t k = 0; k < per; k++)
        mix[r * per + k] = gate[r * 3] * y[0][r * per + k] + gate[r * 3 + 1] * y[1][r * per + k] +
                           gate[r * 3 + 2] * y[2][r * per + k];
    if (emb)
      memcpy(emb, zc, rows * ed * sizeof(float));
    mixed = mix;
  } else if (emb) {
    memcpy(emb, z[0], rows * ed * sizeof(float));
  }
  for (size_t r = 0; r < rows; r++)
    if (m->c.task == HLS_TASK_REGRESSION) {
      memcpy(out + r * nt, mixed + r * per, (size_t)nt * sizeof(float));
    } else { /* softmax(logits)[1] */
      float l0 = mixed[r * 2], l1 = mixed[r * 2 + 1];
      out[r] = 1.0f / (1.0f + expf(l0 - l1));
    }
}

static size_t finish_tmp_floats(const hls_model *m, size_t rows) {
  return rows * (hls_model_embedding_dim(m) + 3 + (size_t)hls_model_output_count(m->c.task) * 2);
}

/* ---- preparing a kernel: everything the design point cannot change ---- */

typedef struct {
  float *c[3]; /* [S][D/2]: first pragma layer's h_s part, W0[:, :D] h_s + b0 */
  /* conv7 kinds: the nodes whose conv7 output depends on the design point
   * (the node itself or one of its in-neighbours is a scope node), block
   * nodes first. */
  size_t na, nab;
  int32_t *ascope;   /* [na] scope row of the node, -1 if it is not a scope node */
  uint32_t *aoff;    /* [na + 1] into the in-edge arrays */
  size_t ne, maxdeg; /* in-edges of affected nodes, largest in-degree */
  int32_t *escope;   /* [ne] scope row of the edge's source or -1 */
  float *aq, *askip; /* [nconv7][na][D] cached query and skip of non-scope nodes */
  float *agate;      /* [na][E] cached node gate (node kind) of non-scope nodes */
  float *ek, *ev;    /* [nconv7][ne][D]: K_src + E_e, V_src + E_e (just E_e if src is a scope) */
  /* A non-scope affected node keeps its query, so the attention terms of its
   * in-edges from non-scope nodes are fixed: cached as a softmax partial sum
   * (max, Σ exp, Σ exp·v), to which each point adds its scope in-edges. */
  float *bm, *bs, *bw; /* [nconv7][na], [nconv7][na], [nconv7][na][D] */
  float *qe;           /* [nconv7][ne] q·E_e / √D for edges from a scope into a non-scope node */
  uint32_t *soff;      /* [na + 1] into sedge */
  uint32_t *sedge;     /* in-edge positions (into the ne arrays) whose source is a scope */
  /* pooling over the nodes that never change */
  double *poolw[2];
  hls_rt_pool base[2];
} prep_net;

struct hls_prepared {
  const hls_model *m;
  size_t nnodes, nscopes, bytes;
  prep_net nets[3];
};

static void prepare_pragma(const net *n, prep_net *pn, const graph_view *v, const float *h,
                           size_t *bytes) {
  size_t S = v->g->nscopes, d = (size_t)n->d;
  float *hs = hls_xmalloc((S + 1) * d * sizeof(float));
  for (size_t s = 0; s < S; s++)
    memcpy(hs + s * d, h + (size_t)v->scope_node[s] * d, d * sizeof(float));
  for (int g = 0; g < 3; g++) {
    const lin *l0 = &n->prag[g].l[0];
    pn->c[g] = hls_xmalloc((S + 1) * (d / 2) * sizeof(float));
    hls_rt_linear(hs, S, d, d, l0->w, (size_t)l0->in, l0->b, d / 2, pn->c[g], d / 2);
    *bytes += S * (d / 2) * sizeof(float);
  }
  free(hs);
}

/* Affected nodes of a conv7 network, block nodes first; their in-edges. */
static uint32_t *find_affected(prep_net *pn, const graph_view *v) {
  const hls_graph *g = v->g;
  uint8_t *aff = hls_xcalloc(g->nnodes, 1);
  for (size_t i = 0; i < g->nnodes; i++) {
    aff[i] = v->scope_of[i] >= 0;
    for (uint32_t t = g->in_offset[i]; t < g->in_offset[i + 1] && !aff[i]; t++)
      aff[i] = v->scope_of[v->src[g->in_edge[t]]] >= 0;
  }
  uint32_t *order = hls_xmalloc((g->nnodes + 1) * sizeof *order);
  pn->na = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < g->nnodes; i++)
      if (aff[i] && (g->nodes[i].kind == HLS_NODE_BLOCK) == (pass == 0))
        order[pn->na++] = (uint32_t)i;
  pn->nab = 0;
  while (pn->nab < pn->na && g->nodes[order[pn->nab]].kind == HLS_NODE_BLOCK)
    pn->nab++;
  pn->ascope = hls_xmalloc((pn->na + 1) * sizeof *pn->ascope);
  pn->aoff = hls_xmalloc((pn->na + 1) * sizeof *pn->aoff);
  pn->ne = 0;
  pn->maxdeg = 1;
  for (size_t a = 0; a < pn->na; a++) {
    size_t deg = g->in_offset[order[a] + 1] - g->in_offset[order[a]];
    pn->ascope[a] = v->scope_of[order[a]];
    pn->aoff[a] = (uint32_t)pn->ne;
    pn->ne += deg;
    pn->maxdeg = deg > pn->maxdeg ? deg : pn->maxdeg;
  }
  pn->aoff[pn->na] = (uint32_t)pn->ne;
  pn->escope = hls_xmalloc((pn->ne + 1) * sizeof *pn->escope);
  for (size_t a = 0; a < pn->na; a++)
    for (uint32_t t = g->in_offset[order[a]], k = pn->aoff[a]; t < g->in_offset[order[a] + 1];
         t++, k++)
      pn->escope[k] = v->scope_of[v->src[g->in_edge[t]]];
  free(aff);
  return order;
}

/* The fixed part of the attention of non-scope affected nodes (prep_net.bm). */
static void cache_fixed_edges(const net *n, prep_net *pn, size_t *bytes) {
  size_t d = (size_t)n->d, X = (size_t)n->nconv7, na = pn->na, ne = pn->ne;
  const float scale = 1.0f / sqrtf((float)d);
  pn->bm = hls_xmalloc((X * na + 1) * sizeof(float));
  pn->bs = hls_xmalloc((X * na + 1) * sizeof(float));
  pn->bw = hls_xcalloc((X * na + 1) * d, sizeof(float));
  pn->qe = hls_xcalloc(X * ne + 1, sizeof(float));
  pn->soff = hls_xmalloc((na + 1) * sizeof *pn->soff);
  pn->sedge = hls_xmalloc((ne + 1) * sizeof *pn->sedge);
  *bytes += (X * na * (d + 2) + X * ne + na + ne) * sizeof(float);
  size_t k = 0;
  for (size_t a = 0; a < na; a++) {
    pn->soff[a] = (uint32_t)k;
    for (uint32_t t = pn->aoff[a]; t < pn->aoff[a + 1]; t++)
      if (pn->escope[t] >= 0)
        pn->sedge[k++] = t;
  }
  pn->soff[na] = (uint32_t)k;
  for (size_t x = 0; x < X; x++)
    for (size_t a = 0; a < na; a++) {
      if (pn->ascope[a] >= 0)
        continue;
      const float *q = pn->aq + (x * na + a) * d;
      float m = -INFINITY, sum = 0.0f, *w = pn->bw + (x * na + a) * d;
      for (uint32_t t = pn->aoff[a]; t < pn->aoff[a + 1]; t++) {
        const float *ke = pn->ek + (x * ne + t) * d;
        float sc = 0.0f;
        for (size_t c = 0; c < d; c++)
          sc += q[c] * ke[c];
        sc *= scale;
        if (pn->escope[t] >= 0) {
          pn->qe[x * ne + t] = sc; /* ke is E_e here */
          continue;
        }
        if (sc > m) { /* keep the sums relative to the running maximum */
          float r = expf(m - sc);
          sum *= r;
          for (size_t c = 0; c < d; c++)
            w[c] *= r;
          m = sc;
        }
        float wt = expf(sc - m);
        const float *ve = pn->ev + (x * ne + t) * d;
        sum += wt;
        for (size_t c = 0; c < d; c++)
          w[c] += wt * ve[c];
      }
      pn->bm[x * na + a] = m;
      pn->bs[x * na + a] = sum;
    }
}

/* Gate values of a pool for rows of h (tmp: 2 * rows * D floats). */
static void pool_gates(const mlp *gate, const float *h, size_t rows, size_t d, float *g,
                       float *tmp) {
  mlp_run(gate, h, rows, d, g, 1, 1, tmp);
}

typedef struct {
  const net *n;
  prep_net *pn;
  const graph_view *v;
  const uint32_t *order;
} conv7_cache;

/* Keeps the rows of expert x's projections that the incremental path reads. */
static void cache_conv7_rows(void *ctx, size_t x, const tconv_buffers *b) {
  const conv7_cache *cc = ctx;
  const hls_graph *g = cc->v->g;
  prep_net *pn = cc->pn;
  size_t d = (size_t)cc->n->d, na = pn->na, ne = pn->ne;
  const uint32_t *order = cc->order;
  for (size_t a = 0; a < na; a++) {
    const float *row = b->qkvs + (size_t)order[a] * 4 * d;
    memcpy(pn->aq + (x * na + a) * d, row, d * sizeof(float));
    memcpy(pn->askip + (x * na + a) * d, row + 3 * d, d * sizeof(float));
    for (uint32_t k = g->in_offset[order[a]], j = pn->aoff[a]; k < g->in_offset[order[a] + 1];
         k++, j++) {
      uint32_t edge = g->in_edge[k];
      const float *src = b->qkvs + (size_t)cc->v->src[edge] * 4 * d, *ep = b->eproj + (size_t)edge * d;
      float *kk = pn->ek + (x * ne + j) * d, *vv = pn->ev + (x * ne + j) * d;
      int scope = pn->escope[j] >= 0; /* its K, V come from the design point */
      for (size_t c = 0; c < d; c++) {
        kk[c] = ep[c] + (scope ? 0.0f : src[d + c]);
        vv[c] = ep[c] + (scope ? 0.0f : src[2 * d + c]);
      }
    }
  }
}

static void prepare_conv7(const net *n, prep_net *pn, const graph_view *v, const float *h,
                          size_t *bytes) {
  const hls_graph *g = v->g;
  size_t N = g->nnodes, d = (size_t)n->d, e = (size_t)n->e, X = (size_t)n->nconv7;
  uint32_t *order = find_affected(pn, v);
  size_t na = pn->na, ne = pn->ne;
  pn->aq = hls_xmalloc((X * na + 1) * d * sizeof(float));
  pn->askip = hls_xmalloc((X * na + 1) * d * sizeof(float));
  pn->ek = hls_xmalloc((X * ne + 1) * d * sizeof(float));
  pn->ev = hls_xmalloc((X * ne + 1) * d * sizeof(float));
  *bytes += (2 * X * na + 2 * X * ne) * d * sizeof(float);
  float *h7 = hls_xmalloc(N * d * sizeof(float));
  float *gate = NULL;
  if (n->kind == HLS_KIND_NODE) {
    gate = hls_xmalloc(N * e * sizeof(float));
    linear(&n->node_gate, h, N, d, gate, e);
    softmax_rows(gate, N, e);
    pn->agate = hls_xmalloc((na + 1) * e * sizeof(float));
    for (size_t a = 0; a < na; a++)
      memcpy(pn->agate + a * e, gate + (size_t)order[a] * e, e * sizeof(float));
    *bytes += na * e * sizeof(float);
  }
  conv7_cache cc = {n, pn, v, order};
  conv7_graph(n, v, h, gate, cache_conv7_rows, &cc, h7);
  cache_fixed_edges(n, pn, bytes);
  /* Pools: base sums over the nodes outside the affected set. */
  uint8_t *aff = hls_xcalloc(N, 1);
  for (size_t a = 0; a < na; a++)
    aff[order[a]] = 1;
  float *gv = hls_xmalloc(N * sizeof(float)), *tmp = hls_xmalloc(2 * N * d * sizeof(float));
  for (int p = POOL_ALL; p <= POOL_BLOCK; p++) {
    pool_gates(&n->pool[p], h7, N, d, gv, tmp);
    pn->poolw[p] = hls_xmalloc(d * sizeof(double));
    hls_rt_pool_init(&pn->base[p], pn->poolw[p], d);
    for (size_t i = 0; i < N; i++)
      if (!aff[i] && (p == POOL_ALL || g->nodes[i].kind == HLS_NODE_BLOCK))
        hls_rt_pool_add(&pn->base[p], gv[i], h7 + i * d);
  }
  free(aff);
  free(gv);
  free(tmp);
  free(gate);
  free(h7);
  free(order);
}

/* h_v ← Σ_i g_i block_expert_i(h_v) for rows of h (out may not alias h). */
static void block_experts(const net *n, const float *h, size_t rows, float *out, float *gate,
                          float *ex) {
  size_t d = (size_t)n->d, e = (size_t)n->e;
  linear(&n->block_gate, h, rows, d, gate, e);
  softmax_rows(gate, rows, e);
  hls_rt_linear(h, rows, d, d, n->wblock, d, n->bblock, e * d, ex, e * d);
  for (size_t r = 0; r < rows; r++)
    for (size_t c = 0; c < d; c++) {
      float acc = 0.0f;
      for (size_t i = 0; i < e; i++)
        acc += gate[r * e + i] * ex[(r * e + i) * d + c];
      out[r * d + c] = acc;
    }
}

static void prepare_block(const net *n, prep_net *pn, const graph_view *v, const float *h) {
  const hls_graph *g = v->g;
  size_t d = (size_t)n->d, e = (size_t)n->e, nb = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    nb += g->nodes[i].kind == HLS_NODE_BLOCK && v->scope_of[i] < 0;
  float *rows = hls_xmalloc((nb + 1) * d * sizeof(float)), *hb = hls_xmalloc((nb + 1) * d * sizeof(float));
  float *gate = hls_xmalloc((nb + 1) * e * sizeof(float));
  /* ex doubles as the pooling gate's scratch: 2 * nb * D floats at least */
  float *ex = hls_xmalloc((nb + 1) * (e < 2 ? 2 : e) * d * sizeof(float));
  float *gv = hls_xmalloc((nb + 1) * sizeof(float));
  size_t r = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    if (g->nodes[i].kind == HLS_NODE_BLOCK && v->scope_of[i] < 0)
      memcpy(rows + r++ * d, h + i * d, d * sizeof(float));
  block_experts(n, rows, nb, hb, gate, ex);
  pool_gates(&n->pool[POOL_BLOCK], hb, nb, d, gv, ex);
  pn->poolw[POOL_BLOCK] = hls_xmalloc(d * sizeof(double));
  hls_rt_pool_init(&pn->base[POOL_BLOCK], pn->poolw[POOL_BLOCK], d);
  for (size_t k = 0; k < nb; k++)
    hls_rt_pool_add(&pn->base[POOL_BLOCK], gv[k], hb + k * d);
  free(rows);
  free(hb);
  free(gate);
  free(ex);
  free(gv);
}

static void free_prep_net(prep_net *pn) {
  for (int g = 0; g < 3; g++)
    free(pn->c[g]);
  free(pn->ascope);
  free(pn->aoff);
  free(pn->escope);
  free(pn->aq);
  free(pn->askip);
  free(pn->agate);
  free(pn->ek);
  free(pn->ev);
  free(pn->bm);
  free(pn->bs);
  free(pn->bw);
  free(pn->qe);
  free(pn->soff);
  free(pn->sedge);
  free(pn->poolw[0]);
  free(pn->poolw[1]);
}

hls_prepared *hls_model_prepare(const hls_model *m, const hls_graph *g, hls_diags *d) {
  graph_view v;
  if (view_graph(g, &v, d, g->kernel[0] ? g->kernel : "graph")) {
    free_view(&v);
    return NULL;
  }
  hls_prepared *p = hls_xcalloc(1, sizeof *p);
  p->m = m;
  p->nnodes = g->nnodes;
  p->nscopes = g->nscopes;
  float *h = hls_xmalloc(g->nnodes * (size_t)m->c.hidden * sizeof(float));
  for (int i = 0; i < m->nnets; i++) {
    const net *n = &m->nets[i];
    run_convs(n, &v, h);
    prepare_pragma(n, &p->nets[i], &v, h, &p->bytes);
    if (n->kind == HLS_KIND_BLOCK)
      prepare_block(n, &p->nets[i], &v, h);
    else
      prepare_conv7(n, &p->nets[i], &v, h, &p->bytes);
  }
  free(h);
  free_view(&v);
  return p;
}

void hls_prepared_free(hls_prepared *p) {
  if (!p)
    return;
  for (int i = 0; i < 3; i++)
    free_prep_net(&p->nets[i]);
  free(p);
}

size_t hls_prepared_scopes(const hls_prepared *p) { return p->nscopes; }
size_t hls_prepared_bytes(const hls_prepared *p) { return p->bytes + sizeof *p; }

size_t hls_prepared_affected(const hls_prepared *p) {
  size_t n = 0;
  for (int i = 0; i < p->m->nnets; i++)
    n += p->nets[i].na;
  return n;
}

/* ---- the direct path: the whole network per design point ---- */

/* Pragma layer on the scope rows: hn [S][D] from h and one pragma matrix. */
static void pragma_full(const hls_model *m, const net *n, const graph_view *v, const float *h,
                        const float *pragma, float *hn) {
  size_t S = v->g->nscopes, d = (size_t)n->d;
  float *in = hls_xmalloc((S + 1) * (d + HLS_PRAGMA_DIM) * sizeof(float));
  float *cat = hls_xmalloc((S + 1) * 3 * d * sizeof(float));
  float *tmp = hls_xmalloc((S + 1) * 2 * 3 * d * sizeof(float));
  for (int g = 0; g < 3; g++) {
    size_t w = d + (size_t)m->ncols[g];
    for (size_t s = 0; s < S; s++) {
      memcpy(in + s * w, h + (size_t)v->scope_node[s] * d, d * sizeof(float));
      for (int j = 0; j < m->ncols[g]; j++)
        in[s * w + d + j] = pragma[s * HLS_PRAGMA_DIM + m->cols[g][j]];
    }
    mlp_run(&n->prag[g], in, S, w, cat + g * d, 3 * d, 0, tmp);
  }
  mlp_run(&n->merge, cat, S, 3 * d, hn, d, 0, tmp);
  free(in);
  free(cat);
  free(tmp);
}

/* Σ softmax(gate(h_i)) h_i over the masked rows, the plain float way. */
static void pool_once(const mlp *gate, const float *h, const uint8_t *mask, size_t rows, size_t d,
                      float *out) {
  float *g = hls_xmalloc((rows + 1) * sizeof(float));
  float *tmp = hls_xmalloc((rows + 1) * 2 * d * sizeof(float));
  pool_gates(gate, h, rows, d, g, tmp);
  float mx = -INFINITY, sum = 0.0f;
  for (size_t i = 0; i < rows; i++)
    if (mask[i] && g[i] > mx)
      mx = g[i];
  memset(out, 0, d * sizeof(float));
  for (size_t i = 0; i < rows; i++)
    if (mask[i]) {
      float a = expf(g[i] - mx);
      sum += a;
      for (size_t c = 0; c < d; c++)
        out[c] += a * h[i * d + c];
    }
  for (size_t c = 0; c < d && sum > 0.0f; c++)
    out[c] /= sum;
  free(g);
  free(tmp);
}

static void net_full(const hls_model *m, const net *n, const graph_view *v, const float *h,
                     const float *pragma, float *z, float *y) {
  const hls_graph *g = v->g;
  size_t N = g->nnodes, S = g->nscopes, d = (size_t)n->d, e = (size_t)n->e;
  float *hp = hls_xmalloc(N * d * sizeof(float)), *hn = hls_xmalloc((S + 1) * d * sizeof(float));
  memcpy(hp, h, N * d * sizeof(float));
  pragma_full(m, n, v, h, pragma, hn);
  for (size_t s = 0; s < S; s++)
    memcpy(hp + (size_t)v->scope_node[s] * d, hn + s * d, d * sizeof(float));
  uint8_t *all = hls_xmalloc(N), *blocks = hls_xmalloc(N);
  for (size_t i = 0; i < N; i++) {
    all[i] = 1;
    blocks[i] = g->nodes[i].kind == HLS_NODE_BLOCK;
  }
  float *h7 = hls_xcalloc(N * d, sizeof(float));
  if (n->kind == HLS_KIND_BLOCK) {
    float *gate = hls_xmalloc(e * sizeof(float)), *ex = hls_xmalloc(e * d * sizeof(float));
    memcpy(h7, hp, N * d * sizeof(float));
    for (size_t i = 0; i < N; i++)
      if (blocks[i])
        block_experts(n, hp + i * d, 1, h7 + i * d, gate, ex);
    free(gate);
    free(ex);
  } else {
    float *gate = NULL;
    if (n->kind == HLS_KIND_NODE) {
      gate = hls_xmalloc(N * e * sizeof(float));
      linear(&n->node_gate, hp, N, d, gate, e);
      softmax_rows(gate, N, e);
    }
    conv7_graph(n, v, hp, gate, NULL, NULL, h7);
    free(gate);
  }
  if (n->has_pool_all) {
    pool_once(&n->pool[POOL_ALL], h7, all, N, d, z);
    pool_once(&n->pool[POOL_BLOCK], h7, blocks, N, d, z + d);
  } else {
    pool_once(&n->pool[POOL_BLOCK], h7, blocks, N, d, z);
  }
  float *tmp = hls_xmalloc(heads_tmp_floats(n, 1) * sizeof(float));
  run_heads(n, z, 1, y, tmp);
  free(tmp);
  free(hp);
  free(hn);
  free(all);
  free(blocks);
  free(h7);
}

int hls_model_score_full(const hls_model *m, const hls_graph *g, const float *pragma, size_t n,
                         float *out, float *emb, hls_diags *d) {
  graph_view v;
  if (view_graph(g, &v, d, g->kernel[0] ? g->kernel : "graph")) {
    free_view(&v);
    return -1;
  }
  size_t D = (size_t)m->c.hidden, nt = (size_t)hls_model_targets(m), ed = hls_model_embedding_dim(m);
  float *h[3], *z[3], *y[3];
  for (int i = 0; i < m->nnets; i++) {
    h[i] = hls_xmalloc(g->nnodes * D * sizeof(float));
    run_convs(&m->nets[i], &v, h[i]);
    z[i] = hls_xmalloc(2 * D * sizeof(float));
    y[i] = hls_xmalloc(HLS_MODEL_TARGETS_MAX * 2 * sizeof(float));
  }
  float *tmp = hls_xmalloc(finish_tmp_floats(m, 1) * sizeof(float));
  for (size_t p = 0; p < n; p++) {
    for (int i = 0; i < m->nnets; i++)
      net_full(m, &m->nets[i], &v, h[i], pragma + p * g->nscopes * HLS_PRAGMA_DIM, z[i], y[i]);
    finish(m, y, z, 1, out + p * nt, emb ? emb + p * ed : NULL, tmp);
  }
  for (int i = 0; i < m->nnets; i++) {
    free(h[i]);
    free(z[i]);
    free(y[i]);
  }
  free(tmp);
  free_view(&v);
  return 0;
}

/* ---- scoring: only what the design point reaches, many points per call ---- */

/* Buffers of one network for a chunk of up to `cap` points.  Row r = s * nb + p
 * holds scope s of point p (nb: points in the chunk); row a * nb + p affected
 * node a of point p. */
typedef struct {
  float *t1, *cat, *m1, *hn; /* pragma layer */
  float *proj, *sg;          /* conv7 projections of the scope rows, node gates */
  float *h7;                 /* conv7 output of affected nodes (block kind: block experts) */
  float *be;                 /* block experts */
  float *ptmp, *pg;          /* pooling gate scratch and values */
  float *z, *y, *htmp;       /* embeddings, outputs, head scratch */
  float *scratch;            /* edge scores and per-expert rows */
  double *pw;                /* pool accumulator */
} ws_net;

struct hls_workspace {
  const hls_model *m;
  const hls_prepared *p;
  size_t cap, bytes;
  ws_net nets[3];
  float *ftmp;
  float *arena;
  double *darena;
};

static size_t ws_layout(const hls_model *m, const hls_prepared *p, size_t cap, ws_net *nets,
                        float *base, float **ftmp) {
  size_t at = 0, S = p->nscopes, R = S * cap;
#define TAKE(field, count)                                                                         \
  do {                                                                                             \
    size_t take_n = (count) + 16; /* slack keeps every buffer non-empty and rows apart */          \
    (field) = base ? base + at : NULL;                                                             \
    at += take_n;                                                                                  \
  } while (0)
  for (int i = 0; i < m->nnets; i++) {
    const net *n = &m->nets[i];
    const prep_net *pn = &p->nets[i];
    ws_net *w = &nets[i];
    size_t d = (size_t)n->d, e = (size_t)n->e, X = (size_t)n->nconv7;
    size_t rows = n->kind == HLS_KIND_BLOCK ? R : pn->na * cap;
    TAKE(w->t1, R * d / 2);
    TAKE(w->cat, R * 3 * d);
    TAKE(w->m1, R * 3 * d / 2);
    TAKE(w->hn, R * d);
    TAKE(w->proj, R * X * 4 * d);
    TAKE(w->sg, R * e);
    TAKE(w->h7, rows * d);
    TAKE(w->be, n->kind == HLS_KIND_BLOCK ? R * e * d : 0);
    TAKE(w->ptmp, 2 * rows * d);
    TAKE(w->pg, rows);
    TAKE(w->z, cap * (size_t)n->z);
    TAKE(w->y, cap * (size_t)n->nt * n->hout);
    TAKE(w->htmp, heads_tmp_floats(n, cap));
    TAKE(w->scratch, pn->maxdeg + 2 * d + e);
  }
  TAKE(*ftmp, finish_tmp_floats(m, cap));
#undef TAKE
  return at;
}

hls_workspace *hls_workspace_new(const hls_model *m, const hls_prepared *p) {
  hls_workspace *w = hls_xcalloc(1, sizeof *w);
  w->m = m;
  w->p = p;
  /* Points per chunk: enough rows for efficient sgemm, a few MiB of buffers. */
  size_t rows = p->nscopes, d = (size_t)m->c.hidden;
  for (int i = 0; i < m->nnets; i++)
    rows = p->nets[i].na > rows ? p->nets[i].na : rows;
  size_t cap = ((size_t)1 << 20) / ((rows ? rows : 1) * d);
  w->cap = cap < 4 ? 4 : cap > 64 ? 64 : cap;
  size_t floats = ws_layout(m, p, w->cap, w->nets, NULL, &w->ftmp);
  w->arena = hls_xmalloc(floats * sizeof(float));
  ws_layout(m, p, w->cap, w->nets, w->arena, &w->ftmp);
  w->darena = hls_xmalloc((size_t)m->nnets * d * sizeof(double));
  for (int i = 0; i < m->nnets; i++)
    w->nets[i].pw = w->darena + (size_t)i * d;
  w->bytes = floats * sizeof(float) + (size_t)m->nnets * d * sizeof(double) + sizeof *w;
  return w;
}

void hls_workspace_free(hls_workspace *w) {
  if (!w)
    return;
  free(w->arena);
  free(w->darena);
  free(w);
}

size_t hls_workspace_bytes(const hls_workspace *w) { return w->bytes; }

/* hn [S * nb][D] for the chunk's points. */
static void score_pragma(const hls_model *m, const net *n, const prep_net *pn, ws_net *w, size_t S,
                         const float *pragma, size_t nb) {
  size_t d = (size_t)n->d, h2 = d / 2, R = S * nb;
  for (int g = 0; g < 3; g++) {
    const lin *l0 = &n->prag[g].l[0];
    for (size_t s = 0; s < S; s++)
      for (size_t p = 0; p < nb; p++) {
        float *row = w->t1 + (s * nb + p) * h2;
        const float *pv = pragma + (p * S + s) * HLS_PRAGMA_DIM;
        memcpy(row, pn->c[g] + s * h2, h2 * sizeof(float));
        for (int j = 0; j < m->ncols[g]; j++) {
          float x = pv[m->cols[g][j]];
          if (x == 0.0f)
            continue;
          const float *wc = l0->w + d + (size_t)j; /* column D + j of W0 */
          for (size_t i = 0; i < h2; i++)
            row[i] += wc[i * (size_t)l0->in] * x;
        }
      }
    hls_rt_elu(w->t1, R * h2);
    linear(&n->prag[g].l[1], w->t1, R, h2, w->cat + g * d, 3 * d);
  }
  const lin *m0 = &n->merge.l[0];
  hls_rt_linear_act(w->cat, R, 3 * d, 3 * d, m0->w, 3 * d, m0->b, 3 * d / 2, w->m1, 3 * d / 2,
                    HLS_RT_ELU);
  linear(&n->merge.l[1], w->m1, R, 3 * d / 2, w->hn, d);
}

static float dotf(const float *a, const float *b, size_t d) { return hls_rt_dot(a, b, d); }

/* conv7 of a non-scope affected node, expert x: the cached fixed part plus
 * the in-edges from scope nodes.  o receives the output. */
static void conv7_fixed(const net *n, const prep_net *pn, const ws_net *w, size_t x, size_t a,
                        size_t p, size_t nb, float *o) {
  size_t d = (size_t)n->d, pw = (size_t)n->nconv7 * 4 * d, na = pn->na, ne = pn->ne;
  const float scale = 1.0f / sqrtf((float)d);
  const float *q = pn->aq + (x * na + a) * d, *skip = pn->askip + (x * na + a) * d;
  float m = pn->bm[x * na + a], sum = pn->bs[x * na + a];
  memcpy(o, pn->bw + (x * na + a) * d, d * sizeof(float));
  for (uint32_t k = pn->soff[a]; k < pn->soff[a + 1]; k++) {
    uint32_t t = pn->sedge[k];
    const float *kv = w->proj + ((size_t)pn->escope[t] * nb + p) * pw + x * 4 * d;
    float sc = pn->qe[x * ne + t] + dotf(q, kv + d, d) * scale;
    if (sc > m) {
      float r = expf(m - sc);
      sum *= r;
      hls_rt_scale(o, r, d);
      m = sc;
    }
    float wt = expf(sc - m);
    sum += wt;
    hls_rt_axpy2(wt, pn->ev + (x * ne + t) * d, kv + 2 * d, o, d);
  }
  hls_rt_scale_add(o, 1.0f / sum, skip, d);
}

/* conv7 of a scope node, expert x: its query changed, so every edge counts. */
static void conv7_scope(const net *n, const prep_net *pn, const ws_net *w, size_t x, size_t a,
                        size_t p, size_t nb, float *o) {
  size_t d = (size_t)n->d, pw = (size_t)n->nconv7 * 4 * d, ne = pn->ne;
  const float scale = 1.0f / sqrtf((float)d);
  const float *mine = w->proj + ((size_t)pn->ascope[a] * nb + p) * pw + x * 4 * d;
  const float *q = mine, *skip = mine + 3 * d;
  uint32_t lo = pn->aoff[a], hi = pn->aoff[a + 1];
  float *sc = w->scratch + 2 * d, mx = -INFINITY, sum = 0.0f;
  for (uint32_t t = lo; t < hi; t++) {
    float v = dotf(q, pn->ek + (x * ne + t) * d, d);
    if (pn->escope[t] >= 0)
      v += dotf(q, w->proj + ((size_t)pn->escope[t] * nb + p) * pw + x * 4 * d + d, d);
    sc[t - lo] = v * scale;
    mx = sc[t - lo] > mx ? sc[t - lo] : mx;
  }
  for (uint32_t t = lo; t < hi; t++)
    sum += sc[t - lo] = expf(sc[t - lo] - mx);
  memcpy(o, skip, d * sizeof(float));
  for (uint32_t t = lo; t < hi; t++) {
    float al = sc[t - lo] / sum;
    const float *ev = pn->ev + (x * ne + t) * d;
    if (pn->escope[t] >= 0)
      hls_rt_axpy2(al, ev, w->proj + ((size_t)pn->escope[t] * nb + p) * pw + x * 4 * d + 2 * d, o, d);
    else
      hls_rt_axpy(al, ev, o, d);
  }
}

/* conv7 (all experts, mixed by the node gate) of affected node a for point p
 * into dst, before ELU. */
static void conv7_node(const net *n, const prep_net *pn, const ws_net *w, size_t a, size_t p,
                       size_t nb, float *dst) {
  size_t d = (size_t)n->d;
  int32_t s = pn->ascope[a];
  float *o = w->scratch;
  const float *gate = NULL;
  if (n->kind == HLS_KIND_NODE)
    gate = s >= 0 ? w->sg + ((size_t)s * nb + p) * n->e : pn->agate + a * n->e;
  if (!gate) {
    if (s >= 0)
      conv7_scope(n, pn, w, 0, a, p, nb, dst);
    else
      conv7_fixed(n, pn, w, 0, a, p, nb, dst);
    return;
  }
  memset(dst, 0, d * sizeof(float));
  for (size_t x = 0; x < (size_t)n->nconv7; x++) {
    if (s >= 0)
      conv7_scope(n, pn, w, x, a, p, nb, o);
    else
      conv7_fixed(n, pn, w, x, a, p, nb, o);
    hls_rt_axpy(gate[x], o, dst, d);
  }
}

/* z[p] = pool of the cached base plus rows first + a * stride + p, a < count. */
static void pool_combine(const prep_net *pn, int which, ws_net *w, const float *h, const float *g,
                         size_t count, size_t nb, size_t d, float *z, size_t ldz) {
  hls_rt_pool acc;
  acc.w = w->pw;
  acc.d = d;
  for (size_t p = 0; p < nb; p++) {
    hls_rt_pool_copy(&acc, &pn->base[which]);
    for (size_t a = 0; a < count; a++)
      hls_rt_pool_add(&acc, g[a * nb + p], h + (a * nb + p) * d);
    hls_rt_pool_result(&acc, z + p * ldz);
  }
}

static void score_net(const hls_model *m, const net *n, const prep_net *pn, ws_net *w, size_t S,
                      const float *pragma, size_t nb) {
  size_t d = (size_t)n->d, e = (size_t)n->e, R = S * nb;
  score_pragma(m, n, pn, w, S, pragma, nb);
  if (n->kind == HLS_KIND_BLOCK) {
    block_experts(n, w->hn, R, w->h7, w->sg, w->be);
    pool_gates(&n->pool[POOL_BLOCK], w->h7, R, d, w->pg, w->ptmp);
    pool_combine(pn, POOL_BLOCK, w, w->h7, w->pg, S, nb, d, w->z, d);
  } else {
    hls_rt_linear(w->hn, R, d, d, n->w7, d, n->b7, (size_t)n->nconv7 * 4 * d, w->proj,
                  (size_t)n->nconv7 * 4 * d);
    if (n->kind == HLS_KIND_NODE) {
      linear(&n->node_gate, w->hn, R, d, w->sg, e);
      softmax_rows(w->sg, R, e);
    }
    for (size_t a = 0; a < pn->na; a++)
      for (size_t p = 0; p < nb; p++)
        conv7_node(n, pn, w, a, p, nb, w->h7 + (a * nb + p) * d);
    hls_rt_elu(w->h7, pn->na * nb * d);
    pool_gates(&n->pool[POOL_ALL], w->h7, pn->na * nb, d, w->pg, w->ptmp);
    pool_combine(pn, POOL_ALL, w, w->h7, w->pg, pn->na, nb, d, w->z, 2 * d);
    pool_gates(&n->pool[POOL_BLOCK], w->h7, pn->nab * nb, d, w->pg, w->ptmp);
    pool_combine(pn, POOL_BLOCK, w, w->h7, w->pg, pn->nab, nb, d, w->z + d, 2 * d);
  }
  run_heads(n, w->z, nb, w->y, w->htmp);
}

int hls_model_score_embed(const hls_model *m, const hls_prepared *p, hls_workspace *w,
                          const float *pragma, size_t n, float *out, float *emb) {
  if (!m || !p || !w || p->m != m || w->m != m || w->p != p)
    return -1;
  size_t S = p->nscopes, nt = (size_t)hls_model_targets(m), ed = hls_model_embedding_dim(m);
  for (size_t at = 0; at < n; at += w->cap) {
    size_t nb = n - at < w->cap ? n - at : w->cap;
    float *y[3], *z[3];
    for (int i = 0; i < m->nnets; i++) {
      score_net(m, &m->nets[i], &p->nets[i], &w->nets[i], S, pragma + at * S * HLS_PRAGMA_DIM,
                nb);
      y[i] = w->nets[i].y;
      z[i] = w->nets[i].z;
    }
    finish(m, y, z, nb, out + at * nt, emb ? emb + at * ed : NULL, w->ftmp);
  }
  return 0;
}

int hls_model_score(const hls_model *m, const hls_prepared *p, hls_workspace *w,
                    const float *pragma, size_t n, float *out) {
  return hls_model_score_embed(m, p, w, pragma, n, out, NULL);
}

double hls_prepared_flops(const hls_prepared *p) {
  const hls_model *m = p->m;
  double S = (double)p->nscopes, total = 0.0;
  for (int i = 0; i < m->nnets; i++) {
    const net *n = &m->nets[i];
    const prep_net *pn = &p->nets[i];
    double d = n->d, e = n->e, X = n->nconv7, f = 0.0;
    for (int g = 0; g < 3; g++)
      f += S * 2.0 * (m->ncols[g] * d / 2 + d / 2 * d);
    f += S * 2.0 * (3 * d * 3 * d / 2 + 3 * d / 2 * d);
    if (n->kind == HLS_KIND_BLOCK) {
      f += S * 2.0 * (d * e + d * e * d + d * d + d);
    } else {
      f += S * 2.0 * (d * X * 4 * d + (n->kind == HLS_KIND_NODE ? d * e : 0));
      for (size_t a = 0; a < pn->na; a++) {
        double scoped = pn->soff[a + 1] - pn->soff[a], deg = pn->aoff[a + 1] - pn->aoff[a];
        f += X * (pn->ascope[a] >= 0 ? 4.0 * d * (deg + scoped) : 4.0 * d * scoped + 2.0 * d);
      }
      f += ((double)pn->na + (double)pn->nab) * 2.0 * (d * d + d);
    }
    f += n->nsets * n->nt * 2.0 * (n->z * 32 + 32 * 16 + 16 * 8 + 8 * n->hout);
    total += f;
  }
  if (m->nnets == 3)
    total += 2.0 * 5 * m->c.hidden * 3;
  return total;
}
