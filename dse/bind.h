/* Binding a design point (dse/point.h) to a kernel's knobs: the one place
 * that reads knob values out of a point.  Three consumers want the values in
 * three shapes: the annotation (slot values for loop metadata), the program
 * graph (knob settings for the pragma encoder, graph/encode.h) and a design
 * space (values in the space's knob order, dse/dspace.h).  Each reports what
 * does not fit in the terms its caller knows: the pragma that wrote the knob,
 * the graph's knob list, or the space. */
#ifndef HLSMOE_DSE_BIND_H
#define HLSMOE_DSE_BIND_H

#include "dse/dspace.h"
#include "dse/point.h"
#include "graph/encode.h"
#include "graph/graph.h"
#include "pragma/annotate.h"
#include "support/diag.h"

/* Gives every knob slot of the annotation its value from `pt`; errors (a knob
 * without a value, a value of the wrong kind, a value for no knob) go to
 * out->diags, located at the pragma or in the point file. */
void hls_bind_annotation(const hls_annotate_input *in, hls_annotation *out, hls_point *pt);

/* The design point of a point file for the graph's knobs: one value per knob
 * in its order (g->knobs), strings borrowed from pt.  Every knob needs a
 * value of its kind; unknown names are errors.  Returns 0 or -1. */
int hls_bind_graph(const hls_graph *g, hls_point *pt, hls_value *point, hls_diags *d);

/* Parses `text` as a design point (dse/point.h), binds it to the graph's
 * knobs and encodes it into pragma[g->nscopes][HLS_PRAGMA_DIM]: the path from
 * a JSON line to the model's input.  `point` is scratch for g->nknobs + 1
 * values.  Returns 0, or -1 with errors naming `where`. */
int hls_encode_text(const hls_graph *g, const char *where, const char *text, hls_value *point,
                    float *pragma, hls_diags *d);

/* The knob values the source states: literal slot values cannot be knobs, so
 * this is the space's default for every knob unless `pt` (may be NULL) gives
 * a value.  values has one entry per knob of the space.  Strings are borrowed
 * from the point or the space.  Returns 0, or -1 with errors in d. */
int hls_bind_space(const hls_dspace *s, const hls_point *pt, hls_dspace_value *values,
                   hls_diags *d);

/* Do the space's knobs match the graph's, name for name and kind for kind?
 * Returns 0, or -1 with an error per mismatch naming `where` (the space's file). */
int hls_bind_check_space(const hls_graph *g, const hls_dspace *s, const char *where,
                         hls_diags *d);

/* Is a point of the space a design point of the graph, value for value of
 * the knob's kind?  Space and graph order their knobs alike (by name), so a
 * point of the one is a point of the other.  Returns 0, or -1 with an error
 * naming `where` (the space's file). */
int hls_bind_check_design(const hls_graph *g, const hls_dspace *s, const hls_value *point,
                          const char *where, hls_diags *d);

#endif
