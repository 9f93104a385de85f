/* What a design writes on a loop: the pragma text of each slot under a
 * design point, in the slot's dialect (pragma/vocabulary.h).  Remarks say it,
 * the report records it for hls-rewrite. */
#ifndef HLSMOE_DSE_SETTING_H
#define HLSMOE_DSE_SETTING_H

#include <stddef.h>

#include "graph/graph.h"

/* The pragma (text after "#pragma ") that sets slot `group` (0 pipeline,
 * 1 parallel, 2 tile, 3 loop_flatten) of loop l under `values` (one per knob, in the graph's
 * knob order); "" when the design leaves that slot at the tool's default or
 * the loop has no such slot.  Returns 0, or -1 when the dialect cannot write
 * the value (buf then holds a description). */
int hls_slot_pragma(const hls_graph *g, const hls_graph_loop *l, int group,
                    const hls_value *values, char *buf, size_t cap);

/* The slots a loop may have: pipeline, parallel, tile, loop_flatten. */
#define HLS_LOOP_SLOTS 4

/* The slot of a group. */
const hls_graph_slot *hls_loop_slot(const hls_graph_loop *l, int group);

#endif
