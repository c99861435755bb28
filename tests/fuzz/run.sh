#!/usr/bin/env bash
# run.sh [SECONDS] — runs both fuzzers for SECONDS in all (default 60):
# two thirds to fuzz_parse (lexer, parser, bounded evaluation; corpus seeded
# with every test script and conformance program), one third to fuzz_load
# (torch.load's zip + pickle reader; seeds in tests/fuzz/corpus_load).
# Exit status non-zero when either finds a crash, a sanitizer report, a
# timeout or an out-of-memory; the input is kept under build-fuzz/artifacts/.
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-60}
load_secs=$((secs / 3)); [ "$load_secs" -lt 1 ] && load_secs=1
parse_secs=$((secs - load_secs)); [ "$parse_secs" -lt 1 ] && parse_secs=1
B=build-fuzz
mkdir -p "$B/corpus" "$B/corpus_load" "$B/artifacts"
export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
common=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$B/artifacts/")

# new findings go to the first folder; the seeds are read-only inputs
seeds=(tests/scripts tests/cases)
[ -d ../shared/conformance/cases/lang ] && seeds+=(../shared/conformance/cases/lang)
echo "== fuzz_parse ${parse_secs}s"
"$B/fuzz_parse" -max_total_time="$parse_secs" "${common[@]}" -max_len=4096 \
    -dict=tests/fuzz/tsc.dict "$B/corpus" "${seeds[@]}"

echo "== fuzz_load ${load_secs}s"
"$B/fuzz_load" -max_total_time="$load_secs" "${common[@]}" -max_len=8192 \
    "$B/corpus_load" tests/fuzz/corpus_load
