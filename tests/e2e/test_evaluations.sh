#!/usr/bin/env bash
# The evaluations à chaud and à froid (issue 16): one file each in evaluations/, their answers
# checked against the question sets (the practice's own in practice.toml, else the default
# ones) with warnings, never refusals; administrative data that no document shows; status and
# check say when the à chaud is missing after the end and when the à froid is due or overdue.
. "$(dirname "$0")/lib.sh" "$@"

ended_bilan() { # ended 2026-05-04: à froid due 2026-11-04
    local dir
    dir=$(new_bilan "$@")
    held -C "$dir" session add --date 2026-05-04 --phase conclusion --duration 2h >/dev/null
    "$BILAN" -C "$dir" set end 2026-05-04
    printf '%s\n' "$dir"
}

test_add_writes_one_file_and_list_shows_it() {
    local dir id
    dir=$(ended_bilan)
    run -C "$dir" evaluation add "à chaud" --date 2026-05-04 --satisfaction 5 \
        --answer attentes=5 --answer Recommande=Oui --comment "Très bon accueil"
    expect_status 0
    expect_equal "$err" "" "answers of the default set: no warning"
    id=$out
    expect_equal "${#id}" 8 "an id"
    expect_equal "$(stat -c %a "$dir/evaluations/$id.toml")" 600 "file mode"
    expect_equal "$(stat -c %a "$dir/evaluations")" 700 "folder mode"
    expect_file_contains "$dir/evaluations/$id.toml" 'kind = "chaud"
date = 2026-05-04
satisfaction = 5
answers = [
    "attentes=5",
    "recommande=oui",
]
comment = "Très bon accueil"'
    run -C "$dir" evaluation list --json
    expect_status 0
    expect_out_contains '"evaluations": ['
    expect_out_contains "\"id\": \"$id\","
    expect_out_contains '"kind": "chaud",'
    expect_out_contains '"date": "2026-05-04",'
    expect_out_contains '"satisfaction": 5,'
    expect_out_contains '"answers": {
        "attentes": 5,
        "recommande": "oui"
      },'
    expect_out_contains '"comment": "Très bon accueil"'
    run -C "$dir" evaluation list
    expect_out_contains "$id  2026-05-04  à chaud  5/5  attentes=5 recommande=oui  Très bon accueil"
    # bilan.toml is untouched: the evaluations/ folder needs no new format.
    expect_file_contains "$dir/bilan.toml" "format = 1"
    run -C "$dir" evaluation rm "${id:0:4}"
    expect_status 0
    expect_equal "$(ls "$dir/evaluations")" "" "removed"
    run -C "$dir" evaluation list --json
    expect_out_contains '"evaluations": []'
}

test_usage_errors_write_nothing() {
    local dir snap args
    dir=$(ended_bilan)
    snap=$(fingerprint "$dir")
    for args in "tiede --date 2026-05-04 --satisfaction 3" \
        "chaud --date 2026-05-04 --satisfaction 6" \
        "chaud --date 2026-05-04 --satisfaction bien" \
        "chaud --date 2026-02-30 --satisfaction 3" \
        "chaud --satisfaction 3" \
        "chaud --date 2026-05-04" \
        "chaud --date 2026-05-04 --satisfaction 3 --answer attentes" \
        "chaud --date 2026-05-04 --satisfaction 3 --answer =4" \
        "chaud --date 2026-05-04 --satisfaction 3 --answer attentes=4 --answer attentes=5"; do
        # shellcheck disable=SC2086
        run -C "$dir" evaluation add $args
        expect_status 2 "$args"
        expect_err_one_line
        expect_unchanged "$dir" "$snap"
    done
    run -C "$dir" evaluation add tiede --date 2026-05-04 --satisfaction 3
    expect_err_contains "type d'évaluation inconnu « tiede » : attendu chaud, froid"
    run -C "$dir" evaluation rm 12345678
    expect_status 1
    expect_err_contains "aucun enregistrement « 12345678 »"
    run -C "$TMP_ROOT" evaluation add chaud --date 2026-05-04 --satisfaction 3
    expect_status 1
    expect_err_contains "aucun bilan"
}

test_unknown_keys_and_values_out_of_domain_warn_and_are_kept() {
    local dir id
    dir=$(ended_bilan)
    run -C "$dir" evaluation add froid --date 2026-11-04 --satisfaction 4 \
        --answer situation=nouvel-emploi --answer actions=3 --answer utilite=9 --answer humeur=bonne
    expect_status 0
    id=$out
    expect_err_contains "bilan: attention : « utilite » (évaluation à froid) attend un entier de 1 à 5, pas « 9 » : réponse gardée telle quelle"
    expect_err_contains "bilan: attention : question inconnue « humeur » pour l'évaluation à froid (attendu situation, projet, actions, utilite, besoin) : réponse gardée telle quelle"
    expect_file_contains "$dir/evaluations/$id.toml" '    "situation=nouvel-emploi",
    "actions=3",
    "utilite=9",
    "humeur=bonne",'
    run -C "$dir" evaluation add froid --date 2026-11-04 --satisfaction 4 --answer projet=termine
    expect_status 0
    expect_err_contains "« projet » (évaluation à froid) attend non-demarre, en-cours, realise, modifie, abandonne, pas « termine »"
    run -C "$dir" evaluation add froid --date 2026-04-04 --satisfaction 4
    expect_status 0
    expect_err_contains "avant la fin du bilan (2026-05-04)"
}

test_a_practice_replaces_the_question_sets() {
    local practice dir id
    practice=$TMP_ROOT/cabinet
    "$BILAN" practice init "$practice" --name "Cabinet" >/dev/null
    printf '\n[questions]\nchaud = ["clarte=1-5", "accueil=oui|non", "remarque"]\n' >>"$practice/practice.toml"
    dir=$(ended_bilan)
    BILAN_PRACTICE=$practice run -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 4 \
        --answer clarte=4 --answer accueil=NON --answer remarque="rien à dire" --answer attentes=5
    expect_status 0
    id=$out
    expect_err_one_line
    expect_err_contains "question inconnue « attentes » pour l'évaluation à chaud (attendu clarte, accueil, remarque)"
    expect_file_contains "$dir/evaluations/$id.toml" '    "clarte=4",
    "accueil=non",
    "remarque=rien à dire",
    "attentes=5",'
    # à froid keeps its default set.
    BILAN_PRACTICE=$practice run -C "$dir" evaluation add froid --date 2026-11-04 --satisfaction 4 --answer besoin=non
    expect_equal "$err" "" "default froid set"
    # A question the practice writes wrong is a problem of practice.toml.
    printf 'froid = ["utilite=5-1"]\n' >>"$practice/practice.toml"
    BILAN_PRACTICE=$practice run -C "$dir" check
    expect_status 1
    expect_out_contains "practice.toml:"
    expect_out_contains "question « utilite=5-1 » : attendu"
    BILAN_PRACTICE=$practice run -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 4 --answer attentes=5
    expect_status 0
    expect_err_contains ": questions par défaut"
}

test_an_evaluation_is_in_no_document() {
    local dir doc
    dir=$(ended_bilan)
    "$BILAN" -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 2 \
        --answer recommande=non --comment "Commentaire-ZX81 sur la prestation" >/dev/null
    "$BILAN" -C "$dir" consent grant France-Travail --date 2026-05-04 --sections tout >/dev/null
    for doc in "render" "render --for France-Travail" "emargement" "certificat"; do
        # shellcheck disable=SC2086
        run -C "$dir" $doc
        expect_status 0 "$doc"
        expect_out_lacks "ZX81"
        expect_out_lacks "valuation"
        expect_out_lacks "atisfaction"
    done
}

test_a_missing_chaud_after_the_end_is_a_warning() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" set end 2026-05-04
    BILAN_TODAY=2026-05-03 run -C "$dir" status
    expect_out_lacks "à chaud"
    BILAN_TODAY=2026-05-04 run -C "$dir" status
    expect_out_contains "! bilan terminé le 4 mai 2026 sans évaluation à chaud (Qualiopi, indicateurs 11 et 30)"
    expect_out_contains "Évaluation à chaud à faire (bilan terminé le 4 mai 2026)"
    BILAN_TODAY=2026-05-04 run -C "$dir" check
    expect_err_contains "bilan: attention : bilan terminé le 4 mai 2026 sans évaluation à chaud"
    "$BILAN" -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 4 >/dev/null
    BILAN_TODAY=2026-05-04 run -C "$dir" status
    expect_out_lacks "sans évaluation à chaud"
    expect_out_contains "Évaluation à chaud faite le 4 mai 2026 (satisfaction 4/5)"
}

test_froid_is_due_on_its_day_and_overdue_the_next() {
    local dir
    dir=$(ended_bilan)
    "$BILAN" -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 4 >/dev/null
    BILAN_TODAY=2026-11-03 run -C "$dir" status
    expect_out_contains "Évaluation à froid prévue vers le 4 novembre 2026"
    expect_out_lacks "! évaluation à froid"
    BILAN_TODAY=2026-11-04 run -C "$dir" status
    expect_out_contains "! évaluation à froid à faire : due le 4 novembre 2026 (aujourd'hui, Qualiopi, indicateur 30)"
    BILAN_TODAY=2026-11-05 run -C "$dir" status
    expect_out_contains "! évaluation à froid en retard : due le 4 novembre 2026 (depuis le 4 novembre 2026"
    BILAN_TODAY=2026-11-05 run -C "$dir" check
    expect_err_contains "bilan: attention : évaluation à froid en retard"
    "$BILAN" -C "$dir" evaluation add froid --date 2026-11-05 --satisfaction 5 >/dev/null
    BILAN_TODAY=2026-11-05 run -C "$dir" status
    expect_out_lacks "! évaluation à froid"
    expect_out_contains "Évaluation à froid faite le 5 novembre 2026 (satisfaction 5/5)"
}

test_an_abandonment_stops_the_evaluations_due() {
    local dir
    dir=$(ended_bilan)
    "$BILAN" -C "$dir" set abandoned 2026-04-20
    BILAN_TODAY=2027-01-01 run -C "$dir" status
    expect_out_lacks "évaluation à"
    expect_out_lacks "Évaluation à"
}

# Why evaluations/ needs no new format: a version that does not know a record folder at the
# top leaves it alone, as this one does any unknown folder there (check names only misspelt
# record folders), so an older bilan reads, checks and writes such a folder unharmed.
test_an_unknown_folder_at_the_top_is_left_alone() {
    local dir
    dir=$(ended_bilan)
    mkdir -m 700 "$dir/retours"
    printf 'kind = "chaud"\n' >"$dir/retours/0123abcd.toml"
    BILAN_TODAY=2026-05-03 run -C "$dir" check
    expect_out_lacks "retours"
    expect_err_lacks "retours"
    "$BILAN" -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 4 >/dev/null
    expect_file_contains "$dir/bilan.toml" "format = 1"
}

test_check_reads_the_evaluations() {
    local dir id
    dir=$(ended_bilan)
    id=$("$BILAN" -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 4)
    sed -i 's/^satisfaction = 4$/satisfaction = 7/' "$dir/evaluations/$id.toml"
    printf 'x = 1\n' >"$dir/evaluations/notes.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "evaluations/$id.toml:3:16:"
    expect_out_contains "evaluations/notes.toml: n'est pas un enregistrement"
    run -C "$dir" evaluation list
    expect_status 1
}

run_tests
