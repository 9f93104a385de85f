/* A design space derived from the program graph, for kernels without a
 * ds_config file.  The rules (docs/exploration.md) are written out as a
 * ds_config text and parsed by dse/dspace.c, so derived and given spaces
 * are enumerated and checked by the same code. */
#ifndef HLSMOE_DSE_SPACE_H
#define HLSMOE_DSE_SPACE_H

#include "support/diag.h"
#include "dse/dspace.h"
#include "graph/graph.h"
#include "dse/point.h"

/* What a user may add to the derived rules. */
typedef struct {
  const unsigned *pipeline_ii; /* IIs above 1 that Vitis pipeline knobs may also take */
  size_t npipeline_ii;
} hls_space_options;

/* The ds_config JSON text of the derived space (caller frees); o may be NULL. */
char *hls_space_derive_text(const hls_graph *g, const hls_space_options *o);

/* The derived space, or NULL with errors in d; o may be NULL. */
hls_dspace *hls_space_derive(const hls_graph *g, const hls_space_options *o, hls_diags *d);

#endif
