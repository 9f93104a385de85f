// hls-moe's remarks: the prediction of the pragmas as written, the search,
// the ranked designs, a recommendation per loop, and the offline check.
// Each value is a named remark argument, so YAML and opt-viewer see it
// (docs/exploration.md lists the keys).
#ifndef HLSMOE_PASS_MOEREMARKS_H
#define HLSMOE_PASS_MOEREMARKS_H

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/PassManager.h"

#include <vector>

#include "GraphPass.h"

extern "C" {
#include "dse/dspace.h"
#include "dse/explore.h"
#include "dse/oracle.h"
#include "graph/graph.h"
#include "model/analytic.h"
}

namespace hlsmoe {

// What the remarks are about.
struct RemarkContext {
  llvm::FunctionAnalysisManager &FAM;
  const hls_graph &G;
  hls_dspace *Space;                  // null: a kernel without knobs (the search sets its deadline)
  const std::vector<llvm::Loop *> &Loops; // the LLVM loop of each graph loop
  llvm::Function *Kernel;             // where kernel-wide remarks attach
  const std::vector<ProgramGraph::LoopSource> &Sources; // per graph loop
  hls_dialect Dialect;                // the kernel's
  const char *FlowText;               // the tool, device and clock predicted for
  hls_analytic *Analytic = nullptr;   // the analytic predictor: loop tables in the remarks
};

// The remarks of an exploration (Explored: a search ran, not only a prediction).
void emitExplorationRemarks(const RemarkContext &C, const hls_explore_result &R, bool Explored);

// The remark of the offline check; K is the number of top designs compared.
void emitOracleRemark(const RemarkContext &C, const hls_oracle_result &R, size_t K);

} // namespace hlsmoe

#endif
