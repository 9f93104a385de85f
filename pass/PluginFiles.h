// Files that come with the plugin: the shipped models next to it, and
// hlsmoe's own HLS headers (include/hls), whose functions are library code,
// never the user's kernel.
#ifndef HLSMOE_PASS_PLUGINFILES_H
#define HLSMOE_PASS_PLUGINFILES_H

#include "llvm/IR/Function.h"

#include <string>

namespace hlsmoe {

// The plugin's own directory.
std::string pluginDir();

// Whether F is defined in a library header (-hls-library-dir, default
// hlsmoe's include/hls beside the build): its loops are not the kernel's.
bool isLibraryFunction(const llvm::Function &F);

} // namespace hlsmoe

#endif
