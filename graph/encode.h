/* A design point as the model sees it: one pragma vector per pragma-carrying
 * loop (a "scope"), columns as declared by PRAGMA_FEATURE in schema.def.
 * tools/train/schema.py implements the same rules; test/lit/graph checks the
 * two agree on real design points. */
#ifndef HLSMOE_ENCODE_H
#define HLSMOE_ENCODE_H

#include "support/diag.h"
#include "graph/graph.h"

/* The value of one knob in a design point. */
typedef struct {
  hls_pipe_mode pipe; /* pipeline knobs */
  int64_t factor;     /* parallel and tile knobs */
} hls_knob_setting;

/* The pragma matrix [g->nscopes][HLS_PRAGMA_DIM] for knob settings
 * (NULL when the graph has no knobs).  Literal slot values are used as written. */
void hls_encode_settings(const hls_graph *g, const hls_knob_setting *settings, float *out);

#endif
