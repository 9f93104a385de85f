// hls-annotate: HLS pragmas from the source text become loop metadata.
//
// The shim's part: ask LLVM's loop analysis for the loops, describe them and
// the module's source files to the C core (graph/annotate.h), then write the
// core's answer back as !llvm.loop operands (docs/pragma-metadata.md) and
// emit remarks.  Later passes call annotateModule() first.
#ifndef HLSMOE_PASS_ANNOTATEPASS_H
#define HLSMOE_PASS_ANNOTATEPASS_H

#include "llvm/IR/PassManager.h"

#include <string>

namespace hlsmoe {

// Annotates M.  Returns false (after reporting) when the pragmas cannot be
// trusted: the module is then left unchanged.
bool annotateModule(llvm::Module &M, llvm::ModuleAnalysisManager &MAM, bool EmitRemarks);

// The design-point file given with -hls-point ("" if none).
const std::string &pointFileOption();

struct AnnotatePass : llvm::PassInfoMixin<AnnotatePass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  // clang -O0 marks every function optnone; annotation must still run.
  static bool isRequired() { return true; }
};

} // namespace hlsmoe

#endif
