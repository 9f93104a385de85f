// hls-annotate: HLS pragmas from the source text become loop metadata.
//
// The shim's part: ask LLVM's loop analysis for the loops, describe them and
// the module's source files to the C core (pragma/annotate.h), bind the
// -hls-point design point (dse/bind.h), then write the core's answer back as
// !llvm.loop operands (docs/pragma-metadata.md) and emit remarks.
//
// The annotation is an analysis: computed once per run, whichever passes ask
// for it, and its diagnostics reported once.  Later steps (the program graph,
// hls-moe) read it directly, never back from the metadata.
#ifndef HLSMOE_PASS_ANNOTATEPASS_H
#define HLSMOE_PASS_ANNOTATEPASS_H

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/PassManager.h"

#include <memory>
#include <vector>

extern "C" {
#include "dse/point.h"
#include "pragma/annotate.h"
}

namespace hlsmoe {

class ModuleDescription;

// The annotation of a module: what the C core made of its pragmas.
struct Annotation {
  Annotation();
  ~Annotation();
  Annotation(const Annotation &) = delete;
  Annotation &operator=(const Annotation &) = delete;

  bool OK = false;         // false: errors were reported; nothing here may be used
  hls_annotation Out;      // loops and functions parallel to loops() and functions()
  hls_point Point = {};    // the -hls-point design point, read once
  bool HavePoint = false;

  const std::vector<llvm::Function *> &functions() const; // defined functions, module order
  const std::vector<llvm::Loop *> &loops() const;         // parents before children, source order

  std::unique_ptr<ModuleDescription> Desc;
};

class AnnotationAnalysis : public llvm::AnalysisInfoMixin<AnnotationAnalysis> {
  friend llvm::AnalysisInfoMixin<AnnotationAnalysis>;
  static llvm::AnalysisKey Key;

public:
  struct Result {
    std::unique_ptr<Annotation> A;
    bool invalidate(llvm::Module &M, const llvm::PreservedAnalyses &PA,
                    llvm::ModuleAnalysisManager::Invalidator &Inv);
  };
  Result run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
};

// Functions clang makes for C++ (the terminate handler of exception landing
// pads, global constructors and destructors): no user code, no debug info,
// never part of a kernel.
bool isCompilerArtefact(const llvm::Function &F);

// Annotates M: the analysis's result written into the loop and function
// metadata, and its remarks when EmitRemarks.  Returns null (after reporting)
// when the pragmas cannot be trusted: the module is then left unchanged.
const Annotation *annotateModule(llvm::Module &M, llvm::ModuleAnalysisManager &MAM,
                                 bool EmitRemarks);

struct AnnotatePass : llvm::PassInfoMixin<AnnotatePass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  // clang -O0 marks every function optnone; annotation must still run.
  static bool isRequired() { return true; }
};

} // namespace hlsmoe

#endif
