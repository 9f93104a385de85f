"""Prints the confidence of every design of an hls-moe report, one line each:

    check_confidence.py REPORT.json [--analytic ANALYTIC_REPORT.json --model M.safetensors]

"current: level L, distance D, nearest K, work W" and "top N: ..." ("none" for a design without
one).  With an analytic report of the same kernel and the model, also checks that the work of
the design as written is |analytic perf - perf_mean| / perf_std of the model's metadata
(docs/confidence.md) and prints "work matches the analytic estimate"."""
import json
import sys


def line(name, d):
    c = d.get("confidence")
    if c is None:
        return "%s: none" % name
    return "%s: level %s, distance %s, nearest %s, work %s" % (
        name, c["level"], c["distance"], c["nearest_kernel"], c.get("work", "-"))


def main(argv):
    r = json.load(open(argv[0]))
    print(line("current", r["current"]))
    for i, d in enumerate(r["top"]):
        print(line("top %d" % (i + 1), d))
    if "--analytic" in argv:
        from hlsmoe_train import confidence, export
        a = json.load(open(argv[argv.index("--analytic") + 1]))
        tensors, meta = export.read_safetensors(argv[argv.index("--model") + 1])
        _, ref = confidence.split(tensors, meta)
        want = float(ref.work(a["current"]["perf"]))
        got = r["current"]["confidence"]["work"]
        if abs(want - got) > 1e-3 * max(1.0, want):
            print("work %g, the analytic estimate gives %g" % (got, want))
            return 1
        print("work matches the analytic estimate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
