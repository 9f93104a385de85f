#include "GraphPass.h"

#include "AnnotatePass.h"
#include "Diagnostics.h"
#include "LoopFacts.h"
#include "LoopMetadata.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Support/CommandLine.h"

#include <set>
#include <string>
#include <vector>

extern "C" {
#include "graph/builder.h"
#include "graph/export.h"
}

using namespace llvm;

static cl::opt<std::string> GraphJSON("hls-graph-json", cl::value_desc("file"),
                                      cl::desc("Write the program graph as JSON ('-' for stdout)"));
static cl::opt<std::string> GraphDOT("hls-graph-dot", cl::value_desc("file"),
                                     cl::desc("Write the program graph as Graphviz DOT"));
static cl::opt<unsigned> GraphMaxNodes("hls-graph-max-nodes", cl::init(HLS_GRAPH_DEFAULT_MAX_NODES),
                                       cl::desc("Refuse graphs with more nodes than this"));

namespace hlsmoe {
namespace {

constexpr const char *PassName = "hls-graph";

// The kernel and every function it reaches by direct calls (kernel first,
// then in call order); every defined function when no kernel is marked.
std::vector<Function *> graphFunctions(Module &M, Function *&Kernel) {
  Kernel = nullptr;
  for (Function &F : M)
    if (!F.isDeclaration() && F.getMetadata("hls.kernel")) {
      Kernel = &F;
      break;
    }
  std::vector<Function *> Order;
  if (!Kernel) {
    for (Function &F : M)
      if (!F.isDeclaration())
        Order.push_back(&F);
    return Order;
  }
  std::set<Function *> Seen{Kernel};
  Order.push_back(Kernel);
  for (size_t I = 0; I < Order.size(); I++)
    for (Instruction &Inst : instructions(*Order[I]))
      if (auto *CB = dyn_cast<CallBase>(&Inst))
        if (Function *Callee = CB->getCalledFunction())
          if (!Callee->isDeclaration() && Seen.insert(Callee).second)
            Order.push_back(Callee);
  return Order;
}

void copyString(char *Dst, size_t Cap, StringRef S) {
  size_t N = std::min(S.size(), Cap - 1);
  memcpy(Dst, S.data(), N);
  Dst[N] = '\0';
}

// hls.* operands of a loop's metadata -> the graph's slot record.
hls_graph_slot readSlot(MDNode *ID, StringRef Name) {
  hls_graph_slot S = {};
  std::string Base = ("hls." + Name).str();
  MDNode *Value = findOptionMDForLoopID(ID, Name == "pipeline" ? Base : Base + ".factor");
  MDNode *Knob = findOptionMDForLoopID(ID, Base + ".knob");
  S.present = Value || Knob;
  if (Knob)
    copyString(S.knob, sizeof S.knob, stringOperand(Knob));
  if (Name == "pipeline") {
    StringRef Mode = stringOperand(Value);
    S.pipe = Mode == "off" ? HLS_PIPE_OFF : Mode == "cg" ? HLS_PIPE_CG : Mode == "fg" ? HLS_PIPE_FG
                                                                                      : HLS_PIPE_UNSET;
    S.ii = intOperand(findOptionMDForLoopID(ID, Base + ".ii"));
  } else {
    S.factor = intOperand(Value);
    S.reduction = findOptionMDForLoopID(ID, Base + ".reduction") != nullptr;
  }
  return S;
}

// ---- warnings about shapes the graph represents in a documented way -------

void warnIrregular(Module &M, ArrayRef<Function *> Fns, FunctionAnalysisManager &FAM,
                   hls_diags *D) {
  std::set<Function *> InGraph(Fns.begin(), Fns.end());
  for (Function *F : Fns) {
    std::string File = F->getSubprogram() ? filePath(F->getSubprogram()->getFile()) : "";
    ReversePostOrderTraversal<const Function *> RPOT(F);
    if (containsIrreducibleCFG<const BasicBlock *>(RPOT, FAM.getResult<LoopAnalysis>(*F)))
      hls_diag_add(D, HLS_SEV_WARNING, File.c_str(), F->getSubprogram() ? F->getSubprogram()->getLine() : 0,
                   0,
                   "function '%s' has irreducible control flow: its cycles are not loops to LLVM, "
                   "so they get no pragma slots or trip counts in the graph",
                   F->getName().str().c_str());
    for (Instruction &I : instructions(*F)) {
      auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || CB->isInlineAsm() || isa<IntrinsicInst>(CB))
        continue;
      const DILocation *L = I.getDebugLoc().get();
      unsigned Line = L ? L->getLine() : 0, Col = L ? L->getColumn() : 0;
      if (!CB->getCalledFunction())
        hls_diag_add(D, HLS_SEV_WARNING, File.c_str(), Line, Col,
                     "indirect call in '%s': the callee is unknown, so the graph models it as a "
                     "call to external code",
                     F->getName().str().c_str());
      else if (CB->getCalledFunction() == F)
        hls_diag_add(D, HLS_SEV_WARNING, File.c_str(), Line, Col,
                     "'%s' calls itself: HLS tools cannot synthesize recursion; the graph keeps "
                     "the call edges",
                     F->getName().str().c_str());
    }
  }
  (void)M;
}

std::string summary(const hls_graph &G) {
  size_t Kinds[HLS_NODE_KINDS] = {};
  for (size_t V = 0; V < G.nnodes; V++)
    Kinds[G.nodes[V].kind]++;
  std::string S = std::to_string(G.nnodes) + " nodes (";
  for (int K = 0; K < HLS_NODE_KINDS; K++)
    S += (K ? ", " : "") + std::to_string(Kinds[K]) + " " + hls_node_kind_name((hls_node_kind)K);
  S += "), " + std::to_string(G.nedges) + " edges, " + std::to_string(G.nloops) + " loops, " +
       std::to_string(G.nscopes) + " with pragmas, " + std::to_string(G.nknobs) + " knobs";
  return S;
}

bool writeExports(const hls_graph &G, Module &M, hls_diags *D) {
  bool OK = true;
  if (!GraphJSON.empty()) {
    char *Text = hls_graph_to_json(&G, M.getSourceFileName().c_str());
    if (!Text || hls_write_text(GraphJSON.c_str(), Text) != 0) {
      hls_diag_add(D, HLS_SEV_ERROR, GraphJSON.c_str(), 0, 0, "cannot write the graph JSON: %s",
                   strerror(errno));
      OK = false;
    }
    free(Text);
  }
  if (!GraphDOT.empty()) {
    FILE *Out = GraphDOT == "-" ? stdout : fopen(GraphDOT.c_str(), "w");
    if (!Out) {
      hls_diag_add(D, HLS_SEV_ERROR, GraphDOT.c_str(), 0, 0, "cannot write the graph DOT: %s",
                   strerror(errno));
      return false;
    }
    hls_graph_write_dot(&G, Out);
    if (Out != stdout)
      fclose(Out);
    else
      fflush(Out);
  }
  return OK;
}

// Body iterations: scalar evolution's count; when it has none, or only an
// upper bound, the user's loop_tripcount (the smaller of the two bounds).
// A loop_tripcount that does not decide the count gets a remark saying why.
int64_t tripCount(const LoopFact &F, MDNode *ID, hls_diags *D) {
  int64_t User = intOperand(findOptionMDForLoopID(ID, "hls.tripcount"));
  if (User <= 0 || (!F.TripKnown && (F.TripCount == 0 || User <= F.TripCount)))
    return User > 0 ? User : F.TripCount;
  DebugLoc DL = F.L->getStartLoc();
  std::string File = DL ? filePath(cast<DIScope>(DL.getScope())->getFile()) : "";
  hls_diag_add(D, HLS_SEV_REMARK, File.c_str(), DL ? DL.getLine() : 0, DL ? DL.getCol() : 0,
               "loop_tripcount %lld does not set this loop's trip count: the compiler %s %lld",
               (long long)User, F.TripKnown ? "counts exactly" : "bounds it by",
               (long long)F.TripCount);
  return F.TripCount;
}

} // namespace

bool buildModuleGraph(Module &M, ModuleAnalysisManager &MAM, hls_graph *G, bool EmitRemarks,
                      std::vector<Loop *> *LoopsOut) {
  memset(G, 0, sizeof *G);
  if (!annotateModule(M, MAM, /*EmitRemarks=*/false))
    return false;
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  Function *Kernel = nullptr;
  std::vector<Function *> Fns = graphFunctions(M, Kernel);

  hls_diags D;
  hls_diags_init(&D);
  if (Fns.empty())
    hls_diag_add(&D, HLS_SEV_ERROR, M.getSourceFileName().c_str(), 0, 0,
                 "the module defines no function, so there is no graph to build");
  warnIrregular(M, Fns, FAM, &D);

  LoopFacts Facts;
  Facts.compute(M, Fns, FAM);

  std::vector<hls_loop_fact> Loops;
  for (const LoopFact &F : Facts.Loops) {
    hls_loop_fact L = {};
    L.header = wrap(F.L->getHeader());
    L.exit_compare = F.ExitCompare ? wrap(static_cast<Value *>(F.ExitCompare)) : nullptr;
    L.function = F.Function;
    L.parent = F.Parent;
    L.depth = F.Depth;
    MDNode *ID = F.L->getLoopID();
    L.trip_count = tripCount(F, ID, &D);
    L.trip_known = F.TripKnown;
    copyString(L.name, sizeof L.name, stringOperand(findOptionMDForLoopID(ID, "hls.loop.name")));
    L.pipeline = readSlot(ID, "pipeline");
    L.parallel = readSlot(ID, "parallel");
    L.tile = readSlot(ID, "tile");
    Loops.push_back(L);
  }
  std::vector<hls_block_fact> Blocks;
  std::vector<LLVMValueRef> FnRefs;
  for (Function *F : Fns) {
    FnRefs.push_back(wrap(static_cast<Value *>(F)));
    for (BasicBlock &B : *F) {
      auto It = Facts.Innermost.find(&B);
      Blocks.push_back({wrap(&B), It == Facts.Innermost.end() ? -1 : It->second});
    }
  }
  std::string KernelName = Kernel ? Kernel->getName().str() : "";
  hls_build_input In = {FnRefs.data(), FnRefs.size(), KernelName.c_str(), Loops.data(),
                        Loops.size(),  Blocks.data(), Blocks.size(),      GraphMaxNodes};
  bool OK = D.errors == 0 && hls_graph_build(&In, G, &D) == 0;
  if (OK)
    OK = writeExports(*G, M, &D);
  hls_diags_sort(&D);
  bool Failed = emitDiagnostics(M, D, PassName);
  hls_diags_free(&D);
  if (Failed || !OK) {
    hls_graph_free(G);
    return false;
  }
  if (LoopsOut)
    for (const LoopFact &F : Facts.Loops)
      LoopsOut->push_back(F.L);
  if (EmitRemarks) {
    Function *Anchor = Fns.front();
    auto &ORE = FAM.getResult<OptimizationRemarkEmitterAnalysis>(*Anchor);
    ORE.emit([&] {
      DebugLoc DL;
      if (DISubprogram *SP = Anchor->getSubprogram())
        DL = DILocation::get(M.getContext(), SP->getLine(), 1, SP);
      OptimizationRemarkAnalysis R(PassName, "Graph", DL, &Anchor->getEntryBlock());
      R << "program graph of " << ore::NV("Kernel", KernelName.empty() ? "module" : KernelName)
        << ": " << ore::NV("Summary", summary(*G)) << "; schema "
        << ore::NV("Schema", hls_schema_id());
      return R;
    });
  }
  return true;
}

PreservedAnalyses GraphPass::run(Module &M, ModuleAnalysisManager &MAM) {
  hls_graph G;
  buildModuleGraph(M, MAM, &G, /*EmitRemarks=*/true);
  hls_graph_free(&G);
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  PA.preserve<LoopAnalysis>();
  return PA;
}

} // namespace hlsmoe
