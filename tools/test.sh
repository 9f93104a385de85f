#!/bin/bash
# Builds hlsmoe and runs every test.  The last line is "N passed, N failed".
# HLSMOE_SANITIZE=ON runs the suite in an AddressSanitizer + UBSan build
# (in build-sanitize/ unless HLSMOE_BUILD_DIR says otherwise).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${HLSMOE_SANITIZE:-OFF}" = ON ]; then
  build=${HLSMOE_BUILD_DIR:-$root/build-sanitize}
else
  build=${HLSMOE_BUILD_DIR:-$root/build}
fi
if ! "$root/tools/build.sh"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
lit=/usr/lib/llvm-19/build/utils/lit/lit.py
log=$build/lit.log
/usr/bin/python3 "$lit" -v "$build/test/lit" 2>&1 | tee "$log" | grep -E '^(PASS|FAIL|XFAIL|XPASS|UNSUPPORTED|UNRESOLVED|TIMEOUT):|^  [A-Z]'
# lit's summary: "  Passed: 12" alone, "  Passed     : 12" beside other categories
count() { sed -n "s/^  $1 *: *\([0-9]*\).*/\1/p" "$log" | head -1; }
passed=$(( $(count Passed || true) + $(count 'Expectedly Failed' || true) + 0 ))
failed=$(( $(count Failed || true) + $(count Unresolved || true) + $(count 'Timed Out' || true) + $(count 'Unexpectedly Passed' || true) + 0 ))
skipped=$(( $(count Unsupported || true) + 0 ))
if grep -qE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$log" && [ "$failed" -eq 0 ]; then failed=1; fi  # never report a failing run as green
[ "$skipped" -eq 0 ] || echo "$skipped skipped: $(grep '^UNSUPPORTED:' "$log" | sed 's/^UNSUPPORTED: hlsmoe :: //; s/ (.*//' | tr '\n' ' ')"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
