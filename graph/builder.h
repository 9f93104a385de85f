/* Builds the ProGraph graph of a module through the LLVM C API.  Loop facts
 * (which LLVM's C API cannot compute: loop nests, scalar-evolution trip
 * counts, pragma slots from the hls.* metadata) come from the pass shim. */
#ifndef HLSMOE_BUILDER_H
#define HLSMOE_BUILDER_H

#include <llvm-c/Core.h>

#include "support/diag.h"
#include "graph/graph.h"

typedef struct hls_loop_fact {
  LLVMBasicBlockRef header;
  LLVMValueRef exit_compare; /* compare controlling the loop's exit, or NULL */
  int32_t function;          /* index into hls_build_input.functions */
  int32_t parent;            /* index into loops, -1 if outermost */
  uint32_t depth;
  int64_t trip_count;        /* 0 when unknown */
  int trip_known;
  char name[48];
  hls_graph_slot pipeline, parallel, tile;
  hls_graph_slot flatten; /* as hls_graph_loop.flatten */
} hls_loop_fact;

typedef struct {
  LLVMBasicBlockRef block;
  int32_t loop; /* innermost loop holding the block, -1 if none */
} hls_block_fact;

#define HLS_GRAPH_DEFAULT_MAX_NODES 200000

typedef struct {
  LLVMValueRef *functions; /* defined functions in graph order: kernel first */
  size_t nfunctions;
  const char *kernel; /* "" if no function is marked */
  const hls_loop_fact *loops; /* parents before children */
  size_t nloops;
  const hls_block_fact *blocks; /* every block of every function above */
  size_t nblocks;
  size_t max_nodes; /* 0: HLS_GRAPH_DEFAULT_MAX_NODES */
} hls_build_input;

/* Returns 0, or -1 after adding an error to *diags (g is then empty). */
int hls_graph_build(const hls_build_input *in, hls_graph *g, hls_diags *diags);

#endif
