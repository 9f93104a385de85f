// hls-moe -hls-rewrite: a chosen design written into the loop metadata, as
// hls.* values (docs/pragma-metadata.md) plus the matching llvm.loop hints.
#ifndef HLSMOE_PASS_REWRITE_H
#define HLSMOE_PASS_REWRITE_H

#include "llvm/Analysis/LoopInfo.h"

extern "C" {
#include "dse/dspace.h"
#include "graph/encode.h"
#include "graph/graph.h"
}

namespace hlsmoe {

// Replaces the knob values of loop GL (LLVM loop L) by those of a design of
// `Space`; the loop ID is marked hls.rewritten so that annotating the result
// again does not take the hints for user pragmas.
void rewriteLoop(llvm::Loop *L, const hls_graph_loop &GL, const hls_dspace *Space,
                 const hls_dspace_value *Values);

} // namespace hlsmoe

#endif
