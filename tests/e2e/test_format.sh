#!/usr/bin/env bash
# The folder's format (issue 13): `format` in bilan.toml, 1 when absent. A folder of a newer
# format, written by a newer bilan on another machine of the same git set-up, is read for
# what this version knows, with one note; no command writes to it. Within a format, an
# unknown key stays an error: it catches typos.
. "$(dirname "$0")/lib.sh" "$@"

# A bilan of format 5 (newer than this version): a new key in bilan.toml and in a session.
newer_bilan() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h >/dev/null
    sed -i 's/^format = 1$/format = 99/' "$dir/bilan.toml"
    printf 'visio_link = "https://exemple.fr"\n' >>"$dir/bilan.toml"
    printf 'room = "B12"\n' >>"$dir"/sessions/*.toml
    printf '%s\n' "$dir"
}

test_init_writes_the_format() {
    local dir
    dir=$(new_bilan)
    expect_file_contains "$dir/bilan.toml" "format = 1"
    run -C "$dir" status
    expect_status 0
    expect_equal "$err" "" "no note in a folder of this format"
}

test_a_folder_without_format_is_format_1() {
    local dir
    dir=$(new_bilan)
    sed -i '/^format = /d' "$dir/bilan.toml"
    run -C "$dir" session list
    expect_status 0
    expect_equal "$err" "" "no note"
}

test_unknown_keys_stay_errors_within_a_format() {
    local dir
    dir=$(new_bilan)
    printf 'demnd = "typo"\n' >>"$dir/bilan.toml"
    run -C "$dir" status
    expect_status 1
    expect_err_contains "clé inconnue « demnd »"
}

test_a_newer_format_is_read_for_what_is_known() {
    local dir cmd
    dir=$(newer_bilan)
    for cmd in "status --json" "session list --json" "render" "check --json"; do
        # Before its sessions, so that check has no attendance proof to ask for.
        # shellcheck disable=SC2086
        BILAN_TODAY=2026-01-01 run -C "$dir" $cmd
        expect_err_one_line
        expect_err_contains "ce dossier est au format 99, plus récent que cette version de bilan (format 5)"
        expect_err_contains "mettez bilan à jour"
    done
    run -C "$dir" status --json
    expect_status 0
    expect_out_contains '"accompaniment_minutes": 120,'
    run -C "$dir" check
    expect_out_lacks "clé inconnue"
}

test_a_newer_format_is_never_written() {
    local dir snap cmd
    dir=$(newer_bilan)
    snap=$(fingerprint "$dir")
    for cmd in "session add --date 2026-03-04 --phase investigation --duration 1h" \
        "set demand autre" "skill add Compter --type savoir" "project set --title Titre" \
        "consent grant France-Travail --date 2026-03-05" "session rm $(ls "$dir/sessions" | head -c 8)"; do
        # shellcheck disable=SC2086
        run -C "$dir" $cmd
        expect_status 1 "$cmd"
        expect_err_one_line
        expect_equal "$err" "bilan: ce dossier est au format 99, plus récent que cette version de bilan (format 5) : mettez bilan à jour pour y écrire" "$cmd: stderr"
        expect_unchanged "$dir" "$snap"
    done
}

test_a_format_that_is_no_number_is_refused() {
    local dir
    dir=$(new_bilan)
    sed -i 's/^format = 1$/format = "deux"/' "$dir/bilan.toml"
    run -C "$dir" status
    expect_status 1
    expect_err_contains "bilan.toml:4:10: « format » doit être un nombre entier"
}

run_tests
