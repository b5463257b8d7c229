#!/usr/bin/env bash
# bilan init: a new private folder, refusal to overwrite, the frameworks.
. "$(dirname "$0")/lib.sh" "$@"

test_init_creates_a_private_folder() {
    local dir=$TMP_ROOT/claire
    ( umask 000; run init "$dir" --beneficiary "Claire Martin" --start 02/03/2026 --funding CPF \
        --counsellor "Hélène Rocher" --organisation "Cabinet" --demand "Changer de métier" )
    run -C "$dir" status --json
    expect_status 0 "status after init"
    expect_out_contains '"beneficiary": "Claire Martin"'
    expect_out_contains '"start": "2026-03-02"'
    expect_equal "$(stat -c %a "$dir")" 700 "folder mode"
    expect_equal "$(stat -c %a "$dir/bilan.toml")" 600 "bilan.toml mode"
    expect_equal "$(stat -c %a "$dir/.gitignore")" 600 ".gitignore mode"
    expect_file_contains "$dir/bilan.toml" 'funding = "cpf"'
    expect_file_contains "$dir/bilan.toml" 'demand = "Changer de métier"'
    expect_file_contains "$dir/.gitignore" '.lock'
    expect_equal "$(ls -A "$TMP_ROOT" | grep -c tmp)" 0 "no temp folder left"
}

test_init_prints_nothing_and_is_deterministic() {
    run init "$TMP_ROOT/a" --beneficiary "Ana" --start 2026-01-05
    expect_status 0
    expect_out ""
    run init "$TMP_ROOT/b" --beneficiary "Ana" --start 2026-01-05
    expect_equal "$(cat "$TMP_ROOT/a/bilan.toml")" "$(cat "$TMP_ROOT/b/bilan.toml")" "same bytes"
}

test_init_refuses_an_existing_bilan_touching_nothing() {
    local dir snapshot
    dir=$(new_bilan)
    echo "# mes notes" >>"$dir/bilan.toml"
    snapshot=$(fingerprint "$dir")
    run init "$dir" --beneficiary "Autre"
    expect_status 1 "init over a bilan"
    expect_err_one_line
    expect_err_contains "contient déjà un bilan"
    expect_unchanged "$dir" "$snapshot"
}

test_init_into_an_existing_empty_folder() {
    mkdir -m 755 "$TMP_ROOT/empty"
    run init "$TMP_ROOT/empty" --beneficiary "Léo"
    expect_status 0
    expect_equal "$(stat -c %a "$TMP_ROOT/empty")" 700 "existing folder made private"
}

test_init_usage_errors_write_nothing() {
    run init "$TMP_ROOT/x1" --beneficiary "A" --start 2026-02-30
    expect_status 2 "impossible date"
    expect_err_one_line
    run init "$TMP_ROOT/x2" --beneficiary "A" --funding loto
    expect_status 2 "unknown funding"
    run init "$TMP_ROOT/x3"
    expect_status 2 "missing --beneficiary"
    run init "$TMP_ROOT/x4" --beneficiary "A" --framework "$TMP_ROOT/nope.toml"
    expect_status 2 "missing framework file"
    expect_equal "$(ls "$TMP_ROOT" | grep -c '^x')" 0 "nothing created"
}

test_init_with_the_belgian_framework() {
    run init "$TMP_ROOT/be" --beneficiary "Noor" --framework be
    expect_status 0
    run -C "$TMP_ROOT/be" status --json
    expect_out_contains '"framework": "be"'
    expect_out_contains '"cap_minutes": 1200'
    expect_out_contains '"floor_minutes": 720'
}

# /proc takes no new folder, not even root's: the test runs as CI does, as root.
test_init_in_an_unwritable_place_is_an_environment_error() {
    run init /proc/bilan-test --beneficiary "A"
    expect_status 3
}

# The folder is built under a temporary name beside its place: a failure says the name given.
test_a_folder_that_cannot_be_made_is_named_as_given() {
    run init "$TMP_ROOT/missing/claire" --beneficiary "A"
    expect_status 3
    expect_err_contains "création impossible du dossier $TMP_ROOT/missing/claire :"
    expect_err_lacks ".tmp-"
    expect_err_one_line
    [ -e "$TMP_ROOT/missing" ] && fail "parent made" || ok
}

run_tests
