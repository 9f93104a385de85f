/* A design point as the model sees it: one pragma vector per pragma-carrying
 * loop (a "scope"), columns as declared by PRAGMA_FEATURE in schema.def.
 * tools/train/schema.py implements the same rules; test/lit/graph checks the
 * two agree on real design points. */
#ifndef HLSMOE_ENCODE_H
#define HLSMOE_ENCODE_H

#include "support/diag.h"
#include "graph/graph.h"

/* The pragma matrix [g->nscopes][HLS_PRAGMA_DIM] of a design point: one value
 * per knob of the graph, in its knob order (NULL when the graph has no knobs),
 * of the knob's kind (dse/bind.h checks that).  Literal slot values are used
 * as written. */
void hls_encode_point(const hls_graph *g, const hls_value *point, float *out);

#endif
