# lit configuration for hlsmoe.  Substitutions:
#   %opt        opt with the plugin loaded (sanitizer runtime preloaded when needed)
#   %clang      clang of the same LLVM
#   %cc-hls     compile C/C++ to IR the way users are told to: -O0 -g -gdwarf-5 -gembed-source
#   %plugin     the plugin shared object
#   %hlsmoe     the front door (tools/hlsmoe) with HLSMOE_PLUGIN=%plugin
#   %hlsyn      the HLSyn data directory (feature "hlsyn-data" when present)
#   %reliability  ../shared/reliability, the issue-15 reproducers (feature "reliability-data")
#   %bin        the build directory (tools)
#   %hls-model  the inference runtime's tool (sanitizer runtime preloaded when needed)
#   %train      the training tools' package: `%train.export check M` runs
#               `python3 -m hlsmoe_train.export check M` (tools/train is on PYTHONPATH)
import os
import subprocess

import lit.formats

config.name = "hlsmoe"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".ll", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.hlsmoe_obj_root, "test", "lit")

tools = config.llvm_tools_dir
config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", "")])
# The training tools are the package tools/train/hlsmoe_train, run as modules.
config.environment["PYTHONPATH"] = os.path.join(config.hlsmoe_src_root, "tools", "train")
for var in ("HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

preload = ""      # for opt and clang, which are not instrumented
tool_preload = ""  # for hlsmoe's own tools, which link clang's runtime statically
if config.sanitize.upper() in ("ON", "1", "TRUE", "YES"):
    # The sanitizer build is clang's; opt is not instrumented, so clang's
    # ASan runtime (which holds UBSan's too) must be loaded first.
    clang_path = os.path.join(config.llvm_tools_dir, "clang")
    lib = subprocess.check_output([clang_path, "-print-file-name=libclang_rt.asan-x86_64.so"],
                                  text=True).strip()
    options = "ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 " \
              "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "
    preload = "env LD_PRELOAD=%s %s" % (lib, options)
    tool_preload = "env %s" % options
    config.available_features.add("sanitize")
    config.available_features.add("fuzz")  # fuzz/: built with the sanitizer build

plugin = config.hlsmoe_plugin
opt = "%s%s/opt -load-pass-plugin=%s" % (preload, tools, plugin)
clang = "%s/clang" % tools
config.substitutions.append(("%cc-hls", "%s -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S" % clang))
# -Xclang -load registers the plugin's options before clang parses -mllvm.
config.substitutions.append(("%clang-plugin", "%s%s -Xclang -load -Xclang %s -fpass-plugin=%s"
                             % (preload, clang, plugin, plugin)))
config.substitutions.append(("%clang", clang))
config.substitutions.append(("%opt", opt))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%bin", config.hlsmoe_obj_root))
config.substitutions.append(("%python", config.python))
# PYTHONPATH again in %train: lit's builtin diff drops it from the environment of later commands.
config.substitutions.append(("%train", "env PYTHONPATH=%s %s -m hlsmoe_train"
                             % (config.environment["PYTHONPATH"], config.python)))
config.substitutions.append(("%hls-model", "%s%s/hls-model" % (tool_preload, config.hlsmoe_obj_root)))
config.substitutions.append(("%hls-rewrite", "%s%s/hls-rewrite" % (tool_preload, config.hlsmoe_obj_root)))
config.substitutions.append(("%hls-graph", "%s%s/hls-graph" % (tool_preload, config.hlsmoe_obj_root)))
config.substitutions.append(("%hls-dspace", "%s%s/hls-dspace" % (tool_preload, config.hlsmoe_obj_root)))
config.substitutions.append(("%src", config.hlsmoe_src_root))
# The front door as a user runs it, on the plugin under test (no sanitizer preload:
# test/lit/frontdoor/lit.local.cfg skips those tests in the sanitizer build).
config.substitutions.append(("%hlsmoe", "env HLSMOE_PLUGIN=%s %s/tools/hlsmoe"
                             % (plugin, config.hlsmoe_src_root)))
# "ulimit -v 4000000;" (4 GB) before a command that must stay bounded; empty
# in the sanitizer build, whose shadow memory needs terabytes of address space.
config.substitutions.append(("%limit-memory", "" if preload else "ulimit -v 4000000;"))
config.substitutions.append(("%llvm-share", os.path.join(tools, "..", "share")))

# Tests that read ../shared/data/hlsyn declare "REQUIRES: hlsyn-data".  On a
# user's clone the data is absent and they are reported unsupported (skipped);
# CI sets HLSMOE_REQUIRE_DATA=1 so that a missing data set fails them instead.
hlsyn = config.hlsyn_data
config.substitutions.append(("%hlsyn", hlsyn))
if os.path.isdir(os.path.join(hlsyn, "kernels")) or os.environ.get("HLSMOE_REQUIRE_DATA") == "1":
    config.available_features.add("hlsyn-data")

# The Vitis HLS 2025.1 set beside it (../shared/data/hlsyn-vitis): "REQUIRES:
# hlsyn-vitis-data", the same rule.
hlsyn_vitis = os.path.join(os.path.dirname(os.path.normpath(hlsyn)), "hlsyn-vitis")
config.substitutions.insert(0, ("%hlsyn-vitis", hlsyn_vitis))  # before %hlsyn, its prefix
if os.path.isdir(os.path.join(hlsyn_vitis, "kernels")) or os.environ.get("HLSMOE_REQUIRE_DATA") == "1":
    config.available_features.add("hlsyn-vitis-data")

# The reliability reproducers (issue 15) sit beside the HLSyn data, in
# ../shared/reliability: tests of them declare "REQUIRES: reliability-data"
# and are skipped without it, unless HLSMOE_REQUIRE_DATA=1.
reliability = os.path.join(os.path.dirname(os.path.dirname(os.path.normpath(hlsyn))), "reliability")
config.substitutions.append(("%reliability", reliability))
if os.path.isfile(os.path.join(reliability, "README.md")) or os.environ.get("HLSMOE_REQUIRE_DATA") == "1":
    config.available_features.add("reliability-data")
