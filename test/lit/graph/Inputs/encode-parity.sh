#!/bin/bash
# C and Python encode the same real design points identically: for every
# HLSyn kernel, its first 300 labelled points of each tool version.
# usage: encode-parity.sh CLANG "OPT" "HLS-GRAPH" "PY-SCHEMA" HLSYN-DIR TMP-DIR
# (PY-SCHEMA: the command of the Python schema module, python3 -m hlsmoe_train.schema)
set -u
clang=$1 opt=$2 tool=$3 pyschema=$4 data=$5 tmp=$6
mkdir -p "$tmp"
fail=0 points=0 kernels=0
for src in "$data"/kernels/sources/*_kernel.c; do
  k=$(basename "$src" _kernel.c)
  $clang -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$src" -o "$tmp/$k.ll" 2>/dev/null &&
    $opt -passes=hls-graph -hls-graph-json="$tmp/$k.json" -disable-output "$tmp/$k.ll" ||
    { echo "FAIL $k: graph"; fail=1; continue; }
  : > "$tmp/$k.points"
  for v in v18 v20 v21; do
    [ -f "$data/$v/$k.jsonl" ] && head -n 100 "$data/$v/$k.jsonl" >> "$tmp/$k.points"
  done
  $tool encode "$tmp/$k.json" "$tmp/$k.points" > "$tmp/$k.c" 2> "$tmp/$k.cerr" ||
    { echo "FAIL $k: C encoder: $(head -2 "$tmp/$k.cerr")"; fail=1; continue; }
  $pyschema encode "$tmp/$k.json" "$tmp/$k.points" > "$tmp/$k.py" ||
    { echo "FAIL $k: Python encoder"; fail=1; continue; }
  cmp -s "$tmp/$k.c" "$tmp/$k.py" || { echo "FAIL $k: encodings differ"; fail=1; }
  points=$((points + $(wc -l < "$tmp/$k.points")))
  kernels=$((kernels + 1))
done
echo "encoded $points points of $kernels kernels identically"
exit $fail
