#include "Diagnostics.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace hlsmoe {
namespace {

// An error or warning with its own "file:line:col:" prefix: clang prints
// plugin diagnostics without a source location, so the text carries it.
class HLSDiagnostic : public DiagnosticInfo {
  std::string Text;

public:
  HLSDiagnostic(DiagnosticSeverity Sev, std::string Text)
      : DiagnosticInfo(kind(), Sev), Text(std::move(Text)) {}
  void print(DiagnosticPrinter &DP) const override { DP << Text; }
  static int kind() {
    static const int K = getNextAvailablePluginDiagnosticKind();
    return K;
  }
};

// Forwards to the previous handler; prints what it would not handle, so that
// an error does not end the process before its siblings are reported.
class BatchHandler : public DiagnosticHandler {
  DiagnosticHandler &Outer;

public:
  explicit BatchHandler(DiagnosticHandler &Outer) : Outer(Outer) {}
  bool handleDiagnostics(const DiagnosticInfo &DI) override {
    if (Outer.handleDiagnostics(DI))
      return true;
    DiagnosticPrinterRawOStream DP(errs());
    errs() << LLVMContext::getDiagnosticMessagePrefix(DI.getSeverity()) << ": ";
    DI.print(DP);
    errs() << "\n";
    return true;
  }
};

std::string located(const hls_diag &D) {
  std::string S = D.file;
  if (S.empty())
    S = "<unknown>";
  if (D.line)
    S += ":" + std::to_string(D.line) + ":" + std::to_string(D.col ? D.col : 1);
  return S + ": " + D.message;
}

void emitRemark(Module &M, const hls_diag &D, const char *PassName) {
  DebugLoc DL = locationIn(M, D.file, D.line, D.col);
  const Function *Anchor = nullptr;
  for (const Function &F : M)
    if (!F.isDeclaration()) {
      Anchor = &F;
      break;
    }
  if (!Anchor)
    return;
  OptimizationRemarkAnalysis R(PassName, "Note", DL, &Anchor->getEntryBlock());
  R << (DL ? std::string(D.message) : located(D));
  M.getContext().diagnose(R);
}

} // namespace

std::string filePath(const DIFile *File) {
  StringRef Name = File->getFilename(), Dir = File->getDirectory();
  if (Name.starts_with("/") || Dir.empty())
    return Name.str();
  return (Dir + "/" + Name).str();
}

DebugLoc locationIn(Module &M, StringRef Path, unsigned Line, unsigned Col) {
  for (Function &F : M) {
    DISubprogram *SP = F.getSubprogram();
    if (!SP || !SP->getFile())
      continue;
    LLVMContext &Ctx = M.getContext();
    if (filePath(SP->getFile()) == Path)
      return DILocation::get(Ctx, Line, Col, SP);
  }
  // A file other than a function's own (a header): scope a lexical-block
  // file inside any subprogram.
  for (Function &F : M) {
    DISubprogram *SP = F.getSubprogram();
    if (!SP)
      continue;
    for (const Instruction &I : instructions(F)) {
      const DILocation *L = I.getDebugLoc().get();
      if (L && L->getFile() && filePath(L->getFile()) == Path) {
        auto *Scope = DILexicalBlockFile::get(M.getContext(), SP, L->getFile(), 0);
        return DILocation::get(M.getContext(), Line, Col, Scope);
      }
    }
  }
  return DebugLoc();
}

bool emitDiagnostics(Module &M, const hls_diags &Diags, const char *PassName) {
  LLVMContext &Ctx = M.getContext();
  for (size_t I = 0; I < Diags.count; I++)
    if (Diags.items[I].severity == HLS_SEV_REMARK)
      emitRemark(M, Diags.items[I], PassName);

  std::unique_ptr<DiagnosticHandler> Outer = Ctx.getDiagnosticHandler();
  Ctx.setDiagnosticHandler(std::make_unique<BatchHandler>(*Outer));
  for (size_t I = 0; I < Diags.count; I++) {
    const hls_diag &D = Diags.items[I];
    if (D.severity != HLS_SEV_REMARK)
      Ctx.diagnose(HLSDiagnostic(D.severity == HLS_SEV_ERROR ? DS_Error : DS_Warning, located(D)));
  }
  Ctx.setDiagnosticHandler(std::move(Outer));

  if (!Diags.errors)
    return false;
  Ctx.diagnose(HLSDiagnostic(
      DS_Error, std::string(PassName) + ": " + std::to_string(Diags.errors) +
                    (Diags.errors == 1 ? " error" : " errors") +
                    " above; the module was left unchanged"));
  return true;
}

} // namespace hlsmoe
