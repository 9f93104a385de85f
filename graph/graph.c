#include "graph/graph.h"

#include <stdlib.h>
#include <string.h>

#include "support/diag.h"

void hls_graph_free(hls_graph *g) {
  for (size_t f = 0; f < g->nfunctions; f++)
    free(g->functions[f]);
  free(g->functions);
  free(g->nodes);
  free(g->x);
  free(g->edges);
  free(g->e);
  free(g->loops);
  free(g->knobs);
  free(g->in_offset);
  free(g->in_edge);
  free(g->block_loop);
  memset(g, 0, sizeof *g);
}

const char *hls_node_kind_name(hls_node_kind k) {
  static const char *const names[] = {"instruction", "variable", "constant",
                                      "pragma",      "block",    "external"};
  return k < HLS_NODE_KINDS ? names[k] : "?";
}

const char *hls_flow_name(hls_flow f) {
  static const char *const names[] = {"control", "data",  "call", "pragma",
                                      "block",   "chain", "nest"};
  return f < HLS_FLOW_KINDS ? names[f] : "?";
}

const char *hls_knob_kind_name(hls_knob_kind k) {
  static const char *const names[] = {"pipeline", "parallel", "tile", "ii", "flatten"};
  return k < HLS_KNOB_KINDS ? names[k] : "?";
}

/* Counting sort of edge ids by destination; stable, so each node's incoming
 * edges keep edge order. */
void hls_graph_index(hls_graph *g) {
  free(g->in_offset);
  free(g->in_edge);
  g->in_offset = hls_xcalloc(g->nnodes + 1, sizeof *g->in_offset);
  g->in_edge = hls_xcalloc(g->nedges ? g->nedges : 1, sizeof *g->in_edge);
  for (size_t k = 0; k < g->nedges; k++)
    g->in_offset[g->edges[k].dst + 1]++;
  for (size_t v = 0; v < g->nnodes; v++)
    g->in_offset[v + 1] += g->in_offset[v];
  uint32_t *fill = hls_xmalloc((g->nnodes ? g->nnodes : 1) * sizeof *fill);
  memcpy(fill, g->in_offset, g->nnodes * sizeof *fill);
  for (size_t k = 0; k < g->nedges; k++)
    g->in_edge[fill[g->edges[k].dst]++] = (uint32_t)k;
  free(fill);
}

int hls_graph_knob_index(const hls_graph *g, const char *name) {
  size_t lo = 0, hi = g->nknobs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(g->knobs[mid].name, name);
    if (c == 0)
      return (int)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}
