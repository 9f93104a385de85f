#!/bin/bash
# Configures and builds hlsmoe.  HLSMOE_SANITIZE=ON selects the
# AddressSanitizer + UBSan build with clang-19, in build-sanitize/ (plain: build/);
# HLSMOE_BUILD_DIR overrides the directory; HLSMOE_SHARED_DATA the HLSyn data.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${HLSMOE_SANITIZE:-OFF}" = ON ]; then
  build=${HLSMOE_BUILD_DIR:-$root/build-sanitize}
else
  build=${HLSMOE_BUILD_DIR:-$root/build}
fi
mkdir -p "$build"
data=()  # HLSMOE_SHARED_DATA: where the HLSyn data is, if not ../shared/data/hlsyn
[ -z "${HLSMOE_SHARED_DATA:-}" ] || data=(-DHLSMOE_SHARED_DATA="$HLSMOE_SHARED_DATA")
# The sanitizer build is clang's: its UBSan has float-cast-overflow (gcc's
# lacks it), and the fuzz targets (fuzz/) need its libFuzzer.
[ "${HLSMOE_SANITIZE:-OFF}" != ON ] || data+=(-DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19)
cmake -S "$root" -B "$build" -DHLSMOE_SANITIZE="${HLSMOE_SANITIZE:-OFF}" "${data[@]}" \
  > "$build/configure.log" 2>&1 \
  || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j "$(nproc)"
