// hls-moe: what the user runs.  Annotates the pragmas, builds the program
// graph, predicts latency, resources and validity for the pragmas as written
// with the HierMoE model in the C runtime, explores the design space, and
// reports ranked pragma choices as remarks (and a JSON report); optionally
// writes the best design into the loop metadata.
#ifndef HLSMOE_PASS_MOEPASS_H
#define HLSMOE_PASS_MOEPASS_H

#include "llvm/IR/PassManager.h"

namespace hlsmoe {

struct MoEPass : llvm::PassInfoMixin<MoEPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

} // namespace hlsmoe

#endif
