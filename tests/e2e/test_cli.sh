#!/usr/bin/env bash
# The command line itself: help, version, unknown commands and options, exit statuses.
. "$(dirname "$0")/lib.sh" "$@"

test_help_and_version() {
    run --help
    expect_status 0
    expect_out_contains "session"
    run --version
    expect_status 0
    expect_out_contains "bilan "
    local cmd
    for cmd in init set session status check "session add" "session list" "session rm"; do
        run $cmd --help
        expect_status 0 "$cmd --help"
    done
}

test_usage_errors_exit_2_with_one_line() {
    run
    expect_status 2 "no command"
    run sesion list
    expect_status 2 "unknown command"
    expect_err_contains "session"
    expect_err_one_line
    run status --bogus
    expect_status 2 "unknown option"
    expect_err_one_line
    run session
    expect_status 2 "group without subcommand"
    run --color sometimes status
    expect_status 2 "bad --color"
}

test_the_lock_makes_a_second_writer_wait_then_exit_3() {
    local dir
    dir=$(new_bilan)
    # Hold the folder's lock from outside (flock(1), as bilan's own writer would).
    if ! command -v flock >/dev/null; then ok; return; fi
    flock "$dir/.lock" sleep 3 &
    sleep 0.3
    BILAN_LOCK_WAIT=1 run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h
    expect_status 3 "locked"
    expect_err_contains "verrouillé"
    expect_err_one_line
    wait
    run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h
    expect_status 0 "lock released"
    expect_equal "$(ls -A "$dir" | grep -c '^\.lock$')" 0 "no lock file left"
}

test_a_stale_lock_is_taken_over_with_a_note() {
    local dir
    dir=$(new_bilan)
    echo 999999 >"$dir/.lock"
    : >"$dir/sessions.tmp" # not ours: must stay
    mkdir -p "$dir/sessions" && echo x >"$dir/sessions/.abcd.toml.tmp-999999"
    run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h
    expect_status 0
    expect_err_contains "verrou laissé par le processus 999999"
    expect_equal "$(ls -A "$dir/sessions" | grep -c tmp)" 0 "dead writer's temp file swept"
    expect_equal "$(ls -A "$dir" | grep -c '^\.lock$')" 0 "no lock file left"
}

run_tests
