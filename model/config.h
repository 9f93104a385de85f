/* The configuration of a HierMoE model and the tensors it needs
 * (docs/model-format.md).  One list, used by the weight reader to check a
 * file, by the network to bind its layers and by `hls-model random`. */
#ifndef HLSMOE_MODEL_CONFIG_H
#define HLSMOE_MODEL_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "model/targets.h"

typedef enum { HLS_KIND_HARP, HLS_KIND_NODE, HLS_KIND_BLOCK, HLS_KIND_GRAPH, HLS_KIND_HIER } hls_model_kind;
typedef enum { HLS_TASK_REGRESSION, HLS_TASK_VALIDITY } hls_model_task;

#define HLS_MODEL_TARGETS_MAX HLS_REGRESSION_TARGETS /* outputs per point, at most */
#define HLS_MODEL_HIDDEN_MAX 4096
#define HLS_MODEL_EXPERTS_MAX 64

typedef struct {
  hls_model_task task;
  hls_model_kind kind;
  int hidden;   /* D */
  int experts;  /* E */
  int node_dim, edge_dim;
  int groups[3]; /* Gp, Gq, Gt */
  /* Built on the analytic estimate (model/backbone.def; both 0 for the
   * paper's network): backbone features the heads read beside the graph
   * embedding (0 or HLS_BACKBONE_FEATURES), and a bit per regression target
   * predicted as a residual to its backbone feature of the same name. */
  int backbone_inputs;
  unsigned residual;
  /* The weight of a residual target's correction, for the targets whose bit
   * is set in residual_weighted (metadata backbone_residual_scale); the rest
   * take their correction whole.  0: the target is the estimate alone. */
  unsigned residual_weighted;
  float residual_weight[HLS_MODEL_TARGETS_MAX];
  /* One model across flows (tools/train --with-versions): the heads also read
   * a one-hot over model/flows.def after the backbone features (flow_inputs:
   * 0 or hls_tool_flow_count()), set at flow_slot, the flow the model records
   * and predicts; -1 when it reads no flow. */
  int flow_inputs;
  int flow_slot;
} hls_model_config;

const char *hls_model_kind_name(hls_model_kind k);
const char *hls_model_task_name(hls_model_task t);
int hls_model_kind_from_name(const char *s);  /* -1 if unknown */
int hls_model_task_from_name(const char *s);  /* -1 if unknown */
/* The targets of model/targets.def, joined by ",": "perf,util_LUT,...", or "valid". */
const char *hls_model_targets_string(hls_model_task t);
/* Outputs per design point: the regression targets, or 1 (p_valid). */
int hls_model_output_count(hls_model_task t);
/* Name of target i of a task ("perf", ..., "valid"). */
const char *hls_model_target_name(hls_model_task t, int i);

/* Width of the graph embedding of a configuration: 2D (harp, node, graph),
 * D (block), 5D (hier). */
size_t hls_model_config_embedding_dim(const hls_model_config *c);

/* The pragma group widths of this build (graph/schema.def). */
void hls_model_build_groups(int groups[3]);
/* The configuration of this build for a task, kind and hidden size. */
void hls_model_config_default(hls_model_config *c, hls_model_task t, hls_model_kind k, int hidden);

typedef struct {
  char name[96];
  int ndim; /* 1 or 2 */
  int64_t shape[2];
} hls_tensor_spec;

typedef struct {
  hls_tensor_spec *items;
  size_t count, capacity;
} hls_spec;

/* Every tensor the configuration needs, in a fixed order. */
void hls_model_spec(const hls_model_config *c, hls_spec *out);
void hls_spec_free(hls_spec *s);

#endif
