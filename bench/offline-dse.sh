#!/bin/bash
# Offline exploration report (issue 6): for every HLSyn kernel with v21 labels,
# hls-moe ranks the labelled design points by prediction (validity >= MIN_VALID,
# every utilisation < 0.8) and compares the best valid true latency among its
# top 10 with the best valid labelled latency; the baseline, measured in the
# same run, is 10 points drawn at random (median over 1001 draws).
# Writes a Markdown table to stdout.  MIN_VALID (default 0.5, as hls-moe) is the validity
# threshold (0: the utilisation filter only).
# usage: bench/offline-dse.sh [HLSYN-DIR] [MODEL VALID-MODEL]   (default: the models next to the plugin)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data/hlsyn}
reg=${2:-$root/build/hiermoe-merlin-2021.1.safetensors}
valid=${3:-$root/build/hiermoe-merlin-2021.1-valid.safetensors}
llvm=/usr/lib/llvm-19/bin
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "| kernel | labelled | predicted feasible | best of top 10 (cycles) | its rank | best labelled (cycles) | ratio | random 10: median ratio |"
echo "|---|---|---|---|---|---|---|---|"
for labels in "$data"/v21/*.jsonl; do
  k=$(basename "$labels" .jsonl)
  src=$data/kernels/sources/${k}_kernel.c
  [ -f "$src" ] || continue
  "$llvm/clang" -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$src" -o "$tmp/k.ll"
  "$llvm/opt" -load-pass-plugin="$root/build/libHLSMoE.so" -passes=hls-moe -hls-model="$reg" \
    -hls-valid-model="$valid" -hls-oracle="$labels" -hls-min-valid="${MIN_VALID:-0.5}" \
    -pass-remarks-analysis=hls-moe \
    -disable-output "$tmp/k.ll" 2> "$tmp/r" || { echo "| $k | failed: $(head -1 "$tmp/r") |"; continue; }
  sed -n 's/.*offline check on \([0-9]*\) labelled points: \([0-9]*\) predicted feasible; best valid true latency among the top 10: \([0-9]*\) cycles (rank \([0-9]*\)); best valid labelled: \([0-9]*\) cycles; ratio \([0-9.na/a-z ]*\); random 10 points: median ratio \([0-9.na/a-z ]*\)$/| '"$k"' | \1 | \2 | \3 | \4 | \5 | \6 | \7 |/p' "$tmp/r"
done
