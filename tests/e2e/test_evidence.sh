#!/usr/bin/env bash
# Proof of service (issue 14): `session attest` records how a session's attendance is proved,
# `session list` shows it, `status` and `check` name the sessions held that lack it; the kinds
# match the 13 h floor (a workshop led by the counsellor counts, a test taken alone does not);
# and the folder's format rises to 2 only when a write needs it.
. "$(dirname "$0")/lib.sh" "$@"

# A session of $1 (today is 2026-03-10); prints its id.
session_on() {
    local dir=$1 date=$2
    shift 2
    held -C "$dir" session add --date "$date" --phase investigation --duration 2h "$@"
}

test_attest_appends_one_evidence_table_per_call() {
    local dir id
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03)
    run -C "$dir" session attest "$id" --evidence emargement --ref "scans/2026-03-03.pdf"
    expect_status 0
    expect_out ""
    expect_equal "$err" "" "no note for a past session in person"
    run -C "$dir" session attest "${id:0:4}" --evidence "Signature électronique" # a prefix, accents
    expect_status 0
    expect_file_contains "$dir/sessions/$id.toml" 'mode = "presentiel"

[[evidence]]
kind = "emargement"
ref = "scans/2026-03-03.pdf"

[[evidence]]
kind = "signature-electronique"'
    expect_equal "$(grep -c '^\[\[evidence\]\]$' "$dir/sessions/$id.toml")" 2 "two tables"
    run -C "$dir" session attest "$id" --evidence visio
    expect_status 0
    expect_file_contains "$dir/sessions/$id.toml" 'kind = "journal-visio"'
}

test_attest_keeps_what_a_person_wrote_in_the_file() {
    local dir id before
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03 --note "Première séance")
    # A comment, an odd layout and a hand-written piece of evidence: all stay byte for byte.
    sed -i 's/^note = "Première séance"$/# séance notée à la main\nnote  =  "Première séance"  # vu/' \
        "$dir/sessions/$id.toml"
    # shellcheck disable=SC1112 # a typographic apostrophe, as a person types it
    printf '\n[[evidence]]   # la feuille papier\nkind = "Feuille d’émargement"\n' >>"$dir/sessions/$id.toml"
    before=$(cat "$dir/sessions/$id.toml")
    run -C "$dir" session attest "$id" --evidence autre --ref "attestation du centre"
    expect_status 0
    expect_file_contains "$dir/sessions/$id.toml" "$before"
    expect_file_contains "$dir/sessions/$id.toml" '[[evidence]]
kind = "autre"
ref = "attestation du centre"'
    run -C "$dir" session list --json
    expect_status 0
    expect_doc_contains '"kind": "emargement",
          "ref": null'
    expect_doc_contains '"kind": "autre",
          "ref": "attestation du centre"'
}

test_a_bad_kind_is_a_usage_error_listing_the_kinds() {
    local dir id snap
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03)
    snap=$(fingerprint "$dir")
    run -C "$dir" session attest "$id" --evidence photo
    expect_status 2
    expect_err_one_line
    expect_err_contains "type de preuve inconnu « photo » : attendu emargement, signature-electronique, journal-visio, autre"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" session attest "$id"
    expect_status 2
    expect_err_contains "--evidence"
    expect_unchanged "$dir" "$snap"
    run -C "$dir" session attest "$id" --evidence emargement --ref $'scan\x1b[31m'
    expect_status 2
    expect_unchanged "$dir" "$snap"
}

test_an_unknown_or_short_id_writes_nothing() {
    local dir snap
    dir=$(new_bilan)
    session_on "$dir" 2026-03-03 >/dev/null
    snap=$(fingerprint "$dir")
    run -C "$dir" session attest ffffffff --evidence emargement
    expect_status 1
    expect_err_one_line
    expect_unchanged "$dir" "$snap"
    run -C "$dir" session attest ab --evidence emargement
    expect_status 2
    expect_unchanged "$dir" "$snap"
    run -C "$TMP_ROOT/nowhere" session attest abcd --evidence emargement
    expect_status 3 "a -C folder that does not exist is the environment"
}

test_a_session_file_that_cannot_be_written_raises_no_format() {
    local dir id snap
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03)
    chmod u-w "$dir/sessions/$id.toml"
    snap=$(fingerprint "$dir")
    run -C "$dir" session attest "$id" --evidence emargement
    expect_status 1
    expect_err_contains "lecture seule"
    expect_unchanged "$dir" "$snap"
    expect_file_contains "$dir/bilan.toml" "format = 1"
}

test_session_list_shows_the_evidence() {
    local dir a b
    dir=$(new_bilan)
    a=$(session_on "$dir" 2026-03-03)
    b=$(session_on "$dir" 2026-03-04 --mode distance)
    "$BILAN" -C "$dir" session attest "$a" --evidence emargement --ref feuille-03.pdf
    "$BILAN" -C "$dir" session attest "$b" --evidence journal-visio
    run -C "$dir" session list
    expect_status 0
    expect_doc_contains "$a  2026-03-03  Phase d'investigation  2h  entretien              preuve : feuille d'émargement (feuille-03.pdf)"
    expect_doc_contains "preuve : journal de connexion"
    run -C "$dir" session list --json
    expect_doc_contains '"evidence": [
        {
          "kind": "emargement",
          "ref": "feuille-03.pdf"
        }
      ]'
    dir=$(new_bilan)
    session_on "$dir" 2026-03-03 >/dev/null
    run -C "$dir" session list --json
    expect_doc_contains '"note": null,
      "state": "tenue",
      "motif": null,
      "evidence": []' # always there, empty when none
}

test_status_and_check_name_past_sessions_without_evidence() {
    local dir past future survey snap
    dir=$(new_bilan)
    past=$(session_on "$dir" 2026-03-10) # today counts as held
    future=$(session_on "$dir" 2026-03-11)
    survey=$(session_on "$dir" 2026-03-05 --kind enquete)
    session_on "$dir" 2026-03-06 --kind travail-personnel >/dev/null
    snap=$(fingerprint "$dir")
    run -C "$dir" status
    expect_status 0
    expect_doc_contains "  ! séance du 2026-03-10 ($past) sans preuve de présence : bilan session attest $past --evidence emargement"
    expect_out_lacks "$future"
    expect_out_lacks "$survey"
    run -C "$dir" status --json
    expect_doc_contains "\"séance du 2026-03-10 ($past) sans preuve de présence : bilan session attest $past --evidence emargement\""
    run -C "$dir" check
    expect_err_contains "bilan: attention : $dir/sessions/$past.toml: séance du 2026-03-10 ($past) sans preuve de présence"
    expect_out_lacks "preuve" # a warning: the folder's problems are others
    expect_err_lacks "$future"
    expect_unchanged "$dir" "$snap"
    # Seen from later, the session to come is held too.
    BILAN_TODAY=2026-03-11 run -C "$dir" status
    expect_doc_contains "($future) sans preuve"
    "$BILAN" -C "$dir" session attest "$past" --evidence emargement
    run -C "$dir" status
    expect_out_lacks "preuve"
    run -C "$dir" check
    expect_out_lacks "preuve"
    # A bad $BILAN_TODAY is a usage error, as for `--date today`.
    BILAN_TODAY=demain run -C "$dir" status
    expect_status 2
    expect_err_contains "BILAN_TODAY"
}

test_many_unproved_sessions_make_one_line() {
    local dir day ids=()
    dir=$(new_bilan)
    for day in 02 03 04 05 06; do
        ids+=("$(session_on "$dir" "2026-03-$day")")
    done
    run -C "$dir" status
    expect_equal "$(printf '%s\n' "$out" | grep -c 'preuve de présence')" 1 "one line"
    expect_doc_contains "  ! 5 séances passées sans preuve de présence (${ids[0]} du 2026-03-02, ${ids[1]} du 2026-03-03, ${ids[2]} du 2026-03-04…) : pour chacune, bilan session attest ID --evidence emargement|signature-electronique|journal-visio|autre"
    run -C "$dir" check
    expect_equal "$(printf '%s\n' "$err" | grep -c 'preuve de présence')" 1 "one line in check"
}

# Times are part of the proof: a session held with the counsellor and logged with a duration
# alone is named, with the command that sets its times; `session horaires` sets them (the
# duration follows) and keeps what a person wrote in the file.
test_sessions_without_times_are_named_and_horaires_sets_them() {
    local dir id survey future snap ids=() day
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03)
    survey=$(session_on "$dir" 2026-03-04 --kind enquete)
    future=$(session_on "$dir" 2026-03-12)
    run -C "$dir" status
    expect_doc_contains "  ! séance du 2026-03-03 ($id) sans horaires : la feuille d'émargement les laisse en blanc ; bilan session horaires $id --from HH:MM --to HH:MM"
    expect_out_lacks "$survey) sans horaires"
    expect_out_lacks "$future) sans horaires"
    run -C "$dir" check
    expect_err_contains "bilan: attention : $dir/sessions/$id.toml: séance du 2026-03-03 ($id) sans horaires"
    printf '# écrit à la main\n' >>"$dir/sessions/$id.toml"
    snap=$(fingerprint "$dir")
    run -C "$dir" session horaires "$id" --from 14:00 --to 13:00
    expect_status 2
    expect_err_contains "--from (14:00) doit précéder --to (13:00)"
    expect_err_one_line
    run -C "$dir" session horaires ffff --from 09:00 --to 10:00
    expect_status 1
    run -C "$dir" session horaires "$id" --from 9:75 --to 10:00
    expect_status 2
    expect_unchanged "$dir" "$snap"
    run -C "$dir" session horaires "${id:0:4}" --from 09:30 --to 12:00
    expect_status 0
    expect_out ""
    expect_err_contains "durée de la séance : 2h → 2h30 (ses horaires la font)"
    expect_file_contains "$dir/sessions/$id.toml" "from = 09:30:00
to = 12:00:00"
    expect_file_contains "$dir/sessions/$id.toml" "# écrit à la main"
    expect_equal "$(grep -c '^minutes' "$dir/sessions/$id.toml")" 0 "a duration beside the times"
    run -C "$dir" status
    expect_out_lacks "sans horaires"
    run -C "$dir" emargement
    expect_doc_contains "| mardi 3 mars 2026 | 9 h 30 – 12 h 00 | 2 h 30 |"
    # The same times again: nothing to say, the file as it was.
    snap=$(fingerprint "$dir")
    run -C "$dir" session horaires "$id" --from 09:30 --to 12:00
    expect_status 0
    expect_equal "$err" "" "no note when the duration stays"
    expect_unchanged "$dir" "$snap"
    # Past a few, one line, its remedy left to the user.
    for day in 05 06 09 10; do ids+=("$(session_on "$dir" "2026-03-$day")"); done
    run -C "$dir" status
    expect_doc_contains "  ! 4 séances avec le conseiller sans horaires (${ids[0]} du 2026-03-05, ${ids[1]} du 2026-03-06, ${ids[2]} du 2026-03-09…) : la feuille d'émargement les laisse en blanc ; pour chacune, bilan session horaires ID --from HH:MM --to HH:MM"
}

test_a_remote_session_proved_by_paper_alone() {
    local dir id
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03 --mode distance)
    run -C "$dir" status
    expect_doc_contains "($id) sans preuve de présence : bilan session attest $id --evidence signature-electronique"
    run -C "$dir" session attest "$id" --evidence emargement
    expect_status 0
    expect_err_one_line
    expect_err_contains "bilan: attention : séance à distance : une feuille d'émargement prouve une présence en salle"
    run -C "$dir" status
    expect_doc_contains "  ! séance à distance du 2026-03-03 ($id) prouvée par une feuille d'émargement seule : bilan session attest $id --evidence signature-electronique (ou journal-visio)"
    run -C "$dir" check
    expect_err_contains "sessions/$id.toml: séance à distance du 2026-03-03 ($id) prouvée par une feuille d'émargement seule"
    "$BILAN" -C "$dir" session attest "$id" --evidence journal-visio --ref "export.csv"
    run -C "$dir" status
    expect_out_lacks "feuille d'émargement seule"
}

test_attesting_a_session_to_come_says_so() {
    local dir id
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-20)
    run -C "$dir" session attest "$id" --evidence emargement
    expect_status 0
    expect_err_contains "la séance du 2026-03-20 est à venir"
    expect_file_contains "$dir/sessions/$id.toml" 'kind = "emargement"'
}

test_evidence_never_reaches_the_synthesis() {
    local dir id
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03)
    "$BILAN" -C "$dir" session attest "$id" --evidence autre --ref "REF-SECRETE-42"
    run -C "$dir" render
    expect_status 0
    expect_out_lacks "REF-SECRETE-42"
    expect_out_lacks "émargement"
}

test_an_atelier_counts_toward_the_floor_a_lone_test_does_not() {
    local dir id
    dir=$(new_bilan)
    session_on "$dir" 2026-03-03 --kind "atelier collectif" >/dev/null
    id=$(session_on "$dir" 2026-03-04 --kind "test autonome")
    expect_file_contains "$dir/sessions/$id.toml" 'kind = "travail-personnel"'
    run -C "$dir" status --json
    expect_status 0
    expect_doc_contains '"accompaniment_minutes": 120,'
    expect_doc_contains '"personal_minutes": 120,'
    expect_doc_contains '"floor_counted_minutes": 120,'
    expect_doc_contains '"cpf_minutes": 120,'
    expect_doc_contains 'en entretiens, tests et ateliers pour 13h au moins'
    run -C "$dir" session list
    expect_doc_contains "atelier collectif"
    run -C "$dir" render
    expect_doc_contains "dont 2 h d'accompagnement en entretiens, tests et ateliers"
    # be's floor counts interviews: a workshop is time of the bilan, no interview.
    dir=$(new_bilan --framework be)
    session_on "$dir" 2026-03-03 --kind workshop >/dev/null
    run -C "$dir" status --json
    expect_doc_contains '"accompaniment_minutes": 120,'
    expect_doc_contains '"floor_counted_minutes": 0,'
    expect_doc_contains '"cpf_minutes": 0,'
    run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h --kind sieste
    expect_status 2
    expect_err_contains "attendu entretien, test, atelier, enquete, travail-personnel"
}

test_a_format_1_folder_stays_format_1_until_it_needs_more() {
    local dir id before
    dir=$(new_bilan --demand "Une demande")
    printf '# ma note en fin de fichier\n' >>"$dir/bilan.toml"
    before=$(cat "$dir/bilan.toml")
    id=$(session_on "$dir" 2026-03-03 --kind test)
    session_on "$dir" 2026-03-04 --kind enquete >/dev/null
    "$BILAN" -C "$dir" skill add "Compter" --type savoir >/dev/null
    "$BILAN" -C "$dir" session rm "$(session_on "$dir" 2026-03-05)" >/dev/null
    "$BILAN" -C "$dir" status >/dev/null
    "$BILAN" -C "$dir" check >/dev/null
    expect_equal "$(cat "$dir/bilan.toml")" "$before" "bilan.toml after ordinary commands"
    run -C "$dir" session attest "$id" --evidence emargement
    expect_status 0
    expect_equal "$(cat "$dir/bilan.toml")" "${before/format = 1/format = 2}" "only format changes"
    # Once at 2, a second attest leaves bilan.toml as it is.
    before=$(cat "$dir/bilan.toml")
    "$BILAN" -C "$dir" session attest "$id" --evidence autre
    expect_equal "$(cat "$dir/bilan.toml")" "$before" "format 2 stays"
}

test_an_atelier_raises_the_format_and_so_does_a_folder_without_one() {
    local dir
    dir=$(new_bilan)
    sed -i '/^format = /d' "$dir/bilan.toml"
    session_on "$dir" 2026-03-03 --kind atelier >/dev/null
    expect_file_contains "$dir/bilan.toml" "format = 2"
    run -C "$dir" status
    expect_status 0
    expect_equal "$err" "" "no note: this version writes format 2"
}

test_an_atelier_whose_id_cannot_be_printed_leaves_the_format_as_it_was() {
    local dir before
    dir=$(new_bilan)
    session_on "$dir" 2026-03-03 >/dev/null
    before=$(cat "$dir/bilan.toml")
    held -C "$dir" session add --date 2026-03-04 --phase investigation --duration 1h \
        --kind atelier >&- 2>"$TMP_ROOT/.err"
    status=$? err=$(cat "$TMP_ROOT/.err")
    expect_status 3 "stdout closed"
    expect_err_one_line
    expect_equal "$(cat "$dir/bilan.toml")" "$before" "bilan.toml as it was"
    expect_equal "$(ls "$dir/sessions" | wc -l)" 1 "the atelier is removed again"
}

test_a_newer_folder_refuses_attest() {
    local dir id snap
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03)
    sed -i 's/^format = 1$/format = 99/' "$dir/bilan.toml"
    snap=$(fingerprint "$dir")
    run -C "$dir" session attest "$id" --evidence emargement
    expect_status 1
    expect_err_one_line
    expect_err_contains "ce dossier est au format 99, plus récent que cette version de bilan (format 5) : mettez bilan à jour pour y écrire"
    expect_unchanged "$dir" "$snap"
}

test_a_bad_evidence_table_is_pointed_at() {
    local dir id
    dir=$(new_bilan)
    id=$(session_on "$dir" 2026-03-03)
    printf '\n[[evidence]]\nkind = "photo"\nauteur = "moi"\n' >>"$dir/sessions/$id.toml"
    run -C "$dir" check
    expect_status 1
    expect_doc_contains "sessions/$id.toml:8:8: type de preuve inconnu « photo »"
    expect_doc_contains "sessions/$id.toml:9:1: clé inconnue « auteur »"
    run -C "$dir" session list
    expect_status 1
    expect_err_contains "sessions/$id.toml:8:8: type de preuve inconnu « photo »"
    # A reply's headers belong to a reply by e-mail only.
    printf '\n[[evidence]]\nkind = "emargement"\nfrom = "moi"\n' >"$dir/x" &&
        sed -i '/^\[\[evidence\]\]/,$d' "$dir/sessions/$id.toml" && cat "$dir/x" >>"$dir/sessions/$id.toml"
    run -C "$dir" check
    expect_status 1
    expect_doc_contains "« from » ne va qu'avec kind = \"email\""
}

test_help() {
    run session attest --help
    expect_status 0
    expect_doc_contains "--evidence"
    expect_doc_contains "--ref"
}

# A missing proof is worth a warning, not a failed check: the bilan is valid, and a script
# that gates on `check` (wave 1) keeps passing on a complete folder.
test_unproved_sessions_leave_check_green() {
    local dir id
    dir=$(copy_example)
    export BILAN_TODAY=2026-05-04 # the example's end: every session of it is held
    run -C "$dir" check
    expect_status 0
    id=$(held -C "$dir" session add --date 2026-04-20 --phase investigation --duration 20min)
    run -C "$dir" check
    expect_status 0
    expect_out ""
    expect_err_contains "($id) sans preuve de présence"
    run -C "$dir" check --json
    expect_status 0
    expect_out_lacks "preuve"
}

run_tests
