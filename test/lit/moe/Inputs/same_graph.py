"""same_graph.py A.json B.json: the two program graphs are the same but for
what names the source (the file, the knobs' values as written)."""
import json
import sys

a, b = (json.load(open(p)) for p in sys.argv[1:3])
for g in (a, b):
    g.pop("source", None)
    for k in g.get("knobs", []):
        k.pop("written", None)
diff = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
if diff:
    sys.exit("graphs differ in: %s" % ", ".join(diff))
print("same graph: %d nodes, %d edges, %d knobs" % (len(a["nodes"]["kind"]) if isinstance(a["nodes"], dict) else len(a["nodes"]), len(a["edges"]["src"]) if isinstance(a["edges"], dict) else len(a["edges"]), len(a["knobs"])))
