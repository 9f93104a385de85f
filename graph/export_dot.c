#include "graph/export.h"

static const char *node_style(hls_node_kind k) {
  switch (k) {
  case HLS_NODE_INSTRUCTION:
    return "shape=box,style=filled,fillcolor=\"#dbe8f7\"";
  case HLS_NODE_VARIABLE:
    return "shape=ellipse,style=filled,fillcolor=\"#e4f2dc\"";
  case HLS_NODE_CONSTANT:
    return "shape=diamond,style=filled,fillcolor=\"#f6ecd2\"";
  case HLS_NODE_PRAGMA:
    return "shape=hexagon,style=filled,fillcolor=\"#f7d4d4\"";
  case HLS_NODE_BLOCK:
    return "shape=folder,style=filled,fillcolor=\"#e2dcf2\"";
  default:
    return "shape=doubleoctagon";
  }
}

static const char *edge_style(hls_flow f) {
  static const char *const styles[] = {
      "color=\"#1f4e99\"",             /* control */
      "color=\"#3d8b37\"",             /* data */
      "color=\"#b36b00\",style=bold",  /* call */
      "color=\"#c0392b\",style=bold",  /* pragma */
      "color=\"#9a8fc4\",style=dotted", /* block */
      "color=\"#6c5ba7\",style=dashed", /* chain */
      "color=\"#6c5ba7\",style=bold"}; /* nest */
  return f < HLS_FLOW_KINDS ? styles[f] : "";
}

/* Two-way relations are drawn once (their forward half). */
void hls_graph_write_dot(const hls_graph *g, FILE *out) {
  fprintf(out, "digraph \"%s\" {\n  node [fontname=\"Helvetica\",fontsize=10];\n",
          g->kernel[0] ? g->kernel : "module");
  for (size_t v = 0; v < g->nnodes; v++) {
    const hls_node *n = &g->nodes[v];
    fprintf(out, "  n%zu [label=\"%s\",%s];\n", v, n->text, node_style((hls_node_kind)n->kind));
  }
  for (size_t k = 0; k < g->nedges; k++) {
    const hls_edge *e = &g->edges[k];
    if (e->reverse)
      continue;
    fprintf(out, "  n%u -> n%u [%s", e->src, e->dst, edge_style((hls_flow)e->flow));
    if (e->flow == HLS_FLOW_DATA || e->flow == HLS_FLOW_CONTROL)
      fprintf(out, ",label=\"%u\"", e->position);
    fputs("];\n", out);
  }
  fputs("}\n", out);
}
