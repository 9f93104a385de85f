#include "GraphPass.h"

#include "AnnotatePass.h"
#include "Diagnostics.h"
#include "LoopFacts.h"
#include "LoopMetadata.h"
#include "PluginFiles.h"

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
static cl::opt<std::string> TopFunction(
    "hls-top", cl::value_desc("function"),
    cl::desc("The top function of the kernel (default: the one marked '#pragma ACCEL kernel' or "
             "'#pragma HLS top', else the one externally visible function no other calls)"));
static cl::opt<hls_knob_policy> KnobPolicy(
    "hls-knobs", cl::init(HLS_KNOBS_AUTO), cl::desc("Which loops get knobs (docs/exploration.md)"),
    cl::values(clEnumValN(HLS_KNOBS_AUTO, "auto",
                          "every loop, unless the kernel declares its space with auto{} knobs"),
               clEnumValN(HLS_KNOBS_EVERY_LOOP, "every-loop",
                          "every loop, auto{} knobs or not"),
               clEnumValN(HLS_KNOBS_DECLARED, "declared", "the auto{} knobs only")));
static cl::opt<bool> HoldWritten(
    "hls-hold-written", cl::init(false),
    cl::desc("Keep the pragmas written in the source as they are (explore only the loops' "
             "other slots)"));
static cl::opt<unsigned> GraphMaxNodes("hls-graph-max-nodes", cl::init(HLS_GRAPH_DEFAULT_MAX_NODES),
                                       cl::desc("Refuse graphs with more nodes than this"));

namespace hlsmoe {
namespace {

constexpr const char *PassName = "hls-graph";

// The name a user writes: the source name (C++: unmangled), else the IR name.
std::string sourceName(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    return SP->getName().str();
  return F.getName().str();
}

// "name (file:line), name (file:line)" in source order, for an error that
// lists candidates.
std::string listFunctions(ArrayRef<Function *> Candidates) {
  std::vector<Function *> Fns(Candidates.begin(), Candidates.end());
  auto Key = [](const Function *F) {
    const DISubprogram *SP = F->getSubprogram();
    return SP ? std::make_pair(filePath(SP->getFile()), SP->getLine()) : std::make_pair(std::string(), 0u);
  };
  std::stable_sort(Fns.begin(), Fns.end(), [&](Function *A, Function *B) { return Key(A) < Key(B); });
  std::string S;
  for (Function *F : Fns) {
    S += (S.empty() ? "" : ", ") + sourceName(*F);
    if (const DISubprogram *SP = F->getSubprogram())
      S += " (" + filePath(SP->getFile()) + ":" + std::to_string(SP->getLine()) + ")";
  }
  return S;
}

// Whether F is written in the file that was compiled, not in a header
// (inline functions and templates of headers are never the top).
bool inMainFile(const Function &F) {
  const DISubprogram *SP = F.getSubprogram();
  return !SP || !SP->getUnit() || !SP->getUnit()->getFile() ||
         filePath(SP->getFile()) == filePath(SP->getUnit()->getFile());
}

// Functions that could be the top: externally visible, not inline, in the
// compiled file, called by no other function of the module.  A testbench's
// main is no candidate, and its calls do not count (it calls the top).
std::vector<Function *> rootFunctions(ArrayRef<Function *> Fns) {
  std::set<const Function *> Called;
  for (Function *F : Fns) {
    if (F->getName() == "main")
      continue;
    for (Instruction &I : instructions(*F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (Function *Callee = CB->getCalledFunction())
          if (Callee != F)
            Called.insert(Callee);
  }
  std::vector<Function *> Roots;
  for (Function *F : Fns)
    if (!F->hasLocalLinkage() && !F->hasLinkOnceLinkage() && !F->hasWeakLinkage() &&
        inMainFile(*F) && !isLibraryFunction(*F) && !Called.count(F) && F->getName() != "main")
      Roots.push_back(F);
  return Roots;
}

// The top function: -hls-top, else the one marked by #pragma ACCEL kernel or
// #pragma HLS top, else the only root.  Null after an error listing the
// candidates.
Function *topFunction(Module &M, const Annotation &A, hls_diags *D) {
  const std::vector<Function *> &Fns = A.functions();
  const char *Where = M.getSourceFileName().c_str();
  if (!TopFunction.empty()) {
    std::vector<Function *> Match;
    for (Function *F : Fns)
      if (sourceName(*F) == TopFunction || F->getName() == TopFunction)
        Match.push_back(F);
    if (Match.size() == 1)
      return Match[0];
    if (Match.empty())
      hls_diag_add(D, HLS_SEV_ERROR, Where, 0, 0,
                   "no function '%s' to be the top function; the module defines: %s",
                   TopFunction.c_str(), Fns.empty() ? "nothing" : listFunctions(Fns).c_str());
    else
      hls_diag_add(D, HLS_SEV_ERROR, Where, 0, 0,
                   "'%s' names %zu functions: %s; give the top function's linkage name",
                   TopFunction.c_str(), Match.size(), listFunctions(Match).c_str());
    return nullptr;
  }
  for (size_t I = 0; I < Fns.size(); I++)
    if (A.Out.funcs[I].is_kernel)
      return Fns[I];
  for (size_t I = 0; I < Fns.size(); I++)
    for (size_t P = 0; P < A.Out.funcs[I].npragmas; P++)
      if (A.Out.funcs[I].pragmas[P]->dialect == HLS_DIALECT_VITIS &&
          strcmp(A.Out.funcs[I].pragmas[P]->keyword, "top") == 0)
        return Fns[I];
  std::vector<Function *> Roots = rootFunctions(Fns);
  if (Roots.size() == 1)
    return Roots[0];
  if (Roots.empty() && !Fns.empty())
    hls_diag_add(D, HLS_SEV_ERROR, Where, 0, 0,
                 "no function can be the top function (every externally visible one is called "
                 "by another): choose one with --top FUNC (-hls-top=FUNC)");
  else if (!Roots.empty())
    hls_diag_add(D, HLS_SEV_ERROR, Where, 0, 0,
                 "%zu functions could be the top function: %s; choose one with --top FUNC "
                 "(-hls-top=FUNC), '#pragma HLS top' or '#pragma ACCEL kernel'",
                 Roots.size(), listFunctions(Roots).c_str());
  return nullptr;
}

// The top function and every function it reaches by direct calls (top
// first, then in call order).
std::vector<Function *> graphFunctions(Module &M, const Annotation &A, Function *&Kernel,
                                       hls_diags *D) {
  Kernel = topFunction(M, A, D);
  std::vector<Function *> Order;
  if (!Kernel)
    return Order;
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

// An annotated pragma slot -> the graph's slot record: a value, when the
// pragma states one or the design point binds its knob, and the knob.
hls_graph_slot graphSlot(const hls_slot &Slot, bool IsPipeline) {
  hls_graph_slot S = {};
  S.present = Slot.present && (Slot.bound || Slot.knob[0] || Slot.ii_knob[0]);
  if (!S.present)
    return S;
  copyString(S.knob, sizeof S.knob, Slot.knob);
  copyString(S.ii_knob, sizeof S.ii_knob, Slot.ii_knob);
  S.vocab = (uint8_t)(Slot.origin ? Slot.origin->dialect : HLS_DIALECT_VITIS);
  if (IsPipeline) {
    S.pipe = Slot.bound ? Slot.pipe : HLS_PIPE_UNSET;
    S.ii = Slot.ii;
  } else {
    S.factor = Slot.bound ? Slot.factor : 0;
    S.reduction = Slot.has_reduction;
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
                     sourceName(*F).c_str());
      else if (CB->getCalledFunction() == F)
        hls_diag_add(D, HLS_SEV_WARNING, File.c_str(), Line, Col,
                     "'%s' calls itself: HLS tools cannot synthesize recursion; the graph keeps "
                     "the call edges",
                     sourceName(*F).c_str());
    }
  }
  (void)M;
}

// Where a loop and the pragmas of its slots stand (for hls-rewrite), and
// the label the user gave it (for remarks and reports).
ProgramGraph::LoopSource loopSource(const LoopFact &F, const hls_loop_result &R) {
  ProgramGraph::LoopSource S;
  S.Label = R.label;
  S.Function = sourceName(*F.L->getHeader()->getParent());
  if (DebugLoc DL = F.L->getStartLoc()) {
    S.File = filePath(cast<DIScope>(DL.getScope())->getFile());
    S.Line = DL.getLine();
    S.Col = DL.getCol();
  }
  const hls_slot *Slots[3] = {&R.pipeline, &R.parallel, &R.tile};
  for (int K = 0; K < 3; K++)
    if (Slots[K]->present && Slots[K]->origin && Slots[K]->origin->dialect != HLS_DIALECT_CLANG)
      S.PragmaLine[K] = Slots[K]->origin->line;
  if (R.flatten)
    S.PragmaLine[3] = R.flatten->line;
  return S;
}

// The kernel's dialect: Merlin when any of its functions holds an ACCEL
// pragma, else Vitis (plain C goes to Vitis; clang loop hints take Vitis's
// vocabulary).
hls_dialect kernelDialect(const Annotation &A, ArrayRef<Function *> Fns) {
  std::set<const Function *> InKernel(Fns.begin(), Fns.end());
  auto Merlin = [](const hls_pragma *const *P, size_t N) {
    for (size_t I = 0; I < N; I++)
      if (P[I]->dialect == HLS_DIALECT_MERLIN)
        return true;
    return false;
  };
  for (size_t I = 0; I < A.loops().size(); I++)
    if (InKernel.count(A.loops()[I]->getHeader()->getParent()) &&
        Merlin(A.Out.loops[I].pragmas, A.Out.loops[I].npragmas))
      return HLS_DIALECT_MERLIN;
  for (size_t I = 0; I < A.functions().size(); I++)
    if (InKernel.count(A.functions()[I]) && Merlin(A.Out.funcs[I].pragmas, A.Out.funcs[I].npragmas))
      return HLS_DIALECT_MERLIN;
  return HLS_DIALECT_VITIS;
}

// Every loop of the kernel's own code a knob (graph/derive.h); loops of
// library headers keep what they have.
void deriveKnobs(std::vector<hls_loop_fact> &Loops, ArrayRef<Function *> Fns, hls_dialect Dialect,
                 const std::vector<ProgramGraph::LoopSource> &Sources) {
  std::vector<unsigned char> Eligible;
  for (const hls_loop_fact &L : Loops)
    Eligible.push_back(!isLibraryFunction(*Fns[L.function]));
  // Knob names carry the function's source name up to its template
  // arguments ("argmax", not "argmax<ap_fixed<16, 6, ...>"): an identifier.
  std::vector<std::string> Names;
  for (Function *F : Fns) {
    std::string N = F->getSubprogram() ? F->getSubprogram()->getName().str() : F->getName().str();
    size_t End = 0;
    while (End < N.size() && (isalnum((unsigned char)N[End]) || N[End] == '_'))
      End++;
    Names.push_back(End ? N.substr(0, End) : "f");
  }
  std::vector<const char *> NamePtrs;
  for (const std::string &N : Names)
    NamePtrs.push_back(N.c_str());
  std::vector<std::string> Sites;
  for (const ProgramGraph::LoopSource &S : Sources)
    Sites.push_back(S.File.empty() ? "" : S.File + ":" + std::to_string(S.Line) + ":" +
                                               std::to_string(S.Col));
  std::vector<const char *> SitePtrs;
  for (const std::string &S : Sites)
    SitePtrs.push_back(S.empty() ? nullptr : S.c_str());
  hls_derive_options O = {KnobPolicy, HoldWritten, Dialect};
  hls_derive_knobs(Loops.data(), Loops.size(), Eligible.data(), NamePtrs.data(), SitePtrs.data(), &O);
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
    bool Bad = ferror(Out) != 0;
    Bad |= (Out != stdout ? fclose(Out) : fflush(Out)) != 0; // a full disk shows here
    if (Bad) {
      hls_diag_add(D, HLS_SEV_ERROR, GraphDOT.c_str(), 0, 0, "cannot write the graph DOT: %s",
                   strerror(errno ? errno : EIO));
      OK = false;
    }
  }
  return OK;
}

// Body iterations: scalar evolution's count; when it has none, or only an
// upper bound, the user's loop_tripcount (the smaller of the two bounds).
// A loop_tripcount that does not decide the count gets a remark saying why.
int64_t tripCount(const LoopFact &F, const hls_loop_result &R, hls_diags *D) {
  int64_t User = R.tripcount ? R.tripcount->tripcount : 0;
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

// Nodes the builder will make at least: one per instruction it keeps, one
// per value-producing instruction and argument (their variables), one per
// block.  Intrinsics it skips (graph/builder.c, is_skipped) are not counted.
size_t nodeLowerBound(ArrayRef<Function *> Fns) {
  size_t N = 1; // the external node
  for (Function *F : Fns) {
    N += F->arg_size();
    for (BasicBlock &B : *F) {
      N++;
      for (Instruction &I : B) {
        if (auto *II = dyn_cast<IntrinsicInst>(&I))
          if (II->isAssumeLikeIntrinsic() || isa<DbgInfoIntrinsic>(II))
            continue;
        N += 1 + !I.getType()->isVoidTy();
      }
    }
  }
  return N;
}

// A kernel whose graph must exceed the node limit is refused before the loop
// analyses, which canonicalise a copy of every function (10,000 loops spent
// 103 s there before the builder's limit applied), at the kernel's definition.
bool overNodeLimit(Module &M, ArrayRef<Function *> Fns, Function *Kernel, hls_diags *D) {
  size_t Nodes = Fns.empty() ? 0 : nodeLowerBound(Fns);
  if (Nodes <= GraphMaxNodes)
    return false;
  Function *At = Kernel ? Kernel : Fns.front();
  const DISubprogram *SP = At->getSubprogram();
  std::string Path = SP ? filePath(SP->getFile()) : M.getSourceFileName();
  hls_diag_add(D, HLS_SEV_ERROR, Path.c_str(), SP ? SP->getLine() : 0, 0,
               "the program graph of %s would have at least %zu nodes, over the limit of %u; "
               "raise it with -hls-graph-max-nodes or split the kernel",
               At->getName().str().c_str(), Nodes, (unsigned)GraphMaxNodes);
  return true;
}

} // namespace

ProgramGraph::ProgramGraph() { memset(&G, 0, sizeof G); }
ProgramGraph::~ProgramGraph() { hls_graph_free(&G); }

AnalysisKey GraphAnalysis::Key;

// Loop facts, the annotation's slots and the IR become the graph; its
// diagnostics are reported once, as the result is cached for the run.
GraphAnalysis::Result GraphAnalysis::run(Module &M, ModuleAnalysisManager &MAM) {
  auto P = std::make_unique<ProgramGraph>();
  const Annotation &A = *MAM.getResult<AnnotationAnalysis>(M).A;
  if (!A.OK)
    return {std::move(P)};
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  hls_diags D;
  hls_diags_init(&D);
  Function *Kernel = nullptr;
  std::vector<Function *> Fns;
  if (A.functions().empty())
    hls_diag_add(&D, HLS_SEV_ERROR, M.getSourceFileName().c_str(), 0, 0,
                 "the module defines no function, so there is no graph to build");
  else
    Fns = graphFunctions(M, A, Kernel, &D);
  warnIrregular(M, Fns, FAM, &D);
  if (overNodeLimit(M, Fns, Kernel, &D))
    Fns.clear(); // no loop facts, no graph: the error says why

  LoopFacts Facts;
  Facts.compute(M, Fns, FAM);
  DenseMap<const Loop *, size_t> Annotated; // LLVM loop -> annotation record
  for (size_t I = 0; I < A.loops().size(); I++)
    Annotated[A.loops()[I]] = I;

  std::vector<hls_loop_fact> Loops;
  for (const LoopFact &F : Facts.Loops) {
    const hls_loop_result &R = A.Out.loops[Annotated.lookup(F.L)];
    hls_loop_fact L = {};
    L.header = wrap(F.L->getHeader());
    L.exit_compare = F.ExitCompare ? wrap(static_cast<Value *>(F.ExitCompare)) : nullptr;
    L.function = F.Function;
    L.parent = F.Parent;
    L.depth = F.Depth;
    L.trip_count = tripCount(F, R, &D);
    L.trip_known = F.TripKnown;
    copyString(L.name, sizeof L.name, R.name);
    L.pipeline = graphSlot(R.pipeline, /*IsPipeline=*/true);
    L.parallel = graphSlot(R.parallel, false);
    L.tile = graphSlot(R.tile, false);
    if (R.flatten) {
      L.flatten.present = 1;
      L.flatten.pipe = R.flatten->pipe;
      L.flatten.vocab = HLS_DIALECT_VITIS;
    }
    Loops.push_back(L);
    P->Sources.push_back(loopSource(F, R));
  }
  P->Dialect = kernelDialect(A, Fns);
  deriveKnobs(Loops, Fns, P->Dialect, P->Sources);
  std::vector<hls_block_fact> Blocks;
  std::vector<LLVMValueRef> FnRefs;
  for (Function *F : Fns) {
    FnRefs.push_back(wrap(static_cast<Value *>(F)));
    for (BasicBlock &B : *F) {
      auto It = Facts.Innermost.find(&B);
      Blocks.push_back({wrap(&B), It == Facts.Innermost.end() ? -1 : It->second});
    }
  }
  P->Kernel = Kernel;
  P->KernelName = Kernel ? Kernel->getName().str() : "";
  P->Anchor = Fns.empty() ? nullptr : Fns.front();
  hls_build_input In = {FnRefs.data(), FnRefs.size(), P->KernelName.c_str(), Loops.data(),
                        Loops.size(),  Blocks.data(), Blocks.size(),         GraphMaxNodes};
  bool Built = D.errors == 0 && hls_graph_build(&In, &P->G, &D) == 0;
  hls_diags_sort(&D);
  P->OK = !emitDiagnostics(M, D, PassName) && Built;
  hls_diags_free(&D);
  for (const LoopFact &F : Facts.Loops)
    P->Loops.push_back(F.L);
  return {std::move(P)};
}

// The result holds LLVM loops and is made from the annotation: it goes when
// either goes.
bool GraphAnalysis::Result::invalidate(Module &M, const PreservedAnalyses &PA,
                                       ModuleAnalysisManager::Invalidator &Inv) {
  auto PAC = PA.getChecker<GraphAnalysis>();
  return (!PAC.preserved() && !PAC.preservedSet<AllAnalysesOn<Module>>()) ||
         Inv.invalidate<FunctionAnalysisManagerModuleProxy>(M, PA) ||
         Inv.invalidate<AnnotationAnalysis>(M, PA);
}

const ProgramGraph *buildModuleGraph(Module &M, ModuleAnalysisManager &MAM, bool EmitRemarks) {
  if (!annotateModule(M, MAM, /*EmitRemarks=*/false))
    return nullptr;
  const ProgramGraph &P = *MAM.getResult<GraphAnalysis>(M).P;
  if (!P.OK)
    return nullptr;
  hls_diags D;
  hls_diags_init(&D);
  bool Written = writeExports(P.G, M, &D);
  emitDiagnostics(M, D, PassName);
  hls_diags_free(&D);
  if (!Written)
    return nullptr;
  if (EmitRemarks) {
    auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    Function *Anchor = P.Anchor;
    auto &ORE = FAM.getResult<OptimizationRemarkEmitterAnalysis>(*Anchor);
    ORE.emit([&] {
      DebugLoc DL;
      if (DISubprogram *SP = Anchor->getSubprogram())
        DL = DILocation::get(M.getContext(), SP->getLine(), 1, SP);
      OptimizationRemarkAnalysis R(PassName, "Graph", DL, &Anchor->getEntryBlock());
      R << "program graph of " << ore::NV("Kernel", P.KernelName.empty() ? "module" : P.KernelName)
        << ": " << ore::NV("Summary", summary(P.G)) << "; schema "
        << ore::NV("Schema", hls_schema_id());
      return R;
    });
  }
  return &P;
}

PreservedAnalyses GraphPass::run(Module &M, ModuleAnalysisManager &MAM) {
  buildModuleGraph(M, MAM, /*EmitRemarks=*/true);
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  PA.preserve<LoopAnalysis>();
  PA.preserve<AnnotationAnalysis>();
  PA.preserve<GraphAnalysis>();
  PA.preserve<FunctionAnalysisManagerModuleProxy>();
  return PA;
}

} // namespace hlsmoe
