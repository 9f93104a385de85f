#!/bin/bash
# Every labelled point of the HLSyn-Vitis data (Vitis HLS 2025.1) binds to its
# kernel's knobs: each kernel goes through the front door as a user's would
# (hlsmoe's own HLS headers; the data's top function), and hls-graph encode
# binds and encodes every point of its v25 file.
# usage: hlsyn-vitis-bind.sh "HLSMOE" "HLS-GRAPH" DATA-DIR TMP-DIR
set -u
hlsmoe=$1 tool=$2 data=$3 tmp=$4
mkdir -p "$tmp"
fail=0 points=0 kernels=0
for ds in "$data"/kernels/design_space/*.json; do
  k=$(basename "$ds" .json)
  top=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["top"])' "$ds")
  src="$data/kernels/sources/$k.cpp"
  # aes.cpp uses `register`, which C++17 rejects (the data's README)
  std=""; [ "$k" = aes ] && std="-std=c++14"
  $hlsmoe graph "$src" --top "$top" --json "$tmp/$k.json" -- $std > "$tmp/$k.log" 2>&1 ||
    { echo "FAIL $k: graph: $(grep -m1 error "$tmp/$k.log")"; fail=1; continue; }
  n=$($tool encode "$tmp/$k.json" "$data/v25/$k.jsonl" 2> "$tmp/$k.err" | wc -l)
  want=$(grep -c . "$data/v25/$k.jsonl")
  if [ -s "$tmp/$k.err" ] || [ "$n" != "$want" ]; then
    echo "FAIL $k: $n of $want points bound: $(head -2 "$tmp/$k.err")"; fail=1; continue
  fi
  points=$((points + n)) kernels=$((kernels + 1))
done
echo "bound $points points of $kernels kernels"
exit $fail
