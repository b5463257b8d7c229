#!/usr/bin/env bash
# The harness itself (lib.sh): a test that cannot run here is counted as skipped, never as
# passed, and a suite where everything skipped exits 77, which CTest shows as "Not Run"; under
# CI a skip that tests/skips.txt does not list fails, in a suite and in CTest's report.
. "$(dirname "$0")/lib.sh" "$@"

# Runs a suite made of the test functions in $1, outside CI's skip policy unless $2 names a
# stage (then $3 is its list of accepted skips); sets $out and $status.
run_suite() {
    local suite=$TMP_ROOT/test_probe.sh
    printf '%s\n' ". '$SOURCE_DIR/tests/e2e/lib.sh' \"\$@\"" "$1" run_tests >"$suite"
    out=$(BILAN_CI_STAGE=${2:-} SKIP_POLICY_FILE=${3:-/dev/null} \
        bash "$suite" "$BILAN" "$SOURCE_DIR" 2>&1)
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

test_under_ci_an_unlisted_skip_fails() {
    printf '%s\n' "ci e2e.probe/test_listed the tool is missing in CI" >"$TMP_ROOT/skips"
    run_suite 'test_listed() { skip "no tool here"; }
test_unlisted() { skip "nor here"; }
test_c() { ok; }' ci "$TMP_ROOT/skips"
    expect_status 1 "an unlisted skip"
    expect_out_contains "SKIP [test_listed] no tool here"
    expect_out_contains "FAIL [test_unlisted] skipped in the ci stage, and tests/skips.txt does not list it: nor here"
    expect_out_contains "1 passed, 1 failed, 1 skipped"
    run_suite 'test_listed() { skip "no tool here"; }' asan "$TMP_ROOT/skips"
    expect_status 1 "listed for another stage"
}

test_ctest_skips_are_checked_against_the_list() {
    printf '%s\n' "ci e2e.faults/* static binary" "* unit.case_a a reason" >"$TMP_ROOT/skips"
    printf '%s\n' "The following tests did not run:" "	 12 - e2e.faults (Skipped)" \
        "	 13 - unit.case_a (Skipped)" >"$TMP_ROOT/ctest.log"
    out=$(SKIP_POLICY_FILE=$TMP_ROOT/skips bash "$SOURCE_DIR/tests/check-skips.sh" ci \
        "$TMP_ROOT/ctest.log" 2>&1)
    status=$?
    expect_status 0 "every skip listed"
    printf '%s\n' "	 14 - e2e.pdf (Skipped)" >>"$TMP_ROOT/ctest.log"
    out=$(SKIP_POLICY_FILE=$TMP_ROOT/skips bash "$SOURCE_DIR/tests/check-skips.sh" asan \
        "$TMP_ROOT/ctest.log" 2>&1)
    status=$?
    expect_status 1 "skips not listed for the stage"
    expect_out_contains "e2e.faults skipped in the asan stage"
    expect_out_contains "e2e.pdf skipped in the asan stage"
    case $out in *unit.case_a*) fail "unit.case_a is listed for every stage" ;; *) ok ;; esac
}

run_tests
