#!/usr/bin/env bash
# build.sh — builds build-fuzz/fuzz_parse: the interpreter's library code
# (every src/**/*.c but main.c, no CUDA) compiled by clang with libFuzzer's
# coverage and ASan+UBSan, linked with tests/fuzz/fuzz_parse.c.
# Incremental: reuses tests/fuzz/fuzz.mk (make's dependency tracking).
set -eu
cd "$(dirname "$0")/../.."
command -v clang >/dev/null || { echo "fuzz: clang not found (apt-get install clang libclang-rt-14-dev)"; exit 1; }
exec make -s -f tests/fuzz/fuzz.mk -j"${JOBS:-2}" build-fuzz/fuzz_parse
