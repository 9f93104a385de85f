"""hlsmoe's training tools: the feature schema, the data set, the PyTorch model, training,
evaluation, export of weight files and the evaluation protocol.

Run a tool as a module with tools/train on the import path, from anywhere:

    PYTHONPATH=<root>/tools/train python3 -m hlsmoe_train.train --help

(docs/training.md).  The package reads the tree it lives in (graph/schema.def,
model/targets.def, examples/, build/): ROOT is that tree.
"""
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
