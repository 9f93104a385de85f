#!/bin/bash
# Time to build the program graph (the whole hls-graph pass: annotation, loop
# facts with the canonical copy for SCEV, graph construction; no export) for
# every HLSyn kernel, median of 7 runs from opt's -time-passes wall clock.
# usage: bench/graph-build.sh [HLSYN-DIR]   (default ../shared/data/hlsyn)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data/hlsyn}
llvm=/usr/lib/llvm-19/bin
plugin=$root/build/libHLSMoE.so
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '%-18s %6s %6s %10s\n' kernel nodes edges median_ms
for src in "$data"/kernels/sources/*_kernel.c; do
  k=$(basename "$src" _kernel.c)
  "$llvm/clang" -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$src" -o "$tmp/k.ll"
  "$llvm/opt" -load-pass-plugin="$plugin" -passes=hls-graph -hls-graph-json="$tmp/k.json" \
    -disable-output "$tmp/k.ll"
  read -r nodes edges < <("$root/build/hls-graph" stats "$tmp/k.json" |
    awk '/^nodes/ { n += $2 } /^edges/ { e += $2 } END { print n, e }')
  for i in 1 2 3 4 5 6 7; do
    "$llvm/opt" -load-pass-plugin="$plugin" -passes=hls-graph -time-passes -disable-output \
      "$tmp/k.ll" 2>&1 | awk '/hlsmoe::GraphPass/ { print $(NF - 3) * 1000; exit }'
  done | sort -g | sed -n 4p > "$tmp/median"
  printf '%-18s %6d %6d %10.2f\n' "$k" "$nodes" "$edges" "$(cat "$tmp/median")"
done | sort -k2 -n
