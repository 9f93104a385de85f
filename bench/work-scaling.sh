#!/bin/bash
# The same code at two sizes (test/lit/analytic/Inputs): 8 vs 65,536 additions
# (work 8,192x) and 32x32 vs 256x256 matrix-vector products (64x).  Prints, per
# predictor, the predicted latencies and their ratio against the work's (issue
# 14's goal: within 2x).  Predictors: the analytic estimator, the shipped
# default of the flow (plain C: Vitis 2025.1), and any model given as
# PAPER_MODEL=path (e.g. the paper-configuration network of an earlier commit).
#   bench/work-scaling.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
in=$root/test/lit/analytic/Inputs
latency() { # kernel, predictor options...
  local k=$1; shift
  "$root/tools/hlsmoe" score "$in/$k.c" --points "$in/empty.point.jsonl" "$@" 2>/dev/null |
    sed -n 's/.*"latency":\([0-9.e+]*\).*/\1/p'
}
row() { # name, options...
  local name=$1; shift
  local a b c d
  a=$(latency sum_small "$@"); b=$(latency sum_large "$@")
  c=$(latency matvec32 "$@"); d=$(latency matvec256 "$@")
  awk -v n="$name" -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN {
    r1 = b / a; r2 = d / c
    printf "| %s | %.0f → %.0f | %.0f× (%s) | %.0f → %.0f | %.1f× (%s) |\n", n, a, b, r1,
      (r1 >= 4096 && r1 <= 16384) ? "within 2×" : "outside", c, d, r2, (r2 >= 32 && r2 <= 128) ? "within 2×" : "outside" }'
}
echo "| predictor | sum: 8 → 65,536 adds (cycles) | ratio (work 8,192×) | matvec: 32² → 256² (cycles) | ratio (work 64×) |"
echo "|---|---|---|---|---|"
row "analytic" --predictor analytic
row "default (shipped)"
[ -z "${PAPER_MODEL:-}" ] || row "$PAPER_MODEL" "-hls-model=$PAPER_MODEL"
