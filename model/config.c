#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/diag.h"
#include "graph/schema.h"

static const char *const kind_names[] = {"harp", "node", "block", "graph", "hier"};
static const char *const task_names[] = {"regression", "validity"};
static const char *const regression_targets[] = {
#define TARGET(name) #name,
#define VALIDITY_TARGET(name)
#define PERF_TRANSFORM(reference, divisor)
#include "model/targets.def"
#undef TARGET
#undef VALIDITY_TARGET
#undef PERF_TRANSFORM
};
/* The joined names, each after a ',' (the first one skipped when used). */
static const char regression_list[] =
#define TARGET(name) "," #name
#define VALIDITY_TARGET(name)
#define PERF_TRANSFORM(reference, divisor)
#include "model/targets.def"
#undef TARGET
#undef VALIDITY_TARGET
#undef PERF_TRANSFORM
    ;
static const char validity_target[] =
#define TARGET(name)
#define VALIDITY_TARGET(name) #name
#define PERF_TRANSFORM(reference, divisor)
#include "model/targets.def"
#undef TARGET
#undef VALIDITY_TARGET
#undef PERF_TRANSFORM
    ;

const char *hls_model_kind_name(hls_model_kind k) { return kind_names[k]; }
const char *hls_model_task_name(hls_model_task t) { return task_names[t]; }

int hls_model_kind_from_name(const char *s) {
  for (int i = 0; i < 5; i++)
    if (strcmp(s, kind_names[i]) == 0)
      return i;
  return -1;
}

int hls_model_task_from_name(const char *s) {
  for (int i = 0; i < 2; i++)
    if (strcmp(s, task_names[i]) == 0)
      return i;
  return -1;
}

const char *hls_model_targets_string(hls_model_task t) {
  return t == HLS_TASK_REGRESSION ? regression_list + 1 : validity_target;
}

int hls_model_output_count(hls_model_task t) {
  return t == HLS_TASK_REGRESSION ? HLS_REGRESSION_TARGETS : 1;
}

const char *hls_model_target_name(hls_model_task t, int i) {
  return t == HLS_TASK_REGRESSION ? regression_targets[i] : validity_target;
}

size_t hls_model_config_embedding_dim(const hls_model_config *c) {
  size_t d = c->hidden > 0 ? (size_t)c->hidden : 0;
  return c->kind == HLS_KIND_HIER ? 5 * d : c->kind == HLS_KIND_BLOCK ? d : 2 * d;
}

void hls_model_build_groups(int groups[3]) {
  groups[0] = groups[1] = groups[2] = 0;
  for (int c = 0; c < HLS_PRAGMA_DIM; c++)
    if (hls_pragma_feature_group(c) < HLS_MLP_GROUPS) /* the analytic group feeds no MLP */
      groups[hls_pragma_feature_group(c)]++;
}

void hls_model_config_default(hls_model_config *c, hls_model_task t, hls_model_kind k, int hidden) {
  memset(c, 0, sizeof *c);
  c->task = t;
  c->kind = k;
  c->hidden = hidden;
  c->experts = 4;
  c->node_dim = HLS_NODE_DIM;
  c->edge_dim = HLS_EDGE_DIM;
  hls_model_build_groups(c->groups);
  c->flow_slot = -1;
}

/* ---- the tensor list ---- */

static void add(hls_spec *s, int64_t rows, int64_t cols, const char *fmt, ...) HLS_PRINTF(4, 5);

static void add(hls_spec *s, int64_t rows, int64_t cols, const char *fmt, ...) {
  if (s->count == s->capacity) {
    s->capacity = s->capacity ? 2 * s->capacity : 256;
    s->items = hls_xrealloc(s->items, s->capacity * sizeof *s->items);
  }
  hls_tensor_spec *t = &s->items[s->count++];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(t->name, sizeof t->name, fmt, ap);
  va_end(ap);
  t->ndim = cols < 0 ? 1 : 2;
  t->shape[0] = rows;
  t->shape[1] = cols < 0 ? 0 : cols;
}

/* Linear(in, out): weight [out, in], bias [out] unless bias == 0. */
static void linear(hls_spec *s, const char *prefix, int64_t in, int64_t out, int bias) {
  add(s, out, in, "%s.weight", prefix);
  if (bias)
    add(s, out, -1, "%s.bias", prefix);
}

static void mlp(hls_spec *s, const char *prefix, const int64_t *widths, int layers) {
  char name[128];
  for (int l = 0; l < layers; l++) {
    snprintf(name, sizeof name, "%s.%d", prefix, l);
    linear(s, name, widths[l], widths[l + 1], 1);
  }
}

static void tconv(hls_spec *s, const char *prefix, int64_t in, int64_t d, int64_t fe) {
  static const char *const lins[] = {"lin_query", "lin_key", "lin_value", "lin_skip"};
  char name[128];
  for (int i = 0; i < 4; i++) {
    snprintf(name, sizeof name, "%s.%s", prefix, lins[i]);
    linear(s, name, in, d, 1);
  }
  snprintf(name, sizeof name, "%s.lin_edge", prefix);
  linear(s, name, fe, d, 0);
}

static void heads(hls_spec *s, const char *net, const char *set, const hls_model_config *c,
                  int64_t z) {
  int64_t widths[5] = {z + c->backbone_inputs + c->flow_inputs, 32, 16, 8,
                        c->task == HLS_TASK_REGRESSION ? 1 : 2};
  char name[96];
  for (int t = 0; t < hls_model_output_count(c->task); t++) {
    snprintf(name, sizeof name, "%s.head%s.%s", net, set, hls_model_target_name(c->task, t));
    mlp(s, name, widths, 4);
  }
}

static void network(hls_spec *s, const hls_model_config *c, hls_model_kind k) {
  const char *net = kind_names[k];
  int64_t d = c->hidden, e = c->experts;
  char name[96];
  for (int l = 1; l <= 6; l++) {
    snprintf(name, sizeof name, "%s.conv%d", net, l);
    tconv(s, name, l == 1 ? c->node_dim : d, d, c->edge_dim);
  }
  static const char *const groups[] = {"pragma_pipeline", "pragma_parallel", "pragma_tile"};
  for (int g = 0; g < 3; g++) {
    int64_t w[3] = {d + c->groups[g], d / 2, d};
    snprintf(name, sizeof name, "%s.%s", net, groups[g]);
    mlp(s, name, w, 2);
  }
  int64_t merge[3] = {3 * d, 3 * d / 2, d};
  snprintf(name, sizeof name, "%s.pragma_merge", net);
  mlp(s, name, merge, 2);
  if (k == HLS_KIND_HARP || k == HLS_KIND_GRAPH) {
    snprintf(name, sizeof name, "%s.conv7", net);
    tconv(s, name, d, d, c->edge_dim);
  } else if (k == HLS_KIND_NODE) {
    for (int i = 0; i < e; i++) {
      snprintf(name, sizeof name, "%s.conv7.expert%d", net, i);
      tconv(s, name, d, d, c->edge_dim);
    }
    snprintf(name, sizeof name, "%s.node_gate", net);
    linear(s, name, d, e, 0);
  } else {
    for (int i = 0; i < e; i++) {
      snprintf(name, sizeof name, "%s.block_expert%d", net, i);
      linear(s, name, d, d, 1);
    }
    snprintf(name, sizeof name, "%s.block_gate", net);
    linear(s, name, d, e, 0);
  }
  int64_t gate[3] = {d, d, 1};
  if (k != HLS_KIND_BLOCK) {
    snprintf(name, sizeof name, "%s.pool_all.gate", net);
    mlp(s, name, gate, 2);
  }
  snprintf(name, sizeof name, "%s.pool_block.gate", net);
  mlp(s, name, gate, 2);
  int64_t z = k == HLS_KIND_BLOCK ? d : 2 * d;
  if (k == HLS_KIND_GRAPH) {
    for (int i = 0; i < e; i++) {
      char set[32];
      snprintf(set, sizeof set, ".expert%d", i);
      heads(s, net, set, c, z);
    }
    snprintf(name, sizeof name, "%s.graph_gate", net);
    linear(s, name, z, e, 0);
  } else {
    heads(s, net, "", c, z);
  }
}

void hls_model_spec(const hls_model_config *c, hls_spec *out) {
  memset(out, 0, sizeof *out);
  if (c->kind != HLS_KIND_HIER) {
    network(out, c, c->kind);
    return;
  }
  network(out, c, HLS_KIND_NODE);
  network(out, c, HLS_KIND_BLOCK);
  network(out, c, HLS_KIND_GRAPH);
  linear(out, "hier_gate", 5 * (int64_t)c->hidden, 3, 1);
}

void hls_spec_free(hls_spec *s) {
  free(s->items);
  memset(s, 0, sizeof *s);
}
