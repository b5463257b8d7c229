#!/usr/bin/env bash
# The funding's paperwork: convention set|show|render (the tripartite convention, R6313-8) and
# financing set|show, what check says of them at their boundaries (the 10th and 11th day,
# sessions before the last signature), and that the employer never gets the synthesis unless
# a consent says so. The rendered convention of a fixed folder is pinned in
# tests/golden/convention.md; after a deliberate change, regenerate it with
#   GOLDEN_UPDATE=1 ctest --preset ci -R e2e.convention
# and review the diff.
. "$(dirname "$0")/lib.sh" "$@"
unset BILAN_PRACTICE

GOLDEN=$SOURCE_DIR/tests/golden/convention.md
GOOD_SIRET=99912345600017 # passes the Luhn check; belongs to nobody

# check's lines that speak of the convention or the financing.
funding_lines() {
    printf '%s\n' "$out" | grep -E 'convention|financement|R6313-8' || true
}

# ---- convention set / show -------------------------------------------------------------------

test_set_creates_a_private_file_show_gives_it_back() {
    local dir
    dir=$(new_bilan --funding employeur)
    run -C "$dir" convention set --employer "Transports Durand" --employer-siret "999 123 456 00017" \
        --sent 2026-03-02 --signed-employee 2026-03-05 --duration 20h30
    expect_status 0 "convention set"
    expect_out ""
    expect_equal "$(stat -c %a "$dir/convention.toml")" 600 "convention.toml mode"
    expect_file_contains "$dir/convention.toml" 'employer = "Transports Durand"
employer_siret = "99912345600017"'
    expect_file_contains "$dir/convention.toml" 'duration_minutes = 1230'
    run -C "$dir" convention show
    expect_status 0
    expect_out_contains "Transports Durand"
    expect_out_contains "2026-03-05"
    run -C "$dir" convention show --json
    expect_status 0
    expect_out_contains '"schema": 1'
    expect_out_contains '"employer": "Transports Durand"'
    expect_out_contains '"sent": "2026-03-02"'
    expect_out_contains '"signed_employer": null'
    expect_out_contains '"duration_minutes": 1230'
    expect_out_contains '"signed": null'
}

test_show_without_a_convention() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" convention show --json
    expect_status 0
    expect_out '{
  "schema": 1,
  "convention": null
}'
    run -C "$dir" convention show
    expect_status 0
    expect_out_contains "Aucune convention"
    [ ! -e "$dir/convention.toml" ] && ok || fail "show wrote convention.toml"
}

test_an_empty_value_removes_a_key_and_comments_stay() {
    local dir
    dir=$(new_bilan --funding employeur)
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-02 --means "Entretiens"
    printf '# Reçue par courrier le 3 mars.\n' >>"$dir/convention.toml"
    sed -i 's/^sent = .*/sent = 2026-03-02 # date du cachet/' "$dir/convention.toml"
    run -C "$dir" convention set --means "" --signed-employer 2026-03-04
    expect_status 0
    expect_file_contains "$dir/convention.toml" "# Convention tripartite"
    expect_file_contains "$dir/convention.toml" "sent = 2026-03-02 # date du cachet"
    expect_file_contains "$dir/convention.toml" "# Reçue par courrier le 3 mars."
    expect_file_contains "$dir/convention.toml" "signed_employer = 2026-03-04"
    grep -q '^means' "$dir/convention.toml" && fail "means still there" || ok
}

test_set_errors_write_nothing() {
    local dir snapshot
    dir=$(new_bilan --funding employeur)
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-02
    snapshot=$(fingerprint "$dir")
    run -C "$dir" convention set
    expect_status 2 "nothing to set"
    expect_err_one_line
    run -C "$dir" convention set --sent 2026-02-30
    expect_status 2 "bad date"
    expect_err_one_line
    run -C "$dir" convention set --employer-siret 12345678901234
    expect_status 2 "bad SIRET"
    expect_err_contains "SIRET"
    run -C "$dir" convention set --duration 3x
    expect_status 2 "bad duration"
    run -C "$dir" convention set --employer "$(printf 'a\033b')"
    expect_status 2 "control character"
    run -C "$dir" convention set --start 2026-04-01 --end 2026-03-01
    expect_status 1 "end before start"
    expect_err_one_line
    run -C "$dir" convention set --signed-employee 2026-03-01
    expect_status 1 "signed before it was sent"
    expect_err_contains "avant l'envoi"
    run -C "$TMP_ROOT" convention set --employer "Durand"
    expect_status 1 "no bilan"
    expect_unchanged "$dir" "$snapshot"
}

test_set_refuses_a_broken_convention_file() {
    local dir snapshot
    dir=$(new_bilan --funding employeur)
    printf 'employer = "Durand"\nsent = "hier"\n' >"$dir/convention.toml"
    chmod 600 "$dir/convention.toml"
    snapshot=$(fingerprint "$dir")
    run -C "$dir" convention set --signed-employer 2026-03-04
    expect_status 1
    expect_err_contains "convention.toml:2:"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "convention.toml:2:"
}

test_the_first_write_raises_the_format_and_only_then() {
    local dir snapshot
    dir=$(new_bilan --funding employeur)
    expect_file_contains "$dir/bilan.toml" "format = 1"
    snapshot=$(fingerprint "$dir")
    run -C "$dir" financing set --part cpf=
    expect_status 0 "removing from no file"
    run -C "$dir" convention set --start 2026-04-01 --end 2026-03-01
    expect_status 1
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" convention set --employer "Durand"
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "format = 2"
    grep -q "format = 1" "$dir/bilan.toml" && fail "format 1 left" || ok
    dir=$(new_bilan --funding cpf)
    run -C "$dir" financing set --price 1600
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "format = 2"
}

test_a_newer_folder_is_never_written() {
    local dir snapshot
    dir=$(new_bilan --funding employeur)
    sed -i 's/^format = .*/format = 99/' "$dir/bilan.toml"
    snapshot=$(fingerprint "$dir")
    run -C "$dir" convention set --employer "Durand"
    expect_status 1 "convention set in a newer folder"
    run -C "$dir" financing set --price 1800
    expect_status 1 "financing set in a newer folder"
    expect_unchanged "$dir" "$snapshot"
}

# ---- check: the convention ------------------------------------------------------------------

# Which fundings need a convention (employeur, reclassement; not cpf; none in be) is a unit case
# of the rule (tests/unit/store/test_funding.cpp, ops/test_funding.cpp); here check says it.
test_an_employer_funding_needs_a_convention() {
    local dir
    dir=$(new_bilan --funding employeur)
    run -C "$dir" check
    expect_status 1 "employeur without a convention"
    expect_out_contains "financement « employeur » sans convention tripartite (R6313-8"
}

test_the_belgian_framework_has_none_of_these_checks() {
    local dir
    dir=$(new_bilan --framework be --funding employeur)
    run -C "$dir" check
    expect_equal "$(funding_lines)" "" "be: no convention needed"
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-02 --signed-employee 2026-03-20
    expect_status 0
    run -C "$dir" session add --date 2026-03-03 --phase 1 --duration 2h
    run -C "$dir" financing set --price 3000 --part cheques=1 --part autre=2000 2>/dev/null
    run -C "$dir" financing set --price 3000 --part cpf=2000 --part autre=1000 --demandeur-emploi non
    expect_status 0
    expect_err_contains ""
    run -C "$dir" check
    expect_equal "$(funding_lines)" "" "be: no R6313-8 nor CPF rule"
}

test_the_employee_signs_on_day_10_not_day_11() {
    local dir
    dir=$(new_bilan --funding employeur)
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-02 --signed-employee 2026-03-12 \
        --signed-employer 2026-03-02 --signed-provider 2026-03-02
    expect_status 0
    expect_err_contains ""
    [ -z "$err" ] && ok || fail "day 10 warned"
    run -C "$dir" convention set --signed-employee 2026-03-13
    expect_status 0
    expect_err_contains "réputée refusée"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "convention.toml:"
    expect_out_contains "le 2026-03-13, plus de 10 jours après son envoi le 2026-03-02 (limite 2026-03-12) : elle est réputée refusée (R6313-8"
    expect_out_contains "à vérifier"
}

test_no_employee_signature_is_a_refusal_after_day_10() {
    local dir
    dir=$(new_bilan --funding employeur)
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-02
    BILAN_TODAY=2026-03-13 run -C "$dir" check # day 10 is on time: a unit case
    expect_status 1
    expect_out_contains "pas signée par le ou la salarié(e) dans les 10 jours (limite 2026-03-12) : elle est réputée refusée"
}

test_counted_sessions_before_the_last_signature() {
    local dir
    dir=$(new_bilan --funding employeur)
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-02 --signed-employee 2026-03-03 \
        --signed-employer 2026-03-02 --signed-provider 2026-03-05
    # A session on the day of the last signature, or a préalable before it, is none: unit cases.
    BILAN_ID_SEED=1 run -C "$dir" session add --date 2026-03-05 --phase preliminaire --duration 2h
    run -C "$dir" session add --date 2026-03-04 --phase preliminaire --duration 2h
    run -C "$dir" check
    expect_status 1
    expect_out_contains "séance du 2026-03-04 avant la dernière signature de la convention (2026-03-05)"
    expect_equal "$(funding_lines | grep -c 'séance du')" 1 "only the session before"
}

test_sessions_held_while_a_party_has_not_signed() {
    local dir
    dir=$(new_bilan --funding reclassement)
    run -C "$dir" convention set --employer "Durand" --sent 2026-03-02 --signed-employee 2026-03-03
    # A session still to come leaves time to sign: a unit case.
    run -C "$dir" session add --date 2026-03-09 --phase preliminaire --duration 2h
    run -C "$dir" check
    expect_status 1
    expect_out_contains "séance du 2026-03-09 alors que la convention n'est pas signée par l'employeur et le prestataire (R6313-8"
}

# ---- render ---------------------------------------------------------------------------------

# A fixed folder: a practice, a bilan, its convention and financing.
fixed_folder() {
    local practice dir
    practice=$(mktemp -d "$TMP_ROOT/p.XXXXXX")
    rmdir "$practice"
    "$BILAN" practice init "$practice" --name "Cabinet Horizons" --siret "$GOOD_SIRET" \
        --nda 11759999975 --qualiopi "QUA-2025-0142" --address "12 rue des Lilas" \
        --city Paris --signatory "Hélène Moreau, gérante" >/dev/null
    dir=$practice/jean
    "$BILAN" init "$dir" --beneficiary "Jean *Dupont*" --start 2026-03-16 --funding employeur \
        --counsellor "Hélène Moreau" >/dev/null
    "$BILAN" -C "$dir" convention set --employer "Transports <Durand> & Fils" \
        --employer-siret "$GOOD_SIRET" --employer-address "3 quai de Loire, Lyon" \
        --employer-signatory "Paul Durand, DRH" --duration 20h --start 2026-03-16 \
        --end 2026-05-29 --payment "30 % à la signature, le solde sur facture" \
        --means "$(printf 'Entretiens individuels\n# pas un titre')" \
        --sent 2026-03-02 --signed-employee 2026-03-06 --signed-employer 2026-03-02 \
        --signed-provider 2026-03-09 >/dev/null
    "$BILAN" -C "$dir" financing set --price 1800 --part employeur=1800 >/dev/null
    printf '%s\n' "$dir"
}

test_the_rendered_convention_is_pinned() {
    local dir
    dir=$(fixed_folder)
    "$BILAN" -C "$dir" convention render >"$TMP_ROOT/convention.md" 2>"$TMP_ROOT/convention.err"
    status=$?
    err=$(cat "$TMP_ROOT/convention.err")
    expect_status 0
    if [ -n "${GOLDEN_UPDATE:-}" ]; then cp "$TMP_ROOT/convention.md" "$GOLDEN"; fi
    if cmp -s "$TMP_ROOT/convention.md" "$GOLDEN"; then
        ok
    else
        fail "the rendered convention differs from tests/golden/convention.md"
        diff -u "$GOLDEN" "$TMP_ROOT/convention.md" | head -40
    fi
    LC_ALL=C.UTF-8 BILAN_TODAY=2030-01-01 "$BILAN" -C "$dir" convention render >"$TMP_ROOT/again.md"
    cmp -s "$TMP_ROOT/convention.md" "$TMP_ROOT/again.md" && ok || fail "not deterministic"
}

test_render_covers_every_item_and_escapes() {
    local dir
    dir=$(fixed_folder)
    run -C "$dir" convention render
    expect_status 0
    local item
    for item in "Intitulé" "Objectif" "Contenu" "## 2. Moyens" "## 3. Durée et période" \
        "## 4. Modalités de déroulement et de suivi" "## 5. Communication des résultats" \
        "seul bénéficiaire" "## 6. Prix et modalités de règlement" "$(printf '1\u202f800,00\u00a0€')" \
        "## 7. Acceptation" "10 jours" "Pour l'employeur" "Le ou la salarié(e)" \
        "Pour le prestataire" "Cabinet Horizons" "11 75 99999 75" "999 123 456 00017" \
        "Hélène Moreau, gérante"; do
        expect_out_contains "$item"
    done
    expect_out_contains 'Transports \<Durand> & Fils'
    expect_out_contains 'Jean \*Dupont\*'
    expect_out_lacks " <Durand>"
    expect_equal "$(printf '%s\n' "$out" | grep -c '^# ')" 0 "user text opens no heading"
}

test_render_writes_a_private_file_never_a_file_of_the_bilan() {
    local dir snapshot
    dir=$(fixed_folder)
    run -C "$dir" convention render -o "$TMP_ROOT/c.md"
    expect_status 0
    expect_equal "$(stat -c %a "$TMP_ROOT/c.md")" 600 "mode of -o"
    snapshot=$(fingerprint "$dir")
    local target
    for target in convention.toml financing.toml bilan.toml; do
        run -C "$dir" convention render -o "$dir/$target"
        expect_status 1 "-o $target"
        expect_err_contains "fichier du bilan"
    done
    expect_unchanged "$dir" "$snapshot"
}

test_render_without_a_convention_is_refused() {
    local dir
    dir=$(new_bilan --funding employeur)
    run -C "$dir" convention render
    expect_status 1
    expect_err_contains "aucune convention"
}

test_the_employer_gets_no_synthesis_without_consent() {
    local dir
    dir=$(fixed_folder)
    run -C "$dir" render --for "Transports <Durand> & Fils"
    expect_status 1 "the employer named in the convention"
    expect_out ""
    run -C "$dir" consent list --json
    expect_out_lacks "Durand"
    BILAN_TODAY=2026-04-01 run -C "$dir" consent grant "Transports <Durand> & Fils" --date 2026-03-20
    expect_status 0 "consent grant"
    BILAN_TODAY=2026-04-01 run -C "$dir" render --for "Transports <Durand> & Fils"
    expect_status 0 "with the consent"
}

# ---- financing ------------------------------------------------------------------------------

# The payment terms: recorded with the financing (format 4), stated by the convention unless
# it has its own wording, and `check` warns about a convention with a price and no terms.
test_payment_terms_reach_the_convention_and_check_asks_for_them() {
    local dir
    dir=$(new_bilan --funding employeur)
    "$BILAN" -C "$dir" convention set --employer "Menuiseries Arnaud" >/dev/null 2>&1 ||
        fail "convention set"
    "$BILAN" -C "$dir" financing set --price 2400 --part employeur=2400 2>/dev/null ||
        fail "financing set"
    expect_file_contains "$dir/bilan.toml" "format = 2"
    run -C "$dir" check
    expect_err_contains "financing.toml: convention au prix de 2 400,00 € sans modalités de règlement : bilan financing set --reglement \"à réception de facture\""
    run -C "$dir" convention render
    expect_doc_contains "Prix du bilan : **2 400,00 €**."
    expect_doc_contains '**Modalités de règlement**\
……………………'
    run -C "$dir" financing set --reglement "30 % à la signature, le solde à réception de facture"
    expect_status 0
    expect_file_contains "$dir/financing.toml" 'payment = "30 % à la signature, le solde à réception de facture"'
    expect_file_contains "$dir/bilan.toml" "format = 4"
    run -C "$dir" check
    expect_err_lacks "modalités de règlement"
    run -C "$dir" financing show --json
    expect_out_contains '"payment": "30 % à la signature, le solde à réception de facture"'
    run -C "$dir" financing show
    expect_doc_contains "Règlement                  30 % à la signature, le solde à réception de facture"
    run -C "$dir" convention render
    expect_doc_contains '**Modalités de règlement**\
30 % à la signature, le solde à réception de facture'
    # The convention's own wording wins.
    "$BILAN" -C "$dir" convention set --payment "Virement à 30 jours" >/dev/null 2>&1
    run -C "$dir" convention render
    expect_doc_contains '**Modalités de règlement**\
Virement à 30 jours'
    run -C "$dir" financing set --reglement "$(printf 'a\033[2Jb')"
    expect_status 2
}

test_financing_set_and_show() {
    local dir
    dir=$(new_bilan --funding cpf)
    run -C "$dir" financing set --price "1 800,50" --part cpf=1600 --part "Bénéficiaire=200,5"
    expect_status 0
    expect_err_contains ""
    [ -z "$err" ] && ok || fail "parts add up: nothing to say"
    expect_equal "$(stat -c %a "$dir/financing.toml")" 600 "financing.toml mode"
    expect_file_contains "$dir/financing.toml" 'price_cents = 180050
cpf_cents = 160000
beneficiaire_cents = 20050'
    run -C "$dir" financing show --json
    expect_out '{
  "schema": 1,
  "financing": {
    "price_cents": 180050,
    "parts": {
      "cpf": 160000,
      "beneficiaire": 20050
    },
    "parts_total_cents": 180050,
    "jobseeker": null,
    "payment": null
  }
}'
    run -C "$dir" financing show
    # As an invoice writes them, right-aligned, the longest payer's name setting the column.
    expect_out_contains "Prix                             1 800,50 €
Part CPF (Mon Compte Formation)  1 600,00 €
Part bénéficiaire                  200,50 €
Total des parts                  1 800,50 €"
    run -C "$dir" financing set --part beneficiaire= --price ""
    expect_status 0
    run -C "$dir" financing show --json
    expect_out_contains '"price_cents": null'
    expect_out_lacks "beneficiaire"
}

test_financing_errors_write_nothing() {
    local dir snapshot bad
    dir=$(new_bilan --funding cpf)
    run -C "$dir" financing set --price 1800
    snapshot=$(fingerprint "$dir")
    for bad in "--price -5" "--price 12.345" "--price abc" "--price 1e3" "--part cpf" \
        "--part banque=10" "--part cpf=1,2,3" "--demandeur-emploi peut-etre" \
        "--part cpf=1 --part cpf=2" "--price 100000000"; do
        # shellcheck disable=SC2086
        run -C "$dir" financing set $bad
        expect_status 2 "financing set $bad"
        expect_err_one_line
    done
    run -C "$dir" financing set
    expect_status 2 "nothing to set"
    expect_unchanged "$dir" "$snapshot"
}

test_financing_warnings_of_the_2026_cpf_rules() {
    local dir
    dir=$(new_bilan --funding cpf)
    run -C "$dir" financing set --price 1800 --part cpf=1700
    expect_status 0
    expect_err_contains "les parts (1 700,00 €) ne font pas le prix (1 800,00 €)"
    expect_err_contains "part CPF de 1 700,00 €, au-delà du plafond de 1 600,00 € (plafond CPF d'un bilan, décret de février 2026, à vérifier)"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "financing.toml: financement : part CPF"
    run -C "$dir" financing set --part cpf=1600 --part beneficiaire=200
    run -C "$dir" check
    expect_equal "$(funding_lines)" "" "cpf at the ceiling, parts add up, jobseeker unknown"
    run -C "$dir" financing set --part cpf=1800 --part beneficiaire= --demandeur-emploi oui
    run -C "$dir" check
    expect_out_lacks "participation forfaitaire"
    run -C "$dir" financing set --demandeur-emploi non
    run -C "$dir" check
    expect_out_contains "participation forfaitaire de 103,20 € (L6323-7 du Code du travail, arrêté du 30 décembre 2025, montant 2026, à vérifier)"
    run -C "$dir" financing set --part cpf=1600 --part beneficiaire=200
    run -C "$dir" check
    expect_out_lacks "participation"
}

run_tests
