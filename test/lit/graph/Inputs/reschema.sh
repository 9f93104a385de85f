#!/bin/bash
# Prints graph file $2 with its feature schema id replaced by the one in file $1.
set -eu
sed "s/hlsmoe-graph-1:[0-9a-f]*/$(cat "$1")/" "$2"
