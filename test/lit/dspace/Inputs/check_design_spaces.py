#!/usr/bin/env python3
"""Checks hls-dspace against the HLSyn data's design_space_check.json.

usage: check_design_spaces.py HLS_DSPACE HLSYN_DIR [--markdown]

For every kernels/ds_config/<kernel>_ds_config.json (not older/):
  * the knob count equals design_space_check's "knobs";
  * "exact": true  -> the enumerated count equals "space_size";
    "exact": false -> "space_size" is only a lower bound (the checker stopped
    enumerating, see docs/design-space.md), so the count must be >= it;
  * for each version (v18/v20/v21) listed for the kernel, `hls-dspace check`
    finds exactly the checker's "value_outside_space" points outside, and for
    v21 that number is 0 (every labelled point lies in the current space).
Prints one line per kernel and a SUMMARY line; exits 1 on any failure.
With --markdown, prints the table used in docs/design-space.md instead.
"""
import glob
import json
import os
import re
import subprocess
import sys

# Which points file a ds_config's entry was checked against.
POINTS_OF = {"seidel-2d_orig": "seidel-2d", "stencil": "stencil_stencil2d"}


def run(tool, *args):
    r = subprocess.run([tool, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def knob_count(tool, path):
    rc, out, err = run(tool, "list", path, "--limit", "1")
    return len(json.loads(out)) if rc == 0 and out else -1


def check_points(tool, path, points):
    rc, out, err = run(tool, "check", path, points)
    m = re.search(r"(\d+) points: (\d+) inside, (\d+) outside", out)
    if rc not in (0, 1) or not m:
        return None
    return tuple(int(g) for g in m.groups())


def main():
    tool, data = sys.argv[1], sys.argv[2]
    markdown = "--markdown" in sys.argv[3:]
    expected = json.load(open(os.path.join(data, "design_space_check.json")))
    files = sorted(glob.glob(os.path.join(data, "kernels", "ds_config", "*_ds_config.json")))
    failures, exact_ok, bounds_ok, v21_points, v21_kernels = [], 0, 0, 0, 0
    if markdown:
        print("| kernel | knobs | hls-dspace count | space_size | exact | v21 points inside |")
        print("|---|---:|---:|---:|---|---:|")
    for path in files:
        kernel = os.path.basename(path)[: -len("_ds_config.json")]
        exp = expected.get(kernel)
        if exp is None:
            failures.append("%s: not in design_space_check.json" % kernel)
            continue
        rc, out, err = run(tool, "count", path)
        if rc != 0:
            failures.append("%s: hls-dspace count failed: %s" % (kernel, err.strip()))
            continue
        count = int(out.strip())
        knobs = knob_count(tool, path)
        notes = []
        if knobs != exp["knobs"]:
            notes.append("knobs %d != %d" % (knobs, exp["knobs"]))
        if exp["exact"]:
            verdict = "equal" if count == exp["space_size"] else "DIFFERENT"
            exact_ok += count == exp["space_size"]
        else:
            verdict = "lower-bound-ok" if count >= exp["space_size"] else "BELOW-BOUND"
            bounds_ok += count >= exp["space_size"]
        if verdict.isupper():
            notes.append("count %d vs space_size %d" % (count, exp["space_size"]))
        v21 = ""
        for version in ("v18", "v20", "v21"):
            if version not in exp:
                continue
            points = os.path.join(data, version, POINTS_OF.get(kernel, kernel) + ".jsonl")
            got = check_points(tool, path, points)
            want = exp[version]
            if got is None:
                notes.append("%s: check failed" % version)
                continue
            n, inside, outside = got
            if n != want["n"] or outside != want["value_outside_space"]:
                notes.append("%s: %d points %d outside, expected %d and %d"
                             % (version, n, outside, want["n"], want["value_outside_space"]))
            if version == "v21" and kernel not in POINTS_OF:
                v21_kernels += 1
                v21_points += inside
                v21 = "%d/%d" % (inside, n)
                if outside:
                    notes.append("v21: %d points outside" % outside)
        if notes:
            failures.append("%s: %s" % (kernel, "; ".join(notes)))
        if markdown:
            print("| %s | %d | %d | %d | %s | %s |" % (kernel, knobs, count, exp["space_size"],
                                                      "yes" if exp["exact"] else "no (bound)",
                                                      v21 or "-"))
        else:
            print("%s knobs=%d count=%d space_size=%d exact=%s %s v21=%s"
                  % (kernel, knobs, count, exp["space_size"], exp["exact"], verdict, v21 or "-"))
    for f in failures:
        print("FAIL:", f)
    if not markdown:
        print("SUMMARY: %d spaces, %d exact sizes equal, %d lower bounds respected, "
              "%d v21 kernels with %d points all inside, %d failures"
              % (len(files), exact_ok, bounds_ok, v21_kernels, v21_points, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
