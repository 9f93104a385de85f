#!/bin/bash
# Random-weight regression and validity models for tests: PREFIX.reg.safetensors, PREFIX.valid.safetensors
# usage: models.sh "HLS-MODEL" PREFIX [KIND] [HIDDEN]
set -eu
$1 random --task regression --kind "${3:-hier}" --hidden "${4:-16}" --seed 11 "$2.reg.safetensors" > /dev/null
$1 random --task validity --kind "${3:-hier}" --hidden "${4:-16}" --seed 12 "$2.valid.safetensors" > /dev/null
