// hls-graph: builds the ProGraph program graph of the module's kernel and
// exports it (JSON for training, DOT to look at).
//
// The shim gathers what LLVM's C API cannot give the C builder
// (graph/builder.h): the loop nest, each loop's exit compare, trip counts by
// scalar evolution on a canonicalised private copy of the module, and the
// pragma slots of the annotation (AnnotatePass.h).  The graph is an analysis:
// built once per run for every pass that asks.
#ifndef HLSMOE_PASS_GRAPHPASS_H
#define HLSMOE_PASS_GRAPHPASS_H

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/PassManager.h"

#include <memory>
#include <string>
#include <vector>

extern "C" {
#include "graph/graph.h"
#include "graph/derive.h"
}

namespace hlsmoe {

struct ProgramGraph {
  ProgramGraph();
  ~ProgramGraph();
  ProgramGraph(const ProgramGraph &) = delete;
  ProgramGraph &operator=(const ProgramGraph &) = delete;

  bool OK = false;                // false: errors were reported; G is empty
  hls_graph G;
  std::vector<llvm::Loop *> Loops; // the LLVM loop of each graph loop (same order)
  std::string KernelName;          // the top function's name
  llvm::Function *Kernel = nullptr; // the top function
  llvm::Function *Anchor = nullptr; // the first function of the graph
  hls_dialect Dialect = HLS_DIALECT_VITIS; // the kernel's: derived knobs, rewrites
  struct LoopSource {
    std::string File;          // "" when the loop has no location
    unsigned Line = 0, Col = 0;
    // per slot (pipeline, parallel, tile, then loop_flatten): the pragma's line, 0 when none
    unsigned PragmaLine[4] = {0, 0, 0, 0};
    std::string Label; // the source's label (`init: for`), "" when none: remarks and reports only
    std::string Function; // the source name of the loop's function (C++: not mangled), for people
  };
  std::vector<LoopSource> Sources; // per graph loop
};

class GraphAnalysis : public llvm::AnalysisInfoMixin<GraphAnalysis> {
  friend llvm::AnalysisInfoMixin<GraphAnalysis>;
  static llvm::AnalysisKey Key;

public:
  struct Result {
    std::unique_ptr<ProgramGraph> P;
    bool invalidate(llvm::Module &M, const llvm::PreservedAnalyses &PA,
                    llvm::ModuleAnalysisManager::Invalidator &Inv);
  };
  Result run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
};

// Annotates M, gets its graph and writes the -hls-graph-json/-dot exports
// (and the summary remark when EmitRemarks).  Returns null after reporting
// when a step fails.
const ProgramGraph *buildModuleGraph(llvm::Module &M, llvm::ModuleAnalysisManager &MAM,
                                     bool EmitRemarks);

struct GraphPass : llvm::PassInfoMixin<GraphPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

} // namespace hlsmoe

#endif
