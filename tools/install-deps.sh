#!/bin/bash
# Installs the Debian 12 packages hlsmoe needs to build, test and train.
# Idempotent: apt-get skips what is already installed.
set -eu
packages=(
  cmake pkg-config make gcc g++ # build
  llvm-19-dev clang-19 llvm-19-tools # LLVM 19: headers, clang, opt, FileCheck, lit
  libclang-rt-19-dev # clang's sanitizer and libFuzzer runtimes (HLSMOE_SANITIZE=ON, fuzz/)
  libopenblas-dev libcjson-dev # runtime dependencies of the plugin
  python3 python3-torch python3-numpy python3-sklearn # training tools (tools/train)
  valgrind # memory checks in tests
)
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=sudo
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
