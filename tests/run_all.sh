#!/usr/bin/env bash
# run_all.sh — every test of TensorScript, stage by stage (`make test`).
#
# Stages: build, C unit tests, script tests (tests/scripts, tests/cases),
# gradcheck coverage (tests/tools/gradcheck_coverage.py),
# the shared `lang` conformance area (all must pass), the conformance
# ratchet (tests/conformance.pass), command-line tests, prompt tests, then
# unit + scripts + conformance + CLI again under ASan+UBSan, then the fuzzer.
# Each stage prints one summary line; the last line is "N passed, N failed"
# summed over every test and case.  Exit status 1 if anything failed.
#
# Switches: SKIP_SAN=1, SKIP_FUZZ=1, SKIP_PROMPT=1, FUZZ_SECONDS=N (60, split
#           between the two fuzzers),
#           JOBS=N (make -j, default 2), SAN_LEAKS=0 (no leak checks on scripts).
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
SHARED=${SHARED:-$ROOT/../shared}
RUN="$SHARED/conformance/run"
JOBS=${JOBS:-2}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tsc-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

TOTAL_PASS=0
TOTAL_FAIL=0
SUMMARY=()

# stage NAME PASS FAIL: records a stage's counts and prints its summary.
stage() {
    TOTAL_PASS=$((TOTAL_PASS + $2))
    TOTAL_FAIL=$((TOTAL_FAIL + $3))
    local verdict=ok; [ "$3" -gt 0 ] && verdict=FAIL
    local line; line=$(printf '%-22s %5d passed, %4d failed  %s' "$1" "$2" "$3" "$verdict")
    SUMMARY+=("$line")
    echo "== $line"
}

# tally FILE: the "N passed, N failed" numbers of the last such line in FILE.
tally() {
    local l; l=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
    if [ -z "$l" ]; then echo "0 1"; return; fi
    local p f s
    p=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$l")
    f=$(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$l")
    # a case without an expected .out is a broken test of ours: count it failed
    s=$(sed -nE 's/.*, ([0-9]+) skipped.*/\1/p' <<<"$l"); s=${s:-0}
    echo "$p $((f + s))"
}

# show FILE: the interesting part of a runner's output (failures, tables).
show() { grep -vE '^$' "$1" | head -n 60; }

# ---- build ----
build() {  # build NAME MAKEARGS...
    local name=$1; shift
    echo "-- $name: make -j$JOBS $*"
    if make -j"$JOBS" "$@" >"$TMP/make.log" 2>&1; then
        stage "$name" 1 0; return 0
    fi
    tail -n 40 "$TMP/make.log"; stage "$name" 0 1; return 1
}

# ---- C unit tests: every tests/unit/test_*.c, each binary one test ----
unit_tests() {  # unit_tests BUILDDIR STAGENAME [MAKEARGS...]
    local bdir=$1 name=$2; shift 2
    local srcs=(tests/unit/test_*.c)
    if [ ! -e "${srcs[0]}" ]; then stage "$name" 0 0; return; fi
    local p=0 f=0
    make -j"$JOBS" "$@" unit-bins >"$TMP/unit-make.log" 2>&1 || true
    for s in "${srcs[@]}"; do
        local t; t="$bdir/tests/$(basename "$s" .c)"
        if [ ! -x "$t" ]; then
            echo "FAIL $s: did not build"; grep -m5 -A3 "$(basename "$s")" "$TMP/unit-make.log"
            f=$((f + 1)); continue
        fi
        if timeout 300 "$t" >"$TMP/unit.log" 2>&1; then p=$((p + 1))
        else echo "FAIL $t"; tail -n 20 "$TMP/unit.log"; f=$((f + 1)); fi
    done
    stage "$name" "$p" "$f"
}

# ---- conformance-format suites (our scripts, our cases, shared lang) ----
suite() {  # suite STAGENAME TSC RUNNER-ARGS...
    local name=$1 tsc=$2; shift 2
    python3 "$RUN" --tsc "$tsc" --show 20 "$@" >"$TMP/suite.log" 2>&1
    read -r p f < <(tally "$TMP/suite.log")
    [ "$f" -gt 0 ] && show "$TMP/suite.log"
    stage "$name" "$p" "$f"
}

# ---- the ratchet: every case in tests/conformance.pass must still pass ----
# Counts the listed cases only; cases passing but not listed are reported so
# that the list can grow.
ratchet() {  # ratchet STAGENAME TSC
    local name=$1 tsc=$2 list=tests/conformance.pass
    python3 "$RUN" --tsc "$tsc" --show 0 --must-pass "$list" \
        --list-passing "$TMP/passing" >"$TMP/ratchet.log" 2>&1
    sed -n '/^area/,$p' "$TMP/ratchet.log"
    grep -vE '^\s*(#|$)' "$list" 2>/dev/null | sort -u >"$TMP/must" || true
    sort -u "$TMP/passing" >"$TMP/pass.sorted" 2>/dev/null || : >"$TMP/pass.sorted"
    local p f new
    p=$(comm -12 "$TMP/must" "$TMP/pass.sorted" | wc -l)
    f=$(comm -23 "$TMP/must" "$TMP/pass.sorted" | wc -l)
    new=$(comm -13 "$TMP/must" "$TMP/pass.sorted" | wc -l)
    if [ "$f" -gt 0 ]; then
        echo "regressions:"; comm -23 "$TMP/must" "$TMP/pass.sorted" | sed 's/^/  /'
    fi
    [ "$new" -gt 0 ] && echo "note: $new passing cases are not yet in $list" \
        "(add them: $RUN --tsc $tsc --list-passing $list)"
    stage "$name" "$p" "$f"
}

# ---- command-line and prompt tests: scripts that print their own tally ----
selftally() {  # selftally STAGENAME CMD...
    local name=$1; shift
    "$@" >"$TMP/self.log" 2>&1
    read -r p f < <(tally "$TMP/self.log")
    [ "$f" -gt 0 ] && grep -E '^(FAIL|  )' "$TMP/self.log" | head -n 80
    stage "$name" "$p" "$f"
}

# ---- sanitizer reports: every report file is one failure ----
# A file holding only ASan's "failed to allocate" warning is no report: with
# allocator_may_return_null a huge request (torch.empty(10**13)) returns NULL
# and the program raises MemoryError / RuntimeError as it must.
san_reports() {
    local reports=() r
    for r in $(find "$SANLOG" -type f 2>/dev/null); do
        grep -qvE '^(==[0-9]+==WARNING: AddressSanitizer failed to allocate 0x[0-9a-f]+ bytes)?$' "$r" \
            && reports+=("$r")
    done
    for r in "${reports[@]:0:5}"; do
        echo "--- $r"; head -n 30 "$r"
    done
    stage "san: reports" 0 "${#reports[@]}"
}

run_plain() {
    local tsc=build/tsc
    build "build" || return 0
    unit_tests build "unit"
    suite "scripts" "$tsc" --cases tests/scripts --cases tests/cases
    # every differentiable row of torch_ops.def has a gradcheck case
    selftally "gradcheck coverage" python3 tests/tools/gradcheck_coverage.py
    suite "conformance lang" "$tsc" --cases "$SHARED/conformance/cases" lang/
    ratchet "conformance ratchet" "$tsc"
    selftally "cli" env TSC="$tsc" python3 tests/cli/run_cli.py
    # torch.save/torch.load both ways with real PyTorch (skips without it)
    selftally "files roundtrip" bash tests/files/roundtrip.sh "$tsc"
    if [ "${SKIP_PROMPT:-0}" != 1 ]; then
        selftally "prompt" env TSC="$tsc" python3 tests/prompt/run_prompt.py
    fi
}

# Under the sanitizers a report aborts the program (UBSan does not recover)
# and is also written to a file in $SANLOG, so even a case that was failing
# anyway cannot hide one.
run_san() {
    local tsc=build-san/tsc
    build "san: build" SAN=1 CUDA=0 || return 0
    SANLOG="$TMP/sanlog"; mkdir -p "$SANLOG"
    # leak checks on the scripts: on by default now that the interpreter is
    # leak-free on them (SAN_LEAKS=0 turns them off)
    local leaks=${SAN_LEAKS:-1}
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$SANLOG/ubsan"
    # allocator_may_return_null: a huge allocation must become MemoryError
    # (err_memory.tsc), not an ASan abort
    # quarantine_size_mb: ASan keeps freed blocks (256 MB by default) to catch
    # use-after-free; a small quarantine keeps the flat-memory cases
    # (autograd_memory) meaningful under the sanitizers
    local asan="allocator_may_return_null=1:quarantine_size_mb=4:log_path=$SANLOG/asan"
    export ASAN_OPTIONS="detect_leaks=0:$asan"
    unit_tests build-san "san: unit" SAN=1 CUDA=0
    ASAN_OPTIONS="detect_leaks=$leaks:$asan" \
        suite "san: scripts" "$tsc" --timeout 60 --cases tests/scripts --cases tests/cases
    suite "san: conformance lang" "$tsc" --timeout 60 --cases "$SHARED/conformance/cases" lang/
    ratchet "san: ratchet" "$tsc"
    selftally "san: cli" env TSC="$tsc" python3 tests/cli/run_cli.py
    san_reports
    unset UBSAN_OPTIONS ASAN_OPTIONS
}

run_fuzz() {
    local secs=${FUZZ_SECONDS:-60}
    echo "-- fuzz: building (tests/fuzz/build.sh)"
    if ! tests/fuzz/build.sh >"$TMP/fuzz-build.log" 2>&1; then
        tail -n 30 "$TMP/fuzz-build.log"; stage "fuzz" 0 1; return
    fi
    echo "-- fuzz: running ${secs}s"
    if tests/fuzz/run.sh "$secs" >"$TMP/fuzz.log" 2>&1; then
        tail -n 3 "$TMP/fuzz.log"; stage "fuzz" 1 0
    else
        grep -E -A25 'ERROR|SUMMARY|crash-|timeout-|oom-' "$TMP/fuzz.log" | head -n 60
        stage "fuzz" 0 1
    fi
}

run_plain
[ "${SKIP_SAN:-0}" = 1 ] || run_san
[ "${SKIP_FUZZ:-0}" = 1 ] || run_fuzz

echo
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
echo "$TOTAL_PASS passed, $TOTAL_FAIL failed"
[ "$TOTAL_FAIL" -eq 0 ]
