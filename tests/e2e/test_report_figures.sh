#!/usr/bin/env bash
# Issue 25: a practice of ten bilans — held, planned, cancelled, abandoned, remote, Belgian,
# each line of F-1, internal and external counsellors — whose every figure of `report --year
# 2026` was computed by hand below, in JSON, CSV and Markdown.
. "$(dirname "$0")/lib.sh"

TODAY=2026-12-07
W=$TMP_ROOT/w
P=$W/cabinet

# The practice, on 2026-12-07 (A: Anne Roy, the provider's own; M: Marc Petit, external):
#  a-salarie   employeur, salarie, A. 02-02 prelim 2h, 02-09 invest 3h remote, 02-16 concl
#              2h: 420, remote. End 02-20. Chaud 5.
#  b-apprenti  autre, apprenti, M. 03-02 2h held; 03-09 2h cancelled (absence); 12-14 2h
#              planned: 120. Running.
#  c-demandeur france-travail, demandeur-emploi, A. 04-01 3h and 04-08 3h remote: 360,
#              remote. Abandoned 04-20 (an end on the same day: still abandoned).
#  d-particul. personnel, particulier, A. 05-04 2h, 05-11 test 3h, 05-18 concl 2h, and 5h of
#              personal work (not accompaniment): 420. End 05-20. Chaud 4. Paid by her: 1 200 €.
#  e-autre     cpf, autre, M. 06-01, 06-08, 06-15 4h, 06-22 2h: 840. End 06-25. CPF 1 698 € +
#              her participation 102 €: all C-2 e. A funder's view, froid, 3.
#  f-inconnu   employeur, no public, A. 07-01 2h: 120. Running. Listed, never guessed.
#  g-belge     be, fonds-social. 09-01, 09-08, 09-15 2h: 360, 3 appointments. Apart.
#  h-2025      personnel, salarie, A. 2025-10-01 2h, end 2025-10-20: not in 2026.
#  i-prevu     personnel, salarie, A. Start 12-01, one planned session 12-20: nothing held.
#  j-employeur employeur, salarie, A. 10-05 2h: 120. End 10-10. Chaud 3 (hers), and the
#              employer's view, chaud, 4. Employer pays 1 500 €: C-1.
#
# 2026, by hand:
#  bilans in scope (a held counted session in 2026): a b c d e f g j = 8; French 7.
#  started (start in 2026, by today): all but h = 9. Ended: a d e j = 4. Abandoned: c = 1.
#  minutes: 420+120+360+420+840+120+360+120 = 2760; French 2400.
#  F-1: a = a-salarie, j = 2 (540 min); b = 1 (120); c = 1 (360); d = 1 (420); e = 1 (840);
#       unknown = f (1): 2+1+1+1+1+1 = 7 = F-3 e. Remote: a, c = 2.
#  E: internal Anne Roy, 1 person, 420+360+420+120+120 = 1440; external Marc Petit, 1, 960
#     (e-autre writes him "marc petit": one person).
#  C: C-1 150000, C-2e 180000, C-9 120000 (cents).
#  Qualiopi (French): completion 4/(4+1) = 80; abandonment 20; chaud 5, 4, 3: 3 responses,
#  mean 4, satisfied 2/3 = 66.67; chaud expected a d e j, answered a d j: 75; froid due by
#  today a (08-20) and d (11-20), answered none: 0; funder 1 (mean 3), employer 1 (mean 4).
#  Floor breaches (ended under 13 h): d, j = 2; c is abandoned, not a breach; a started on
#  2026-02-02, before the floor's entry into force (2026-02-26, issue 26), so it is none.
#  Belgium: 1 bilan, 360 minutes, 3 appointments.

b() { BILAN_TODAY=$TODAY "$BILAN" "$@" >/dev/null 2>"$TMP_ROOT/.fixture" || {
    echo "fixture: bilan $* failed: $(cat "$TMP_ROOT/.fixture")" >&2
    return 1
}; }

session() { # FOLDER DATE PHASE DURATION [MORE…]
    local dir=$1 date=$2 phase=$3 duration=$4
    shift 4
    b -C "$P/$dir" session add --date "$date" --phase "$phase" --duration "$duration" "$@"
}

bilan_at() { # NAME BENEFICIARY START FUNDING PUBLIC COUNSELLOR [FRAMEWORK]
    b init "$P/$1" --beneficiary "$2" --start "$3" --funding "$4" --framework "${7:-fr}" &&
        b -C "$P/$1" set counsellor "$6" &&
        if [ -n "$5" ]; then b -C "$P/$1" set public "$5"; fi
}

build_practice() {
    mkdir -p "$W" &&
        b practice init "$P" --name "Cabinet Dix" &&
        b -C "$P" practice set external "Marc Petit" &&
        bilan_at a-salarie "Alice Salariée" 2026-02-02 employeur salarie "Anne Roy" &&
        session a-salarie 2026-02-02 preliminaire 2h &&
        session a-salarie 2026-02-09 investigation 3h --mode distance &&
        session a-salarie 2026-02-16 conclusion 2h &&
        b -C "$P/a-salarie" set end 2026-02-20 &&
        b -C "$P/a-salarie" evaluation add chaud --date 2026-02-16 --satisfaction 5 &&
        bilan_at b-apprenti "Bruno Apprenti" 2026-03-02 autre apprenti "Marc Petit" &&
        session b-apprenti 2026-03-02 preliminaire 2h &&
        session b-apprenti 2026-03-09 investigation 2h &&
        b -C "$P/b-apprenti" session annule "$(cancelled_id)" --motif absence &&
        session b-apprenti 2026-12-14 investigation 2h &&
        bilan_at c-demandeur "Chloé Demandeuse" 2026-04-01 france-travail demandeur-emploi \
            "Anne Roy" &&
        session c-demandeur 2026-04-01 preliminaire 3h --mode distance &&
        session c-demandeur 2026-04-08 investigation 3h --mode distance &&
        b -C "$P/c-demandeur" set end 2026-04-20 &&
        b -C "$P/c-demandeur" set abandoned 2026-04-20 &&
        bilan_at d-particulier "David Particulier" 2026-05-04 personnel particulier "Anne Roy" &&
        session d-particulier 2026-05-04 preliminaire 2h &&
        session d-particulier 2026-05-11 investigation 3h --kind test &&
        session d-particulier 2026-05-12 investigation 5h --kind travail-personnel &&
        session d-particulier 2026-05-18 conclusion 2h &&
        b -C "$P/d-particulier" set end 2026-05-20 &&
        b -C "$P/d-particulier" evaluation add chaud --date 2026-05-18 --satisfaction 4 &&
        b -C "$P/d-particulier" financing set --price 1200 --part beneficiaire=1200 &&
        bilan_at e-autre "Emma Autre" 2026-06-01 cpf autre "marc petit" &&
        session e-autre 2026-06-01 preliminaire 4h &&
        session e-autre 2026-06-08 investigation 4h &&
        session e-autre 2026-06-15 investigation 4h &&
        session e-autre 2026-06-22 conclusion 2h &&
        b -C "$P/e-autre" set end 2026-06-25 &&
        b -C "$P/e-autre" financing set --price 1800 --part cpf=1698 --part beneficiaire=102 &&
        b -C "$P/e-autre" evaluation add froid --date 2026-11-30 --satisfaction 3 --par financeur &&
        bilan_at f-inconnu "Fanny Inconnue" 2026-07-01 employeur "" "Anne Roy" &&
        session f-inconnu 2026-07-01 preliminaire 2h &&
        b init "$P/g-belge" --beneficiary "Gaël Belge" --start 2026-09-01 --framework be \
            --funding fonds-social &&
        session g-belge 2026-09-01 preliminaire 2h &&
        session g-belge 2026-09-08 investigation 2h &&
        session g-belge 2026-09-15 investigation 2h &&
        bilan_at h-2025 "Hugo Ancien" 2025-10-01 personnel salarie "Anne Roy" &&
        session h-2025 2025-10-01 preliminaire 2h &&
        b -C "$P/h-2025" set end 2025-10-20 &&
        bilan_at i-prevu "Inès Prévue" 2026-12-01 personnel salarie "Anne Roy" &&
        session i-prevu 2026-12-20 preliminaire 2h &&
        bilan_at j-employeur "Jules Employeur" 2026-10-05 employeur salarie "Anne Roy" &&
        session j-employeur 2026-10-05 preliminaire 2h &&
        b -C "$P/j-employeur" set end 2026-10-10 &&
        b -C "$P/j-employeur" evaluation add chaud --date 2026-10-10 --satisfaction 3 &&
        b -C "$P/j-employeur" evaluation add chaud --date 2026-10-10 --satisfaction 4 \
            --par employeur &&
        b -C "$P/j-employeur" financing set --price 1500 --part employeur=1500
}

# The id of b-apprenti's session of 2026-03-09, the one cancelled.
cancelled_id() {
    BILAN_TODAY=$TODAY "$BILAN" -C "$P/b-apprenti" session list --json |
        grep -B3 '"date": "2026-03-09"' | sed -n 's/.*"id": "\([0-9a-f]*\)".*/\1/p'
}

fixture_ok=false
build_practice && fixture_ok=true

need_fixture() {
    $fixture_ok && return 0
    fail "the practice could not be built"
    return 1
}

# The value of KEY ("bpf.f1a_count") in the CSV in $out.
csv_value() { printf '%s\n' "$out" | tr -d '\r' | awk -F, -v k="$1" '$1 == k { print $2; exit }'; }

# Every figure, as the CSV names it, and its value by hand.
FIGURES='year 2026
folders 10
bilans 8
started 9
ended 4
abandoned 1
accompaniment_minutes 2760
by_funding.employeur.bilans 3
by_funding.employeur.accompaniment_minutes 660
by_funding.cpf.accompaniment_minutes 840
by_funding.fonds-social.bilans 1
evaluations.chaud.responses 3
evaluations.chaud.satisfaction_mean 4
evaluations.froid.responses 0
evaluations.financeur.responses 1
evaluations.financeur.satisfaction_mean 3
evaluations.employeur.responses 1
evaluations.employeur.satisfaction_mean 4
floor_breaches 2
cap_breaches 0
qualiopi.ended 4
qualiopi.abandoned 1
qualiopi.completion_rate_percent 80
qualiopi.abandonment_rate_percent 20
qualiopi.chaud_responses 3
qualiopi.satisfied_percent 66.67
qualiopi.chaud_response_rate_percent 75
qualiopi.froid_response_rate_percent 0
qualiopi.financeur_responses 1
qualiopi.employeur_satisfaction_mean 4
bpf.e_internal_count 1
bpf.e_internal_minutes 1440
bpf.e_external_count 1
bpf.e_external_minutes 960
bpf.f1a_count 2
bpf.f1a_minutes 540
bpf.f1b_count 1
bpf.f1b_minutes 120
bpf.f1c_count 1
bpf.f1c_minutes 360
bpf.f1d_count 1
bpf.f1d_minutes 420
bpf.f1e_count 1
bpf.f1e_minutes 840
bpf.f1_unknown_count 1
bpf.f1_remote 2
bpf.f3e_bilans 7
bpf.f3e_minutes 2400
bpf.income_cents.C-1 150000
bpf.income_cents.C-2e 180000
bpf.income_cents.C-9 120000
belgium.bilans 1
belgium.accompaniment_minutes 360
belgium.appointments 3'

test_every_figure_as_computed_by_hand_csv() {
    need_fixture || return
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026 --csv
    expect_status 0 "report --csv"
    local key value
    while read -r key value; do
        expect_equal "$(csv_value "$key")" "$value" "$key"
    done <<<"$FIGURES"
    expect_equal "$(csv_value bpf.income_cents.C-autre)" "" "no other income line"
}

test_every_figure_as_computed_by_hand_json() {
    need_fixture || return
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026 --json
    expect_status 0 "report --json"
    local json=$out key value path
    while read -r key value; do
        # "bpf.f1a_count" → "bpf": {…"f1a_count": 2 — the last key and its value, in the
        # object the first keys open.
        path=${key##*.}
        case $key in
        *.*) printf '%s\n' "$json" | grep -q "\"${key%%.*}\": {" || fail "no object for $key" ;;
        esac
        printf '%s\n' "$json" | grep -qE "^ *\"$path\": $value,?\$" && ok ||
            fail "JSON lacks $key = $value"
    done <<<"$(printf '%s\n' "$FIGURES" | grep -v '^year ')"
    # F-1's lines add up to F-3 e, the unknown public included.
    local sum=0 line
    for line in a b c d e; do
        sum=$((sum + $(printf '%s\n' "$json" | sed -n "s/^ *\"f1${line}_count\": \([0-9]*\),\$/\1/p")))
    done
    sum=$((sum + $(printf '%s\n' "$json" | sed -n 's/^ *"f1_unknown_count": \([0-9]*\),$/\1/p')))
    expect_equal "$sum" 7 "F-1 a-e + unknown = F-3 e"
    # The bilan without a public: noted, never guessed.
    printf '%s\n' "$json" | grep -q '"folder": "cabinet/f-inconnu"' && ok ||
        fail "f-inconnu not in the notes"
}

test_markdown_names_the_cerfa_lines() {
    need_fixture || return
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026
    expect_status 0 "report"
    local row
    for row in "| Bilans terminés | 4 |" "| Bilans abandonnés | 1 |" \
        "| Taux d'achèvement (terminés ÷ (terminés + abandonnés), %) | 80 |" \
        "| F-1 a : salariés d'employeurs privés hors apprentis, stagiaires | 2 |" \
        "| F-1 c : personnes en recherche d'emploi, heures | 6 h |" \
        "| F-1 : dont stagiaires ayant suivi une action en tout ou partie à distance | 2 |" \
        "| E : personnes extérieures à l'organisme (sous-traitance) | 1 |" \
        "| F-3 e : bilans de compétences, heures | 40 h |" \
        "| C-2e : compte personnel de formation | 1 800,00 € |" \
        "| Rendez-vous | 3 |" "| financeurs | 1 | 3 | 0 |"; do
        printf '%s\n' "$out" | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' | grep -qxF "$row" && ok ||
            fail "Markdown lacks the row $row"
    done
    expect_out_contains "## Bilans belges (hors BPF et Qualiopi)"
    expect_err_contains "1 bilan sans public renseigné : le BPF ne peut pas les classer en F-1 (cabinet/f-inconnu)"
}

test_detail_names_the_folders_behind_each_figure() {
    need_fixture || return
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026 --detail --json
    expect_status 0 "report --detail --json"
    printf '%s\n' "$out" | tr -d ' \n' |
        grep -qF '"bpf.f1a_count":["cabinet/a-salarie","cabinet/j-employeur"]' && ok ||
        fail "detail of F-1 a"
    printf '%s\n' "$out" | tr -d ' \n' |
        grep -qF '"qualiopi.abandoned":["cabinet/c-demandeur"]' && ok || fail "detail of abandoned"
    printf '%s\n' "$out" | tr -d ' \n' |
        grep -qF '"belgium.bilans":["cabinet/g-belge"]' && ok || fail "detail of Belgium"
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026 --detail
    expect_out_contains "## Dossiers derrière chaque chiffre"
    expect_out_contains "- F-1 : dont stagiaires ayant suivi une action en tout ou partie à distance (2) : cabinet/a-salarie, cabinet/c-demandeur"
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026
    expect_out_lacks "Dossiers derrière"
}

# Planned and cancelled sessions count nowhere: b-apprenti's status and its report.
test_planned_and_cancelled_count_nowhere() {
    need_fixture || return
    BILAN_TODAY=$TODAY run_in "$W" report cabinet/b-apprenti --year 2026 --csv
    expect_equal "$(csv_value accompaniment_minutes)" 120 "b-apprenti: the held session only"
    BILAN_TODAY=$TODAY run -C "$P/b-apprenti" status --json
    printf '%s\n' "$out" | grep -q '"planned_minutes": 120' && ok || fail "the planned 2 h"
}

# An abandoned folder whose administrative side is whole passes check: no synthesis asked.
test_an_abandoned_bilan_passes_check() {
    need_fixture || return
    BILAN_TODAY=$TODAY run -C "$P/c-demandeur" check
    expect_err_lacks "synthèse incomplète"
    expect_err_lacks "plancher"
    BILAN_TODAY=$TODAY run -C "$P/c-demandeur" status
    expect_out_contains "du 1er avril 2026, abandonné le 20 avril 2026"
}

# The values behind the figures: checked where typed, format 5 where written.
test_public_par_and_external_are_checked_and_format_5() {
    local dir=$TMP_ROOT/one
    "$BILAN" init "$dir" --beneficiary "Léa Test" --start 2026-02-02 >/dev/null
    run -C "$dir" set public fonctionnaire # an alias of autre
    expect_status 0 "set public fonctionnaire"
    expect_file_contains "$dir/bilan.toml" 'public = "autre"'
    expect_file_contains "$dir/bilan.toml" "format = 5"
    cp "$dir/bilan.toml" "$TMP_ROOT/before"
    run -C "$dir" set public stagiaire
    expect_status 2 "set public stagiaire"
    expect_err_one_line
    expect_err_contains "salarie"
    expect_equal "$(cmp -s "$dir/bilan.toml" "$TMP_ROOT/before" && echo same)" same "nothing written"
    run -C "$dir" evaluation add chaud --date 2026-03-01 --satisfaction 4 --par mecene
    expect_status 2 "--par mecene"
    run -C "$dir" evaluation add chaud --date 2026-03-01 --satisfaction 4 --par financeur \
        --answer delais=oui
    expect_status 0 "--par financeur, a free answer"
    expect_err_lacks "question"
    expect_file_contains "$(ls "$dir"/evaluations/*.toml)" 'by = "financeur"'
    run -C "$dir" evaluation list --json
    expect_out_contains '"by": "financeur"'
    run -C "$dir" status
    expect_status 0 "status"
}

# Issue 25.3: the BPF's lines alone, named as the cerfa names them, to type into the form.
test_report_bpf_gives_the_lines_alone() {
    need_fixture || return
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026 --bpf
    expect_status 0 "report --bpf"
    expect_equal "$(printf '%s\n' "$out" | head -1)" "# Bilan pédagogique et financier 2026 (Cerfa 10443)" "title"
    expect_out_lacks "Qualiopi"
    expect_out_lacks "Bilans abandonnés"
    local rows
    rows=$(printf '%s\n' "$out" | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' | grep '^| [CEF]-')
    expect_equal "$(printf '%s\n' "$rows" | head -1)" "| C-1 : entreprises pour la formation de leurs salariés | 1 500,00 € |" "frame C first"
    printf '%s\n' "$rows" | grep -qxF "| F-1 b : apprentis, heures | 2 h |" && ok || fail "F-1 b hours"
    BILAN_TODAY=$TODAY run_in "$W" report cabinet --year 2026 --bpf --csv
    expect_status 0 "report --bpf --csv"
    expect_equal "$(printf '%s\n' "$out" | tr -d '\r' | head -1)" "cle,ligne,valeur,unite" "CSV header"
    printf '%s\n' "$out" | tr -d '\r' | grep -qxF 'bpf.f3e_minutes,"F-3 e : bilans de compétences, heures",2400,minutes' &&
        ok || fail "F-3 e minutes in the CSV"
    expect_equal "$(printf '%s\n' "$out" | tr -d '\r' | grep -vc '^bpf\.\|^cle,')" 0 "only the BPF's lines"
}

run_tests
