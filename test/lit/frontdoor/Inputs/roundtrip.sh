#!/bin/bash
# The every-loop check of one corpus kernel (issue 12), through the front door:
#   roundtrip.sh "HLSMOE" "HLS_REWRITE" TMP SOURCE [front-door options...] [-- clang flags]
# (HLSMOE and HLS_REWRITE are commands, split into words: quote each.)
# 1. explore SOURCE (a copy of its directory, so that relative includes still
#    resolve): at least two ranked designs, each remark and each pragma of the
#    report in the kernel's dialect;
# 2. write the best design into the copy with hls-rewrite;
# 3. explore the rewritten copy without search: its design as written is the
#    best design, point for point, with the same predicted numbers.
set -eu
hlsmoe=$1 rewrite=$2 tmp=$3 src=$4
shift 4
mkdir -p "$tmp" && rm -rf "$tmp/in"  # only what this script made
cp -r "$(dirname "$src")" "$tmp/in"
copy="$tmp/in/$(basename "$src")"
# With the default limits, as a user runs it (a test may pass others).
$hlsmoe explore "$copy" --report "$tmp/first.json" -hls-designs=3 "$@" 2> "$tmp/first.txt" ||
  { cat "$tmp/first.txt" >&2; exit 1; }
$rewrite "$copy" "$tmp/first.json" -o "$tmp/best.src"
cp "$tmp/best.src" "$copy"
# A kernel that declares its space with auto{} becomes a concrete design once
# rewritten; its pragmas, now literal, are compared with the same knobs held.
declared=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))
print("" if any(s.get("derived") for l in r["loops"] for s in l["slots"].values()) else "-hls-knobs=declared")' "$tmp/first.json")
$hlsmoe explore "$copy" --report "$tmp/again.json" -hls-explore=false $declared "$@" 2> "$tmp/again.txt" ||
  { cat "$tmp/again.txt" >&2; exit 1; }
python3 - "$tmp/first.json" "$tmp/again.json" "$tmp/first.txt" "$tmp/in" "$src" <<'PY'
import json, math, re, sys
first, again = (json.load(open(p)) for p in sys.argv[1:3])
remarks = open(sys.argv[3]).read()
dialect = first["dialect"]
word = {"vitis": "HLS", "merlin": "ACCEL"}[dialect]
fail = []
if len(first["top"]) < 2:
    fail.append("%d ranked designs, want at least 2" % len(first["top"]))
for d in first["top"]:
    for loop, slots in zip(first["loops"], d["pragmas"]):
        loop = loop["name"]
        for slot, text in slots.items():
            if text and not text.startswith(word + " "):
                fail.append("%s %s: '%s' is not a %s pragma" % (loop, slot, text, dialect))
for m in re.findall(r"'#pragma (\w+) ", remarks):
    if m != word:
        fail.append("remark writes a '%s' pragma into a %s kernel" % (m, dialect))
best, now = first["top"][0], again["current"]
if best["point"] != now["point"] and now["point"]:
    fail.append("rewritten design %s, want %s" % (now["point"], best["point"]))
for key in ("latency", "util_LUT", "util_FF", "util_DSP", "util_BRAM", "valid"):
    if not math.isclose(best[key], now[key], rel_tol=1e-4, abs_tol=1e-6):
        fail.append("%s %r after the rewrite, %r before" % (key, now[key], best[key]))
if fail:
    sys.exit("%s: %s" % (sys.argv[5], "; ".join(fail)))
print("round trip: %d designs, %s, best design as written after the rewrite" % (len(first["top"]), dialect))
PY
