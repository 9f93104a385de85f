#!/bin/bash
# One command from a fresh Debian 12 machine: install packages, build, and
# explore the pragmas of the bundled example kernel with the shipped models.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
"$root/tools/build.sh"
exec "$root/tools/hlsmoe" explore "$root/examples/conv1d.c"
