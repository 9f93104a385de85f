#include "Diagnostics.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

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

std::string located(const hls_diag &D) {
  std::string S = D.file;
  if (S.empty())
    S = "<unknown>";
  if (D.line)
    S += ":" + std::to_string(D.line) + ":" + std::to_string(D.col ? D.col : 1);
  return S + ": " + D.message;
}

// The path as the user gave it to the compiler: the debug info's file name,
// without the directory that filePath() joins to it.
std::string displayPath(Module &M, StringRef Path) {
  for (const DICompileUnit *CU : M.debug_compile_units())
    if (const DIFile *F = CU->getFile(); F && filePath(F) == Path)
      return F->getFilename().str();
  for (const Function &F : M)
    if (const DISubprogram *SP = F.getSubprogram())
      if (filePath(SP->getFile()) == Path)
        return SP->getFile()->getFilename().str();
  return Path.str();
}

// Line `Line` of the file: the source embedded in the debug info, else the
// file on disk; "" when neither has it.
std::string sourceLine(Module &M, StringRef Path, unsigned Line) {
  std::optional<StringRef> Text;
  std::string Disk;
  for (const DICompileUnit *CU : M.debug_compile_units())
    if (const DIFile *F = CU->getFile(); F && filePath(F) == Path)
      Text = F->getSource();
  if (!Text) {
    size_t Len;
    if (char *Buf = hls_read_file(Path.str().c_str(), &Len)) {
      Disk.assign(Buf, Len);
      free(Buf);
      Text = StringRef(Disk);
    }
  }
  if (!Text)
    return "";
  SmallVector<StringRef, 0> Lines;
  Text->split(Lines, '\n');
  return Line >= 1 && Line <= Lines.size() ? Lines[Line - 1].rtrim("\r").str() : "";
}

// "path:line:col: error: message", and under an error its source line with a
// caret below the column, as clang prints its own.
std::string compilerForm(Module &M, const hls_diag &D) {
  std::string S = D.file[0] ? displayPath(M, D.file) : "hlsmoe";
  if (D.line)
    S += ":" + std::to_string(D.line) + ":" + std::to_string(D.col ? D.col : 1);
  S += std::string(D.severity == HLS_SEV_ERROR ? ": error: " : ": warning: ") + D.message + "\n";
  if (D.severity != HLS_SEV_ERROR || !D.line || !D.file[0])
    return S;
  std::string Source = sourceLine(M, D.file, D.line);
  if (Source.empty())
    return S;
  S += Source + "\n";
  for (unsigned C = 1; C < D.col && C <= Source.size(); C++)
    S += Source[C - 1] == '\t' ? '\t' : ' ';
  return S + "^\n";
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
  for (size_t I = 0; I < Diags.count; I++)
    if (Diags.items[I].severity == HLS_SEV_REMARK)
      emitRemark(M, Diags.items[I], PassName);
  // Errors and warnings in the compiler's own form, which editors and build
  // logs parse; printed here rather than through LLVMContext::diagnose, whose
  // default handler ends the process at the first error and whose clang
  // handler cannot locate a plugin's diagnostic.  The summary error below
  // goes through diagnose, so that opt and clang fail.
  // At most ErrorLimit errors, as clang's -ferror-limit: a bad file (a point
  // file of 40,000 broken lines) must not bury the first ones.
  constexpr size_t ErrorLimit = 20;
  size_t Shown = 0;
  for (size_t I = 0; I < Diags.count && Shown < ErrorLimit; I++)
    if (Diags.items[I].severity != HLS_SEV_REMARK) {
      errs() << compilerForm(M, Diags.items[I]);
      Shown += Diags.items[I].severity == HLS_SEV_ERROR;
    }
  if (Diags.errors > Shown)
    errs() << "hlsmoe: error: too many errors emitted, stopping now (" << Diags.errors - Shown
           << " more not shown)\n";
  errs().flush();

  if (!Diags.errors)
    return false;
  M.getContext().diagnose(HLSDiagnostic(
      DS_Error, std::string(PassName) + ": " + std::to_string(Diags.errors) +
                    (Diags.errors == 1 ? " error" : " errors") +
                    " above; the module was left unchanged"));
  return true;
}

} // namespace hlsmoe
