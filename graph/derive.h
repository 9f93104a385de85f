/* Derived knobs: every loop of the kernel a knob, in the kernel's dialect.
 *
 * People do not write auto{} placeholders; they write pragmas, or none.  So a
 * loop whose slot has no auto{} gets a knob of its own, named as the HLSyn
 * data names them (__PIPE__L0, __PARA__L0_1, __TILE__L2; loops of a called
 * function carry its name: __PARA__helper_L0), whose value as written is
 * the literal pragma, or the tool's default when there is none.
 *
 * Same design, same graph: a derived slot is an ordinary pragma slot with a
 * knob, so it makes the pragma node a written pragma makes, and every loop
 * the derivation covers has all slots of its dialect (pipeline and parallel;
 * Merlin adds tile) whatever the source writes.  A kernel with its pragmas
 * written out and the same kernel without them, its derived knobs set to the
 * same values, therefore give the same nodes, edges and pragma vectors
 * (test/lit/moe/same-design.test).
 *
 * Vitis kernels also get __FLAT__<loop>, "NA" (no pragma: the tool flattens
 * the nest itself) or "off" (`loop_flatten off`), on the innermost loop of a
 * nest that may be flattened: its parent's only loop, of known trip count.
 * loop_flatten makes no pragma node, written or derived: it is a column of
 * the loop's scope row in the group only the analytic estimator reads
 * (graph/schema.def), since no labelled design point sets it. */
#ifndef HLSMOE_GRAPH_DERIVE_H
#define HLSMOE_GRAPH_DERIVE_H

#include "graph/graph.h"

struct hls_loop_fact; /* graph/builder.h */

typedef enum {
  /* every loop, unless the kernel declares its space with auto{} knobs
   * (the AutoDSE/HLSyn convention): then only those */
  HLS_KNOBS_AUTO,
  HLS_KNOBS_EVERY_LOOP, /* every slot without an auto{} knob, auto{} or not */
  HLS_KNOBS_DECLARED    /* auto{} knobs only */
} hls_knob_policy;

typedef struct {
  hls_knob_policy policy;
  int hold_written;    /* slots with a literal pragma keep it: no knob for them */
  hls_dialect dialect; /* the kernel's: the vocabulary of the derived knobs */
} hls_derive_options;

/* Gives the eligible loops (eligible[i] != 0: the kernel's own loops, not a
 * library's) their derived knobs, in place.  function_names[f] names
 * function f of the graph (0: the top).  sites[i] says where loop i is in
 * the source ("file:line:col", NULL when unknown): loops at one site, the
 * instances of a template's loop, share their knobs, since one pragma in
 * the source sets them all.  Returns the number of knobs made. */
size_t hls_derive_knobs(struct hls_loop_fact *loops, size_t nloops, const unsigned char *eligible,
                        const char *const *function_names, const char *const *sites,
                        const hls_derive_options *o);

/* Is `name` spelled as a derived knob (__PIPE__/__PARA__/__TILE__/__FLAT__ and a loop
 * name)?  The annotation's binder cannot know which loops get knobs; it
 * leaves such names to the design space's binder. */
int hls_derived_knob_name(const char *name);

/* The value as written of a derived slot, in its vocabulary (buf gets the
 * pipeline value or the factor in decimal). */
void hls_derived_written(const hls_graph_slot *s, int is_pipeline, char *buf, size_t cap);

#endif
