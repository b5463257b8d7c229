#!/usr/bin/env bash
# bilan check: every file, one line per problem with FILE:LINE:COLUMN, exit 1 when any.
. "$(dirname "$0")/lib.sh" "$@"

session_file() { # DIR NAME CONTENT
    mkdir -p "$1/sessions"
    printf '%s\n' "$3" >"$1/sessions/$2.toml"
}

test_check_reports_each_bad_file_at_its_place() {
    local dir snapshot id
    dir=$(new_bilan)
    id=$(held -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h)
    "$BILAN" -C "$dir" session attest "$id" --evidence emargement # a sound session, proved
    session_file "$dir" aaaa0001 $'date = 2026-03-04\nphase = "investigation"\nminutes = -30'
    session_file "$dir" aaaa0002 $'date = 2026-03-04\nphase = "voyage"\nminutes = 60'
    session_file "$dir" aaaa0003 $'date = 2026-03-04\nphase = "investigation"\nminutes = "deux heures"'
    session_file "$dir" aaaa0004 $'date = 2026-03-04\nphase = "investigation"\nminutes = 60\nminuts = 3'
    session_file "$dir" aaaa0005 $'date = 2026-03-04\nphase = "investigation"\nminutes = 60\nkind = "sieste"'
    session_file "$dir" aaaa0006 $'date = 2026-03-04\nphase = "investigation\nminutes = 60'
    session_file "$dir" aaaa0007 $'phase = "investigation"\nminutes = 60'
    session_file "$dir" aaaa0008 $'date = 2026-03-04\nphase = "investigation"\nfrom = 10:00:00\nto = 09:00:00'
    snapshot=$(fingerprint "$dir")
    run -C "$dir" check
    expect_status 1
    expect_out_contains "sessions/aaaa0001.toml:3:11: « minutes » vaut -30"
    expect_out_contains "sessions/aaaa0002.toml:2:9: phase inconnue « voyage »"
    expect_out_contains "sessions/aaaa0003.toml:3:11: « minutes » doit être un nombre entier"
    expect_out_contains "sessions/aaaa0004.toml:4:1: clé inconnue « minuts »"
    expect_out_contains "sessions/aaaa0005.toml:4:8: type de séance inconnu « sieste »"
    expect_out_contains "sessions/aaaa0006.toml:2:"
    expect_out_contains "sessions/aaaa0007.toml:1:1: clé « date » manquante"
    expect_out_contains "sessions/aaaa0008.toml:4:6: « to » (09:00) doit suivre « from » (10:00)"
    # The synthesis-completeness rules also speak about this young bilan: count the files' lines.
    expect_equal "$(printf '%s\n' "$out" | grep -c 'sessions/')" 8 "one line per problem"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" check --json
    expect_status 1
    expect_out_contains '"problems": ['
    expect_out_contains '"line": 3'
}

test_other_commands_stop_at_the_first_bad_file() {
    local dir snapshot
    dir=$(new_bilan)
    session_file "$dir" aaaa0001 $'date = 2026-03-04\nphase = "investigation"\nminutes = -30'
    snapshot=$(fingerprint "$dir")
    run -C "$dir" status
    expect_status 1
    expect_err_one_line
    expect_err_contains "aaaa0001.toml:3:11:"
    run -C "$dir" session list
    expect_status 1
    expect_unchanged "$dir" "$snapshot"
}

test_check_on_a_clean_folder_is_silent() {
    local dir id
    dir=$(new_bilan)
    id=$(held -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h)
    "$BILAN" -C "$dir" session attest "$id" --evidence emargement
    run -C "$dir" check
    # Only the synthesis-completeness rules may speak about a young bilan.
    if printf '%s\n' "$out" | grep -q 'sessions/'; then fail "problem reported on a clean session"; else ok; fi
}

test_check_applies_the_framework_rules() {
    local dir day
    dir=$(new_bilan)
    "$BILAN" -C "$dir" set end 2026-04-30
    # Two long sessions pass the cap: the rule itself, session by session, is a unit case
    # (tests/unit/ops/test_bilan.cpp).
    for day in 02 03; do
        held -C "$dir" session add --date "2026-03-$day" --phase investigation --duration 13h \
            --note "$day" >/dev/null
    done
    held -C "$dir" session add --date 2026-05-20 --phase conclusion --duration 1h >/dev/null
    run -C "$dir" check
    expect_status 1
    expect_out_contains "plafond dépassé : 27h"
    expect_out_contains "hors des dates du bilan"
}

test_check_reports_a_broken_bilan_toml() {
    local dir
    dir=$(new_bilan)
    printf 'beneficiary = 42\nstart = 1850-01-01\n' >"$dir/bilan.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "bilan.toml:1:15: « beneficiary » doit être un texte"
    expect_out_contains "bilan.toml:2:9: « start » : date hors des années 1900 à 2199"
    printf 'beneficiary = "A"\nstart = 2026-02-30\n' >"$dir/bilan.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "bilan.toml:2:19: TOML invalide"
}

# A hand edit that breaks the TOML: French, at the value, with the fix for the usual slips.
test_check_says_how_to_fix_a_hand_edit() {
    local dir
    dir=$(new_bilan)
    session_file "$dir" aaaa0001 $'date = 2026-03-04\nphase = "investigation"\nfrom = 14:00\nto = "16:00"'
    session_file "$dir" aaaa0002 $'date = 4/3/2026\nphase = "investigation"\nminutes = 60'
    session_file "$dir" aaaa0003 $'date = 2026-03-04\nphase = investigation\nminutes = 60'
    session_file "$dir" aaaa0004 $'date = 2026-03-04\nphase = "investigation"\nminutes = 60\nminutes = 90'
    session_file "$dir" aaaa0005 $'date = 2026-13-04\nphase = "investigation"\nminutes = 60'
    run -C "$dir" check
    expect_status 1
    expect_out_contains 'sessions/aaaa0001.toml:3:8: TOML invalide : heure sans guillemets ; écrivez from = "14:00" ou 14:00:00'
    expect_out_contains 'sessions/aaaa0002.toml:1:8: TOML invalide : date à écrire AAAA-MM-JJ ; écrivez date = 2026-03-04'
    expect_out_contains 'sessions/aaaa0003.toml:2:9: TOML invalide : texte sans guillemets ; écrivez phase = "investigation"'
    expect_out_contains 'sessions/aaaa0004.toml:4:11: TOML invalide : ligne clé = valeur : « minutes » est déjà définie'
    expect_out_contains 'sessions/aaaa0005.toml:1:15: TOML invalide : date : mois entre 1 et 12 attendu, trouvé 13'
    expect_out_lacks 'Error while'
}

# A merge left its markers in bilan.toml: say so, and do not call the demand missing (it is
# there, twice).
test_check_names_a_git_conflict_left_in_a_file() {
    local dir
    dir=$(new_bilan)
    printf '%s\n' '<<<<<<< HEAD' 'demand = "Changer de métier"' '=======' 'demand = "Évoluer"' \
        '>>>>>>> autre' >>"$dir/bilan.toml"
    local first=$(($(wc -l <"$dir/bilan.toml") - 4))
    run -C "$dir" check
    expect_status 1
    expect_out_contains "bilan.toml:$first:1: TOML invalide : conflit git non résolu (« <<<<<<< HEAD ») ; gardez la bonne version et retirez les lignes <<<<<<<, ======= et >>>>>>>"
    expect_out_lacks "demande initiale"
    run -C "$dir" status
    expect_status 1
    expect_err_contains "conflit git non résolu"
}

run_tests
