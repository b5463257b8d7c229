#!/usr/bin/env bash
# The harness itself (lib.sh): a test that cannot run here is counted as skipped, never as
# passed, and a suite where everything skipped exits 77, which CTest shows as "Not Run".
. "$(dirname "$0")/lib.sh" "$@"

# Runs a suite made of the test functions in $1; sets $out and $status.
run_suite() {
    local suite=$TMP_ROOT/suite.$RANDOM.sh
    printf '%s\n' ". '$SOURCE_DIR/tests/e2e/lib.sh' \"\$@\"" "$1" run_tests >"$suite"
    out=$(bash "$suite" "$BILAN" "$SOURCE_DIR" 2>&1)
    status=$?
}

test_a_suite_that_only_skips_exits_77() {
    run_suite 'test_a() { skip "no tool here"; return; }
test_b() { skip "nor here"; }'
    expect_status 77 "all skipped"
    expect_out_contains "SKIP [test_a] no tool here"
    expect_out_contains "0 passed, 0 failed, 2 skipped"
}

test_a_skip_beside_passes_is_counted_apart() {
    run_suite 'test_a() { skip "no tool here"; }
test_b() { ok; ok; }'
    expect_status 0 "some passed"
    expect_out_contains "2 passed, 0 failed, 1 skipped"
}

test_a_failure_beside_skips_fails_the_suite() {
    run_suite 'test_a() { skip "no tool here"; }
test_b() { fail "wrong"; }'
    expect_status 1 "one failed"
    expect_out_contains "0 passed, 1 failed, 1 skipped"
}

run_tests
