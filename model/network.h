/* Internal to model/: the bound network and the building blocks that the
 * plain forward pass (hiermoe.c) and the incremental path (incremental.c)
 * share.  Not part of the API (that is model/hiermoe.h).
 *
 * Sharing the blocks is what keeps the two paths comparable: the incremental
 * path computes at prepare time, with the same functions, every value the
 * plain path would compute for a node the design point cannot reach. */
#ifndef HLSMOE_MODEL_NETWORK_H
#define HLSMOE_MODEL_NETWORK_H

#include <stddef.h>
#include <stdint.h>

#include "graph/graph.h"
#include "graph/schema.h"
#include "model/backbone.h"
#include "model/hiermoe.h"
#include "model/weights.h"
#include "runtime/kernels.h"
#include "support/diag.h"

/* ---- the loaded model: views into the weight file plus a few stacked copies ---- */

typedef struct {
  const float *weight; /* [out][in], PyTorch's layout */
  const float *bias;   /* [out], or NULL */
  int in, out;
} linear_layer;

typedef struct {
  linear_layer layer[4];
  int nlayers;
} mlp;

/* TransformerConv.  Query, key, value and skip are stacked into one [4D][in]
 * matrix so that one sgemm projects every node at once. */
typedef struct {
  linear_layer lin_edge; /* no bias */
  float *qkvs_weight;    /* [4D][in] */
  float *qkvs_bias;      /* [4D] */
  int in;
} tconv;

enum { POOL_ALL, POOL_BLOCK };

/* One low-level network (docs/model-format.md). */
typedef struct {
  hls_model_kind kind;
  int hidden, experts, embedding_dim;
  tconv convs[6];
  int nconv7;    /* 1 (harp, graph), experts (node), 0 (block) */
  tconv *conv7;  /* [nconv7] */
  /* Every conv7 projection stacked, [nconv7 * 4D][D] and [nconv7 * 4D]: the
   * incremental path projects a chunk's scope rows for all experts at once. */
  float *conv7_stacked_weight, *conv7_stacked_bias;
  linear_layer node_gate, block_gate;
  float *block_stacked_weight, *block_stacked_bias; /* [E * D][D], [E * D] */
  mlp pragma_mlp[3], merge_mlp;
  int has_pool_all;
  mlp pool_gate[2]; /* by POOL_ALL, POOL_BLOCK */
  /* What the heads read after z: extra = backbone_width analytic features
   * (config.backbone_inputs) then flow_inputs one-hot entries, 1 at flow_slot
   * (config.flow_inputs, config.flow_slot: a model across flows). */
  int extra, backbone_width, flow_inputs, flow_slot;
  int head_sets;    /* E for graph (expert copies of the head set), else 1 */
  int targets;      /* heads per set */
  int head_outputs; /* per head: 1 (regression), 2 logits (validity) */
  mlp *heads;       /* [head_sets * targets] */
  linear_layer graph_gate;
} network;

struct hls_model {
  hls_weights weights;
  hls_model_config config;
  int nnets;
  network nets[3]; /* hier: node, block, graph */
  linear_layer hier_gate;
  int group_col[3][HLS_PRAGMA_DIM]; /* pragma columns of each group */
  int group_ncols[3];
};

/* ---- the graph as the convolutions read it ---- */

typedef struct {
  const hls_graph *graph;
  int32_t *scope_of_node;  /* [N] pragma scope row, -1 for other nodes */
  uint32_t *node_of_scope; /* [S] */
  uint32_t *edge_src;      /* [edges] */
  size_t max_in_degree;    /* at least 1 */
} graph_view;

/* Returns 0, or -1 with errors in diags; free the view either way. */
int hls_net_view_graph(const hls_graph *g, graph_view *v, hls_diags *diags);
void hls_net_free_view(graph_view *v);

/* ---- building blocks ---- */

static inline void hls_net_linear(const linear_layer *l, const float *x, size_t rows, size_t ldx,
                                  float *y, size_t ldy) {
  hls_rt_linear(x, rows, (size_t)l->in, ldx, l->weight, (size_t)l->in, l->bias, (size_t)l->out, y,
                ldy);
}

/* out = MLP(x); scratch holds 2 * rows * (widest layer) floats.  relu selects
 * the activation between layers (ReLU for pooling gates, ELU elsewhere). */
void hls_net_mlp(const mlp *m, const float *x, size_t rows, size_t ldx, float *out, size_t ldo,
                 int relu, float *scratch);

/* Gate values of an attention pool for rows of h; scratch: 2 * rows * D. */
static inline void hls_net_pool_gates(const mlp *gate, const float *h, size_t rows, size_t hidden,
                                      float *values, float *scratch) {
  hls_net_mlp(gate, h, rows, hidden, values, 1, 1, scratch);
}

/* h [N][D] = max over layers of ELU(conv_k(...)), k = 1..6: the part of the
 * network no design point changes. */
void hls_net_hidden_states(const network *net, const graph_view *v, float *h);

/* Buffers of one TransformerConv over the whole graph. */
typedef struct {
  float *qkvs;       /* [N][4D] query, key, value, skip rows */
  float *edge_proj;  /* [edges][D] lin_edge of the edge features */
  float *scores;     /* [max in-degree] */
} tconv_buffers;

/* Sees the projections of every conv7 expert (the incremental path caches
 * rows of them). */
typedef void conv7_visitor(void *ctx, size_t expert, const tconv_buffers *b);

/* out [N][D] = ELU(Σ_x gate_x · conv7_x(h)) over every node: the one conv7 of
 * the whole graph.  gate [N][E] is the node gate (node kind) or NULL (one
 * expert of weight 1).  visit may be NULL. */
void hls_net_conv7(const network *net, const graph_view *v, const float *h, const float *gate,
                   conv7_visitor *visit, void *ctx, float *out);

/* gate [rows][E] = softmax(node_gate(h)). */
void hls_net_node_gates(const network *net, const float *h, size_t rows, float *gate);

/* out = Σ_i g_i block_expert_i(h) for rows of h (out may not alias h);
 * gate [rows][E] and expert_out [rows][E * D] are scratch. */
void hls_net_block_experts(const network *net, const float *h, size_t rows, float *out,
                           float *gate, float *expert_out);

/* Heads of one network on embeddings z [rows][Z]: y [rows][targets *
 * head_outputs] (regression values or validity logits). */
size_t hls_net_heads_scratch_floats(const network *net, size_t rows);
/* backbone: [rows][HLS_BACKBONE_FEATURES] when the heads read backbone
 * features, else unused; the flow one-hot the heads read too is the net's own. */
void hls_net_heads(const network *net, const float *z, const float *backbone, size_t rows, float *y,
                   float *scratch);

/* The model's outputs from its networks' head outputs y[j] [rows][per] and
 * embeddings z[j] [rows][Z_j]: the hier gate's mix, then p_valid from logits,
 * then the analytic value of residual targets added (backbone [rows][F], NULL
 * for a model without residual targets).  emb may be NULL. */
size_t hls_net_outputs_scratch_floats(const hls_model *m, size_t rows);
void hls_net_outputs(const hls_model *m, float *const *y, float *const *z, const float *backbone,
                     size_t rows, float *out, float *emb, float *scratch);

#endif
