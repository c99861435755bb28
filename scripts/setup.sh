#!/usr/bin/env bash
# setup.sh — a newcomer's one command: installs the Debian/Ubuntu packages
# TensorScript needs (only the missing ones), builds build/tsc and runs a
# tiny demo.  `scripts/setup.sh --deps` only installs the packages.
set -eu
cd "$(dirname "$0")/.."

# Build: compiler, re2c (the lexer generator), readline, OpenBLAS/LAPACKE.
# Tests: clang + its runtime (sanitizers, libFuzzer), tmux, python3.
PKGS="build-essential re2c libreadline-dev libopenblas-dev liblapacke-dev
      clang libclang-rt-14-dev tmux python3"

missing=""
for p in $PKGS; do
    # a package that apt does not know (another release) is left out
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" && continue
    missing="$missing $p"
done
if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "installing:$missing"
    $SUDO apt-get update -q
    # install what this release has, one by one as a fallback
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing || \
        for p in $missing; do
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$p" || \
                echo "warning: could not install $p" >&2
        done
fi
[ "${1:-}" = "--deps" ] && exit 0

make -j"$(nproc)"
echo
echo '$ build/tsc -c "import torch; x = torch.arange(6.).view(2, 3); print(x @ x.T)"'
build/tsc -c "import torch; x = torch.arange(6.).view(2, 3); print(x @ x.T)"
echo
echo "built build/tsc: run it with no arguments for the prompt, or build/tsc FILE.tsc"
