#!/usr/bin/env bash
# The law, exactly (issue 26): no false problems. The 13 h floor binds only the bilans started
# from its entry into force; an exemption from the CPF participation is no missing
# participation; a convention's last day that falls on a day not worked is said as uncertain,
# not "réputée refusée"; the follow-up's date cites no article. Each test holds the case that
# was wrong.
. "$(dirname "$0")/lib.sh" "$@"
unset BILAN_PRACTICE

# Writes a record file by hand (the substance commands are other suites' matter).
record() {
    mkdir -p -m 700 "$1/$2"
    printf '%s\n' "$4" >"$1/$2/$3.toml"
}

# A finished bilan, whole for its synthesis, with 10 h of interviews all proved: START END.
build_ten_hours() {
    local dir id day
    dir=$(mktemp -d "$TMP_ROOT/b.XXXXXX")
    rmdir "$dir"
    "$BILAN" init "$dir" --beneficiary "Test Bénéficiaire" --start "$1" \
        --demand "Changer de métier" >/dev/null || return 1
    "$BILAN" -C "$dir" set end "$2" >/dev/null
    for day in 0 7 14 21 28; do
        id=$(held -C "$dir" session add --date "$(date -d "$1 + $day days" +%F)" \
            --phase investigation --from 09:00 --to 11:00)
        held -C "$dir" session attest "$id" --evidence emargement >/dev/null
    done
    record "$dir" skills 000000c1 'text = "Comptabilité"
type = "savoir"'
    record "$dir" skills 000000c2 'text = "Tenir un budget"
type = "savoir-faire"'
    record "$dir" skills 000000c3 'text = "Rigoureuse"
type = "savoir-etre"'
    record "$dir" pistes 000000f1 'title = "Formatrice"
decision = "retained"'
    record "$dir" actions 000000a1 'text = "Déposer le dossier"
horizon = "court"'
    printf 'title = "Devenir formatrice"\n' >"$dir/project.toml"
    printf '%s\n' "$dir"
}
ten_hours() { fixture "ten_hours $*" build_ten_hours "$@"; }

# ---- the 13 h floor and its entry into force ------------------------------------------------

test_a_bilan_started_before_the_floor_passes_check() {
    local dir
    dir=$(ten_hours 2026-01-05 2026-02-10)
    BILAN_TODAY=2026-02-11 run -C "$dir" check
    expect_status 0
    expect_out_lacks "plancher"
    # status says it once, as information: the floor's date and its source, to verify.
    BILAN_TODAY=2026-02-11 run -C "$dir" status
    expect_status 0
    expect_out_contains "plancher de 13h pas encore en vigueur au début du bilan (2026-01-05) : il vaut pour les bilans commencés à partir du 2026-02-26 (R6313-4"
    expect_out_contains "à vérifier)"
    expect_out_lacks "sous le plancher"
}

test_a_bilan_started_after_the_floor_is_still_under_it() {
    local dir
    dir=$(ten_hours 2026-03-02 2026-04-07)
    BILAN_TODAY=2026-04-08 run -C "$dir" check
    expect_status 1
    expect_out_contains "bilan terminé sous le plancher : 10h"
    # On the floor's first day it binds.
    dir=$(ten_hours 2026-02-26 2026-04-07)
    BILAN_TODAY=2026-04-08 run -C "$dir" check
    expect_status 1
    expect_out_contains "sous le plancher"
}

test_report_counts_no_breach_before_the_floor() {
    local root
    root=$(mktemp -d "$TMP_ROOT/r.XXXXXX")
    cp -a "$(ten_hours 2026-01-05 2026-02-10)" "$root/avant"
    cp -a "$(ten_hours 2026-03-02 2026-04-07)" "$root/apres"
    BILAN_TODAY=2026-06-01 run report "$root" --json
    expect_status 0
    expect_out_contains '"floor_breaches": 1'
}

# ---- the CPF participation and its exemptions (L6323-7) -------------------------------------

test_an_employer_top_up_exempts_from_the_participation() {
    local dir
    dir=$(new_bilan --funding cpf)
    run -C "$dir" financing set --price 1800 --part cpf=1500 --part employeur=300 \
        --demandeur-emploi non
    expect_status 0
    expect_err_lacks "participation"
    run -C "$dir" check
    expect_out_lacks "participation"
    run -C "$dir" financing set --part employeur= --part opco=300
    run -C "$dir" check
    expect_out_lacks "participation"
    # Without a top-up, the message names the exemptions it checked.
    run -C "$dir" financing set --part opco= --part cpf=1800
    run -C "$dir" check
    expect_status 1
    expect_out_contains "participation forfaitaire de 103,20 € (L6323-7 du Code du travail"
    expect_out_contains "exonérations vérifiées : pas demandeur d'emploi, aucun abondement de l'employeur ni d'un OPCO"
}

# ---- the convention's last day on a day not worked -----------------------------------------

test_a_last_day_on_a_saturday_is_uncertain_not_refused() {
    local dir
    dir=$(new_bilan --funding employeur)
    # Sent on Wednesday 2026-03-04: the 10th day is Saturday 2026-03-14, Monday the 16th next.
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-04 --signed-employee 2026-03-16 \
        --signed-employer 2026-03-04 --signed-provider 2026-03-04
    expect_status 0
    expect_err_lacks "réputée refusée"
    expect_err_contains "après la limite des 10 jours (2026-03-14, un samedi) : R6313-8 ne dit pas si ce délai est reporté ; par analogie il le serait au 2026-03-16 (R6313-8 n'en dit rien ; article 642 du Code de procédure civile par analogie, à vérifier)"
    run -C "$dir" check
    expect_out_lacks "convention" # the synthesis of this young bilan is incomplete: only that
    expect_out_lacks "réputée refusée"
    expect_err_contains "un samedi"
    # Past the day it would move to, the silence is a refusal again.
    run -C "$dir" convention set --signed-employee 2026-03-17
    run -C "$dir" check
    expect_status 1
    expect_out_contains "réputée refusée"
}

test_an_unsigned_convention_over_a_public_holiday() {
    local dir
    dir=$(new_bilan --funding employeur)
    # Sent on 2026-03-27: the 10th day is Easter Monday 2026-04-06, the next working day the 7th.
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-27
    BILAN_TODAY=2026-04-07 run -C "$dir" check
    expect_out_lacks "réputée refusée"
    expect_err_contains "la limite des 10 jours (2026-04-06) tombe un jour férié (Lundi de Pâques)"
    expect_err_contains "au 2026-04-07"
    BILAN_TODAY=2026-04-07 run -C "$dir" due --json
    expect_out_contains "reportée au 2026-04-07 par analogie (Code de procédure civile, art. 642"
    BILAN_TODAY=2026-04-08 run -C "$dir" check
    expect_status 1
    expect_out_contains "réputée refusée"
}

# ---- the follow-up ---------------------------------------------------------------------------

test_the_follow_up_date_cites_no_article() {
    local dir
    dir=$(ten_hours 2026-03-02 2026-04-07)
    BILAN_TODAY=2026-11-01 run -C "$dir" check
    expect_err_contains "entretien de suivi en retard"
    expect_err_contains "usage : environ six mois après la fin"
    printf '%s\n' "$err" | grep 'suivi' | grep -q 'R63' && fail "the follow-up cites an article" || ok
    BILAN_TODAY=2026-11-01 run -C "$dir" due --json
    expect_out_contains "usage : environ six mois"
    printf '%s\n' "$out" | grep 'suivi' | grep -q 'R63' && fail "due cites an article" || ok
}

run_tests
