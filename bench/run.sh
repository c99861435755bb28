#!/usr/bin/env bash
# run.sh — times every benchmark with tsc and with CPython side by side, in
# one run on this machine, and writes the table into BENCHMARKS.md.
# usage: bench/run.sh [--tsc PATH] [--python PATH] [--runs N] [--no-write]
set -eu
cd "$(dirname "$0")/.."
exec python3 bench/bench.py "$@"
