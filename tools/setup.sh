#!/bin/bash
# One command from a fresh Debian 12 machine: install packages, build, and run
# hlsmoe on the bundled example kernel.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
"$root/tools/build.sh"
exec "$root/tools/hlsmoe" "$root/examples/conv1d.c"
