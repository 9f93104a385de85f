/* The HierMoE network (docs/model-format.md): loading and binding the
 * weights, the building blocks (model/network.h), and the plain forward pass
 * hls_model_score_full.  The incremental path is in model/incremental.c. */
#include "hiermoe.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/network.h"

/* ---- binding the weight file's tensors ---- */

typedef struct {
  const hls_model *model;
  const char *net_name; /* tensor prefix; NULL for the model-level tensors */
} binder;

static const float *tensor(const binder *b, const char *fmt, ...) HLS_PRINTF(2, 3);

/* The loader checked every tensor of the configuration: lookups cannot fail. */
static const float *tensor(const binder *b, const char *fmt, ...) {
  char name[256], path[192];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(path, sizeof path, fmt, ap);
  va_end(ap);
  if (b->net_name)
    snprintf(name, sizeof name, "%s.%s", b->net_name, path);
  else
    snprintf(name, sizeof name, "%s", path);
  const hls_tensor *t = hls_weights_find(&b->model->weights, name);
  if (!t) {
    fprintf(stderr, "hlsmoe: internal error: tensor '%s' not bound\n", name);
    abort();
  }
  return t->data;
}

static linear_layer bind_linear(const binder *b, const char *prefix, int in, int out, int bias) {
  linear_layer l = {tensor(b, "%s.weight", prefix), bias ? tensor(b, "%s.bias", prefix) : NULL,
                    in, out};
  return l;
}

static mlp bind_mlp(const binder *b, const char *prefix, const int *widths, int layers) {
  mlp m;
  char name[160];
  m.nlayers = layers;
  for (int i = 0; i < layers; i++) {
    snprintf(name, sizeof name, "%s.%d", prefix, i);
    m.layer[i] = bind_linear(b, name, widths[i], widths[i + 1], 1);
  }
  return m;
}

static void bind_tconv(const binder *b, tconv *t, const char *prefix, int in, int hidden,
                       int edge_dim) {
  static const char *const parts[] = {"lin_query", "lin_key", "lin_value", "lin_skip"};
  char name[160];
  t->in = in;
  t->qkvs_weight = hls_xmalloc((size_t)4 * hidden * in * sizeof(float));
  t->qkvs_bias = hls_xmalloc((size_t)4 * hidden * sizeof(float));
  for (int i = 0; i < 4; i++) {
    snprintf(name, sizeof name, "%s.%s", prefix, parts[i]);
    linear_layer l = bind_linear(b, name, in, hidden, 1);
    memcpy(t->qkvs_weight + (size_t)i * hidden * in, l.weight, (size_t)hidden * in * sizeof(float));
    memcpy(t->qkvs_bias + (size_t)i * hidden, l.bias, (size_t)hidden * sizeof(float));
  }
  snprintf(name, sizeof name, "%s.lin_edge", prefix);
  t->lin_edge = bind_linear(b, name, edge_dim, hidden, 0);
}

static void bind_heads(const binder *b, network *net, const hls_model_config *c) {
  int widths[5] = {net->embedding_dim + net->extra, 32, 16, 8, net->head_outputs};
  char name[128];
  net->heads = hls_xcalloc((size_t)net->head_sets * net->targets, sizeof *net->heads);
  for (int s = 0; s < net->head_sets; s++)
    for (int t = 0; t < net->targets; t++) {
      if (net->kind == HLS_KIND_GRAPH)
        snprintf(name, sizeof name, "head.expert%d.%s", s, hls_model_target_name(c->task, t));
      else
        snprintf(name, sizeof name, "head.%s", hls_model_target_name(c->task, t));
      net->heads[s * net->targets + t] = bind_mlp(b, name, widths, 4);
    }
}

static void bind_block_experts(const binder *b, network *net) {
  int hidden = net->hidden, experts = net->experts;
  char name[128];
  net->block_stacked_weight = hls_xmalloc((size_t)experts * hidden * hidden * sizeof(float));
  net->block_stacked_bias = hls_xmalloc((size_t)experts * hidden * sizeof(float));
  for (int i = 0; i < experts; i++) {
    snprintf(name, sizeof name, "block_expert%d", i);
    linear_layer l = bind_linear(b, name, hidden, hidden, 1);
    memcpy(net->block_stacked_weight + (size_t)i * hidden * hidden, l.weight,
           (size_t)hidden * hidden * sizeof(float));
    memcpy(net->block_stacked_bias + (size_t)i * hidden, l.bias, (size_t)hidden * sizeof(float));
  }
  net->block_gate = bind_linear(b, "block_gate", hidden, experts, 0);
}

static void bind_conv7(const binder *b, network *net, const hls_model_config *c) {
  int hidden = net->hidden;
  char name[128];
  net->nconv7 = net->kind == HLS_KIND_NODE ? net->experts : 1;
  net->conv7 = hls_xcalloc((size_t)net->nconv7, sizeof *net->conv7);
  for (int i = 0; i < net->nconv7; i++) {
    if (net->kind == HLS_KIND_NODE)
      snprintf(name, sizeof name, "conv7.expert%d", i);
    else
      snprintf(name, sizeof name, "conv7");
    bind_tconv(b, &net->conv7[i], name, hidden, hidden, c->edge_dim);
  }
  size_t per = (size_t)4 * hidden * hidden;
  net->conv7_stacked_weight = hls_xmalloc(net->nconv7 * per * sizeof(float));
  net->conv7_stacked_bias = hls_xmalloc((size_t)net->nconv7 * 4 * hidden * sizeof(float));
  for (int i = 0; i < net->nconv7; i++) {
    memcpy(net->conv7_stacked_weight + i * per, net->conv7[i].qkvs_weight, per * sizeof(float));
    memcpy(net->conv7_stacked_bias + (size_t)i * 4 * hidden, net->conv7[i].qkvs_bias,
           (size_t)4 * hidden * sizeof(float));
  }
  if (net->kind == HLS_KIND_NODE)
    net->node_gate = bind_linear(b, "node_gate", hidden, net->experts, 0);
}

static void bind_net(hls_model *m, network *net, hls_model_kind kind) {
  const hls_model_config *c = &m->config;
  binder b = {m, hls_model_kind_name(kind)};
  char name[64];
  int hidden = c->hidden;
  net->kind = kind;
  net->hidden = hidden;
  net->experts = c->experts;
  net->embedding_dim = kind == HLS_KIND_BLOCK ? hidden : 2 * hidden;
  for (int l = 0; l < 6; l++) {
    snprintf(name, sizeof name, "conv%d", l + 1);
    bind_tconv(&b, &net->convs[l], name, l ? hidden : c->node_dim, hidden, c->edge_dim);
  }
  static const char *const groups[] = {"pragma_pipeline", "pragma_parallel", "pragma_tile"};
  for (int g = 0; g < 3; g++) {
    int widths[3] = {hidden + c->groups[g], hidden / 2, hidden};
    net->pragma_mlp[g] = bind_mlp(&b, groups[g], widths, 2);
  }
  int merge[3] = {3 * hidden, 3 * hidden / 2, hidden};
  net->merge_mlp = bind_mlp(&b, "pragma_merge", merge, 2);
  if (kind == HLS_KIND_BLOCK)
    bind_block_experts(&b, net);
  else
    bind_conv7(&b, net, c);
  int gate[3] = {hidden, hidden, 1};
  net->has_pool_all = kind != HLS_KIND_BLOCK;
  if (net->has_pool_all)
    net->pool_gate[POOL_ALL] = bind_mlp(&b, "pool_all.gate", gate, 2);
  net->pool_gate[POOL_BLOCK] = bind_mlp(&b, "pool_block.gate", gate, 2);
  net->targets = hls_model_output_count(c->task);
  net->head_outputs = c->task == HLS_TASK_REGRESSION ? 1 : 2;
  net->head_sets = kind == HLS_KIND_GRAPH ? net->experts : 1;
  net->backbone_width = c->backbone_inputs;
  net->flow_inputs = c->flow_inputs;
  net->flow_slot = c->flow_slot;
  net->extra = c->backbone_inputs + c->flow_inputs;
  bind_heads(&b, net, c);
  if (kind == HLS_KIND_GRAPH)
    net->graph_gate = bind_linear(&b, "graph_gate", net->embedding_dim, net->experts, 0);
}

static void free_tconv(tconv *t) {
  free(t->qkvs_weight);
  free(t->qkvs_bias);
}

static void free_net(network *net) {
  for (int l = 0; l < 6; l++)
    free_tconv(&net->convs[l]);
  for (int i = 0; i < net->nconv7; i++)
    free_tconv(&net->conv7[i]);
  free(net->conv7);
  free(net->conv7_stacked_weight);
  free(net->conv7_stacked_bias);
  free(net->block_stacked_weight);
  free(net->block_stacked_bias);
  free(net->heads);
}

hls_model *hls_model_load(const char *path, hls_diags *diags) {
  hls_model *m = hls_xcalloc(1, sizeof *m);
  if (hls_weights_load(path, &m->weights, diags)) {
    free(m);
    return NULL;
  }
  m->config = m->weights.config;
  for (int col = 0; col < HLS_PRAGMA_DIM; col++) {
    int g = (int)hls_pragma_feature_group(col);
    if (g < HLS_MLP_GROUPS) /* the analytic group feeds no MLP */
      m->group_col[g][m->group_ncols[g]++] = col;
  }
  if (m->config.kind == HLS_KIND_HIER) {
    m->nnets = 3;
    bind_net(m, &m->nets[0], HLS_KIND_NODE);
    bind_net(m, &m->nets[1], HLS_KIND_BLOCK);
    bind_net(m, &m->nets[2], HLS_KIND_GRAPH);
    binder b = {m, NULL};
    m->hier_gate = bind_linear(&b, "hier_gate", 5 * m->config.hidden, 3, 1);
  } else {
    m->nnets = 1;
    bind_net(m, &m->nets[0], m->config.kind);
  }
  return m;
}

void hls_model_free(hls_model *m) {
  if (!m)
    return;
  for (int i = 0; i < m->nnets; i++)
    free_net(&m->nets[i]);
  hls_weights_free(&m->weights);
  free(m);
}

const hls_model_config *hls_model_config_of(const hls_model *m) { return &m->config; }
hls_model_task hls_model_task_of(const hls_model *m) { return m->config.task; }
hls_model_kind hls_model_kind_of(const hls_model *m) { return m->config.kind; }
int hls_model_targets(const hls_model *m) { return hls_model_output_count(m->config.task); }
int hls_model_uses_backbone(const hls_model *m) {
  return m->config.backbone_inputs > 0 || m->config.residual != 0;
}
const char *hls_model_trained_on(const hls_model *m) { return m->weights.trained_on; }
const hls_weights *hls_model_weights(const hls_model *m) { return &m->weights; }

size_t hls_model_embedding_dim(const hls_model *m) {
  return m->config.kind == HLS_KIND_HIER ? 5 * (size_t)m->config.hidden
                                         : (size_t)m->nets[0].embedding_dim;
}

/* The training embeddings (model/confidence.h) are data, not parameters. */
size_t hls_model_parameters(const hls_model *m) {
  const hls_confidence_ref *c = &m->weights.confidence;
  return (size_t)(m->weights.data_bytes / 4) - c->count * c->dim;
}

/* ---- the graph as the convolutions read it ---- */

int hls_net_view_graph(const hls_graph *g, graph_view *v, hls_diags *diags) {
  const char *what = g->kernel[0] ? g->kernel : "graph";
  memset(v, 0, sizeof *v);
  v->graph = g;
  if (g->nnodes == 0 || !g->in_offset) {
    hls_diag_add(diags, HLS_SEV_ERROR, what, 0, 0, "graph has no nodes or no edge index");
    return -1;
  }
  v->scope_of_node = hls_xmalloc(g->nnodes * sizeof *v->scope_of_node);
  v->node_of_scope = hls_xmalloc((g->nscopes + 1) * sizeof *v->node_of_scope);
  for (size_t i = 0; i < g->nnodes; i++)
    v->scope_of_node[i] = -1;
  for (size_t s = 0; s < g->nscopes; s++)
    v->node_of_scope[s] = UINT32_MAX; /* every row must be claimed exactly once */
  int rc = 0;
  size_t seen = 0;
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_graph_loop *lp = &g->loops[l];
    if (lp->scope < 0)
      continue;
    if ((size_t)lp->scope >= g->nscopes || lp->header_node >= g->nnodes ||
        g->nodes[lp->header_node].kind != HLS_NODE_BLOCK ||
        v->scope_of_node[lp->header_node] >= 0 || v->node_of_scope[lp->scope] != UINT32_MAX) {
      hls_diag_add(diags, HLS_SEV_ERROR, what, 0, 0,
                   "loop %s: pragma scope %d does not sit on a header block node of its own",
                   lp->name, lp->scope);
      rc = -1;
      continue;
    }
    v->scope_of_node[lp->header_node] = lp->scope;
    v->node_of_scope[lp->scope] = lp->header_node;
    seen++;
  }
  if (!rc && seen != g->nscopes) {
    hls_diag_add(diags, HLS_SEV_ERROR, what, 0, 0,
                 "graph has %zu pragma scopes but %zu scope loops", g->nscopes, seen);
    rc = -1;
  }
  v->edge_src = hls_xmalloc((g->nedges + 1) * sizeof *v->edge_src);
  for (size_t edge = 0; edge < g->nedges; edge++)
    v->edge_src[edge] = g->edges[edge].src;
  v->max_in_degree = 1;
  for (size_t i = 0; i < g->nnodes; i++)
    if (g->in_offset[i + 1] - g->in_offset[i] > v->max_in_degree)
      v->max_in_degree = g->in_offset[i + 1] - g->in_offset[i];
  return rc;
}

void hls_net_free_view(graph_view *v) {
  free(v->scope_of_node);
  free(v->node_of_scope);
  free(v->edge_src);
}

/* ---- building blocks ---- */

static int mlp_width(const mlp *m) {
  int widest = 0;
  for (int i = 0; i < m->nlayers; i++)
    widest = m->layer[i].out > widest ? m->layer[i].out : widest;
  return widest;
}

void hls_net_mlp(const mlp *m, const float *x, size_t rows, size_t ldx, float *out, size_t ldo,
                 int relu, float *scratch) {
  size_t widest = (size_t)mlp_width(m);
  float *buf[2] = {scratch, scratch + rows * widest};
  const float *in = x;
  size_t ldin = ldx;
  for (int i = 0; i < m->nlayers; i++) {
    const linear_layer *l = &m->layer[i];
    int last = i == m->nlayers - 1;
    float *y = last ? out : buf[i % 2];
    size_t ldy = last ? ldo : (size_t)l->out;
    hls_rt_act act = last ? HLS_RT_NONE : relu ? HLS_RT_RELU : HLS_RT_ELU;
    hls_rt_linear_act(in, rows, (size_t)l->in, ldin, l->weight, (size_t)l->in, l->bias,
                      (size_t)l->out, y, ldy, act);
    in = y;
    ldin = ldy;
  }
}

static void tconv_buffers_init(tconv_buffers *b, const graph_view *v, size_t hidden) {
  b->qkvs = hls_xmalloc(v->graph->nnodes * 4 * hidden * sizeof(float));
  b->edge_proj = hls_xmalloc((v->graph->nedges + 1) * hidden * sizeof(float));
  b->scores = hls_xmalloc(v->max_in_degree * sizeof(float));
}

static void tconv_buffers_free(tconv_buffers *b) {
  free(b->qkvs);
  free(b->edge_proj);
  free(b->scores);
}

/* out [N][D] = TransformerConv t of in [N][t->in], every node; the
 * projections stay in b. */
static void tconv_graph(const tconv *t, const graph_view *v, const float *in, size_t hidden,
                        tconv_buffers *b, float *out) {
  const hls_graph *g = v->graph;
  size_t N = g->nnodes;
  hls_rt_linear(in, N, (size_t)t->in, (size_t)t->in, t->qkvs_weight, (size_t)t->in, t->qkvs_bias,
                4 * hidden, b->qkvs, 4 * hidden);
  hls_net_linear(&t->lin_edge, g->e, g->nedges, HLS_EDGE_DIM, b->edge_proj, hidden);
  hls_rt_tconv(N, hidden, g->in_offset, g->in_edge, v->edge_src, b->qkvs, b->edge_proj, b->scores,
               out);
}

void hls_net_hidden_states(const network *net, const graph_view *v, float *h) {
  size_t N = v->graph->nnodes, hidden = (size_t)net->hidden;
  tconv_buffers b;
  tconv_buffers_init(&b, v, hidden);
  float *layer_out = hls_xmalloc(N * hidden * sizeof(float));
  const float *in = v->graph->x;
  for (int l = 0; l < 6; l++) {
    tconv_graph(&net->convs[l], v, in, hidden, &b, layer_out);
    hls_rt_elu(layer_out, N * hidden);
    if (l == 0)
      memcpy(h, layer_out, N * hidden * sizeof(float));
    else
      hls_rt_max_into(h, layer_out, N * hidden);
    in = layer_out;
  }
  tconv_buffers_free(&b);
  free(layer_out);
}

void hls_net_conv7(const network *net, const graph_view *v, const float *h, const float *gate,
                   conv7_visitor *visit, void *ctx, float *out) {
  size_t N = v->graph->nnodes, hidden = (size_t)net->hidden, experts = (size_t)net->experts;
  tconv_buffers b;
  tconv_buffers_init(&b, v, hidden);
  float *expert_out = hls_xmalloc(N * hidden * sizeof(float));
  memset(out, 0, N * hidden * sizeof(float));
  for (size_t x = 0; x < (size_t)net->nconv7; x++) {
    tconv_graph(&net->conv7[x], v, h, hidden, &b, expert_out);
    for (size_t i = 0; i < N; i++)
      for (size_t c = 0; c < hidden; c++)
        out[i * hidden + c] += (gate ? gate[i * experts + x] : 1.0f) * expert_out[i * hidden + c];
    if (visit)
      visit(ctx, x, &b);
  }
  hls_rt_elu(out, N * hidden);
  tconv_buffers_free(&b);
  free(expert_out);
}

void hls_net_node_gates(const network *net, const float *h, size_t rows, float *gate) {
  size_t experts = (size_t)net->experts;
  hls_net_linear(&net->node_gate, h, rows, (size_t)net->hidden, gate, experts);
  hls_rt_softmax_rows(gate, rows, experts);
}

void hls_net_block_experts(const network *net, const float *h, size_t rows, float *out,
                           float *gate, float *expert_out) {
  size_t hidden = (size_t)net->hidden, experts = (size_t)net->experts;
  hls_net_linear(&net->block_gate, h, rows, hidden, gate, experts);
  hls_rt_softmax_rows(gate, rows, experts);
  hls_rt_linear(h, rows, hidden, hidden, net->block_stacked_weight, hidden,
                net->block_stacked_bias, experts * hidden, expert_out, experts * hidden);
  for (size_t r = 0; r < rows; r++)
    for (size_t c = 0; c < hidden; c++) {
      float acc = 0.0f;
      for (size_t i = 0; i < experts; i++)
        acc += gate[r * experts + i] * expert_out[(r * experts + i) * hidden + c];
      out[r * hidden + c] = acc;
    }
}

size_t hls_net_heads_scratch_floats(const network *net, size_t rows) {
  size_t concat = net->extra ? (size_t)(net->embedding_dim + net->extra) : 0;
  return rows * ((size_t)net->head_sets * net->targets * net->head_outputs +
                 (size_t)net->experts + 2 * 32 + concat);
}

void hls_net_heads(const network *net, const float *z, const float *backbone, size_t rows, float *y,
                   float *scratch) {
  size_t per = (size_t)net->targets * net->head_outputs;
  size_t zdim = (size_t)net->embedding_dim, in = zdim + (size_t)net->extra;
  float *set_out = scratch, *gate = set_out + rows * net->head_sets * per;
  float *mlp_scratch = gate + rows * net->experts, *zin = mlp_scratch + rows * 2 * 32;
  const float *head_in = z;
  if (net->extra) { /* z ‖ backbone ‖ flow one-hot, as the trainer concatenates them */
    size_t bw = (size_t)net->backbone_width;
    for (size_t r = 0; r < rows; r++) {
      float *row = zin + r * in;
      memcpy(row, z + r * zdim, zdim * sizeof(float));
      if (bw)
        memcpy(row + zdim, backbone + r * HLS_BACKBONE_FEATURES, bw * sizeof(float));
      for (int f = 0; f < net->flow_inputs; f++)
        row[zdim + bw + (size_t)f] = f == net->flow_slot ? 1.0f : 0.0f;
    }
    head_in = zin;
  }
  for (int s = 0; s < net->head_sets; s++)
    for (int t = 0; t < net->targets; t++)
      hls_net_mlp(&net->heads[s * net->targets + t], head_in, rows, in,
                  set_out + (size_t)s * per + t * net->head_outputs, net->head_sets * per, 0,
                  mlp_scratch);
  if (net->head_sets == 1) {
    memcpy(y, set_out, rows * per * sizeof(float));
    return;
  }
  hls_net_linear(&net->graph_gate, z, rows, (size_t)net->embedding_dim, gate,
                 (size_t)net->experts);
  hls_rt_softmax_rows(gate, rows, (size_t)net->experts);
  for (size_t r = 0; r < rows; r++)
    for (size_t k = 0; k < per; k++) {
      float acc = 0.0f;
      for (int s = 0; s < net->head_sets; s++)
        acc += gate[r * net->experts + s] * set_out[(r * net->head_sets + s) * per + k];
      y[r * per + k] = acc;
    }
}

size_t hls_net_outputs_scratch_floats(const hls_model *m, size_t rows) {
  return rows *
         (hls_model_embedding_dim(m) + 3 + (size_t)hls_model_output_count(m->config.task) * 2);
}

void hls_net_outputs(const hls_model *m, float *const *y, float *const *z, const float *backbone,
                     size_t rows, float *out, float *emb, float *scratch) {
  int targets = hls_model_output_count(m->config.task), head_outputs = m->nets[0].head_outputs;
  size_t per = (size_t)targets * head_outputs, emb_dim = hls_model_embedding_dim(m);
  const float *mixed = y[0];
  if (m->nnets == 3) {
    float *z_cat = scratch, *gate = z_cat + rows * emb_dim, *mix = gate + rows * 3;
    for (size_t r = 0; r < rows; r++) {
      size_t at = 0;
      for (int j = 0; j < 3; j++) {
        size_t width = (size_t)m->nets[j].embedding_dim;
        memcpy(z_cat + r * emb_dim + at, z[j] + r * width, width * sizeof(float));
        at += width;
      }
    }
    hls_net_linear(&m->hier_gate, z_cat, rows, emb_dim, gate, 3);
    hls_rt_softmax_rows(gate, rows, 3);
    for (size_t r = 0; r < rows; r++)
      for (size_t k = 0; k < per; k++)
        mix[r * per + k] = gate[r * 3] * y[0][r * per + k] + gate[r * 3 + 1] * y[1][r * per + k] +
                           gate[r * 3 + 2] * y[2][r * per + k];
    if (emb)
      memcpy(emb, z_cat, rows * emb_dim * sizeof(float));
    mixed = mix;
  } else if (emb) {
    memcpy(emb, z[0], rows * emb_dim * sizeof(float));
  }
  for (size_t r = 0; r < rows; r++)
    if (m->config.task == HLS_TASK_REGRESSION) {
      memcpy(out + r * targets, mixed + r * per, (size_t)targets * sizeof(float));
    } else { /* softmax(logits)[1] */
      float l0 = mixed[r * 2], l1 = mixed[r * 2 + 1];
      out[r] = 1.0f / (1.0f + expf(l0 - l1));
    }
  for (int t = 0; m->config.residual && t < targets; t++)
    if (m->config.residual & (1u << t)) {
      int f = hls_backbone_feature_index(hls_model_target_name(m->config.task, t));
      float w = m->config.residual_weighted & (1u << t) ? m->config.residual_weight[t] : 1.0f;
      for (size_t r = 0; r < rows; r++) /* the bounded correction, weighted, plus the estimate */
        out[r * targets + t] = w * hls_backbone_bound_correction(out[r * targets + t]) +
                               backbone[r * HLS_BACKBONE_FEATURES + (size_t)f];
    }
}

/* ---- the plain forward pass: the whole network per design point ---- */

/* Pragma layer on the scope rows: scope_h [S][D] from h and one pragma
 * matrix.  The first layers see the concatenation h_s ‖ P_s, as the
 * specification writes them. */
static void pragma_layer(const hls_model *m, const network *net, const graph_view *v,
                         const float *h, const float *pragma, float *scope_h) {
  size_t S = v->graph->nscopes, hidden = (size_t)net->hidden;
  float *in = hls_xmalloc((S + 1) * (hidden + HLS_PRAGMA_DIM) * sizeof(float));
  float *concat = hls_xmalloc((S + 1) * 3 * hidden * sizeof(float));
  float *scratch = hls_xmalloc((S + 1) * 2 * 3 * hidden * sizeof(float));
  for (int g = 0; g < 3; g++) {
    size_t width = hidden + (size_t)m->group_ncols[g];
    for (size_t s = 0; s < S; s++) {
      memcpy(in + s * width, h + (size_t)v->node_of_scope[s] * hidden, hidden * sizeof(float));
      for (int j = 0; j < m->group_ncols[g]; j++)
        in[s * width + hidden + j] = pragma[s * HLS_PRAGMA_DIM + m->group_col[g][j]];
    }
    hls_net_mlp(&net->pragma_mlp[g], in, S, width, concat + g * hidden, 3 * hidden, 0, scratch);
  }
  hls_net_mlp(&net->merge_mlp, concat, S, 3 * hidden, scope_h, hidden, 0, scratch);
  free(in);
  free(concat);
  free(scratch);
}

/* Σ softmax(gate(h_i)) h_i over the masked rows, in float, in one go: the
 * reference the incremental path's cached double sums are checked against. */
static void pool_once(const mlp *gate, const float *h, const uint8_t *mask, size_t rows,
                      size_t hidden, float *out) {
  float *g = hls_xmalloc((rows + 1) * sizeof(float));
  float *scratch = hls_xmalloc((rows + 1) * 2 * hidden * sizeof(float));
  hls_net_pool_gates(gate, h, rows, hidden, g, scratch);
  float mx = -INFINITY, sum = 0.0f;
  for (size_t i = 0; i < rows; i++)
    if (mask[i] && g[i] > mx)
      mx = g[i];
  memset(out, 0, hidden * sizeof(float));
  for (size_t i = 0; i < rows; i++)
    if (mask[i]) {
      float a = expf(g[i] - mx);
      sum += a;
      for (size_t c = 0; c < hidden; c++)
        out[c] += a * h[i * hidden + c];
    }
  for (size_t c = 0; c < hidden && sum > 0.0f; c++)
    out[c] /= sum;
  free(g);
  free(scratch);
}

/* h_last [N][D]: the node states after step 4 (conv7 or block experts). */
static void last_layer(const network *net, const graph_view *v, const float *h_pragma,
                       const uint8_t *is_block, float *h_last) {
  size_t N = v->graph->nnodes, hidden = (size_t)net->hidden, experts = (size_t)net->experts;
  if (net->kind == HLS_KIND_BLOCK) {
    float *gate = hls_xmalloc(experts * sizeof(float));
    float *expert_out = hls_xmalloc(experts * hidden * sizeof(float));
    memcpy(h_last, h_pragma, N * hidden * sizeof(float));
    for (size_t i = 0; i < N; i++)
      if (is_block[i])
        hls_net_block_experts(net, h_pragma + i * hidden, 1, h_last + i * hidden, gate,
                              expert_out);
    free(gate);
    free(expert_out);
    return;
  }
  float *gate = NULL;
  if (net->kind == HLS_KIND_NODE) {
    gate = hls_xmalloc(N * experts * sizeof(float));
    hls_net_node_gates(net, h_pragma, N, gate);
  }
  hls_net_conv7(net, v, h_pragma, gate, NULL, NULL, h_last);
  free(gate);
}

/* One network on one design point: embedding z and head outputs y. */
static void net_forward(const hls_model *m, const network *net, const graph_view *v,
                        const float *h, const float *pragma, const float *backbone, float *z,
                        float *y) {
  const hls_graph *g = v->graph;
  size_t N = g->nnodes, S = g->nscopes, hidden = (size_t)net->hidden;
  float *h_pragma = hls_xmalloc(N * hidden * sizeof(float));
  float *scope_h = hls_xmalloc((S + 1) * hidden * sizeof(float));
  memcpy(h_pragma, h, N * hidden * sizeof(float));
  pragma_layer(m, net, v, h, pragma, scope_h);
  for (size_t s = 0; s < S; s++)
    memcpy(h_pragma + (size_t)v->node_of_scope[s] * hidden, scope_h + s * hidden,
           hidden * sizeof(float));
  uint8_t *all = hls_xmalloc(N), *is_block = hls_xmalloc(N);
  for (size_t i = 0; i < N; i++) {
    all[i] = 1;
    is_block[i] = g->nodes[i].kind == HLS_NODE_BLOCK;
  }
  float *h_last = hls_xmalloc(N * hidden * sizeof(float));
  last_layer(net, v, h_pragma, is_block, h_last);
  if (net->has_pool_all) {
    pool_once(&net->pool_gate[POOL_ALL], h_last, all, N, hidden, z);
    pool_once(&net->pool_gate[POOL_BLOCK], h_last, is_block, N, hidden, z + hidden);
  } else {
    pool_once(&net->pool_gate[POOL_BLOCK], h_last, is_block, N, hidden, z);
  }
  float *scratch = hls_xmalloc(hls_net_heads_scratch_floats(net, 1) * sizeof(float));
  hls_net_heads(net, z, backbone, 1, y, scratch);
  free(scratch);
  free(h_pragma);
  free(scope_h);
  free(all);
  free(is_block);
  free(h_last);
}

int hls_model_score_full(const hls_model *m, const hls_graph *g, const float *pragma,
                         const float *backbone, size_t npoints, float *out, float *emb,
                         hls_diags *diags) {
  if (hls_model_uses_backbone(m) && !backbone)
    return -1;
  graph_view v;
  if (hls_net_view_graph(g, &v, diags)) {
    hls_net_free_view(&v);
    return -1;
  }
  size_t hidden = (size_t)m->config.hidden, targets = (size_t)hls_model_targets(m);
  size_t emb_dim = hls_model_embedding_dim(m);
  float *h[3], *z[3], *y[3];
  for (int i = 0; i < m->nnets; i++) {
    h[i] = hls_xmalloc(g->nnodes * hidden * sizeof(float));
    hls_net_hidden_states(&m->nets[i], &v, h[i]);
    z[i] = hls_xmalloc(2 * hidden * sizeof(float));
    y[i] = hls_xmalloc(HLS_MODEL_TARGETS_MAX * 2 * sizeof(float));
  }
  float *scratch = hls_xmalloc(hls_net_outputs_scratch_floats(m, 1) * sizeof(float));
  for (size_t p = 0; p < npoints; p++) {
    const float *b = backbone ? backbone + p * HLS_BACKBONE_FEATURES : NULL;
    for (int i = 0; i < m->nnets; i++)
      net_forward(m, &m->nets[i], &v, h[i], pragma + p * g->nscopes * HLS_PRAGMA_DIM, b, z[i],
                  y[i]);
    hls_net_outputs(m, y, z, b, 1, out + p * targets, emb ? emb + p * emb_dim : NULL, scratch);
  }
  for (int i = 0; i < m->nnets; i++) {
    free(h[i]);
    free(z[i]);
    free(y[i]);
  }
  free(scratch);
  hls_net_free_view(&v);
  return 0;
}
