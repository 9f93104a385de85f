#include "PluginFiles.h"

#include "Diagnostics.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/CommandLine.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>

using namespace llvm;

static cl::list<std::string>
    LibraryDirs("hls-library-dir", cl::value_desc("dir"),
                cl::desc("A directory of library headers whose functions are not the kernel's "
                         "(repeatable; hlsmoe's include/hls always counts)"));

namespace hlsmoe {

std::string pluginDir() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&pluginDir), &Info) || !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

namespace {

std::string realPath(const std::string &Path) {
  char Buf[PATH_MAX];
  return realpath(Path.c_str(), Buf) ? std::string(Buf) : Path;
}

// hlsmoe's headers: the build directory holds the plugin, beside include/.
const std::vector<std::string> &libraryDirs() {
  static const std::vector<std::string> Dirs = [] {
    std::vector<std::string> D{realPath(pluginDir() + "/../include/hls")};
    for (const std::string &Dir : LibraryDirs)
      D.push_back(realPath(Dir));
    return D;
  }();
  return Dirs;
}

} // namespace

bool isLibraryFunction(const Function &F) {
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getFile())
    return false;
  std::string Path = realPath(filePath(SP->getFile()));
  for (const std::string &Dir : libraryDirs())
    if (Path.size() > Dir.size() && Path.compare(0, Dir.size(), Dir) == 0 && Path[Dir.size()] == '/')
      return true;
  return false;
}

} // namespace hlsmoe
