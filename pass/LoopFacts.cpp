#include "LoopFacts.h"

#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/LoopSimplify.h"
#include "llvm/Transforms/Utils/Mem2Reg.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#include <algorithm>

using namespace llvm;

namespace hlsmoe {
namespace {

std::pair<unsigned, unsigned> sourceKey(const Loop *L) {
  const DILocation *S = L->getLocRange().getStart().get();
  return S ? std::make_pair(S->getLine(), S->getColumn()) : std::make_pair(~0u, ~0u);
}

// The compare deciding whether the loop exits: the header's if the header
// exits (clang's for/while shape), else the first exiting block's.
Instruction *exitCompare(const Loop *L) {
  SmallVector<BasicBlock *, 4> Exiting;
  L->getExitingBlocks(Exiting);
  BasicBlock *Pick = nullptr;
  for (BasicBlock *B : Exiting)
    if (B == L->getHeader())
      Pick = B;
  if (!Pick && !Exiting.empty())
    Pick = Exiting.front();
  if (!Pick)
    return nullptr;
  auto *Br = dyn_cast<BranchInst>(Pick->getTerminator());
  if (!Br || !Br->isConditional())
    return nullptr;
  return dyn_cast<CmpInst>(Br->getCondition());
}

// Bounds this large say nothing about a kernel's size (an int-typed
// induction variable against an unknown limit): treated as unknown.
constexpr uint64_t MaxUsefulBound = 1u << 20;

} // namespace

// How many times the loop body runs.  SCEV counts backedges; a loop tested
// at the top (clang's for/while) runs its body once per backedge, a loop
// tested at the bottom (do/while, or rotated) once more.
void LoopFacts::bodyIterations(Loop *CL, ScalarEvolution &SE, LoopFact &Fact) {
  BasicBlock *Latch = CL->getLoopLatch();
  bool TopTested = CL->isLoopExiting(CL->getHeader()) && !(Latch && CL->isLoopExiting(Latch) &&
                                                           Latch != CL->getHeader());
  uint64_t Extra = TopTested ? 0 : 1;
  if (auto *Exact = dyn_cast<SCEVConstant>(SE.getBackedgeTakenCount(CL))) {
    Fact.TripCount = (int64_t)(Exact->getAPInt().getLimitedValue(MaxUsefulBound) + Extra);
    Fact.TripKnown = Fact.TripCount <= (int64_t)MaxUsefulBound;
  } else if (auto *Max = dyn_cast<SCEVConstant>(SE.getConstantMaxBackedgeTakenCount(CL))) {
    uint64_t Bound = Max->getAPInt().getLimitedValue(MaxUsefulBound + 1) + Extra;
    Fact.TripCount = Bound <= MaxUsefulBound ? (int64_t)Bound : 0;
  }
  if (!Fact.TripKnown && Fact.TripCount > (int64_t)MaxUsefulBound)
    Fact.TripCount = 0;
}

void LoopFacts::addLoop(Loop *L, int Function, int Parent) {
  LoopFact F;
  F.L = L;
  F.Function = Function;
  F.Parent = Parent;
  F.Depth = L->getLoopDepth();
  F.ExitCompare = exitCompare(L);
  int Index = (int)Loops.size();
  Loops.push_back(F);
  for (BasicBlock *B : L->blocks())
    Innermost[B] = Index; // children overwrite below
  std::vector<Loop *> Subs(L->begin(), L->end());
  std::stable_sort(Subs.begin(), Subs.end(),
                   [](Loop *A, Loop *B) { return sourceKey(A) < sourceKey(B); });
  for (Loop *Sub : Subs)
    addLoop(Sub, Function, Index);
}

void LoopFacts::compute(Module &M, ArrayRef<Function *> Functions, FunctionAnalysisManager &FAM) {
  for (size_t I = 0; I < Functions.size(); I++) {
    LoopInfo &LI = FAM.getResult<LoopAnalysis>(*Functions[I]);
    std::vector<Loop *> Top(LI.begin(), LI.end());
    std::reverse(Top.begin(), Top.end());
    std::stable_sort(Top.begin(), Top.end(),
                     [](Loop *A, Loop *B) { return sourceKey(A) < sourceKey(B); });
    for (Loop *L : Top)
      addLoop(L, (int)I, -1);
  }
  computeTripCounts(M, Functions);
}

void LoopFacts::computeTripCounts(Module &M, ArrayRef<Function *> Functions) {
  if (Loops.empty())
    return;
  ValueToValueMapTy VMap;
  std::unique_ptr<Module> Copy = CloneModule(M, VMap);

  PassBuilder PB;
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  FunctionPassManager Canonicalise;
  Canonicalise.addPass(PromotePass());
  Canonicalise.addPass(LoopSimplifyPass());

  for (Function *F : Functions) {
    auto *CF = cast<Function>(VMap[F]);
    CF->removeFnAttr(Attribute::OptimizeNone);
    Canonicalise.run(*CF, FAM);
  }
  for (LoopFact &Fact : Loops) {
    auto *CF = cast<Function>(VMap[Fact.L->getHeader()->getParent()]);
    auto *CH = cast<BasicBlock>(VMap[Fact.L->getHeader()]);
    LoopInfo &LI = FAM.getResult<LoopAnalysis>(*CF);
    ScalarEvolution &SE = FAM.getResult<ScalarEvolutionAnalysis>(*CF);
    Loop *CL = LI.getLoopFor(CH);
    if (!CL || CL->getHeader() != CH)
      continue;
    bodyIterations(CL, SE, Fact);
  }
}

} // namespace hlsmoe
