#!/bin/bash
# snapshot.sh OUT-DIR           record what the passes print and write
# snapshot.sh --compare A B [--same-but-schema-id]
#                               compare two snapshots; exit 1 if they differ
#
# The behaviour check of refactorings (issue 10): record a snapshot before the
# change and one after it, then compare.  For every kernel — the 42 HLSyn
# kernels (../shared/data/hlsyn, or $HLSMOE_SHARED_DATA), examples/ and every
# C/C++ file of test/lit — it records, per pass (hls-annotate, hls-graph,
# hls-moe): stderr (diagnostics and remarks), the exit status, the remarks as
# YAML, the graph JSON and the exploration report; for HLSyn kernels also the
# offline check against their v21 labels and the predictions of hls-model for
# their first 64 labelled points.  Wall-clock times are replaced by "T" and
# the tree's root by "<root>", nothing else is normalised.
# HLSMOE_BUILD_DIR selects the build (default build/).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = --compare ]; then
  # --same-but-schema-id: the feature schema's id may differ (a re-declared
  # schema with the same meaning); every other byte must not.
  [ $# -eq 3 ] || { [ $# -eq 4 ] && [ "$4" = --same-but-schema-id ]; } \
    || { echo "usage: snapshot.sh --compare A B [--same-but-schema-id]" >&2; exit 2; }
  a=$2 b=$3
  if [ $# -eq 4 ]; then
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    cp -r "$a" "$tmp/a"; cp -r "$b" "$tmp/b"
    find "$tmp" -type f -exec sed -i -E 's/(hlsmoe-graph-[0-9]+):[0-9a-f]{8}/\1:<id>/g' {} +
    a=$tmp/a b=$tmp/b
  fi
  if diff -r "$a" "$b" > /dev/null; then
    echo "snapshots identical: $(find "$a" -type f | wc -l) files"
    exit 0
  fi
  diff -r "$a" "$b" | head -60
  echo "snapshots differ: $(diff -rq "$a" "$b" | wc -l) files"
  exit 1
fi
[ $# -eq 1 ] || { echo "usage: snapshot.sh OUT-DIR | --compare A B" >&2; exit 2; }
out=$1
build=${HLSMOE_BUILD_DIR:-$root/build}
data=${HLSMOE_SHARED_DATA:-$root/../shared/data/hlsyn}
llvm=/usr/lib/llvm-19/bin
plugin=$build/libHLSMoE.so
[ -f "$plugin" ] || { echo "snapshot: $plugin not built" >&2; exit 2; }
mkdir -p "$out"

# Replaces timings and the tree's location; the file is rewritten in place.
normalise() {
  [ -f "$1" ] || return 0
  sed -i -E -e "s#$root#<root>#g" \
    -e 's/in [0-9]+\.[0-9]+ s/in T s/g' \
    -e 's/"seconds":[[:space:]]*[0-9.eE+-]+/"seconds": T/g' "$1"
}

# run NAME PASS IR [opt options...]: one pass over one kernel.
run() {
  local name=$1 pass=$2 ir=$3; shift 3
  local base=$out/$name.$pass
  "$llvm/opt" -load-pass-plugin="$plugin" -passes="$pass" -pass-remarks-analysis="$pass" \
    -pass-remarks-output="$base.yaml" -disable-output "$ir" "$@" 2> "$base.stderr"
  echo "exit $?" >> "$base.stderr"
  for f in "$base".*; do normalise "$f"; done
}

# kernel NAME SOURCE [labels.jsonl]
kernel() {
  local name=$1 src=$2 labels=${3:-}
  local ir=$out/$name.ll.tmp
  case "$src" in
    *.ll) cp "$src" "$ir" ;;
    *) "$llvm/clang" -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S "$src" -o "$ir" \
         2> "$out/$name.clang.stderr" || { echo "clang failed" >> "$out/$name.clang.stderr"; return; } ;;
  esac
  run "$name" hls-annotate "$ir"
  run "$name" hls-graph "$ir" -hls-graph-json="$out/$name.graph.json"
  normalise "$out/$name.graph.json"
  run "$name" hls-moe "$ir" -hls-budget=3000 -hls-report="$out/$name.report.json"
  normalise "$out/$name.report.json"
  if [ -n "$labels" ] && [ -f "$labels" ]; then
    run "$name" hls-moe "$ir" -hls-oracle="$labels"
    mv "$out/$name.hls-moe.stderr" "$out/$name.oracle.stderr"
    mv "$out/$name.hls-moe.yaml" "$out/$name.oracle.yaml"
    # hls-moe overwrote the exploration's files: run it again for them.
    run "$name" hls-moe "$ir" -hls-budget=3000 -hls-report="$out/$name.report.json"
    normalise "$out/$name.report.json"
    if [ -f "$out/$name.graph.json" ] && [ -x "$build/hls-model" ]; then
      head -64 "$labels" > "$out/$name.points.tmp"
      for m in hiermoe-merlin-2021.1 hiermoe-merlin-2021.1-valid; do
        "$build/hls-model" score "$build/$m.safetensors" "$out/$name.graph.json" \
          "$out/$name.points.tmp" >> "$out/$name.score.txt" 2>&1
        echo "exit $?" >> "$out/$name.score.txt"
      done
      normalise "$out/$name.score.txt"
    fi
  fi
  rm -f "$ir" "$out/$name.points.tmp"
}

n=0
if [ -d "$data/kernels/sources" ]; then
  for src in "$data"/kernels/sources/*_kernel.c; do
    k=$(basename "$src" _kernel.c)
    kernel "hlsyn-$k" "$src" "$data/v21/$k.jsonl"
    n=$((n + 1))
  done
else
  echo "snapshot: no HLSyn data at $data: recording the project's kernels only" >&2
fi
while IFS= read -r src; do
  rel=${src#"$root"/}
  kernel "$(echo "$rel" | tr '/' '+')" "$src"
  n=$((n + 1))
done < <(find "$root/examples" "$root/test/lit" -name '*.c' -o -name '*.cpp' | LC_ALL=C sort)
echo "snapshot of $n kernels in $out ($(find "$out" -type f | wc -l) files)"
