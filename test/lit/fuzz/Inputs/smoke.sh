#!/bin/bash
# usage: smoke.sh BUILD-DIR WORK-DIR REGRESSIONS RELIABILITY
# Runs every fuzz target on its regression inputs (and the reliability
# reproducers of its kind, when present), then fuzzes 3 seconds from its seeds.
set -eu
bin=$1 work=$2 regressions=$3 reliability=$4
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
declare -A shared=([pragma]="pragma-*.c" [dspace]="dspace-*.json" [point]="empty-point.jsonl"
                   [graph]="graph-*.json" [weights]="")
for t in pragma dspace point graph weights; do
  inputs=("$regressions/$t"/*)
  if [ -n "${shared[$t]}" ] && [ -d "$reliability" ]; then
    for f in "$reliability"/${shared[$t]}; do [ -e "$f" ] && inputs+=("$f"); done
  fi
  "$bin/fuzz-$t" -timeout=20 -rss_limit_mb=3000 "${inputs[@]}" > "$work/$t.regressions.log" 2>&1 ||
    { cat "$work/$t.regressions.log"; echo "fuzz-$t: a regression input fails"; exit 1; }
  mkdir -p "$work/corpus/$t"
  "$bin/fuzz-$t" -max_total_time=3 -timeout=10 -rss_limit_mb=3000 -artifact_prefix="$work/$t-" \
      "$work/corpus/$t" "$work/seeds/$t" > "$work/$t.log" 2>&1 ||
    { tail -40 "$work/$t.log"; echo "fuzz-$t: a finding"; exit 1; }
  echo "fuzz-$t: ok ($(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/$t.log" || grep -c '' "$work/$t.log") )"
done
