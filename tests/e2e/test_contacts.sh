#!/usr/bin/env bash
# Contact details: set email|telephone on a bilan, practice set email|telephone|adresse;
# validated and normalised, format 5, and in no document.
. "$(dirname "$0")/lib.sh" "$@"

test_set_email_and_telephone_are_stored_at_format_5() {
    local dir
    dir=$(new_bilan)
    grep -q '^format = 1' "$dir/bilan.toml" && ok || fail "a new bilan is format 1"
    run -C "$dir" set email anne.roux@exemple.fr
    expect_status 0 "set email"
    expect_file_contains "$dir/bilan.toml" 'email = "anne.roux@exemple.fr"'
    expect_file_contains "$dir/bilan.toml" 'format = 5'
    run -C "$dir" set telephone "06 12 34 56 78"
    expect_status 0 "set telephone"
    expect_file_contains "$dir/bilan.toml" 'telephone = "+33 6 12 34 56 78"'
    run -C "$dir" check
    expect_out_lacks "email"
    expect_out_lacks "telephone"
    run -C "$dir" set email ""
    expect_status 0 "clear email"
    grep -q '^email' "$dir/bilan.toml" && fail "email still there" || ok
}

test_telephone_forms_are_normalised() {
    local dir form
    dir=$(new_bilan)
    for form in "06 12 34 56 78" 0612345678 +33612345678 06.12.34.56.78 "0033 6 12 34 56 78" \
        "+33 (0)6 12 34 56 78" 06-12-34-56-78; do
        run -C "$dir" set telephone "$form"
        expect_status 0 "$form"
        expect_file_contains "$dir/bilan.toml" 'telephone = "+33 6 12 34 56 78"'
    done
    run -C "$dir" set telephone "+32 470 12 34 56"
    expect_file_contains "$dir/bilan.toml" 'telephone = "+32 470 12 34 56"'
    run -C "$dir" set telephone "+3221234567"
    expect_file_contains "$dir/bilan.toml" 'telephone = "+32 2 123 45 67"'
    run -C "$dir" set telephone "0032 71 12 34 56"
    expect_file_contains "$dir/bilan.toml" 'telephone = "+32 71 12 34 56"'
}

test_a_belgian_bilan_reads_national_numbers_as_belgian() {
    local dir
    dir=$(new_bilan --framework be)
    run -C "$dir" set telephone "0470 12 34 56"
    expect_status 0
    expect_file_contains "$dir/bilan.toml" 'telephone = "+32 470 12 34 56"'
    run -C "$dir" set telephone "02 123 45 67"
    expect_file_contains "$dir/bilan.toml" 'telephone = "+32 2 123 45 67"'
}

test_bad_contacts_exit_2_in_one_line_and_write_nothing() {
    local dir snapshot bad
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    for bad in "anne" "anne@exemple" "a@b@exemple.fr" "anne roux@exemple.fr" "@exemple.fr" \
        "anne@.fr" "anne@exemple..fr" $'anne@exemple.fr\nBcc: x@y.fr' "anne@exe_mple.fr" \
        "Anne <anne@exemple.fr>" "anne@-x.fr"; do
        run -C "$dir" set email "$bad"
        expect_status 2 "email $bad"
        expect_err_one_line
    done
    for bad in 12345 "06 12 34 56" "06 12 34 56 78 9" "+44 20 7946 0958" "06 12 34 56 7a" \
        "+33 0 6 12 34 56 78" "+32 12" $'06 12 34 56 78\n'; do
        run -C "$dir" set telephone "$bad"
        expect_status 2 "telephone $bad"
        expect_err_one_line
    done
    expect_unchanged "$dir" "$snapshot"
}

test_a_hand_written_bad_contact_is_a_file_error() {
    local dir
    dir=$(new_bilan)
    printf 'email = "pas une adresse"\n' >>"$dir/bilan.toml"
    run -C "$dir" status
    expect_status 1 "status on a bad email"
    expect_err_contains "bilan.toml:"
}

test_contacts_are_in_no_document() {
    local dir
    dir=$(copy_example)
    run -C "$dir" set email anne.secret@exemple.fr
    run -C "$dir" set telephone 0698765432
    run -C "$dir" practice set email contact@cabinet.fr 2>/dev/null
    local doc
    for doc in "render" "render --current" "emargement" "certificat" "status" "status --json"; do
        # shellcheck disable=SC2086
        run -C "$dir" $doc
        expect_out_lacks "anne.secret"
        expect_out_lacks "98 76 54 32"
    done
    run -C "$dir" consent list --json
    local recipient
    recipient=$(printf '%s' "$out" | sed -n 's/.*"recipient": "\([^"]*\)".*/\1/p' | head -n 1)
    if [ -n "$recipient" ]; then
        run -C "$dir" render --for "$recipient"
        expect_status 0 "render --for"
        expect_out_lacks "anne.secret"
        expect_out_lacks "98 76 54 32"
    else
        fail "the example has no consent"
    fi
}

test_practice_contacts() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/p.XXXXXX")
    rmdir "$dir"
    "$BILAN" practice init "$dir" --name "Cabinet Horizons" >/dev/null
    run -C "$dir" practice set email contact@cabinet-horizons.fr
    expect_status 0 "practice set email"
    run -C "$dir" practice set telephone 01.23.45.67.89
    expect_status 0 "practice set telephone"
    run -C "$dir" practice set adresse "12 rue des Lilas, 75011 Paris"
    expect_status 0 "practice set adresse"
    expect_file_contains "$dir/practice.toml" 'email = "contact@cabinet-horizons.fr"'
    expect_file_contains "$dir/practice.toml" 'telephone = "+33 1 23 45 67 89"'
    expect_file_contains "$dir/practice.toml" 'address = "12 rue des Lilas, 75011 Paris"'
    run -C "$dir" practice show --json
    expect_out_contains '"email": "contact@cabinet-horizons.fr"'
    expect_out_contains '"telephone": "+33 1 23 45 67 89"'
    run -C "$dir" practice show
    expect_out_contains "+33 1 23 45 67 89"
    run -C "$dir" practice set email "contact@@cabinet.fr"
    expect_status 2 "bad practice email"
    expect_err_one_line
    run -C "$dir" practice set telephone "+32 470 12 34 56"
    expect_file_contains "$dir/practice.toml" 'telephone = "+32 470 12 34 56"'
}

run_tests
