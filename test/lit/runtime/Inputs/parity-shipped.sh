#!/bin/bash
# parity-shipped.sh HLS_MODEL WEIGHTS_DIR: parity of every model in WEIGHTS_DIR
# against its <model>.reference.json; "no shipped model" when there is none.
set -u
tool=$1 dir=$2
found=0
for m in "$dir"/*.safetensors; do
  [ -e "$m" ] || continue
  found=1
  "$tool" info "$m" > /dev/null || exit 1
  "$tool" parity "$m" "${m%.safetensors}.reference.json" || exit 1
done
[ "$found" = 1 ] || echo "no shipped model"
