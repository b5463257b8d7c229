#!/usr/bin/env bash
# The long robustness runs a developer starts by hand (issue 5); CI runs the quick versions of
# the same suites through ctest. Each suite is tests/e2e/test_*.sh with larger numbers, repeated
# ROUNDS times; the fuzzers run for FUZZ_SECONDS each when a fuzz build is there.
#
#   bash tests/stress/run.sh BUILD_DIR [ROUNDS] [FUZZ_BUILD_DIR] [FUZZ_SECONDS]
#
#   BUILD_DIR       a build with the bilan binary and the fault shim (build-ci, build-asan…)
#   ROUNDS          how many times each suite runs (default 5)
#   FUZZ_BUILD_DIR  a -DBILAN_FUZZ=ON build (default: BUILD_DIR when it has the fuzz targets,
#                   as build-asan does, else build-fuzz beside it, if any)
#   FUZZ_SECONDS    per fuzz target (default 300)
#
# Sizes per round: 200 writers at once, 500 writers killed at random moments, every failing
# call of every write path, every hostile file. Prints one line of figures per suite and exits
# non-zero when any round failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=$(realpath "${1:?usage: run.sh BUILD_DIR [ROUNDS] [FUZZ_BUILD_DIR] [FUZZ_SECONDS]}")
rounds=${2:-5}
fuzz_build=${3:-$build}
[ -n "${3:-}" ] || [ -x "$fuzz_build/fuzz_folder" ] || fuzz_build=$(dirname "$build")/build-fuzz
fuzz_seconds=${4:-300}
bilan=$build/bilan
[ -x "$bilan" ] || { echo "run.sh: no bilan in $build" >&2; exit 2; }

export BILAN_STRESS_WRITERS=${BILAN_STRESS_WRITERS:-200}
export BILAN_STRESS_KILLS=${BILAN_STRESS_KILLS:-500}
export LC_ALL=C.UTF-8 NO_COLOR=1

failed=0
for suite in concurrency crash faults full_disk git hostile privacy; do
    passed_checks=0 failed_checks=0 start=$SECONDS
    for round in $(seq 1 "$rounds"); do
        log=$(mktemp)
        bash "$source_dir/tests/e2e/test_$suite.sh" "$bilan" "$source_dir" >"$log" 2>&1
        summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$log" | tail -n 1)
        p=${summary%% passed*} f=${summary#*, } f=${f%% failed*}
        passed_checks=$((passed_checks + ${p:-0})) failed_checks=$((failed_checks + ${f:-1}))
        if [ -z "$summary" ] || [ "${f:-1}" -ne 0 ]; then
            echo "stress: $suite round $round failed:"
            grep -E '^FAIL' "$log" | head -n 20
            failed=1
        fi
        # The suites' own figures (writers that succeeded, locks taken over…).
        grep -E '^(concurrency|crash): ' "$log" | sed "s/^/stress: $suite round $round: /"
        grep -E '^SKIP ' "$log" | sed "s/^/stress: $suite round $round: /" # never silent
        rm -f "$log"
    done
    echo "stress: $suite: $rounds rounds, $passed_checks checks passed, $failed_checks failed, $((SECONDS - start)) s"
done

if [ -d "$fuzz_build/tests/fuzz" ]; then
    bash "$source_dir/tests/fuzz/run-long.sh" "$fuzz_build" "$fuzz_seconds" || failed=1
else
    echo "stress: no fuzz build in $fuzz_build (cmake --preset fuzz && cmake --build --preset fuzz)"
fi
exit $failed
