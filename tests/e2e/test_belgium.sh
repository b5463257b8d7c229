#!/usr/bin/env bash
# A Belgian bilan speaks Belgian (issue 26, item 4): nothing it prints or writes cites a French
# article, Qualiopi, the CPF, EDOF or a French identifier (SIRET, NDA).
. "$(dirname "$0")/lib.sh"

FRENCH='L63|R63|Qualiopi|CPF|SIRET|\bNDA\b|EDOF|décret'

# A whole be bilan in a practice: six interviews, its end, a follow-up, both evaluations.
belgian_bilan() {
    local top dir
    top=$(mktemp -d "$TMP_ROOT/cabinet.XXXXXX")
    "$BILAN" practice init "$top" --name "Cabinet Bruxelles" >/dev/null || return 1
    dir=$top/lea
    "$BILAN" init "$dir" --beneficiary "Léa Peeters" --start 2026-03-02 --framework be \
        --funding fonds-social >/dev/null || return 1
    local day
    for day in 02 04 09 11 16 18; do
        held -C "$dir" session add --date 2026-03-$day --phase investigation --duration 2h \
            >/dev/null 2>&1 || return 1
    done
    held -C "$dir" set end 2026-03-20 >/dev/null 2>&1 || return 1
    held -C "$dir" session add --date 2026-06-15 --phase suivi --duration 1h >/dev/null 2>&1
    held -C "$dir" evaluation add chaud --date 2026-03-20 --satisfaction 5 >/dev/null 2>&1
    held -C "$dir" evaluation add froid --date 2026-06-20 --satisfaction 4 >/dev/null 2>&1
    held -C "$dir" consent grant "Fonds social" --date 2026-03-20 --ref accord.pdf >/dev/null 2>&1
    printf '%s\n' "$dir"
}

# run, then fail when stdout or stderr cites France.
expect_belgian() { # WHAT
    if printf '%s\n%s\n' "$out" "$err" | grep -Eq "$FRENCH"; then
        fail "$1 cites France: $(printf '%s\n%s\n' "$out" "$err" | grep -E "$FRENCH" | head -2)"
    else
        ok
    fi
}
expect_file_belgian() { # FILE
    if grep -Eq "$FRENCH" "$1"; then fail "$1 cites France: $(grep -E "$FRENCH" "$1" | head -2)"; else ok; fi
}

test_a_belgian_bilan_prints_nothing_french() {
    local dir
    dir=$(belgian_bilan) || return
    local -a commands=("check" "check --json" "status" "status --json" "due" "due --json"
        "agenda" "emargement" "certificat --date 2026-03-20" "render" "regles" "controle"
        "controle --json")
    local c
    for c in "${commands[@]}"; do
        # shellcheck disable=SC2086 # the words of the command
        run -C "$dir" $c
        expect_belgian "$c"
    done
    for today in 2026-03-25 2026-09-30 2027-06-01; do
        BILAN_TODAY=$today run -C "$dir" check
        expect_belgian "check on $today"
        BILAN_TODAY=$today run -C "$dir" due --json
        expect_belgian "due on $today"
    done
}

test_written_documents_are_belgian() {
    local dir
    dir=$(belgian_bilan) || return
    run -C "$dir" agenda -o "$TMP_ROOT/be.ics"
    expect_belgian "agenda -o"
    expect_file_belgian "$TMP_ROOT/be.ics"
    run -C "$dir" emargement -o "$TMP_ROOT/be-emargement.md"
    expect_belgian "emargement -o"
    expect_file_belgian "$TMP_ROOT/be-emargement.md"
    run -C "$dir" certificat --date 2026-03-20 -o "$TMP_ROOT/be-certificat.md"
    expect_belgian "certificat -o"
    expect_file_belgian "$TMP_ROOT/be-certificat.md"
}

# Without a practice, the documents do not ask a Belgian provider for a SIRET or an NDA.
test_a_belgian_provider_is_not_asked_for_siret() {
    local dir
    dir=$(new_bilan --framework be)
    held -C "$dir" session add --date 2026-03-02 --phase investigation --duration 2h >/dev/null 2>&1
    run -C "$dir" emargement
    expect_status 0
    expect_belgian "emargement without a practice"
}

test_the_purge_of_a_belgian_bilan_is_belgian() {
    local dir
    dir=$(belgian_bilan) || return
    BILAN_TODAY=2027-06-01 run -C "$dir" purge --dry-run
    expect_belgian "purge --dry-run"
    BILAN_TODAY=2027-06-01 run -C "$dir" purge
    expect_belgian "purge"
    expect_file_belgian "$dir/destruction.toml"
    BILAN_TODAY=2027-06-01 run -C "$dir" check
    expect_belgian "check after purge"
}

# EDOF is the CPF's platform: a be bilan has none, and says so in one line.
test_edof_is_refused_for_a_belgian_bilan() {
    local dir
    dir=$(new_bilan --framework be)
    run -C "$dir" edof show
    expect_status 1
    expect_err_one_line
    expect_err_contains "bilan belge"
}

# A be bilan started 2026-03-02 with N held interviews of 2h (investigation), ended on END.
be_sessions() { # COUNT END
    local dir i
    dir=$(new_bilan --framework be --funding fonds-social) || return 1
    for ((i = 1; i <= $1; i++)); do
        held -C "$dir" session add --date "2026-03-$(printf %02d $((i + 1)))" \
            --phase investigation --duration 2h >/dev/null 2>&1 || return 1
    done
    held -C "$dir" set end "$2" >/dev/null 2>&1 || return 1
    printf '%s\n' "$dir"
}

# 4 to 8 weeks: the 57th day is worth a warning in check and status, the 56th is not.
test_eight_weeks_is_a_warning() {
    local dir
    dir=$(be_sessions 6 2026-04-27) || return
    run -C "$dir" check
    expect_err_lacks "plus de 8 semaines"
    dir=$(be_sessions 6 2026-04-28) || return
    run -C "$dir" check
    expect_err_contains "plus de 8 semaines (du 2026-03-02 au 2026-04-28)"
    run -C "$dir" check --json
    expect_out_lacks "dates.too-long"
}

# Up to 4 months at the worker's request: a day more is a problem of check.
test_four_months_is_a_problem() {
    local dir
    dir=$(be_sessions 6 2026-07-02) || return
    run -C "$dir" check --json
    expect_out_lacks '"dates.too-long"'
    dir=$(be_sessions 6 2026-07-03) || return
    run -C "$dir" check --json
    expect_out_contains '"code": "dates.too-long"'
}

# The floor: 12 hours in 6 appointments, held ones only.
test_the_interview_floor_counts_six_held_appointments() {
    local dir
    dir=$(be_sessions 6 2026-03-20) || return
    run -C "$dir" check --json
    expect_out_lacks "hours.under-floor"
    dir=$(be_sessions 5 2026-03-20) || return
    "$BILAN" -C "$dir" session add --date 2099-01-05 --phase investigation --duration 2h \
        >/dev/null 2>&1 # planned, not held: counts for nothing
    BILAN_TODAY=2026-03-25 run -C "$dir" check --json
    expect_out_contains "hours.under-floor"
}

# The first follow-up: at the latest 6 months after the end, written as a limit.
test_the_followup_is_a_limit() {
    local dir
    dir=$(be_sessions 6 2026-03-20) || return
    BILAN_TODAY=2026-09-19 run -C "$dir" check
    expect_err_lacks "entretien de suivi"
    BILAN_TODAY=2026-09-20 run -C "$dir" check
    expect_err_contains "entretien de suivi à faire : au plus tard le 20 septembre 2026"
    BILAN_TODAY=2026-09-21 run -C "$dir" check
    expect_err_contains "entretien de suivi en retard : au plus tard le 20 septembre 2026"
    BILAN_TODAY=2026-09-21 run -C "$dir" status
    expect_out_contains "au plus tard le 20 septembre 2026"
    expect_out_lacks "vers le"
}

# Training vouchers are not the scheme's: refused when set, read with a warning when a folder
# written by an earlier bilan holds them (folders outlive binaries).
test_cheques_formation_is_retired_but_still_read() {
    local dir
    dir=$(new_bilan --framework be)
    run -C "$dir" set funding cheques-formation
    expect_status 2
    run -C "$dir" set funding fonds-social
    expect_status 0
    sed -i 's/^funding = .*/funding = "cheques-formation"/' "$dir/bilan.toml"
    run -C "$dir" status
    expect_status 0
    run -C "$dir" check
    expect_err_contains "financement « cheques-formation » : le dispositif belge ne le prend plus"
}

# controle's anomalies of a be bilan cite no French text: a Sunday evening session without
# evidence, seen as a controller would, in the practice's words.
test_controle_of_a_belgian_bilan_cites_no_french_text() {
    local dir
    dir=$(belgian_bilan) || return
    held -C "$dir" session add --date 2026-03-22 --phase investigation --from 20:00 --to 22:00 \
        >/dev/null 2>&1
    run controle "$dir" --json
    expect_status 1 "anomalies"
    expect_out_contains '"kind": "jour-ferie"'
    expect_out_contains '"kind": "nuit"'
    expect_out_contains '"kind": "sans-preuve"'
    expect_out_contains "dispositif APEF–FE.BI n'en dit rien"
    expect_out_lacks "Code du travail"
    expect_belgian "controle --json"
}

# Issue 26 item 4: a Belgian provider is asked for its enterprise number (BCE), checked, and
# its documents carry it; never SIRET nor NDA.
test_a_belgian_provider_gives_its_enterprise_number() {
    local dir top
    dir=$(belgian_bilan) || return
    top=$(dirname "$dir")
    run -C "$dir" emargement
    expect_err_contains "pas de numéro d'entreprise (BCE) : la feuille n'en porte pas (bilan practice set bce 0123.456.749)"
    expect_belgian "emargement without a BCE"
    run -C "$top" practice set bce 0123.456.748
    expect_status 2 "a wrong check"
    expect_err_contains "97"
    expect_err_one_line
    run -C "$top" practice set bce "0123 456 749"
    expect_status 0 "practice set bce"
    grep -qx 'bce = "0123.456.749"' "$top/practice.toml" && ok || fail "bce not kept as written by the register"
    run -C "$dir" emargement
    expect_out_contains "Numéro d'entreprise"
    expect_out_contains "0123"
    expect_out_contains "456.749"
    expect_err_lacks "BCE"
    expect_belgian "emargement with a BCE"
}

run_tests
