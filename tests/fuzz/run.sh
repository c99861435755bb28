#!/usr/bin/env bash
# run.sh [SECONDS] — runs the fuzzer (default 60 s) from a corpus seeded with
# every test script and conformance program.  Exit status non-zero when it
# finds a crash, a sanitizer report, a timeout or an out-of-memory; the
# input is kept under build-fuzz/artifacts/.
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-60}
B=build-fuzz
mkdir -p "$B/corpus" "$B/artifacts"
# new findings go to the first folder; the seeds are read-only inputs
seeds=(tests/scripts tests/cases)
[ -d ../shared/conformance/cases/lang ] && seeds+=(../shared/conformance/cases/lang)
export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
exec "$B/fuzz_parse" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=4096 -print_final_stats=1 -dict=tests/fuzz/tsc.dict \
    -artifact_prefix="$B/artifacts/" "$B/corpus" "${seeds[@]}"
