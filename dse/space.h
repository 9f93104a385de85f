/* A design space derived from the program graph, for kernels without a
 * ds_config file.  The rules (docs/exploration.md) are written out as a
 * ds_config text and parsed by dse/dspace.c, so derived and given spaces
 * are enumerated and checked by the same code. */
#ifndef HLSMOE_MODEL_SPACE_H
#define HLSMOE_MODEL_SPACE_H

#include "support/diag.h"
#include "dse/dspace.h"
#include "graph/graph.h"
#include "dse/point.h"

/* The ds_config JSON text of the derived space (caller frees). */
char *hls_space_derive_text(const hls_graph *g);

/* The derived space, or NULL with errors in d. */
hls_dspace *hls_space_derive(const hls_graph *g, hls_diags *d);

#endif
