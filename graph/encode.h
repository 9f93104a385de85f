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

/* Loop l's pipeline mode and II under a design point: the literal slot's, or
 * its knob's value read in the knob's vocabulary (pragma/vocabulary.h), the
 * II from an II=auto{K} knob when there is one.  No slot: HLS_PIPE_UNSET, II
 * 0.  Returns 0, or -1 when the knob's value is none of its vocabulary (the
 * mode is then HLS_PIPE_UNSET); the binder lets no such value through. */
int hls_loop_pipeline(const hls_graph *g, const hls_graph_loop *l, const hls_value *point,
                      hls_pipe_mode *mode, int64_t *ii);

/* A loop_flatten value as design points write it: "NA" (no pragma: the
 * tool's default, flatten) -> *off 0, "off" -> 1; -1 for anything else. */
int hls_flatten_value_parse(const char *value, int *off);

/* Does loop l say loop_flatten off under the design point (its literal
 * pragma, or its knob's value)? */
int hls_loop_flatten_off(const hls_graph *g, const hls_graph_loop *l, const hls_value *point);

#endif
