/* Reads a graph exported by hls_graph_to_json back into memory (tools, the
 * runtime's parity tests).  Everything is validated before use. */
#ifndef HLSMOE_IMPORT_H
#define HLSMOE_IMPORT_H

#include "support/diag.h"
#include "graph/graph.h"

/* Returns 0, or -1 with an error naming `path` (g is then empty).  A graph
 * made with another feature schema is refused. */
int hls_graph_from_json(const char *path, const char *text, hls_graph *g, hls_diags *d);
int hls_graph_load(const char *path, hls_graph *g, hls_diags *d);

#endif
