#!/usr/bin/env bash
# build.sh — builds build-fuzz/fuzz_parse and build-fuzz/fuzz_load: the interpreter's library objects
# (the Makefile's own rules, with BUILD=build-fuzz, clang, no CUDA, libFuzzer
# coverage and ASan+UBSan) linked with tests/fuzz/fuzz_parse.c and
# tests/fuzz/fuzz_load.c.
set -eu
cd "$(dirname "$0")/../.."
command -v clang >/dev/null || { echo "fuzz: clang not found (apt-get install clang libclang-rt-14-dev)"; exit 1; }
B=build-fuzz
SANFL="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
# OPT comes after -Werror in the Makefile's CFLAGS: clang's extra warnings
# are reported but do not stop the fuzzer (gcc's -Werror build is the gate)
OPT="-O1 -g -fno-omit-frame-pointer $SANFL -fsanitize=fuzzer-no-link -Wno-error"
args=("BUILD=$B" CC=clang CUDA=0 SAN=0 "OPT=$OPT")
make -s -j"${JOBS:-2}" "${args[@]}" libobjs
objs=$(make -s "${args[@]}" print-libobjs)
# shellcheck disable=SC2086  # objs is a list of paths without spaces
# two harnesses: the language (fuzz_parse) and torch.load's reader (fuzz_load)
for h in fuzz_parse fuzz_load; do
    # shellcheck disable=SC2086
    clang -std=c11 -D_GNU_SOURCE -Wall -Wextra -Isrc -I$B/gen $OPT -fsanitize=fuzzer \
        -o $B/$h tests/fuzz/$h.c $objs -lreadline -ldl -lm -pthread
    echo "built $B/$h"
done
