#!/usr/bin/env bash
# The CPF file (edof.toml): edof set|show, a deadline in French business days at its boundary
# and with the practice's Alsace-Moselle calendar, what check and status say of it, and that
# the `be` framework has none of it. The deadlines' other boundaries (Whit Monday, May Day, an
# exit before the last session, a partial service fait) are unit cases of the rule:
# tests/unit/ops/test_edof.cpp, core/test_edof.cpp, core/test_calendar.cpp.
. "$(dirname "$0")/lib.sh" "$@"
unset BILAN_PRACTICE

# A CPF bilan with one counted session on DATE (and more dates after it, if given).
cpf_bilan() {
    local dir date
    dir=$(new_bilan --funding cpf) || return 1
    for date in "$@"; do
        held -C "$dir" session add --date "$date" --phase investigation --duration 2h \
            >/dev/null || return 1
    done
    printf '%s\n' "$dir"
}

# The EDOF lines of `check`, problems and warnings (the synthesis' own problems left out).
edof_problems() {
    "$BILAN" -C "$1" check 2>&1 | grep -i 'edof\|service fait' || true
}

test_set_creates_a_private_file_and_show_gives_every_key() {
    local dir
    dir=$(cpf_bilan 2026-05-13)
    run -C "$dir" edof set --dossier 123456789 --entry-declared 2026-05-15
    expect_status 0 "edof set"
    expect_out ""
    expect_equal "$(stat -c %a "$dir/edof.toml")" 600 "edof.toml mode"
    expect_file_contains "$dir/edof.toml" 'dossier = "123456789"
entry_declared = 2026-05-15'
    run -C "$dir" edof show --json
    expect_status 0
    expect_out '{
  "schema": 1,
  "dossier": "123456789",
  "requested": null,
  "answered": null,
  "validated": null,
  "entry_declared": "2026-05-15",
  "exit_declared": null,
  "service_fait": null,
  "minutes_not_done": null,
  "reason": null,
  "invoiced": null,
  "paid": null,
  "entry_due": "2026-05-19",
  "exit_due": null,
  "cpf": true,
  "holidays": "metropole"
}'
    run -C "$dir" edof show
    expect_status 0
    expect_out_contains "Entrée déclarée  2026-05-15 (au plus tard le 2026-05-19)"
    expect_out_contains "à vérifier"
}

test_show_without_a_file() {
    local dir
    dir=$(cpf_bilan)
    run -C "$dir" edof show --json
    expect_status 0
    expect_out_contains '"dossier": null'
    expect_out_contains '"entry_due": null'
    [ -e "$dir/edof.toml" ] && fail "show wrote edof.toml" || ok
}

test_every_optional_field_and_removal() {
    local dir
    dir=$(cpf_bilan 2026-05-13)
    run -C "$dir" edof set --requested 2026-04-01 --answered 2026-04-02 --validated 2026-04-03 \
        --entry-declared 2026-05-14 --exit-declared 2026-06-01 --service-fait partiel \
        --minutes-not-done 1h30 --reason Abandon --invoiced 2026-06-02 --paid 2026-07-01
    expect_status 0
    run -C "$dir" edof show --json
    expect_out_contains '"requested": "2026-04-01"'
    expect_out_contains '"validated": "2026-04-03"'
    expect_out_contains '"service_fait": "partiel"'
    expect_out_contains '"minutes_not_done": 90'
    expect_out_contains '"reason": "abandon"'
    expect_out_contains '"paid": "2026-07-01"'
    run -C "$dir" edof set --paid ""
    expect_status 0
    run -C "$dir" edof show --json
    expect_out_contains '"paid": null'
    grep -q '^paid' "$dir/edof.toml" && fail "paid still in edof.toml" || ok
    run -C "$dir" edof set --reason "déménagement du bénéficiaire"
    expect_status 0
    expect_file_contains "$dir/edof.toml" 'reason = "déménagement du bénéficiaire"'
}

test_comments_are_kept() {
    local dir
    dir=$(cpf_bilan 2026-05-13)
    run -C "$dir" edof set --dossier 42
    printf '# appelé la Caisse le 15 mai\nentry_declared = 2026-05-15 # après relance\n' \
        >>"$dir/edof.toml"
    run -C "$dir" edof set --dossier 43 --service-fait total
    expect_status 0
    expect_file_contains "$dir/edof.toml" 'dossier = "43"'
    expect_file_contains "$dir/edof.toml" '# appelé la Caisse le 15 mai
entry_declared = 2026-05-15 # après relance'
    expect_file_contains "$dir/edof.toml" '# Dossier CPF tel que déclaré sur EDOF'
}

test_usage_errors_write_nothing() {
    local dir snapshot
    dir=$(cpf_bilan 2026-05-13)
    run -C "$dir" edof set --dossier 1
    snapshot=$(fingerprint "$dir")
    run -C "$dir" edof set
    expect_status 2 "no option"
    expect_err_one_line
    run -C "$dir" edof set --entry-declared 2026-02-30
    expect_status 2 "bad date"
    expect_err_one_line
    run -C "$dir" edof set --service-fait moitie
    expect_status 2 "bad service fait"
    expect_err_contains "total"
    run -C "$dir" edof set --service-fait partiel --minutes-not-done beaucoup
    expect_status 2 "bad duration"
    run -C "$dir" edof set --dossier $'12\n3'
    expect_status 2 "two lines"
    run -C "$dir" edof set --bogus 1
    expect_status 2 "unknown option"
    expect_unchanged "$dir" "$snapshot"
}

test_refusals_write_nothing() {
    local dir snapshot
    dir=$(cpf_bilan 2026-05-13)
    run -C "$dir" edof set --entry-declared 2026-05-15
    snapshot=$(fingerprint "$dir")
    run -C "$dir" edof set --exit-declared 2026-05-14
    expect_status 1 "exit before entry"
    expect_err_one_line
    expect_err_contains "précède l'entrée déclarée"
    run -C "$dir" edof set --minutes-not-done 2h
    expect_status 1 "minutes without partiel"
    run -C "$dir" edof set --service-fait total --reason abandon
    expect_status 1 "reason with total"
    expect_unchanged "$dir" "$snapshot"
    run -C "$TMP_ROOT" edof set --dossier 1
    expect_status 1 "not a bilan"
    [ -e "$TMP_ROOT/edof.toml" ] && fail "edof.toml written outside a bilan" || ok
}

# Wed 13 May 2026 + 3 business days: Thu 14 is Ascension, so Fri 15, Mon 18, Tue 19.
test_entry_across_ascension() {
    local dir
    dir=$(cpf_bilan 2026-05-13 2026-05-20)
    "$BILAN" -C "$dir" edof set --entry-declared 2026-05-19 >/dev/null
    expect_equal "$(edof_problems "$dir")" "" "declared on the third business day"
    run -C "$dir" edof set --entry-declared 2026-05-20
    expect_status 0 "a late declaration is recorded"
    expect_err_contains "en retard"
    run -C "$dir" check
    # Issue 26: a late declaration is history, a warning on stderr, never a problem.
    expect_out_lacks "EDOF"
    expect_err_contains "edof.toml:"
    expect_err_contains "attention : /"
    expect_err_contains "déclaration d'entrée EDOF du 2026-05-20 en retard : due au plus tard le 2026-05-19"
    expect_err_contains "à vérifier"
}

# Issue 26: an entry or exit not declared past its due date is the problem (check exits 1).
test_an_undeclared_declaration_past_due_is_a_problem() {
    local dir
    dir=$(cpf_bilan 2026-05-13 2026-05-20)
    BILAN_TODAY=2026-05-19 run -C "$dir" check
    expect_out_lacks "EDOF non faite"
    BILAN_TODAY=2026-05-20 run -C "$dir" check
    expect_status 1
    expect_out_contains "déclaration d'entrée EDOF non faite : due au plus tard le 2026-05-19"
    expect_out_contains "bilan edof set --entry-declared DATE"
    "$BILAN" -C "$dir" edof set --entry-declared 2026-05-20 2>/dev/null
    BILAN_TODAY=2026-05-20 run -C "$dir" check
    expect_out_lacks "EDOF non faite"
}

# Wed 1 Apr 2026: Good Friday (3 Apr) is a holiday in Alsace-Moselle only.
test_alsace_moselle_is_an_option_of_the_practice() {
    local practice dir
    practice=$TMP_ROOT/cabinet-metz
    "$BILAN" practice init "$practice" --name "Cabinet de Metz" >/dev/null
    run practice set holidays alsace
    expect_status 2 "unknown calendar"
    BILAN_PRACTICE=$practice run practice set holidays "Alsace-Moselle"
    expect_status 0 "practice set holidays"
    expect_file_contains "$practice/practice.toml" 'holidays = "alsace-moselle"'
    "$BILAN" init "$practice/b" --beneficiary "Test" --start 2026-03-02 --funding cpf >/dev/null
    dir=$practice/b
    held -C "$dir" session add --date 2026-04-01 --phase preliminaire --duration 2h >/dev/null
    run -C "$dir" edof show --json
    expect_out_contains '"entry_due": "2026-04-08"'
    expect_out_contains '"holidays": "alsace-moselle"'
    "$BILAN" -C "$dir" edof set --entry-declared 2026-04-08 >/dev/null 2>&1
    expect_equal "$(edof_problems "$dir")" "" "Alsace-Moselle: on time on Wed 8 Apr"
    BILAN_PRACTICE=$practice run practice set holidays ""
    expect_status 0
    run -C "$dir" edof show --json
    expect_out_contains '"entry_due": "2026-04-07"'
    case $(edof_problems "$dir") in
    *"due au plus tard le 2026-04-07"*) ok ;;
    *) fail "metropole: Wed 8 Apr not late" ;;
    esac
    printf 'holidays = "corse"\n' >>"$practice/practice.toml"
    run -C "$dir" check
    expect_out_contains 'practice.toml:'
    expect_out_contains 'corse'
}

test_practice_init_takes_the_calendar() {
    run practice init "$TMP_ROOT/cabinet-strasbourg" --name "Cabinet" --holidays "Alsace Moselle"
    expect_status 0
    expect_file_contains "$TMP_ROOT/cabinet-strasbourg/practice.toml" 'holidays = "alsace-moselle"'
    BILAN_PRACTICE=$TMP_ROOT/cabinet-strasbourg run practice show --json
    expect_out_contains '"holidays": "alsace-moselle"'
    run practice init "$TMP_ROOT/cabinet-corse" --name "Cabinet" --holidays corse
    expect_status 2
    expect_err_one_line
    [ -e "$TMP_ROOT/cabinet-corse" ] && fail "a folder was made" || ok
}

test_status_shows_the_next_deadline() {
    local dir
    dir=$(cpf_bilan 2026-05-13)
    run -C "$dir" status
    expect_out_contains "Prochaine échéance : déclaration d'entrée EDOF au plus tard le 19 mai 2026"
    run -C "$dir" status --json
    expect_out_contains '"next_deadline": {
    "what": "edof-entree",
    "date": "2026-05-19",
    "overdue": false
  }'
    BILAN_TODAY=2026-05-20 run -C "$dir" status --json
    expect_out_contains '"overdue": true'
    BILAN_TODAY=2026-05-20 run -C "$dir" status
    expect_out_contains "au plus tard le 19 mai 2026, dépassée"
    "$BILAN" -C "$dir" edof set --entry-declared 2026-05-14 >/dev/null
    run -C "$dir" status --json
    expect_out_contains '"next_deadline": null'
    "$BILAN" -C "$dir" set end 2026-05-13
    run -C "$dir" status --json
    expect_out_contains '"what": "edof-sortie"'
    run -C "$dir" status
    expect_out_contains "déclaration de sortie EDOF au plus tard le 19 mai 2026"
}

test_no_deadline_without_cpf() {
    local dir
    dir=$(new_bilan --funding personnel)
    held -C "$dir" session add --date 2026-05-13 --phase investigation --duration 2h >/dev/null
    run -C "$dir" status --json
    expect_out_contains '"next_deadline": null'
    run -C "$dir" edof set --entry-declared 2026-06-30
    expect_status 0
    expect_err_contains "n'est pas financé par le CPF"
    run -C "$dir" edof show --json
    expect_out_contains '"cpf": false'
    expect_out_contains '"entry_due": null'
    expect_equal "$(edof_problems "$dir")" "" "no EDOF rule for a personal funding"
    run -C "$dir" status
    expect_out_contains "n'est pas financé par le CPF"
}

test_be_has_none_of_the_french_rules() {
    local dir
    dir=$(new_bilan --framework be --funding fonds-social)
    held -C "$dir" session add --date 2026-05-13 --phase investigation --duration 2h >/dev/null
    # The CPF's platform is French: a be bilan has no EDOF file (issue 26, item 4).
    run -C "$dir" edof set --entry-declared 2026-06-30
    expect_status 1
    expect_err_one_line
    [[ -e $dir/edof.toml ]] && fail "be: edof.toml written"
    run -C "$dir" edof show --json
    expect_status 1
    run -C "$dir" status --json
    expect_out_contains '"next_deadline": null'
    expect_equal "$(edof_problems "$dir")" "" "be: no EDOF problem"
    run -C "$dir" status
    expect_out_lacks "Prochaine échéance"
}

test_a_hand_written_file_is_checked() {
    local dir
    dir=$(cpf_bilan 2026-05-13)
    printf 'entry_declared = 2026-05-15\nexit_declared = 2026-05-14\nservice_fait = "moitie"\n' \
        >"$dir/edof.toml"
    chmod 600 "$dir/edof.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "edof.toml:2:"
    expect_out_contains "edof.toml:3:"
    run -C "$dir" edof show
    expect_status 1 "show refuses a bad file"
    expect_err_contains "edof.toml:"
    printf 'dossier = "1"\ndosier = "2"\n' >"$dir/edof.toml"
    run -C "$dir" check
    expect_out_contains "dosier"
}

test_the_first_edof_set_raises_the_format() {
    local dir snapshot
    dir=$(cpf_bilan 2026-05-13)
    expect_file_contains "$dir/bilan.toml" "format = 1"
    snapshot=$(fingerprint "$dir")
    run -C "$dir" edof set --entry-declared 2026-05-15 --exit-declared 2026-05-14
    expect_status 1 "refused"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" edof set --paid ""
    expect_status 0 "removing what is not there"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" edof set --dossier 7
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "format = 2"
    [ "$(stat -c %a "$dir/bilan.toml")" = 600 ] && ok || fail "bilan.toml mode"
    run -C "$dir" check
    expect_out_lacks "inconnu"
    sed -i 's/^format = 2/format = 99/' "$dir/bilan.toml"
    snapshot=$(fingerprint "$dir")
    run -C "$dir" edof set --dossier 8
    expect_status 1 "a newer folder is never written"
    expect_unchanged "$dir" "$snapshot"
}

test_render_never_replaces_edof_toml() {
    local dir snapshot
    dir=$(cpf_bilan 2026-05-13)
    "$BILAN" -C "$dir" edof set --dossier 1 >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" render -o "$dir/edof.toml"
    expect_status 1 "render -o edof.toml"
    expect_unchanged "$dir" "$snapshot"
}

run_tests
