#!/usr/bin/env bash
# The long fuzz runs a developer starts by hand, after `cmake --preset fuzz && cmake --build
# --preset fuzz`: each target for SECONDS (default 300), one after the other, on a corpus kept
# in BUILD_DIR/fuzz-corpus/TARGET (seeded from the build's seed corpus, growing run after run).
# Crashes are written to BUILD_DIR/fuzz-artifacts/TARGET/, libFuzzer's output to
# BUILD_DIR/fuzz-logs/TARGET.log. Prints the executions of each target and exits 1 when one
# found something. A crash input that is fixed belongs in tests/fuzz/regressions/TARGET/.
# Usage: run-long.sh BUILD_DIR [SECONDS] [TARGET...]   (TARGET: values, folder; default both)
set -u
usage="usage: run-long.sh BUILD_DIR [SECONDS] [values|folder...]"
[ $# -ge 1 ] && [ -d "$1" ] || { echo "$usage" >&2; exit 2; }
build=$(cd "$1" && pwd)
seconds=${2:-300}
[ $# -ge 2 ] && shift 2 || shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(values folder)
here=$(cd "$(dirname "$0")" && pwd)

status=0
for target in "${targets[@]}"; do
    fuzzer=$build/fuzz_$target
    if [ ! -x "$fuzzer" ]; then
        echo "run-long.sh: no $fuzzer: configure with -DBILAN_FUZZ=ON and build first" >&2
        exit 2
    fi
    corpus=$build/fuzz-corpus/$target artifacts=$build/fuzz-artifacts/$target/
    log=$build/fuzz-logs/$target.log
    mkdir -p "$corpus" "$artifacts" "$build/fuzz-logs"
    cp -Rn "$build/tests/fuzz/seeds/$target/." "$corpus/" 2>/dev/null
    args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1
        -artifact_prefix="$artifacts" "$corpus")
    [ -f "$here/$target.dict" ] && args+=(-dict="$here/$target.dict")
    # The regressions are read, never written: libFuzzer adds new inputs to the first folder.
    [ -d "$here/regressions/$target" ] && args+=("$here/regressions/$target")
    start=$SECONDS
    stamp=$build/fuzz-logs/$target.start # older than this run's crash inputs
    : >"$stamp"
    "$fuzzer" "${args[@]}" >"$log" 2>&1
    result=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    printf '%s: %s executions in %ss, corpus %s files' "$target" "${executions:-?}" \
        "$((SECONDS - start))" "$(find "$corpus" -type f | wc -l)"
    if [ "$result" -eq 0 ]; then
        echo
    elif [ "$result" -eq 72 ]; then # libFuzzer's status when a signal stops it
        status=1
        echo ", interrupted (exit 72)"
    else
        status=1
        echo ", FAILED (exit $result), see $log"
        grep -m 3 -E 'ERROR:|runtime error|invariant|SUMMARY' "$log" | sed 's/^/    /'
        find "$artifacts" -type f -newer "$stamp" | sed 's/^/    artifact: /'
    fi
done
exit $status
