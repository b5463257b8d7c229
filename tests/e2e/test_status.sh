#!/usr/bin/env bash
# bilan status: figures per phase against the framework, warnings, JSON keys of the man page.
. "$(dirname "$0")/lib.sh" "$@"

add() { held -C "$dir" session add "$@" >/dev/null; }

test_status_figures_and_json_keys() {
    dir=$(new_bilan)
    add --date 2026-02-23 --phase prealable --duration 1h
    add --date 2026-03-02 --phase preliminaire --duration 3h
    add --date 2026-03-09 --phase investigation --duration 2h30 --kind test
    add --date 2026-03-12 --phase investigation --duration 1h30 --kind enquete
    add --date 2026-03-13 --phase investigation --duration 1h --kind travail-personnel
    run -C "$dir" status --json
    expect_status 0
    local key
    for key in '"schema": 1' '"phases": [' '"done_minutes"' '"target_minutes"' \
        '"accompaniment_minutes": 330' '"personal_minutes": 150' '"cap_minutes": 1440' \
        '"floor_minutes": 780' '"warnings": ['; do
        expect_out_contains "$key"
    done
    expect_out_contains '"phase": "investigation"'
    expect_out_contains '"done_minutes": 300'
    expect_out_contains 'sous le plancher'
    run -C "$dir" status
    expect_status 0
    expect_out_contains "Phase d'investigation"
    expect_out_contains "17h"
    expect_out_contains "hors bilan"
    expect_out_contains "Avertissements"
    expect_out_lacks $'\e['
}

test_status_warns_over_cap_target_and_dates() {
    dir=$(new_bilan)
    "$BILAN" -C "$dir" set end 2026-05-04
    local day
    for day in 02 03 04 05 06 09 10 11 12 13 16 17; do
        add --date "2026-03-$day" --phase investigation --duration 2h --note "$day"
    done
    add --date 2026-05-20 --phase conclusion --duration 2h
    run -C "$dir" status --json
    expect_status 0 "status exits 0 even with warnings"
    expect_out_contains 'plafond dépassé'
    expect_out_contains 'phase investigation au-delà de sa cible'
    expect_out_contains 'hors des dates du bilan'
    expect_out_contains '"followup_due": "2026-11-04"'
}

test_colour_only_when_asked_and_allowed() {
    dir=$(new_bilan)
    run -C "$dir" status --color always
    expect_out_lacks $'\e[' # NO_COLOR is set by the harness
    NO_COLOR= run -C "$dir" status --color always
    expect_out_contains $'\e['
    NO_COLOR= run -C "$dir" status --color never
    expect_out_lacks $'\e['
    NO_COLOR= run -C "$dir" status
    expect_out_lacks $'\e[' # not a terminal
}

test_status_never_writes() {
    dir=$(new_bilan)
    add --date 2026-03-02 --phase preliminaire --duration 3h
    local snapshot
    snapshot=$(fingerprint "$dir")
    chmod -R a-w "$dir"
    run -C "$dir" status
    expect_status 0
    run -C "$dir" session list --json
    expect_status 0
    run -C "$dir" check
    chmod -R u+w "$dir"
    expect_unchanged "$dir" "$snapshot"
}

test_dir_from_environment_and_after_the_command() {
    dir=$(new_bilan)
    BILAN_DIR=$dir run status --json
    expect_status 0 "BILAN_DIR"
    run status --json --dir "$dir"
    expect_status 0 "--dir after the command"
    (cd "$dir" && run status --json && [ "$status" -eq 0 ]) && ok || fail "current directory"
}

test_status_on_a_folder_without_bilan() {
    run -C "$TMP_ROOT" status
    expect_status 1
    expect_err_contains "aucun bilan"
}

# A folder that is not there (a mistyped -C) is the environment's failure, not invalid data.
test_status_on_a_folder_that_does_not_exist_is_exit_3() {
    run -C "$TMP_ROOT/nonexistent" status
    expect_status 3
    expect_err_contains "le dossier $TMP_ROOT/nonexistent n'existe pas"
    expect_err_one_line
}

run_tests
