#!/bin/bash
# Random-weight regression and validity models for tests: PREFIX.reg.safetensors, PREFIX.valid.safetensors,
# recorded as trained for FLOW (default merlin-2021.1, the flow of the tests' Merlin kernels)
# usage: models.sh "HLS-MODEL" PREFIX [KIND] [HIDDEN] [FLOW]
set -eu
flow=${5:-merlin-2021.1}
$1 random --task regression --kind "${3:-hier}" --hidden "${4:-16}" --seed 11 --flow "$flow" "$2.reg.safetensors" > /dev/null
$1 random --task validity --kind "${3:-hier}" --hidden "${4:-16}" --seed 12 --flow "$flow" "$2.valid.safetensors" > /dev/null
