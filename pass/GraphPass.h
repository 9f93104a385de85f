// hls-graph: builds the ProGraph program graph of the module's kernel and
// exports it (JSON for training, DOT to look at).
//
// The shim gathers what LLVM's C API cannot give the C builder
// (graph/builder.h): the loop nest, each loop's exit compare, trip counts by
// scalar evolution on a canonicalised private copy of the module, and the
// pragma slots that hls-annotate wrote into the loop metadata.
#ifndef HLSMOE_PASS_GRAPHPASS_H
#define HLSMOE_PASS_GRAPHPASS_H

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/PassManager.h"

#include <vector>

extern "C" {
#include "graph/graph.h"
}

namespace hlsmoe {

// Annotates M, then builds its graph into *G.  Returns false after reporting
// when either step fails.  G must be released with hls_graph_free.  Loops,
// if given, receives the LLVM loop of each graph loop (same order).
bool buildModuleGraph(llvm::Module &M, llvm::ModuleAnalysisManager &MAM, hls_graph *G,
                      bool EmitRemarks, std::vector<llvm::Loop *> *Loops = nullptr);

struct GraphPass : llvm::PassInfoMixin<GraphPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

} // namespace hlsmoe

#endif
