#!/usr/bin/env bash
# The end of a bilan (issue 16): the follow-up interview due `end` + the framework's months,
# said by status and check when due, overdue or done; the synthesis as handed over (no session
# after its date, the follow-up said as it stood that day); the handover and an abandonment,
# which stops every deadline after it; their keys in bilan.toml are format 3.
. "$(dirname "$0")/lib.sh" "$@"

# A bilan ended on 2026-05-04 (follow-up due 2026-11-04), with a chaud evaluation so that only
# the follow-up is spoken of.
build_ended_bilan() {
    local dir
    dir=$(new_bilan)
    held -C "$dir" session add --date 2026-05-04 --phase conclusion --duration 2h >/dev/null
    "$BILAN" -C "$dir" set end 2026-05-04
    "$BILAN" -C "$dir" evaluation add chaud --date 2026-05-04 --satisfaction 5 >/dev/null
    printf '%s\n' "$dir"
}

ended_bilan() { fixture "ended_bilan $*" build_ended_bilan "$@"; }

test_followup_due_is_end_plus_the_framework_months() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" status --json
    expect_out_contains '"followup_due": null,'
    expect_out_contains '"followup_done": false,'
    dir=$(ended_bilan)
    run -C "$dir" status --json
    expect_out_contains '"followup_due": "2026-11-04",'
    expect_out_contains '"followup_done": false,'
    dir=$(new_bilan --framework be)
    "$BILAN" -C "$dir" set end 2026-08-31
    run -C "$dir" status --json
    expect_out_contains '"followup_due": "2027-02-28",' # months clamp to the month's end
}

test_followup_is_due_on_its_day_and_overdue_the_next() {
    local dir
    dir=$(ended_bilan)
    BILAN_TODAY=2026-11-03 run -C "$dir" status
    expect_out_contains $'\nEntretien de suivi prévu vers le 4 novembre 2026\n'
    expect_out_lacks "entretien de suivi à faire"
    BILAN_TODAY=2026-11-03 run -C "$dir" check
    expect_err_lacks "suivi"
    BILAN_TODAY=2026-11-04 run -C "$dir" status
    expect_out_contains "Entretien de suivi prévu vers le 4 novembre 2026 : c'est aujourd'hui"
    expect_out_contains "! entretien de suivi à faire : prévu vers le 4 novembre 2026 (aujourd'hui)"
    BILAN_TODAY=2026-11-05 run -C "$dir" status
    expect_out_contains "Entretien de suivi en retard : prévu vers le 4 novembre 2026"
    expect_out_lacks "Entretien de suivi prévu vers"
    expect_out_contains "! entretien de suivi en retard : prévu vers le 4 novembre 2026 (depuis le 4 novembre 2026)"
    BILAN_TODAY=2026-11-05 run -C "$dir" status --json
    expect_out_contains '"entretien de suivi en retard'
    # check says it on stderr, a warning: its output holds the folder's problems alone.
    BILAN_TODAY=2026-11-05 run -C "$dir" check
    expect_out_lacks "suivi"
    expect_err_contains "bilan: attention : entretien de suivi en retard"
}

test_a_logged_followup_is_done() {
    local dir
    dir=$(ended_bilan)
    held -C "$dir" session add --date 2026-11-10 --phase suivi --duration 1h >/dev/null
    BILAN_TODAY=2026-11-20 run -C "$dir" status --json
    expect_out_contains '"followup_due": "2026-11-04",'
    expect_out_contains '"followup_done": true,'
    expect_out_lacks "suivi en retard"
    BILAN_TODAY=2026-11-20 run -C "$dir" status
    expect_out_contains "Entretien de suivi fait le 10 novembre 2026 (prévu vers le 4 novembre 2026)"
    expect_out_lacks "Entretien de suivi prévu"
    BILAN_TODAY=2026-11-20 run -C "$dir" check
    expect_err_lacks "suivi"
}

test_the_synthesis_is_the_document_as_handed_over() {
    local dir
    dir=$(ended_bilan)
    held -C "$dir" session add --date 2026-11-10 --phase suivi --duration 1h >/dev/null
    # No handover recorded: the document is dated by the end; the follow-up came later.
    run -C "$dir" render
    expect_status 0
    expect_out_contains "remis le 4 mai 2026."
    expect_out_lacks "10 novembre 2026"
    expect_out_contains "Un entretien de suivi est prévu vers le 4 novembre 2026, 6 mois après"
    # Rendered again any day later: the same bytes.
    local first=$out
    BILAN_TODAY=2027-06-01 run -C "$dir" render
    expect_equal "$out" "$first" "same document later"
    # Handed over on 2026-05-20: still without the follow-up.
    "$BILAN" -C "$dir" set handover 2026-05-20
    run -C "$dir" render
    expect_out_contains "remis le 20 mai 2026."
    expect_out_lacks "10 novembre 2026"
}

test_a_synthesis_handed_over_after_the_followup_speaks_of_it() {
    local dir
    dir=$(ended_bilan)
    held -C "$dir" session add --date 2026-11-10 --phase suivi --duration 1h >/dev/null
    held -C "$dir" session add --date 2026-12-15 --phase suivi --duration 1h >/dev/null
    "$BILAN" -C "$dir" set handover 2026-12-01
    run -C "$dir" render
    expect_out_contains "décembre 2026."
    expect_out_contains "**10 novembre 2026** — Entretien de suivi"
    expect_out_lacks "15 décembre 2026" # after the handover: never in it
    expect_out_contains "L'entretien de suivi a eu lieu le 10 novembre 2026."
    expect_out_lacks "est prévu vers"
}

test_a_synthesis_handed_over_late_says_the_followup_is_still_to_fix() {
    local dir
    dir=$(ended_bilan)
    "$BILAN" -C "$dir" set handover 2026-12-01
    run -C "$dir" render
    expect_doc_contains "Un entretien de suivi était prévu vers le 4 novembre 2026, 6 mois après la fin du bilan ; il reste à fixer."
}

test_handover_and_its_mode() {
    local dir before
    dir=$(ended_bilan)
    before=$(cat "$dir/bilan.toml")
    run -C "$dir" set handover 2026-05-04
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "handover = 2026-05-04"
    # Format 4: the keys an older bilan cannot read raise it (the date is format 3, the hash of
    # the copy kept 4: test_handover.sh), nothing else changes.
    expect_equal "$(sed '$d' "$dir/bilan.toml" | sed '$d')" "${before/format = 1/format = 4}" \
        "format raised"
    run -C "$dir" set handover-mode "en main propre"
    expect_status 0
    expect_file_contains "$dir/bilan.toml" 'handover_mode = "remise-en-main-propre"'
    run -C "$dir" status
    expect_out_contains "Synthèse remise le 4 mai 2026 (en main propre)"
    run -C "$dir" status --json
    expect_out_contains '"handover": "2026-05-04",'
    local snap
    snap=$(fingerprint "$dir")
    run -C "$dir" set handover-mode pigeon
    expect_status 2
    expect_err_contains "mode de remise inconnu « pigeon » : attendu remise-en-main-propre, courrier, email, autre"
    run -C "$dir" set handover 2026-01-01
    expect_status 1
    expect_err_contains "la remise de la synthèse (2026-01-01) précéderait le début (2026-03-02)"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" set handover ""
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "format = 4" # a format is never lowered
}

test_a_hand_written_handover_before_the_start_is_a_problem() {
    local dir
    dir=$(new_bilan)
    sed -i 's/^format = 1$/format = 3/' "$dir/bilan.toml"
    printf 'handover = 2026-01-01\nhandover_mode = "fax"\n' >>"$dir/bilan.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "précède le début du bilan (2026-03-02)"
    expect_out_contains "mode de remise inconnu « fax »"
}

test_an_abandonment_stops_the_deadlines() {
    local dir
    dir=$(new_bilan)
    held -C "$dir" session add --date 2026-03-20 --phase preliminaire --duration 2h >/dev/null
    "$BILAN" -C "$dir" set end 2026-04-01
    run -C "$dir" set abandoned 2026-04-01
    expect_status 0
    run -C "$dir" set abandon-reason "Reprise d'un emploi"
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "format = 3"
    BILAN_TODAY=2027-06-01 run -C "$dir" status --json
    expect_out_contains '"followup_due": null,'
    expect_out_contains '"abandoned": "2026-04-01",'
    expect_out_lacks "évaluation à"
    expect_out_lacks "suivi en retard"
    BILAN_TODAY=2027-06-01 run -C "$dir" status
    expect_out_contains "Bilan abandonné le 1er avril 2026 : Reprise d'un emploi ; plus de suivi après cette date"
    BILAN_TODAY=2027-06-01 run -C "$dir" check
    expect_err_lacks "suivi"
    expect_err_lacks "évaluation"
    run -C "$dir" render
    expect_doc_contains "Le bilan a été interrompu le 1er avril 2026 : aucun entretien de suivi n'est prévu."
    run -C "$dir" set abandoned 2026-01-01
    expect_status 1
}

test_an_abandonment_after_the_end_keeps_what_fell_due_before_it() {
    local dir
    dir=$(ended_bilan)
    "$BILAN" -C "$dir" evaluation rm "$(ls "$dir/evaluations" | head -c 8)" >/dev/null
    "$BILAN" -C "$dir" set abandoned 2026-06-01
    BILAN_TODAY=2027-06-01 run -C "$dir" status
    expect_out_contains "sans évaluation à chaud" # due at the end, before the abandonment
    expect_out_lacks "suivi en retard"
    expect_out_lacks "froid"
}

test_a_newer_bilan_is_refused_by_the_format_check() {
    local dir
    dir=$(new_bilan)
    sed -i 's/^format = 1$/format = 99/' "$dir/bilan.toml"
    run -C "$dir" set handover 2026-05-04
    expect_status 1
    expect_err_contains "format 99, plus récent que cette version de bilan (format 5)"
}

run_tests
