// Turns the C core's diagnostics into LLVM diagnostics.
//
// Errors and warnings go through LLVMContext::diagnose, so clang shows them
// as its own and opt prints them.  opt's default handler exits at the first
// error; we want every error of a run reported, so while a batch is emitted a
// handler is installed that prints unhandled errors instead of exiting, and
// the batch ends with one summary error that stops the run.
#ifndef HLSMOE_PASS_DIAGNOSTICS_H
#define HLSMOE_PASS_DIAGNOSTICS_H

#include "llvm/IR/DebugLoc.h"
#include "llvm/IR/Module.h"

extern "C" {
#include "support/diag.h"
}

namespace hlsmoe {

// Emits every diagnostic of `Diags` (remarks as analysis remarks of pass
// `PassName`).  Returns true when at least one was an error, after emitting
// the summary error (which makes opt exit with status 1).
bool emitDiagnostics(llvm::Module &M, const hls_diags &Diags, const char *PassName);

// A debug location for (file, line, col) usable in remarks, or null when the
// module has no scope in that file.
llvm::DebugLoc locationIn(llvm::Module &M, llvm::StringRef Path, unsigned Line, unsigned Col);

// "directory/filename" as the debug info names a file (the filename alone if absolute).
std::string filePath(const llvm::DIFile *File);

} // namespace hlsmoe

#endif
