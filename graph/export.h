/* Graph exports: JSON (what the training tools read, docs/graph-schema.md)
 * and Graphviz DOT (to look at). */
#ifndef HLSMOE_EXPORT_H
#define HLSMOE_EXPORT_H

#include <stdio.h>

#include "graph/graph.h"

/* The JSON text of a graph; caller frees with free().  NULL on allocation failure. */
char *hls_graph_to_json(const hls_graph *g, const char *source);

void hls_graph_write_dot(const hls_graph *g, FILE *out);

#endif
