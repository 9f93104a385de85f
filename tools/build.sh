#!/bin/bash
# Configures and builds hlsmoe.  HLSMOE_BUILD_DIR (default build/) and
# HLSMOE_SANITIZE=ON (AddressSanitizer + UBSan) select the build.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HLSMOE_BUILD_DIR:-$root/build}
mkdir -p "$build"
cmake -S "$root" -B "$build" -DHLSMOE_SANITIZE="${HLSMOE_SANITIZE:-OFF}" > "$build/configure.log" 2>&1 \
  || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j "$(nproc)"
