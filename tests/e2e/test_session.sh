#!/usr/bin/env bash
# bilan session add|tenue|annule|list|rm: the input forms reach the files (every form the man
# page lists is a unit case of its rule, tests/unit/core/test_values.cpp), the refusals, list
# and rm; a planned or cancelled session counts in no command.
. "$(dirname "$0")/lib.sh" "$@"

minutes_of() { # DIR ID -> minutes as list --json says
    "$BILAN" -C "$1" session list --json | grep -A4 "\"id\": \"$2\"" | sed -n 's/.*"minutes": \([0-9]*\).*/\1/p'
}

# Every form the man page lists is a unit case of the rule (tests/unit/core/test_values.cpp);
# here two of them reach the file through the command line.
test_duration_forms() {
    local dir id form expected
    dir=$(new_bilan)
    while read -r form expected; do
        run -C "$dir" session add --date 2026-03-03 --phase investigation --duration "$form" --note "$form"
        expect_status 0 "duration $form"
        id=$out
        expect_equal "$(minutes_of "$dir" "$id")" "$expected" "minutes of $form"
    done <<'LIST'
2h30 150
2,5 150
LIST
}

# The same for dates: "aujourd'hui" and "hier" are read with $BILAN_TODAY (2026-03-10, lib.sh).
test_date_forms() {
    local dir id form expected
    dir=$(new_bilan)
    while read -r form expected; do
        run -C "$dir" session add --date "$form" --phase investigation --duration 1h
        expect_status 0 "date $form"
        id=$out
        expect_file_contains "$dir/sessions/$id.toml" "date = $expected"
    done <<'LIST'
05/03/2026 2026-03-05
AUJOURD'HUI 2026-03-10
hier 2026-03-09
LIST
}

test_from_to_and_french_dates() {
    local dir id
    dir=$(new_bilan)
    run -C "$dir" session add --date 09/03/2026 --phase "préliminaire" --from 09:30 --to 12:00 --kind test --mode distance
    expect_status 0
    id=$out
    expect_file_contains "$dir/sessions/$id.toml" "from = 09:30:00"
    expect_file_contains "$dir/sessions/$id.toml" 'mode = "distance"'
    if grep -q minutes "$dir/sessions/$id.toml"; then fail "minutes stored though computable"; else ok; fi
    run -C "$dir" session list --json
    expect_out_contains '"minutes": 150'
    expect_out_contains '"date": "2026-03-09"'
    expect_out_contains '"phase": "preliminaire"'
    expect_out_contains '"from": "09:30"'
    run -C "$dir" session add --date today --phase conclusion --duration 1h --kind interview
    expect_status 0
    expect_file_contains "$dir/sessions/$out.toml" "date = 2026-03-10"
    expect_file_contains "$dir/sessions/$out.toml" 'kind = "entretien"'
}

test_list_in_date_order_and_by_phase() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" session add --date 2026-03-20 --phase investigation --duration 2h >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-02 --phase preliminaire --duration 3h >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-10 --phase investigation --duration 1h --note "deux
lignes" >/dev/null
    run -C "$dir" session list
    expect_status 0
    expect_equal "$(printf '%s\n' "$out" | awk '{print $2}' | tr '\n' ' ')" "2026-03-02 2026-03-10 2026-03-20 " "date order"
    expect_equal "$(printf '%s\n' "$out" | wc -l)" 3 "one line per session"
    run -C "$dir" session list --phase investigation --json
    expect_out_lacks "preliminaire"
    expect_out_contains '"note": "deux\nlignes"'
    run -C "$dir" session list --phase nowhere
    expect_status 2
}

test_same_command_same_bytes() {
    local a b
    a=$(new_bilan) b=$(new_bilan)
    # Same ids only under a seed (for tests and the example): ids are random otherwise.
    BILAN_ID_SEED=same "$BILAN" -C "$a" session add --date 2026-03-03 --phase investigation \
        --duration 2h >/dev/null
    BILAN_ID_SEED=same "$BILAN" -C "$b" session add --date 2026-03-03 --phase investigation \
        --duration 2h >/dev/null
    expect_equal "$(cd "$a" && find sessions -type f | sort | xargs cat)" \
        "$(cd "$b" && find sessions -type f | sort | xargs cat)" "same content"
    expect_equal "$(ls "$a/sessions")" "$(ls "$b/sessions")" "same ids"
    expect_equal "$(stat -c %a "$a/sessions" "$a/sessions/"*.toml | tr '\n' ' ')" "700 600 " "modes"
}

test_rm_by_id_and_prefix() {
    local dir id
    dir=$(new_bilan)
    id=$("$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h)
    run -C "$dir" session rm "${id:0:5}"
    expect_status 0
    expect_equal "$(ls "$dir/sessions" | wc -l)" 0 "removed"
    run -C "$dir" session rm "$id"
    expect_status 1 "unknown id"
    expect_err_one_line
}

# Each option's refusal once (every value refused is a unit case: tests/unit/core/
# test_values.cpp), and the combinations only the command line sees.
test_bad_values_exit_2_and_write_nothing() {
    local dir snapshot args
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    while IFS= read -r args; do
        eval "run -C \"\$dir\" session add $args"
        expect_status 2 "$args"
        expect_err_one_line
    done <<'LIST'
--date 2026-02-30 --phase investigation --duration 2h
--date 2026-03-02 --phase nowhere --duration 2h
--date 2026-03-02 --phase investigation --duration -2h
--date 2026-03-02 --phase investigation --duration 2h --from 09:00 --to 11:00
--date 2026-03-02 --phase investigation
--date 2026-03-02 --phase investigation --from 12:00 --to 09:00
--date 2026-03-02 --phase investigation --from 12:00
--date 2026-03-02 --phase investigation --from 25:00 --to 26:00
--date 2026-03-02 --phase investigation --duration 2h --kind sieste
--phase investigation --duration 2h
--date 2026-03-02 --phase investigation --duration 2h --bogus
LIST
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" session add --date 2026-03-02 --phase investigation --duration 90
    expect_status 2 "--duration 90"
    expect_err_one_line
    expect_err_contains "90m"
}

test_writing_outside_a_bilan_is_refused() {
    mkdir "$TMP_ROOT/plain"
    run -C "$TMP_ROOT/plain" session add --date 2026-03-02 --phase investigation --duration 2h
    expect_status 1
    expect_err_contains "aucun bilan"
    expect_equal "$(ls -A "$TMP_ROOT/plain")" "" "nothing created"
}

# A year typed wrong (1999 for 2026) is refused; a session really held long before, with --force.
test_a_session_years_before_the_bilan_needs_force() {
    local dir snapshot
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" session add --date 1999-03-03 --phase investigation --duration 1h
    expect_status 1
    expect_err_contains "plus d'un an avant le début du bilan (2026-03-02)"
    expect_err_contains "--force"
    expect_err_one_line
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" session add --date 2025-03-02 --phase prealable --duration 1h
    expect_status 0 "a year before the start"
    run -C "$dir" session add --date 1999-03-03 --phase investigation --duration 1h --force
    expect_status 0 "forced"
}

# Beside two sessions held (3 h and 2 h), one planned (dated after today, 2 h 30) and one
# cancelled (1 h): every command that counts hours counts the 5 h held, nothing else, until
# `session tenue` confirms the planned one.
test_planned_and_cancelled_sessions_count_nowhere() {
    local dir planned cancelled
    dir=$(new_bilan --funding cpf)
    "$BILAN" -C "$dir" set counsellor "Hélène Rocher" >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-02 --phase preliminaire --from 09:00 --to 12:00 >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-09 --phase investigation --from 14:00 --to 16:00 >/dev/null
    run -C "$dir" session add --date 2026-03-16 --phase investigation --from 09:30 --to 12:00
    expect_status 0
    planned=$out
    expect_err_contains "séance prévue le 2026-03-16 : elle comptera une fois tenue (bilan session tenue $planned)"
    expect_file_contains "$dir/sessions/$planned.toml" 'state = "prevue"'
    expect_file_contains "$dir/bilan.toml" "format = 4"
    cancelled=$("$BILAN" -C "$dir" session add --date 2026-03-05 --phase investigation --duration 1h)
    run -C "$dir" session annule "$cancelled" --motif "Absent"
    expect_status 0
    expect_file_contains "$dir/sessions/$cancelled.toml" 'state = "annulee"
motif = "absence"'

    run -C "$dir" status --json
    expect_doc_contains '"accompaniment_minutes": 300'
    expect_doc_contains '"phase": "investigation",
      "label": "Phase d'"'"'investigation",
      "counted": true,
      "sessions": 1,
      "done_minutes": 120,
      "planned_minutes": 150,'
    expect_doc_contains '"next_planned": {
    "id": "'"$planned"'",
    "date": "2026-03-16"
  }'
    run -C "$dir" status
    expect_doc_contains "Phase                   Fait  Prévu  Cible  Reste"
    expect_doc_contains "Prochaine séance prévue : 16 mars 2026, 09:30–12:00 ($planned)"
    run -C "$dir" session list
    expect_out_contains "prévue"
    expect_out_contains "annulée (absence)"
    run -C "$dir" emargement
    expect_equal "$(grep -c '^| [a-z]* [0-9]* mars 2026' <<<"$out")" 2 "rows of the sheet: the held"
    run -C "$dir" certificat --date 2026-03-10
    expect_doc_contains "pour une durée de **5 h** (1)."
    run -C "$dir" render
    expect_out_lacks "16 mars 2026"
    expect_out_lacks "5 mars 2026"
    run report "$dir" --json
    expect_doc_contains '"accompaniment_minutes": 300'
    run -C "$dir" check
    expect_err_lacks "prévue le"
    # Its day past and still planned: check and status say how to settle it.
    BILAN_TODAY=2026-03-20 run -C "$dir" check
    expect_err_contains "séance prévue le 2026-03-16 ($planned) et toujours pas tenue : bilan session tenue $planned si elle a eu lieu (--from et --to pour ses horaires), sinon bilan session annule $planned --motif absence|report|annulation"
    BILAN_TODAY=2026-03-20 run -C "$dir" session tenue "${planned:0:4}" --from 09:30 --to 12:30
    expect_status 0
    expect_err_contains "durée de la séance : 2h30 → 3h"
    run -C "$dir" status --json
    expect_doc_contains '"accompaniment_minutes": 480'
    expect_doc_contains '"next_planned": null'
    run -C "$dir" certificat --date 2026-03-20
    expect_doc_contains "pour une durée de **8 h** (1)."
    # A cancelled session gets no evidence; one with evidence cannot be cancelled.
    run -C "$dir" session attest "$cancelled" --evidence emargement
    expect_status 1
    expect_err_contains "est annulée"
    "$BILAN" -C "$dir" session attest "$planned" --evidence emargement >/dev/null
    run -C "$dir" session annule "$planned" --motif report
    expect_status 1
    expect_err_contains "a une preuve de présence : elle a eu lieu"
    run -C "$dir" session annule "$planned" --motif oubli
    expect_status 2
    # No sheet for a session that did not take place.
    run -C "$dir" emargement --session "$cancelled"
    expect_status 1
    expect_err_contains "la séance du 2026-03-05 ($cancelled) est annulée : pas de feuille à signer"
    expect_err_one_line
}

# A session's place: --lieu or --lien (which makes it remote), on add or later; format 5.
test_session_place_on_add_and_later() {
    local dir id snapshot
    dir=$(new_bilan)
    id=$(held -C "$dir" session add --date 2026-03-04 --phase preliminaire --duration 1h \
        --lieu "Salle 2, 12 rue des Lilas")
    expect_file_contains "$dir/sessions/$id.toml" 'lieu = "Salle 2, 12 rue des Lilas"'
    expect_file_contains "$dir/bilan.toml" "format = 5"
    run -C "$dir" session list --json
    expect_out_contains '"lieu": "Salle 2, 12 rue des Lilas"'
    expect_out_contains '"lien": null'
    run -C "$dir" session lieu "$id" --lien https://visio.exemple.fr/salle-12
    expect_status 0 "session lieu --lien"
    expect_err_contains "désormais à distance"
    run -C "$dir" session list --json
    expect_out_contains '"mode": "distance"'
    expect_out_contains '"lien": "https://visio.exemple.fr/salle-12"'
    expect_out_contains '"lieu": null'
    run -C "$dir" session lieu "$id" --aucun
    expect_status 0 "session lieu --aucun"
    grep -qE '^(lieu|lien)' "$dir/sessions/$id.toml" && fail "place still there" || ok
    id=$(held -C "$dir" session add --date 2026-03-05 --phase preliminaire --duration 1h \
        --lien https://visio.exemple.fr/x)
    run -C "$dir" session list --json
    expect_out_contains '"lien": "https://visio.exemple.fr/x"'
    expect_file_contains "$dir/sessions/$id.toml" 'mode = "distance"'
    snapshot=$(fingerprint "$dir")
    run -C "$dir" session add --date 2026-03-06 --phase preliminaire --duration 1h --lieu A \
        --lien https://visio.exemple.fr/x
    expect_status 2 "--lieu and --lien"
    expect_err_one_line
    run -C "$dir" session add --date 2026-03-06 --phase preliminaire --duration 1h \
        --lien https://visio.exemple.fr/x --mode presentiel
    expect_status 2 "--lien with --mode presentiel"
    run -C "$dir" session add --date 2026-03-06 --phase preliminaire --duration 1h \
        --lien "visio.exemple.fr/x"
    expect_status 2 "a link without https://"
    expect_err_one_line
    run -C "$dir" session add --date 2026-03-06 --phase preliminaire --duration 1h \
        --lieu $'Salle 2\nBcc: x'
    expect_status 2 "a place on two lines"
    run -C "$dir" session lieu "$id"
    expect_status 2 "session lieu without a place"
    run -C "$dir" session lieu "$id" --lien 'https://x.fr/a b'
    expect_status 2 "a link with a space"
    expect_unchanged "$dir" "$snapshot"
}

run_tests
