"""The reference of a model across flows recomputed as if it predicted another flow: the same
weights, graphs, points and backbone features, only the flow one-hot the heads read changed
(across-flows.test: the runtime must fail its parity check on it)."""
import json
import os
import sys

from hlsmoe_train import dataset, export, schema as schema_mod

model, ref_in, flow, ref_out = sys.argv[1:5]
schema = schema_mod.Schema()
m = export.load_model(model, schema)
m.flow = flow
ref = json.load(open(ref_in))
base = os.path.dirname(os.path.abspath(ref_in))
for case in ref["cases"]:
    gj = dataset.load_graph_json(os.path.join(base, case["graph"]), schema)
    case["outputs"], case["embeddings"] = export.compute_case(m, schema, gj, case["points"], case["backbone"])
json.dump(ref, open(ref_out, "w"))
