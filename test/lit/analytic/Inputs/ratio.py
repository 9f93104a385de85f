"""Reads two score outputs (one JSON line each) and prints the ratio of their
latencies against the ratio of the work, and whether it is within 2x."""
import json
import sys

a, b, work = json.loads(open(sys.argv[1]).readline()), json.loads(open(sys.argv[2]).readline()), float(sys.argv[3])
ratio = b["latency"] / a["latency"]
print("within 2x of the work ratio: %s" % (work / 2 <= ratio <= work * 2))
