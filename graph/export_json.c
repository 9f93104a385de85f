#include "graph/export.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

static cJSON *name_list(const char *(*name)(int), int n) {
  cJSON *a = cJSON_CreateArray();
  for (int c = 0; c < n; c++)
    cJSON_AddItemToArray(a, cJSON_CreateString(name(c)));
  return a;
}

static cJSON *pragma_feature_list(void) {
  static const char *const groups[] = {"pipeline", "parallel", "tile", "analytic"};
  cJSON *a = cJSON_CreateArray();
  for (int c = 0; c < HLS_PRAGMA_DIM; c++) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", hls_pragma_feature_name(c));
    cJSON_AddStringToObject(o, "group", groups[hls_pragma_feature_group(c)]);
    cJSON_AddItemToArray(a, o);
  }
  return a;
}

static cJSON *matrix(const float *m, size_t rows, size_t cols) {
  cJSON *a = cJSON_CreateArray();
  for (size_t r = 0; r < rows; r++)
    cJSON_AddItemToArray(a, cJSON_CreateFloatArray(m + r * cols, (int)cols));
  return a;
}

static cJSON *nodes_json(const hls_graph *g) {
  cJSON *o = cJSON_CreateObject();
  cJSON *kind = cJSON_AddArrayToObject(o, "kind");
  cJSON *text = cJSON_AddArrayToObject(o, "text");
  cJSON *function = cJSON_AddArrayToObject(o, "function");
  cJSON *block = cJSON_AddArrayToObject(o, "block");
  for (size_t v = 0; v < g->nnodes; v++) {
    const hls_node *n = &g->nodes[v];
    cJSON_AddItemToArray(kind, cJSON_CreateString(hls_node_kind_name((hls_node_kind)n->kind)));
    cJSON_AddItemToArray(text, cJSON_CreateString(n->text));
    cJSON_AddItemToArray(function, cJSON_CreateNumber(n->function));
    cJSON_AddItemToArray(block, cJSON_CreateNumber(n->block));
  }
  return o;
}

static cJSON *edges_json(const hls_graph *g) {
  cJSON *o = cJSON_CreateObject();
  cJSON *src = cJSON_AddArrayToObject(o, "src");
  cJSON *dst = cJSON_AddArrayToObject(o, "dst");
  cJSON *flow = cJSON_AddArrayToObject(o, "flow");
  cJSON *pos = cJSON_AddArrayToObject(o, "position");
  cJSON *rev = cJSON_AddArrayToObject(o, "reverse");
  for (size_t k = 0; k < g->nedges; k++) {
    const hls_edge *e = &g->edges[k];
    cJSON_AddItemToArray(src, cJSON_CreateNumber(e->src));
    cJSON_AddItemToArray(dst, cJSON_CreateNumber(e->dst));
    cJSON_AddItemToArray(flow, cJSON_CreateString(hls_flow_name((hls_flow)e->flow)));
    cJSON_AddItemToArray(pos, cJSON_CreateNumber(e->position));
    cJSON_AddItemToArray(rev, cJSON_CreateNumber(e->reverse));
  }
  return o;
}

static cJSON *slot_json(const hls_graph_slot *s, int is_pipeline) {
  if (!s->present)
    return cJSON_CreateNull();
  cJSON *o = cJSON_CreateObject();
  if (s->knob[0]) {
    cJSON_AddStringToObject(o, "knob", s->knob);
    /* the knob's values are read in this dialect's vocabulary */
    cJSON_AddStringToObject(o, "vocab", s->vocab == HLS_DIALECT_MERLIN ? "merlin" : "vitis");
    if (s->derived)
      cJSON_AddBoolToObject(o, "derived", 1);
  } else if (is_pipeline)
    cJSON_AddStringToObject(o, "mode", hls_pipe_mode_name(s->pipe));
  else
    cJSON_AddNumberToObject(o, "factor", (double)s->factor);
  if (is_pipeline && s->ii && !s->knob[0] && !s->ii_knob[0]) /* a knob's value carries its II */
    cJSON_AddNumberToObject(o, "ii", (double)s->ii);
  if (s->ii_knob[0])
    cJSON_AddStringToObject(o, "ii_knob", s->ii_knob);
  if (!is_pipeline)
    cJSON_AddBoolToObject(o, "reduction", s->reduction);
  return o;
}

/* A loop's loop_flatten: null, {"off": bool} as written, or its knob (whose
 * value carries it, as a pipeline knob's does). */
static cJSON *flatten_json(const hls_graph_slot *s) {
  if (!s->present)
    return cJSON_CreateNull();
  cJSON *o = cJSON_CreateObject();
  if (s->knob[0]) {
    cJSON_AddStringToObject(o, "knob", s->knob);
    if (s->derived)
      cJSON_AddBoolToObject(o, "derived", 1);
  } else
    cJSON_AddBoolToObject(o, "off", s->pipe == HLS_PIPE_OFF);
  return o;
}

static cJSON *loops_json(const hls_graph *g) {
  cJSON *a = cJSON_CreateArray();
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_graph_loop *gl = &g->loops[l];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", gl->name);
    cJSON_AddNumberToObject(o, "function", gl->function);
    cJSON_AddNumberToObject(o, "parent", gl->parent);
    cJSON_AddNumberToObject(o, "depth", gl->depth);
    cJSON_AddNumberToObject(o, "header_node", gl->header_node);
    cJSON_AddNumberToObject(o, "exit_compare_node", gl->exit_compare_node);
    cJSON_AddNumberToObject(o, "trip_count", (double)gl->trip_count);
    cJSON_AddBoolToObject(o, "trip_known", gl->trip_known);
    cJSON_AddNumberToObject(o, "scope", gl->scope);
    cJSON_AddItemToObject(o, "pipeline", slot_json(&gl->pipeline, 1));
    cJSON_AddItemToObject(o, "parallel", slot_json(&gl->parallel, 0));
    cJSON_AddItemToObject(o, "tile", slot_json(&gl->tile, 0));
    cJSON_AddItemToObject(o, "flatten", flatten_json(&gl->flatten));
    cJSON_AddItemToArray(a, o);
  }
  return a;
}

static cJSON *knobs_json(const hls_graph *g) {
  cJSON *a = cJSON_CreateArray();
  for (size_t k = 0; k < g->nknobs; k++) {
    const hls_graph_knob *kn = &g->knobs[k];
    const hls_graph_loop *gl = &g->loops[kn->loop];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", kn->name);
    cJSON_AddStringToObject(o, "kind", hls_knob_kind_name((hls_knob_kind)kn->kind));
    cJSON_AddStringToObject(o, "loop", gl->name);
    cJSON_AddStringToObject(o, "function", g->functions[gl->function]);
    cJSON_AddNumberToObject(o, "trip_count", (double)gl->trip_count);
    cJSON_AddBoolToObject(o, "trip_known", gl->trip_known);
    cJSON_AddStringToObject(o, "vocab", kn->vocab == HLS_DIALECT_MERLIN ? "merlin" : "vitis");
    if (kn->derived) {
      cJSON_AddBoolToObject(o, "derived", 1);
      cJSON_AddStringToObject(o, "written", kn->written);
    }
    cJSON_AddItemToArray(a, o);
  }
  return a;
}

char *hls_graph_to_json(const hls_graph *g, const char *source) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "format", "hlsmoe-graph");
  cJSON_AddStringToObject(root, "schema", hls_schema_id());
  cJSON_AddStringToObject(root, "source", source ? source : "");
  cJSON_AddStringToObject(root, "kernel", g->kernel);
  cJSON *fns = cJSON_AddArrayToObject(root, "functions");
  for (size_t f = 0; f < g->nfunctions; f++)
    cJSON_AddItemToArray(fns, cJSON_CreateString(g->functions[f]));
  cJSON_AddItemToObject(root, "node_features", name_list(hls_node_feature_name, HLS_NODE_DIM));
  cJSON_AddItemToObject(root, "edge_features", name_list(hls_edge_feature_name, HLS_EDGE_DIM));
  cJSON_AddItemToObject(root, "pragma_features", pragma_feature_list());
  cJSON_AddItemToObject(root, "nodes", nodes_json(g));
  cJSON_AddItemToObject(root, "x", matrix(g->x, g->nnodes, HLS_NODE_DIM));
  cJSON_AddItemToObject(root, "edges", edges_json(g));
  cJSON_AddItemToObject(root, "e", matrix(g->e, g->nedges, HLS_EDGE_DIM));
  cJSON_AddItemToObject(root, "loops", loops_json(g));
  cJSON_AddItemToObject(root, "knobs", knobs_json(g));
  cJSON *blocks = cJSON_AddArrayToObject(root, "block_loops");
  for (size_t k = 0; k < g->nblocks; k++)
    cJSON_AddItemToArray(blocks, cJSON_CreateNumber(g->block_loop[k]));
  char *text = cJSON_PrintUnformatted(root);
  cJSON_Delete(root);
  return text;
}
