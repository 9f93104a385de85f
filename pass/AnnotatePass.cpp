#include "AnnotatePass.h"

#include "Diagnostics.h"
#include "LoopMetadata.h"
#include "MetadataKeys.h"
#include "PluginFiles.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

extern "C" {
#include "dse/bind.h"
#include "pragma/annotate.h"
}

using namespace llvm;

static cl::opt<std::string>
    PointFile("hls-point", cl::value_desc("file.json"),
              cl::desc("Bind auto{KNOB} placeholders to the values of this design point "
                       "(HLSyn 'point' format, or a whole dataset line)"));

namespace hlsmoe {

namespace {
constexpr const char *PassName = "hls-annotate";
} // namespace

// The module as the C core sees it; owns the strings the C structs point to.
class ModuleDescription {
public:
  std::vector<hls_file_desc> Files;
  std::vector<hls_func_desc> Funcs;
  std::vector<hls_loop_desc> Loops;
  std::vector<Function *> FuncRefs;
  std::vector<Loop *> LoopRefs;
  std::vector<std::string> MissingDebugInfo; // defined functions without a subprogram
  std::vector<hls_symbol> Symbols;            // constants pragma values may name

  void build(Module &M, ModuleAnalysisManager &MAM);

private:
  std::vector<std::string> Paths;
  std::map<std::string, int> FileIndex;
  std::vector<std::string> Sources;
  std::vector<std::string> Checksums; // DWARF 5 MD5 of each file, "" if none

  std::deque<std::string> SymbolText; // owns what Symbols point to

  int fileOf(const DIFile *File);
  void addLoop(Loop *L, int Parent, int Func);
  void addSymbol(StringRef Name, StringRef Text);
  void addMacros(DIMacroNodeArray Nodes);
  void collectSymbols(Module &M);
};

int ModuleDescription::fileOf(const DIFile *File) {
  if (!File)
    return -1;
  std::string Path = filePath(File);
  auto [It, New] = FileIndex.try_emplace(Path, (int)Paths.size());
  if (New) {
    Paths.push_back(Path);
    std::optional<StringRef> Src = File->getSource();
    Sources.push_back(Src ? Src->str() : std::string());
    auto Sum = File->getChecksum();
    Checksums.push_back(Sum && Sum->Kind == DIFile::CSK_MD5 ? Sum->Value.str() : std::string());
    Files.push_back({nullptr, Src ? "" : nullptr, 0, nullptr});
  }
  return It->second;
}

static void readHints(Loop *L, hls_loop_desc &D) {
  MDNode *ID = L->getLoopID();
  if (!ID || findOptionMDForLoopID(ID, md::Rewritten))
    return; // hls-moe -hls-rewrite wrote these hints from the design, not the user
  D.hint_unroll_count = intOperand(findOptionMDForLoopID(ID, md::UnrollCount));
  D.hint_unroll_full = findOptionMDForLoopID(ID, md::UnrollFull) != nullptr;
  D.hint_unroll_disable = findOptionMDForLoopID(ID, md::UnrollDisable) != nullptr;
  D.hint_pipeline_ii = intOperand(findOptionMDForLoopID(ID, md::PipelineII));
  MDNode *Disable = findOptionMDForLoopID(ID, md::PipelineDisable);
  D.hint_pipeline_disable = Disable && intOperand(Disable, 1) != 0;
}

void ModuleDescription::addLoop(Loop *L, int Parent, int Func) {
  hls_loop_desc D = {};
  D.func = Func;
  D.parent = Parent;
  D.depth = L->getLoopDepth();
  D.file = -1;
  Loop::LocRange Range = L->getLocRange();
  if (const DILocation *Start = Range.getStart().get()) {
    D.file = fileOf(Start->getFile());
    D.start_line = Start->getLine();
    D.start_col = Start->getColumn();
    const DILocation *End = Range.getEnd().get();
    D.end_line = End ? End->getLine() : Start->getLine();
    D.end_col = End ? End->getColumn() : Start->getColumn();
  }
  readHints(L, D);
  int Index = (int)Loops.size();
  Loops.push_back(D);
  LoopRefs.push_back(L);
  // Source order, so that indices do not depend on LoopInfo's internal order.
  std::vector<Loop *> Subs(L->begin(), L->end());
  std::stable_sort(Subs.begin(), Subs.end(), [](Loop *A, Loop *B) {
    auto Key = [](Loop *X) {
      const DILocation *S = X->getLocRange().getStart().get();
      return S ? std::make_pair(S->getLine(), S->getColumn()) : std::make_pair(~0u, ~0u);
    };
    return Key(A) < Key(B);
  });
  for (Loop *Sub : Subs)
    addLoop(Sub, Index, Func);
}

void ModuleDescription::addSymbol(StringRef Name, StringRef Text) {
  SymbolText.push_back(Name.str());
  const char *N = SymbolText.back().c_str();
  SymbolText.push_back(Text.str());
  Symbols.push_back({N, SymbolText.back().c_str()});
}

// Object-like macros of -fdebug-macro debug info, in definition order.
void ModuleDescription::addMacros(DIMacroNodeArray Nodes) {
  for (DIMacroNode *Node : Nodes) {
    if (auto *File = dyn_cast<DIMacroFile>(Node))
      addMacros(File->getElements());
    else if (auto *Macro = dyn_cast<DIMacro>(Node))
      if (Macro->getMacinfoType() == dwarf::DW_MACINFO_define && !Macro->getName().contains('('))
        addSymbol(Macro->getName(), Macro->getValue());
  }
}

// The names a pragma value may use: macros (with -fdebug-macro), integer
// constants the debug info records (const globals, also those folded away),
// and constant integer globals of the IR.
void ModuleDescription::collectSymbols(Module &M) {
  for (DICompileUnit *CU : M.debug_compile_units()) {
    addMacros(CU->getMacros());
    for (DIGlobalVariableExpression *GVE : CU->getGlobalVariables())
      if (GVE->getExpression()->getNumElements() >= 2 &&
          GVE->getExpression()->getElement(0) == dwarf::DW_OP_constu)
        addSymbol(GVE->getVariable()->getName(),
                  std::to_string(GVE->getExpression()->getElement(1)));
  }
  for (GlobalVariable &G : M.globals()) {
    auto *Init = G.isConstant() && G.hasInitializer() ? dyn_cast<ConstantInt>(G.getInitializer()) : nullptr;
    if (!Init)
      continue;
    SmallVector<DIGlobalVariableExpression *, 1> GVEs;
    G.getDebugInfo(GVEs);
    addSymbol(GVEs.empty() ? G.getName() : GVEs[0]->getVariable()->getName(),
              std::to_string(Init->getSExtValue()));
  }
}

void ModuleDescription::build(Module &M, ModuleAnalysisManager &MAM) {
  collectSymbols(M);
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    if (isCompilerArtefact(F))
      continue;
    DISubprogram *SP = F.getSubprogram();
    hls_func_desc D = {};
    D.file = SP ? fileOf(SP->getFile()) : -1;
    D.line = SP ? SP->getLine() : 0;
    D.last_line = D.line;
    for (Instruction &I : instructions(F))
      if (const DILocation *L = I.getDebugLoc().get())
        if (L->getFile() && fileOf(L->getFile()) == D.file)
          D.last_line = std::max(D.last_line, L->getLine());
    if (!SP)
      MissingDebugInfo.push_back(F.getName().str());
    int Func = (int)Funcs.size();
    Funcs.push_back(D);
    FuncRefs.push_back(&F);
    LoopInfo &LI = FAM.getResult<LoopAnalysis>(F);
    std::vector<Loop *> Top(LI.begin(), LI.end());
    std::reverse(Top.begin(), Top.end()); // LoopInfo lists outermost loops last-first
    for (Loop *L : Top)
      addLoop(L, -1, Func);
  }
  // Loop end lines can lie beyond the last instruction (a closing brace).
  for (const hls_loop_desc &L : Loops)
    if (L.file == Funcs[L.func].file)
      Funcs[L.func].last_line = std::max(Funcs[L.func].last_line, L.end_line);
  for (size_t I = 0; I < Files.size(); I++) {
    Files[I].path = Paths[I].c_str();
    Files[I].md5 = Checksums[I].empty() ? nullptr : Checksums[I].c_str();
    if (Files[I].embedded) {
      Files[I].embedded = Sources[I].c_str();
      Files[I].embedded_len = Sources[I].size();
    }
  }
}

namespace {

// ---- writing the result ---------------------------------------------------

MDNode *pragmaNode(LLVMContext &C, const char *Tag, const hls_pragma *P) {
  return MDNode::get(C, {mdString(C, Tag), mdString(C, hls_dialect_name(P->dialect)), mdString(C, P->text),
                         mdInt32(C, P->line), mdInt32(C, P->col)});
}

void addSlot(LLVMContext &C, SmallVectorImpl<Metadata *> &Ops, const md::SlotKeys &Keys,
             const hls_slot &S) {
  if (!S.present)
    return;
  bool IsPipeline = &Keys == &md::PipelineKeys;
  if (S.bound) {
    if (IsPipeline)
      Ops.push_back(MDNode::get(C, {mdString(C, Keys.Value), mdString(C, hls_pipe_mode_name(S.pipe))}));
    else
      Ops.push_back(MDNode::get(C, {mdString(C, Keys.Value), mdInt32(C, S.factor)}));
  }
  if (Keys.II && S.ii)
    Ops.push_back(MDNode::get(C, {mdString(C, Keys.II), mdInt32(C, S.ii)}));
  if (S.knob[0])
    Ops.push_back(MDNode::get(C, {mdString(C, Keys.Knob), mdString(C, S.knob)}));
  if (Keys.Reduction && S.has_reduction)
    Ops.push_back(MDNode::get(C, {mdString(C, Keys.Reduction), mdString(C, S.reduction)}));
}

bool isHLSOperand(const MDOperand &Op) {
  auto *N = dyn_cast<MDNode>(Op.get());
  if (!N || N->getNumOperands() == 0)
    return false;
  auto *S = dyn_cast<MDString>(N->getOperand(0));
  return S && S->getString().starts_with(md::Prefix) && S->getString() != md::Rewritten;
}

void writeLoop(Loop *L, const hls_loop_result &R) {
  LLVMContext &C = L->getHeader()->getContext();
  SmallVector<Metadata *, 16> Ops;
  Ops.push_back(nullptr); // self reference, set below
  if (MDNode *Old = L->getLoopID())
    for (const MDOperand &Op : drop_begin(Old->operands()))
      if (!isHLSOperand(Op)) // re-annotation replaces, never accumulates
        Ops.push_back(Op.get());
  Ops.push_back(MDNode::get(C, {mdString(C, md::LoopName), mdString(C, R.name)}));
  addSlot(C, Ops, md::PipelineKeys, R.pipeline);
  addSlot(C, Ops, md::ParallelKeys, R.parallel);
  addSlot(C, Ops, md::TileKeys, R.tile);
  if (R.tripcount)
    Ops.push_back(MDNode::get(C, {mdString(C, md::Tripcount), mdInt32(C, R.tripcount->tripcount)}));
  if (R.flatten)
    Ops.push_back(MDNode::get(
        C, {mdString(C, md::Flatten), mdString(C, R.flatten->pipe == HLS_PIPE_OFF ? "off" : "on")}));
  for (size_t I = 0; I < R.npragmas; I++) {
    const hls_pragma *P = R.pragmas[I];
    Ops.push_back(pragmaNode(C, P->kind == HLS_PRAGMA_UNMODELLED ? md::Unmodelled : md::Pragma, P));
  }
  MDNode *ID = MDNode::getDistinct(C, Ops);
  ID->replaceOperandWith(0, ID);
  L->setLoopID(ID);
}

void writeFunction(Function &F, const hls_func_result &R) {
  LLVMContext &C = F.getContext();
  F.setMetadata(md::Kernel, R.is_kernel ? MDNode::get(C, {}) : nullptr);
  SmallVector<Metadata *, 4> Ops;
  for (size_t I = 0; I < R.npragmas; I++) {
    const hls_pragma *P = R.pragmas[I];
    if (P->kind != HLS_PRAGMA_KERNEL)
      Ops.push_back(pragmaNode(C, P->kind == HLS_PRAGMA_UNMODELLED || P->kind == HLS_PRAGMA_PIPELINE
                                      ? md::Unmodelled
                                      : md::Pragma,
                               P));
  }
  F.setMetadata(md::Pragmas, Ops.empty() ? nullptr : MDNode::get(C, Ops));
}

// ---- remarks ----------------------------------------------------------------

std::string describeLoop(const hls_loop_result &R) {
  std::string S;
  char Buf[256];
  const std::pair<const char *, const hls_slot *> Slots[] = {
      {"pipeline", &R.pipeline}, {"parallel", &R.parallel}, {"tile", &R.tile}};
  for (auto [Name, Slot] : Slots) {
    if (!Slot->present)
      continue;
    hls_slot_describe(Slot, Name, Buf, sizeof Buf);
    S += S.empty() ? "" : ", ";
    S += Buf;
  }
  if (R.tripcount)
    S += (S.empty() ? "tripcount=" : ", tripcount=") + std::to_string(R.tripcount->tripcount);
  if (R.flatten)
    S += std::string(S.empty() ? "" : ", ") + "flatten=" +
         (R.flatten->pipe == HLS_PIPE_OFF ? "off" : "on");
  return S.empty() ? "no modelled pragmas" : S;
}

void remarkLoop(OptimizationRemarkEmitter &ORE, Loop *L, const hls_loop_result &R,
                const hls_loop_desc &D, StringRef Path) {
  ORE.emit([&] {
    OptimizationRemarkAnalysis Rem(PassName, "LoopPragmas", L->getStartLoc(), L->getHeader());
    Function *F = L->getHeader()->getParent();
    StringRef FName = F->getSubprogram() ? F->getSubprogram()->getName() : F->getName();
    Rem << "loop " << ore::NV("Loop", R.name);
    if (R.label[0]) // the user's name; R.name stays the knobs' and the metadata's
      Rem << " '" << ore::NV("Label", R.label) << "'";
    Rem << " in " << ore::NV("Function", FName) << " (depth " << ore::NV("Depth", D.depth)
        << "): " << ore::NV("Pragmas", describeLoop(R));
    return Rem;
  });
  for (size_t I = 0; I < R.npragmas; I++) {
    const hls_pragma *P = R.pragmas[I];
    if (P->kind != HLS_PRAGMA_UNMODELLED)
      continue;
    DebugLoc DL = locationIn(*L->getHeader()->getModule(), Path, P->line, P->col);
    ORE.emit([&] {
      OptimizationRemarkAnalysis Rem(PassName, "NotModelled", DL ? DL : L->getStartLoc(),
                                     L->getHeader());
      Rem << "'#pragma " << ore::NV("Pragma", P->text) << "' (line " << ore::NV("Line", P->line)
          << ") is not modelled: kept as hls.unmodelled metadata on loop " << R.name;
      return Rem;
    });
  }
}

void remarkFunction(OptimizationRemarkEmitter &ORE, Function &F, const hls_func_result &R) {
  for (size_t I = 0; I < R.npragmas; I++) {
    const hls_pragma *P = R.pragmas[I];
    ORE.emit([&] {
      DebugLoc DL = locationIn(*F.getParent(), filePath(F.getSubprogram()->getFile()), P->line, P->col);
      OptimizationRemarkAnalysis Rem(PassName, P->kind == HLS_PRAGMA_KERNEL ? "Kernel" : "NotModelled",
                                     DL, &F.getEntryBlock());
      if (P->kind == HLS_PRAGMA_KERNEL)
        Rem << "function " << ore::NV("Function", F.getName()) << " is the HLS kernel";
      else
        Rem << "'#pragma " << ore::NV("Pragma", P->text)
            << "' applies to the function and is not modelled: kept as hls.unmodelled metadata";
      return Rem;
    });
  }
}

} // namespace

Annotation::Annotation() : Desc(std::make_unique<ModuleDescription>()) { memset(&Out, 0, sizeof Out); }

Annotation::~Annotation() {
  hls_annotation_free(&Out);
  hls_point_free(&Point);
}

const std::vector<Function *> &Annotation::functions() const { return Desc->FuncRefs; }
const std::vector<Loop *> &Annotation::loops() const { return Desc->LoopRefs; }

AnalysisKey AnnotationAnalysis::Key;

// Reads the point file, places the pragmas, binds the point, and reports
// every diagnostic once: the result is cached for the rest of the run.
AnnotationAnalysis::Result AnnotationAnalysis::run(Module &M, ModuleAnalysisManager &MAM) {
  auto A = std::make_unique<Annotation>();
  A->Desc->build(M, MAM);

  hls_diags PointDiags;
  hls_diags_init(&PointDiags);
  A->HavePoint = !PointFile.empty();
  if (A->HavePoint && hls_point_load(&A->Point, PointFile.c_str(), &PointDiags) != 0) {
    emitDiagnostics(M, PointDiags, PassName);
    hls_diags_free(&PointDiags);
    return {std::move(A)};
  }
  hls_diags_free(&PointDiags);

  const ModuleDescription &Desc = *A->Desc;
  hls_annotate_input In = {Desc.Files.data(), Desc.Files.size(), Desc.Funcs.data(),
                           Desc.Funcs.size(), Desc.Loops.data(),  Desc.Loops.size(),
                           {Desc.Symbols.data(), Desc.Symbols.size()}};
  hls_annotate(&In, &A->Out);
  if (A->HavePoint)
    hls_bind_annotation(&In, &A->Out, &A->Point);

  bool NoDebugInfo = Desc.Funcs.size() > 0 && Desc.MissingDebugInfo.size() == Desc.Funcs.size();
  const char *Flags = "compile with clang-19 -g -gdwarf-5 -gembed-source";
  if (NoDebugInfo)
    hls_diag_add(&A->Out.diags, HLS_SEV_ERROR, M.getSourceFileName().c_str(), 0, 0,
                 "module has no debug info, so pragmas cannot be located; %s", Flags);
  else
    for (const std::string &Name : Desc.MissingDebugInfo)
      hls_diag_add(&A->Out.diags, HLS_SEV_ERROR, M.getSourceFileName().c_str(), 0, 0,
                   "function '%s' has no debug info, so its pragmas cannot be located; %s",
                   Name.c_str(), Flags);
  hls_diags_sort(&A->Out.diags);
  A->OK = !emitDiagnostics(M, A->Out.diags, PassName);
  return {std::move(A)};
}

// The result holds LLVM loops: it goes when the function analyses go.
bool AnnotationAnalysis::Result::invalidate(Module &M, const PreservedAnalyses &PA,
                                            ModuleAnalysisManager::Invalidator &Inv) {
  auto PAC = PA.getChecker<AnnotationAnalysis>();
  return (!PAC.preserved() && !PAC.preservedSet<AllAnalysesOn<Module>>()) ||
         Inv.invalidate<FunctionAnalysisManagerModuleProxy>(M, PA);
}

bool isCompilerArtefact(const Function &F) {
  if (F.getSubprogram())
    return false;
  StringRef N = F.getName();
  return N == "__clang_call_terminate" || N.starts_with("_GLOBAL__sub_I_") ||
         N.starts_with("__cxx_global_var_init") || N.starts_with("__cxx_global_array_dtor") ||
         N.starts_with("__dtor_");
}

const Annotation *annotateModule(Module &M, ModuleAnalysisManager &MAM, bool EmitRemarks) {
  const Annotation &A = *MAM.getResult<AnnotationAnalysis>(M).A;
  if (!A.OK)
    return nullptr;
  const ModuleDescription &Desc = *A.Desc;
  for (size_t I = 0; I < Desc.Loops.size(); I++)
    writeLoop(Desc.LoopRefs[I], A.Out.loops[I]);
  for (size_t I = 0; I < Desc.Funcs.size(); I++)
    writeFunction(*Desc.FuncRefs[I], A.Out.funcs[I]);
  if (!EmitRemarks)
    return &A;
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  for (size_t I = 0; I < Desc.Funcs.size(); I++) {
    if (isLibraryFunction(*Desc.FuncRefs[I]))
      continue; // hlsmoe's HLS headers: not the user's loops
    auto &ORE = FAM.getResult<OptimizationRemarkEmitterAnalysis>(*Desc.FuncRefs[I]);
    remarkFunction(ORE, *Desc.FuncRefs[I], A.Out.funcs[I]);
    for (size_t L = 0; L < Desc.Loops.size(); L++)
      if (Desc.Loops[L].func == (int)I)
        remarkLoop(ORE, Desc.LoopRefs[L], A.Out.loops[L], Desc.Loops[L],
                   Desc.Loops[L].file >= 0 ? Desc.Files[Desc.Loops[L].file].path : "");
  }
  return &A;
}

PreservedAnalyses AnnotatePass::run(Module &M, ModuleAnalysisManager &MAM) {
  annotateModule(M, MAM, /*EmitRemarks=*/true);
  // Only metadata changes, and it is what the annotation says; CFG and loop
  // structure are untouched.
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  PA.preserve<LoopAnalysis>();
  PA.preserve<AnnotationAnalysis>();
  PA.preserve<FunctionAnalysisManagerModuleProxy>();
  return PA;
}

} // namespace hlsmoe
