#!/bin/bash
# Designs/second of the C inference runtime and of the PyTorch model on the
# same weights and graphs, measured in the same run (bench/README.md).
#
#   bench/runtime.sh [KERNEL ...]      HLSyn kernel names (default: seven sizes)
#
# Environment: HLSMOE_BUILD_DIR (default build/), HLSMOE_SHARED_DATA (default
# ../shared/data/hlsyn), REG_MODEL and VALID_MODEL (default: random-weight
# hier models written by hlsmoe_train.export), THREADS (2), C_POINTS (20000),
# TORCH_POINTS (512).  Both sides score every point with the regression AND
# the validity model.  Prints a Markdown table; reports, never asserts.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HLSMOE_BUILD_DIR:-$root/build}
data=${HLSMOE_SHARED_DATA:-$root/../shared/data/hlsyn}
threads=${THREADS:-2}
c_points=${C_POINTS:-20000}
torch_points=${TORCH_POINTS:-512}
py=${TORCH_PYTHON:-/usr/bin/python3}
# the training tools are the package tools/train/hlsmoe_train, run as modules
export PYTHONPATH=$root/tools/train${PYTHONPATH:+:$PYTHONPATH}
llvm=/usr/lib/llvm-19/bin
out=$build/bench
mkdir -p "$out"
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(spmv-crs gemm-p syr2k 2mm fdtd-2d adi aes)

graph_of() { # kernel -> graph JSON path (built with the plugin, as users do)
  local k=$1 src=$data/kernels/sources/$1_kernel.c
  [ -f "$src" ] || { echo "bench: no kernel source $src" >&2; exit 1; }
  if [ ! -f "$out/$k.json" ] || [ "$src" -nt "$out/$k.json" ]; then
    "$llvm/clang" -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$src" -o "$out/$k.ll"
    "$llvm/opt" -load-pass-plugin="$build/libHLSMoE.so" -passes=hls-graph \
      -hls-graph-json="$out/$k.json" -disable-output "$out/$k.ll"
  fi
  echo "$out/$k.json"
}

first=$(graph_of "${kernels[0]}")
reg=${REG_MODEL:-$out/hier-regression.safetensors}
val=${VALID_MODEL:-$out/hier-validity.safetensors}
if [ -z "${REG_MODEL:-}" ]; then
  "$py" -W ignore -m hlsmoe_train.export random --kind hier --seed 1 --npoints 1 \
    --graph "$first" "$reg" > /dev/null
fi
if [ -z "${VALID_MODEL:-}" ]; then
  "$py" -W ignore -m hlsmoe_train.export random --kind hier --task validity --seed 2 \
    --npoints 1 --graph "$first" "$val" > /dev/null
fi

ceiling=$("$build/hls-model" sgemm --threads "$threads" | sed -n 's/.*: \([0-9.]*\) GFLOP\/s/\1/p')
echo "machine: $(nproc) cores, $(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)," \
     "sgemm ceiling $ceiling GFLOP/s ($threads single-threaded 512^3 sgemm loops)"
echo "models: $(basename "$reg") + $(basename "$val") ($("$build/hls-model" info "$reg" | sed -n 's/^  kind *//p'), hidden $("$build/hls-model" info "$reg" | sed -n 's/^  hidden *//p')); $threads threads each side"
echo
echo "| kernel | nodes | edges | scopes | affected | C designs/s | PyTorch designs/s | C / PyTorch | C peak RSS MiB | PyTorch peak RSS MiB | C GFLOP/s | fraction of sgemm peak |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for k in "${kernels[@]}"; do
  g=$(graph_of "$k")
  c=$("$build/hls-model" bench "$reg,$val" "$g" --points "$c_points" --threads "$threads" --peak "$ceiling")
  t=$("$py" -W ignore -m hlsmoe_train.bench_torch "$g" "$reg,$val" --points "$torch_points" \
        --batch 64 --threads "$threads")
  nodes=$(sed -n 's/.*: \([0-9]*\) nodes, .*/\1/p' <<< "$c")
  edges=$(sed -n 's/.* \([0-9]*\) edges, .*/\1/p' <<< "$c")
  scopes=$(sed -n 's/.* \([0-9]*\) scopes, .*/\1/p' <<< "$c")
  affected=$(sed -n 's/.* \([0-9]*\) affected nodes.*/\1/p' <<< "$c")
  crate=$(sed -n 's/^  designs\/s *\([0-9.]*\).*/\1/p' <<< "$c")
  cmem=$(sed -n 's/^  peak RSS *\([0-9.]*\).*/\1/p' <<< "$c")
  gflops=$(sed -n 's/^  GFLOP\/s *\([0-9.]*\).*/\1/p' <<< "$c")
  frac=$(sed -n 's/.*achieved fraction \([0-9.]*\).*/\1/p' <<< "$c")
  trate=$(sed -n 's/^torch designs\/s \([0-9.]*\).*/\1/p' <<< "$t")
  tmem=$(sed -n 's/.*peak RSS \([0-9.]*\) MiB.*/\1/p' <<< "$t")
  ratio=$(awk -v a="$crate" -v b="$trate" 'BEGIN { printf "%.0f", a / b }')
  echo "| $k | $nodes | $edges | $scopes | $affected | $crate | $trate | ${ratio}x | $cmem | $tmem | $gflops | $frac |"
done
