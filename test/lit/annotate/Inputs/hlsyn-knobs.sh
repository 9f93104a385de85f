#!/bin/bash
# For every HLSyn kernel: the knobs hls-annotate finds on loops are exactly the
# knobs of the kernel's ds_config, each on exactly one loop; binding a real
# labelled design point leaves no knob unbound.
# usage: hlsyn-knobs.sh CLANG "OPT-COMMAND" HLSYN-DIR TMP-DIR
set -u
clang=$1 opt=$2 data=$3 tmp=$4
mkdir -p "$tmp"
fail=0 n=0
bad() { echo "FAIL $k: $*"; fail=1; }
for src in "$data"/kernels/sources/*_kernel.c; do
  k=$(basename "$src" _kernel.c)
  cfg="$data/kernels/ds_config/${k}_ds_config.json"
  [ -f "$cfg" ] || { bad "no ds_config"; continue; }
  if ! $clang -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$src" -o "$tmp/$k.ll" 2>"$tmp/$k.cc"; then
    bad "clang failed: $(head -3 "$tmp/$k.cc")"; continue
  fi
  if ! $opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output \
      "$tmp/$k.ll" 2>"$tmp/$k.rem"; then
    bad "hls-annotate failed: $(grep -m3 error "$tmp/$k.rem")"; continue
  fi
  grep ': loop L' "$tmp/$k.rem" | grep -o 'auto{[A-Za-z0-9_]*}' | sed 's/^auto{//; s/}$//' \
    | sort > "$tmp/$k.found"
  grep -o '"__[A-Z]*__[A-Za-z0-9_]*" *:' "$cfg" | sed 's/^"//; s/".*//' | sort -u > "$tmp/$k.expected"
  dup=$(uniq -d "$tmp/$k.found")
  [ -z "$dup" ] || bad "knobs on more than one loop or slot: $dup"
  if ! diff <(sort -u "$tmp/$k.found") "$tmp/$k.expected" > "$tmp/$k.diff"; then
    bad "knob sets differ (< found on loops, > in ds_config): $(tr '\n' ' ' < "$tmp/$k.diff")"
  fi
  labels=""
  for v in v21 v20 v18; do
    [ -s "$data/$v/$k.jsonl" ] && { labels="$data/$v/$k.jsonl"; break; }
  done
  [ -n "$labels" ] || { bad "no labelled points"; continue; }
  head -n 1 "$labels" > "$tmp/$k.point.json"
  if ! $opt -passes=hls-annotate -hls-point="$tmp/$k.point.json" -pass-remarks-analysis=hls-annotate \
      -disable-output "$tmp/$k.ll" 2>"$tmp/$k.bound"; then
    bad "binding $labels:1 failed: $(grep -m3 error "$tmp/$k.bound")"; continue
  fi
  if grep -q 'unbound' "$tmp/$k.bound"; then
    bad "unbound knob after binding: $(grep -m1 unbound "$tmp/$k.bound")"
  fi
  n=$((n + 1))
done
echo "checked $n kernels"
exit $fail
