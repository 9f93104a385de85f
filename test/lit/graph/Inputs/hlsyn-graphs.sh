#!/bin/bash
# For every HLSyn kernel: the graph passes `hls-graph check` (every knob has
# exactly one pragma slot, every pragma scope is a loop-header block node, ...),
# its knobs are the ds_config's, and its node counts per kind are within the
# documented tolerances of the upstream reference graph (docs/graph-schema.md):
#   pragma nodes equal; instructions within 10 %; block nodes 0.8x..1x;
#   variables 0.6x..0.85x (one per value, not per use); constants 1x..2x
#   (shared per function, not per module).
# usage: hlsyn-graphs.sh CLANG "OPT" "HLS-GRAPH" HLSYN-DIR AWK-SCRIPT TMP-DIR
set -u
clang=$1 opt=$2 tool=$3 data=$4 awkfile=$5 tmp=$6
mkdir -p "$tmp"
fail=0 n=0
bad() { echo "FAIL $k: $*"; fail=1; }
within() { awk -v a="$1" -v b="$2" -v lo="$3" -v hi="$4" 'BEGIN { exit !(a >= lo * b && a <= hi * b) }'; }
for src in "$data"/kernels/sources/*_kernel.c; do
  k=$(basename "$src" _kernel.c)
  ref="$data/graphs/hierarchy/${k}_processed_result.gexf.gz"
  cfg="$data/kernels/ds_config/${k}_ds_config.json"
  $clang -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$src" -o "$tmp/$k.ll" 2>/dev/null || { bad "clang"; continue; }
  $opt -passes=hls-graph -hls-graph-json="$tmp/$k.json" -disable-output "$tmp/$k.ll" 2>"$tmp/$k.err" \
    || { bad "hls-graph: $(head -2 "$tmp/$k.err")"; continue; }
  $tool check "$tmp/$k.json" >/dev/null 2>"$tmp/$k.check" || bad "check: $(head -3 "$tmp/$k.check")"
  read -r inst var const prag block _ < <($tool stats "$tmp/$k.json" | awk '{ v[NR] = $2 } END { print v[1], v[2], v[3], v[4], v[5], v[6] }')
  read -r rinst rvar rconst rprag rblock _ < <(zcat "$ref" | awk -f "$awkfile")
  [ "$prag" -eq "$rprag" ] || bad "pragma nodes $prag, reference $rprag"
  within "$inst" "$rinst" 0.9 1.1 || bad "instructions $inst, reference $rinst"
  within "$block" "$rblock" 0.8 1.0 || bad "blocks $block, reference $rblock"
  within "$var" "$rvar" 0.6 0.85 || bad "variables $var, reference $rvar"
  within "$const" "$rconst" 1.0 2.0 || bad "constants $const, reference $rconst"
  $tool loops "$tmp/$k.json" | grep -o 'auto{[A-Za-z0-9_]*}' | sed 's/^auto{//; s/}$//' | sort > "$tmp/$k.knobs"
  grep -o '"__[A-Z]*__[A-Za-z0-9_]*" *:' "$cfg" | sed 's/^"//; s/".*//' | sort -u > "$tmp/$k.expected"
  cmp -s "$tmp/$k.knobs" "$tmp/$k.expected" || bad "knobs differ from the ds_config"
  printf '%-18s inst %4d/%-4d var %4d/%-4d const %3d/%-3d pragma %2d/%-2d block %3d/%-3d\n' \
    "$k" "$inst" "$rinst" "$var" "$rvar" "$const" "$rconst" "$prag" "$rprag" "$block" "$rblock"
  n=$((n + 1))
done
echo "checked $n kernels"
exit $fail
