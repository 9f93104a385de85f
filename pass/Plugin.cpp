// Registers hlsmoe's passes with the new pass manager.
//
//   opt -load-pass-plugin=libHLSMoE.so -passes=hls-annotate ...
//   opt -load-pass-plugin=libHLSMoE.so -passes=hls-graph|hls-moe ...
//   clang-19 -fpass-plugin=libHLSMoE.so ...   (runs hls-moe at pipeline start)
#include "AnnotatePass.h"
#include "GraphPass.h"
#include "MoEPass.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#if __has_include("llvm/Plugins/PassPlugin.h")
#include "llvm/Plugins/PassPlugin.h" // LLVM 22 moved the header
#else
#include "llvm/Passes/PassPlugin.h"
#endif

using namespace llvm;

static cl::opt<std::string>
    AutoRun("hls-auto", cl::init("moe"), cl::value_desc("moe|graph|annotate|none"),
            cl::desc("The hlsmoe pass to run at the start of clang's default pipeline when the "
                     "plugin is loaded with -fpass-plugin (clang: -mllvm -hls-auto=...)"));

static bool parsePipelineElement(StringRef Name, ModulePassManager &MPM,
                                 ArrayRef<PassBuilder::PipelineElement>) {
  if (Name == "hls-annotate") {
    MPM.addPass(hlsmoe::AnnotatePass());
    return true;
  }
  if (Name == "hls-graph") {
    MPM.addPass(hlsmoe::GraphPass());
    return true;
  }
  if (Name == "hls-moe") {
    MPM.addPass(hlsmoe::MoEPass());
    return true;
  }
  return false;
}

static void registerCallbacks(PassBuilder &PB) {
  PB.registerAnalysisRegistrationCallback([](ModuleAnalysisManager &MAM) {
    MAM.registerPass([] { return hlsmoe::AnnotationAnalysis(); });
    MAM.registerPass([] { return hlsmoe::GraphAnalysis(); });
  });
  PB.registerPipelineParsingCallback(parsePipelineElement);
  PB.registerPipelineStartEPCallback([](ModulePassManager &MPM, OptimizationLevel) {
    if (AutoRun == "moe")
      MPM.addPass(hlsmoe::MoEPass());
    else if (AutoRun == "graph")
      MPM.addPass(hlsmoe::GraphPass());
    else if (AutoRun == "annotate")
      MPM.addPass(hlsmoe::AnnotatePass());
  });
}

extern "C" LLVM_ATTRIBUTE_WEAK LLVM_ATTRIBUTE_VISIBILITY_DEFAULT ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "hlsmoe", LLVM_VERSION_STRING, registerCallbacks};
}
