#!/bin/bash
# Exploration speed of the hls-moe pass (issue 6 goals): exhaustive scoring of
# 75,000 designs of a median-size HLSyn kernel (goal: at most 60 s on 2 cores),
# and the pass overhead without search (goal: at most 100 ms per kernel).
# Uses the shipped models when built next to the plugin, else random-weight
# models of the same configuration (speed does not depend on weight values).
# usage: bench/explore.sh [HLSYN-DIR] [KERNEL ...]   (default kernels: 2mm gemm-p atax-medium)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data/hlsyn}
shift || true
kernels=${*:-2mm gemm-p atax-medium}
llvm=/usr/lib/llvm-19/bin
b=$root/build
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
reg=$b/hiermoe-merlin-2021.1.safetensors valid=$b/hiermoe-merlin-2021.1-valid.safetensors
if [ ! -f "$reg" ] || [ ! -f "$valid" ]; then
  reg=$tmp/reg.safetensors valid=$tmp/valid.safetensors
  "$b/hls-model" random --task regression --kind hier --hidden 64 --seed 1 "$reg" > /dev/null
  "$b/hls-model" random --task validity --kind hier --hidden 64 --seed 2 "$valid" > /dev/null
  echo "models: random weights, hier, hidden 64 (no shipped models in build/)"
else
  echo "models: $reg, $valid"
fi
opt=("$llvm/opt" -load-pass-plugin="$b/libHLSMoE.so" -passes=hls-moe -hls-model="$reg"
     -hls-valid-model="$valid" -disable-output -hls-progress=false)
printf '%-14s %6s %12s %10s %12s %14s\n' kernel nodes designs search_s designs_per_s overhead_ms
for k in $kernels; do
  "$llvm/clang" -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$data/kernels/sources/${k}_kernel.c" -o "$tmp/k.ll"
  "$llvm/opt" -load-pass-plugin="$b/libHLSMoE.so" -passes=hls-graph -hls-graph-json="$tmp/k.json" -disable-output "$tmp/k.ll"
  nodes=$("$b/hls-graph" stats "$tmp/k.json" | awk '/^nodes/ { n += $2 } END { print n }')
  "${opt[@]}" -hls-ds-config="$data/kernels/ds_config/${k}_ds_config.json" -hls-search=exhaustive \
    -hls-budget=75000 -hls-report="$tmp/r.json" "$tmp/k.ll"
  read -r scored secs < <(awk -F'[:,]' '/"scored"/ { s = $2 } /"seconds"/ { t = $2 } END { print s, t }' "$tmp/r.json")
  overhead=$(for i in 1 2 3 4 5; do
    "${opt[@]}" -hls-explore=false -time-passes "$tmp/k.ll" 2>&1 |
      awk '/hlsmoe::MoEPass/ { print $(NF - 3) * 1000; exit }'
  done | sort -g | sed -n 3p)
  printf '%-14s %6d %12d %10.2f %12.0f %14.1f\n' "$k" "$nodes" "$scored" "$secs" \
    "$(awk -v n="$scored" -v s="$secs" 'BEGIN { print n / s }')" "$overhead"
done
