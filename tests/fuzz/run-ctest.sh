#!/usr/bin/env bash
# One short fuzz run for ctest (tests/fuzz/CMakeLists.txt): a fresh copy of the seed corpus and
# of the regression inputs in WORK, then FUZZER for SECONDS over both. Every input is run
# first, so a regression that comes back fails at once; new inputs go to WORK/corpus and
# crashes to WORK/artifacts: the source tree is never written.
# Usage: run-ctest.sh FUZZER SEEDS REGRESSIONS WORK SECONDS [DICT]
set -eu
fuzzer=$1 seeds=$2 regressions=$3 work=$4 seconds=$5 dict=${6:-}
rm -rf "$work"
mkdir -p "$work/corpus" "$work/regressions" "$work/artifacts"
cp -R "$seeds/." "$work/corpus/"
# Not hidden files: git needs no placeholder to keep an empty folder here.
if [ -d "$regressions" ]; then
    find "$regressions" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$work/regressions/" \;
fi
args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1
    -artifact_prefix="$work/artifacts/")
[ -n "$dict" ] && args+=(-dict="$dict")
exec "$fuzzer" "${args[@]}" "$work/corpus" "$work/regressions"
