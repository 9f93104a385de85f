// Loop facts the C graph builder needs and LLVM's C API cannot compute: the
// loop nest in source order, each loop's exit compare, and trip counts.
//
// Trip counts come from scalar evolution on a private canonicalised copy of
// the module (mem2reg + loop-simplify, optnone dropped): -O0 IR keeps the
// induction variable in memory, where SCEV cannot see it.  The graph itself
// is built from the IR as given, so a user's module is never changed.
#ifndef HLSMOE_PASS_LOOPFACTS_H
#define HLSMOE_PASS_LOOPFACTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"

#include <vector>

namespace hlsmoe {

struct LoopFact {
  llvm::Loop *L = nullptr;
  int Function = -1;       // index into the function list given to compute()
  int Parent = -1;         // index into Loops
  unsigned Depth = 0;
  llvm::Instruction *ExitCompare = nullptr;
  int64_t TripCount = 0;   // body iterations: exact when TripKnown, else an upper bound or 0
  bool TripKnown = false;
};

class LoopFacts {
public:
  std::vector<LoopFact> Loops;                     // parents before children, source order
  llvm::DenseMap<llvm::BasicBlock *, int> Innermost; // block -> innermost loop, if any

  void compute(llvm::Module &M, llvm::ArrayRef<llvm::Function *> Functions,
               llvm::FunctionAnalysisManager &FAM);

private:
  void addLoop(llvm::Loop *L, int Function, int Parent);
  void computeTripCounts(llvm::Module &M, llvm::ArrayRef<llvm::Function *> Functions);
  static void bodyIterations(llvm::Loop *CL, llvm::ScalarEvolution &SE, LoopFact &Fact);
};

} // namespace hlsmoe

#endif
