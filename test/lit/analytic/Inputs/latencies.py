"""Prints the rounded latency of every line of a score output, one per line."""
import json
import sys

for line in open(sys.argv[1]):
    print("latency %d" % round(json.loads(line)["latency"]))
