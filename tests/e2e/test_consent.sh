#!/usr/bin/env bash
# bilan consent grant|revoke|list: one file per recipient, revocation kept as evidence.
. "$(dirname "$0")/lib.sh" "$@"

test_grant_writes_one_private_file_per_recipient() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" consent grant "France Travail" --date 2026-05-04
    expect_status 0
    expect_out ""
    expect_equal "$(cat "$dir/consents/france-travail.toml")" 'recipient = "France Travail"
date = 2026-05-04
sections = [
    "projet",
    "plan",
]' "default sections: the project and the action plan"
    expect_equal "$(stat -c %a "$dir/consents/france-travail.toml")" 600 "file mode"
    expect_equal "$(stat -c %a "$dir/consents")" 700 "folder mode"
}

test_list_as_text_and_json() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" consent list --json
    expect_status 0
    expect_out_contains '"consents": []'
    "$BILAN" -C "$dir" consent grant "France Travail" --date 04/05/2026 >/dev/null
    "$BILAN" -C "$dir" consent grant "Menuiseries Arnaud" --date today \
        --sections "Compétences, circumstances,plan d'action" >/dev/null
    "$BILAN" -C "$dir" consent revoke "menuiseries arnaud" --date 2026-03-12 >/dev/null
    run -C "$dir" consent list
    expect_status 0
    expect_out "france-travail      France Travail      2026-05-04  projet,plan
menuiseries-arnaud  Menuiseries Arnaud  2026-03-10  circonstances,competences,plan  retiré le 2026-03-12"
    run -C "$dir" consent list --json
    expect_status 0
    expect_out '{
  "schema": 1,
  "consents": [
    {
      "id": "france-travail",
      "recipient": "France Travail",
      "date": "2026-05-04",
      "sections": [
        "projet",
        "plan"
      ],
      "revoked": false,
      "revoked_on": null,
      "history": []
    },
    {
      "id": "menuiseries-arnaud",
      "recipient": "Menuiseries Arnaud",
      "date": "2026-03-10",
      "sections": [
        "circonstances",
        "competences",
        "plan"
      ],
      "revoked": true,
      "revoked_on": "2026-03-12",
      "history": []
    }
  ]
}'
}

test_one_recipient_whatever_the_spelling() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    run -C "$dir" consent grant "france-TRAVAIL" --date 2026-06-01 --sections pistes
    expect_status 0
    expect_equal "$(ls "$dir/consents")" "france-travail.toml" "one file"
    expect_file_contains "$dir/consents/france-travail.toml" 'date = 2026-06-01'
    expect_file_contains "$dir/consents/france-travail.toml" '"pistes"'
    BILAN_TODAY=2026-06-10 run -C "$dir" consent revoke "FRANCE  travail"
    expect_status 0
    expect_file_contains "$dir/consents/france-travail.toml" 'revoked = true'
}

# Greek, Cyrillic and the rest are unit cases (tests/unit/ops/test_consents.cpp,
# core/test_synthesis_rules.cpp); here one script through the command line, and render --for.
test_one_recipient_whatever_the_script() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "Łódź Conseil" --date 2026-05-04 >/dev/null
    run -C "$dir" consent grant "Lodz conseil" --date 2026-06-01
    expect_status 0
    expect_equal "$(ls "$dir/consents" | tr '\n' ' ')" "lodz-conseil.toml " "one file"
    expect_file_contains "$dir/consents/lodz-conseil.toml" 'date = 2026-06-01'
    run -C "$dir" render --for "LODZ CONSEIL"
    expect_status 0
}

test_two_recipients_never_share_a_file() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "Ⅻ Corp" --date 2026-05-04 --sections tout >/dev/null
    run -C "$dir" consent grant "Ⅺ Corp" --date 2026-05-04
    expect_status 0
    expect_equal "$(ls "$dir/consents" | tr '\n' ' ')" "xi-corp.toml xii-corp.toml " "numerals"
    "$BILAN" -C "$dir" consent grant "C++ Conseil" --date 2026-05-04 --sections tout >/dev/null
    run -C "$dir" consent grant "C Conseil" --date 2026-05-04
    expect_status 0
    expect_err_contains "consents/c-conseil.toml est le consentement de « C++ Conseil » : celui de « C Conseil » est écrit dans consents/c-conseil-2.toml"
    expect_file_contains "$dir/consents/c-conseil.toml" 'recipient = "C++ Conseil"'
    expect_file_contains "$dir/consents/c-conseil-2.toml" 'recipient = "C Conseil"'
    run -C "$dir" consent revoke "C Conseil" --date 2026-06-01
    expect_status 0
    expect_file_contains "$dir/consents/c-conseil-2.toml" 'revoked = true'
    if grep -q revoked "$dir/consents/c-conseil.toml"; then fail "C++ Conseil revoked"; else ok; fi
    run -C "$dir" render --for "C Conseil"
    expect_status 1 "the consent of C Conseil is revoked, C++ Conseil's is not its own"
    run -C "$dir" render --for "C++ Conseil"
    expect_status 0
}

test_a_file_named_by_an_earlier_version_is_still_read() {
    local dir
    dir=$(new_bilan)
    mkdir -p "$dir/consents"
    printf 'recipient = "Αθηνά Α.Ε."\ndate = 2026-05-04\n' >"$dir/consents/Αθηνά-ΑΕ.toml"
    run -C "$dir" consent list
    expect_status 0
    expect_out_contains "Αθηνά Α.Ε."
    run -C "$dir" check
    expect_out_lacks "ΑΕ.toml"
    run -C "$dir" consent revoke "ΑΘΗΝΆ ΑΕ" --date 2026-06-01
    expect_status 0
    expect_file_contains "$dir/consents/Αθηνά-ΑΕ.toml" 'revoked = true'
}

# A withdrawal without --date is dated today, and the note says so: never "sans date".
test_revoke_without_a_date_is_dated_today() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-03-04 >/dev/null
    run -C "$dir" consent revoke "France Travail"
    expect_status 0
    expect_file_contains "$dir/consents/france-travail.toml" 'revoked_on = 2026-03-10'
    expect_err_contains "retrait daté d'aujourd'hui (2026-03-10)"
    run -C "$dir" consent list
    expect_out_lacks "sans date"
}

test_revoke_keeps_the_file_as_evidence() {
    local dir before
    dir=$(new_bilan)
    mkdir -m 700 "$dir/consents"
    printf '# Accord signé le 4 mai, scanné dans le dossier papier.\nrecipient = "France Travail"\ndate = 2026-05-04  # en séance\nsections = ["projet"]\n' \
        >"$dir/consents/france-travail.toml"
    before=$(cat "$dir/consents/france-travail.toml")
    run -C "$dir" consent revoke "France Travail" --date 2026-06-01
    expect_status 0
    expect_out ""
    expect_equal "$(cat "$dir/consents/france-travail.toml")" "$before
revoked = true
revoked_on = 2026-06-01" "spliced, the person's lines untouched"
    run -C "$dir" consent list --json
    expect_out_contains '"revoked": true'
    expect_out_contains '"revoked_on": "2026-06-01"'
}

test_revoke_twice_changes_nothing() {
    local dir snapshot
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    "$BILAN" -C "$dir" consent revoke "France Travail" --date 2026-06-01 >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent revoke "France Travail" --date 2026-07-01
    expect_status 0
    expect_err_contains "déjà retiré"
    expect_unchanged "$dir" "$snapshot"
}

test_grant_again_after_a_revoke() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    "$BILAN" -C "$dir" consent revoke "France Travail" --date 2026-06-01 >/dev/null
    run -C "$dir" consent grant "France Travail" --date 2026-07-01
    expect_status 0
    # The root keys (before the first [[history]] table) no longer say revoked.
    if sed '/^\[\[/,$d' "$dir/consents/france-travail.toml" | grep -q revoked; then
        fail "still revoked"
    else ok; fi
    run -C "$dir" consent list
    expect_out_lacks "retiré"
}

test_grant_again_splices_and_keeps_the_evidence() {
    local dir file
    dir=$(new_bilan)
    file=$dir/consents/employeur-rh.toml
    "$BILAN" -C "$dir" consent grant "Employeur RH" --date 2026-05-04 --sections competences >/dev/null
    printf '# Accord signé le 4 mai, scanné dans le dossier papier.\n' | cat - "$file" >"$TMP_ROOT/c"
    sed 's/^date = 2026-05-04$/& # en séance/' "$TMP_ROOT/c" >"$file"
    "$BILAN" -C "$dir" consent revoke "Employeur RH" --date 2026-06-01 >/dev/null
    run -C "$dir" consent grant "employeur-rh" --date 2026-07-01
    expect_status 0
    expect_out ""
    expect_equal "$(cat "$file")" '# Accord signé le 4 mai, scanné dans le dossier papier.
recipient = "Employeur RH"
date = 2026-07-01 # en séance
sections = [
    "projet",
    "plan",
]

[[history]]
date = 2026-05-04
sections = ["competences"]
revoked = true
revoked_on = 2026-06-01' \
        "comments kept, first spelling kept, the revocation moved to a history table"
    run -C "$dir" consent list
    expect_out "employeur-rh  Employeur RH  2026-07-01  projet,plan  (retrait antérieur : 2026-06-01)"
    run -C "$dir" consent list --json
    expect_out_contains '"recipient": "Employeur RH"'
    expect_out_contains '"date": "2026-07-01"'
    expect_out_contains '"revoked": false'
    expect_out_contains '"history": [
        {
          "date": "2026-05-04",
          "sections": [
            "competences"
          ],
          "revoked_on": "2026-06-01",
          "replaced_on": null
        }
      ]'
    run -C "$dir" render --for "Employeur RH"
    expect_status 0 "the new grant is in force"
    # A second cycle appends; a revocation without --date is dated today.
    BILAN_TODAY=2026-07-15 "$BILAN" -C "$dir" consent revoke "Employeur RH" 2>/dev/null
    run -C "$dir" consent grant "EMPLOYEUR rh" --date 2026-08-01 --sections plan
    expect_status 0
    expect_file_contains "$file" 'revoked_on = 2026-06-01

[[history]]
date = 2026-07-01
sections = [
    "projet",
    "plan",
]
revoked = true
revoked_on = 2026-07-15'
    expect_file_contains "$file" 'recipient = "Employeur RH"'
    if grep -q accordé "$file"; then fail "French prose stored"; else ok; fi
    run -C "$dir" consent list
    expect_out_contains "(retraits antérieurs : 2026-06-01, 2026-07-15)"
    run -C "$dir" check --json
    expect_out_lacks "consents/"
}

test_grant_again_while_in_force_touches_only_what_changes() {
    local dir file before
    dir=$(new_bilan)
    mkdir -m 700 "$dir/consents"
    file=$dir/consents/france-travail.toml
    printf '# à renouveler\nrecipient = "France Travail"\ndate = 2026-05-04\nsections = [ "projet", "plan" ] # oral\n' >"$file"
    before=$(cat "$file")
    run -C "$dir" consent grant "France Travail" --date 2026-05-04
    expect_status 0
    expect_equal "$(cat "$file")" "$before" "same date and sections: the file is left as it was"
    run -C "$dir" consent grant "france travail" --date 2026-06-01
    expect_status 0
    expect_equal "$(cat "$file")" "${before/2026-05-04/2026-06-01}

[[history]]
date = 2026-05-04
sections = [
    \"projet\",
    \"plan\",
]
replaced_on = 2026-06-01" \
        "the date spliced, the earlier grant kept as evidence"
}

test_grant_again_before_the_revocation_is_refused() {
    local dir snapshot
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    "$BILAN" -C "$dir" consent revoke "France Travail" --date 2026-06-01 >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent grant "France Travail" --date 2026-05-20
    expect_status 1
    expect_err_one_line
    expect_err_contains "accord du 2026-05-20 refusé : le consentement pour « France Travail » a été retiré le 2026-06-01"
    expect_unchanged "$dir" "$snapshot"
}

# A grant that a newer one replaced was never withdrawn: the refusal says "remplacé".
test_grant_again_before_a_replacement_says_replaced() {
    local dir snapshot
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-06-01 --sections pistes >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent grant "France Travail" --date 2026-05-20
    expect_status 1
    expect_err_contains "a été remplacé le 2026-06-01, après cette date"
    expect_err_lacks "retiré"
    expect_unchanged "$dir" "$snapshot"
}

test_revoke_before_the_grant_is_refused() {
    local dir snapshot
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent revoke "France Travail" --date 2026-05-03
    expect_status 1
    expect_err_one_line
    expect_err_contains "retrait du 2026-05-03 refusé : le consentement pour « France Travail » n'a été accordé que le 2026-05-04"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" consent revoke "France Travail" --date 2026-05-04
    expect_status 0 "the same day is fine"
}

test_a_hand_written_revocation_before_the_grant_is_located() {
    local dir
    dir=$(new_bilan)
    mkdir -m 700 "$dir/consents"
    printf 'recipient = "France Travail"\ndate = 2026-05-04\nrevoked = true\nrevoked_on = 2026-05-01\n' \
        >"$dir/consents/france-travail.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "consents/france-travail.toml:4:14: le retrait (2026-05-01) précède l'accord (2026-05-04)"
    printf 'recipient = "A"\ndate = 2026-05-04\nhistory = [\n  "accordé le 2026-01-01 (projet), retiré le 2026-02-01",\n  "accordé hier",\n]\n' \
        >"$dir/consents/a.toml"
    run -C "$dir" consent list
    expect_status 1
    expect_err_contains "consents/a.toml:5:3: historique « accordé hier » : attendu"
}

# A folder written by the previous version keeps its history as lines of French text: they
# are still read, listed and rendered, and the next grant turns them into tables in the same
# write, the person's comments kept.
old_form_consent() {
    mkdir -m 700 "$1/consents"
    printf '%s\n' '# Accord signé en séance, copie au dossier.' 'recipient = "France Travail"' \
        'date = 2026-06-01 # renouvelé' 'sections = ["plan"]' 'history = [' \
        '    "accordé le 2026-03-02 (competences), retiré le 2026-03-10",' \
        '    "accordé le 2026-04-01 (projet, plan), remplacé le 2026-06-01",' \
        ']' '# fin' >"$1/consents/france-travail.toml"
    chmod 600 "$1/consents/france-travail.toml"
}

test_an_old_form_history_is_still_read() {
    local dir snapshot
    dir=$(new_bilan)
    old_form_consent "$dir"
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent list
    expect_status 0
    expect_out "france-travail  France Travail  2026-06-01  plan  (retrait antérieur : 2026-03-10 ; accord antérieur remplacé : 2026-04-01)"
    run -C "$dir" consent list --json
    expect_out_contains '"history": [
        {
          "date": "2026-03-02",
          "sections": [
            "competences"
          ],
          "revoked_on": "2026-03-10",
          "replaced_on": null
        },'
    run -C "$dir" render --for "France Travail"
    expect_status 0
    run -C "$dir" check
    expect_out_lacks "consents/"
    expect_unchanged "$dir" "$snapshot"
}

test_a_grant_converts_an_old_form_history_to_tables() {
    local dir file
    dir=$(new_bilan)
    old_form_consent "$dir"
    file=$dir/consents/france-travail.toml
    run -C "$dir" consent grant "France Travail" --date 2026-06-01 --sections plan
    expect_status 0 "nothing changes"
    expect_file_contains "$file" '"accordé le 2026-03-02 (competences), retiré le 2026-03-10",'
    run -C "$dir" consent grant "France Travail" --date 2026-07-01 --sections projet
    expect_status 0
    expect_equal "$(cat "$file")" '# Accord signé en séance, copie au dossier.
recipient = "France Travail"
date = 2026-07-01 # renouvelé
sections = ["projet"]
# fin

[[history]]
date = 2026-03-02
sections = ["competences"]
revoked = true
revoked_on = 2026-03-10

[[history]]
date = 2026-04-01
sections = [
    "projet",
    "plan",
]
replaced_on = 2026-06-01

[[history]]
date = 2026-06-01
sections = ["plan"]
replaced_on = 2026-07-01' "the old lines become tables, the new one appended, comments kept"
    run -C "$dir" consent list
    expect_out "france-travail  France Travail  2026-07-01  projet  (retrait antérieur : 2026-03-10 ; accords antérieurs remplacés : 2026-04-01, 2026-06-01)"
    run -C "$dir" check
    expect_out_lacks "consents/"
}

test_a_history_mixing_lines_and_tables_is_located() {
    local dir
    dir=$(new_bilan)
    mkdir -m 700 "$dir/consents"
    printf '%s\n' 'recipient = "A"' 'date = 2026-06-01' 'history = [' \
        '  "accordé le 2026-03-02 (projet), retiré le 2026-03-10",' \
        '  { date = 2026-04-01, sections = ["plan"], revoked = true },' ']' \
        >"$dir/consents/a.toml"
    run -C "$dir" consent list
    expect_status 1
    expect_err_one_line
    expect_err_contains "consents/a.toml:5:3: « history » mêle des lignes de texte"
}

test_empty_sections_are_a_usage_error() {
    local dir snapshot
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    # "", "   " and "," alike: unit cases of parse_sections (tests/unit/core/test_synthesis.cpp).
    run -C "$dir" consent grant "France Travail" --date 2026-05-04 --sections ","
    expect_status 2 "--sections ','"
    expect_err_one_line
    expect_err_contains "circonstances, situation, competences, parcours, valeurs, tests, pistes, projet, plan, calendrier ou tout"
    expect_unchanged "$dir" "$snapshot"
}

test_list_sorts_by_folded_recipient() {
    local dir r
    dir=$(new_bilan)
    for r in "France Travail" "autre" "Établissement" "employeur" "Apec"; do
        "$BILAN" -C "$dir" consent grant "$r" --date 2026-05-04 >/dev/null
    done
    run -C "$dir" consent list
    expect_equal "$(printf '%s\n' "$out" | awk '{print $1}' | tr '\n' ' ')" \
        "apec autre employeur etablissement france-travail " "case and accents folded"
    run -C "$dir" consent list --json
    expect_equal "$(printf '%s\n' "$out" | grep '"id"' | tr -d ' ,' | tr '\n' ' ')" \
        '"id":"apec" "id":"autre" "id":"employeur" "id":"etablissement" "id":"france-travail" ' \
        "JSON in the same order"
}

test_revoke_an_unknown_recipient_is_refused() {
    local dir snapshot
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent revoke "Pôle Emploi"
    expect_status 1
    expect_err_one_line
    expect_err_contains "aucun consentement pour « Pôle Emploi »"
    expect_unchanged "$dir" "$snapshot"
}

test_values_that_do_not_parse_write_nothing() {
    local dir snapshot
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent grant "France Travail" --date 2026-05-04 --sections "projet,salaire"
    expect_status 2
    expect_err_one_line
    expect_err_contains "nom de section inconnu « salaire » : attendu circonstances, situation, competences, parcours, valeurs, tests, pistes, projet, plan, calendrier ou tout"
    run -C "$dir" consent grant "France Travail" --date 2026-05-04 --sections " , "
    expect_status 2
    run -C "$dir" consent grant "France Travail" --date 2026-02-30
    expect_status 2
    expect_err_contains "2026-02-30"
    run -C "$dir" consent grant "France Travail"
    expect_status 2 "--date is required"
    run -C "$dir" consent grant "«…»" --date 2026-05-04
    expect_status 2
    expect_err_contains "au moins une lettre ou un chiffre"
    run -C "$dir" consent grant $'France\nTravail' --date 2026-05-04
    expect_status 2
    run -C "$dir" consent revoke "France Travail" --date bientot
    expect_status 2
    run -C "$dir" consent
    expect_status 2
    expect_unchanged "$dir" "$snapshot"
}

test_consent_needs_a_bilan() {
    run -C "$TMP_ROOT" consent grant "France Travail" --date 2026-05-04
    expect_status 1
    expect_err_contains "aucun bilan"
    run -C "$TMP_ROOT" consent list
    expect_status 1
    if [ -e "$TMP_ROOT/consents" ]; then fail "consents/ created"; else ok; fi
}

test_a_broken_consent_file_is_located() {
    local dir
    dir=$(new_bilan)
    mkdir -m 700 "$dir/consents"
    printf 'recipient = "France Travail"\ndate = "hier"\n' >"$dir/consents/france-travail.toml"
    run -C "$dir" consent list
    expect_status 1
    expect_err_contains "consents/france-travail.toml:2:8:"
    run -C "$dir" consent revoke "France Travail"
    expect_status 1
    expect_err_contains "consents/france-travail.toml:2:8:"
    local snapshot
    snapshot=$(fingerprint "$dir")
    run -C "$dir" consent grant "France Travail" --date 2026-05-04
    expect_status 1 "a file it cannot read is never overwritten"
    expect_err_contains "consents/france-travail.toml:2:8:"
    expect_unchanged "$dir" "$snapshot"
}

test_help() {
    run consent grant --help
    expect_status 0
    expect_out_contains "--sections"
}

# Issue 26, item 5: where the written consent is kept. The recipient's version says it was
# given in writing, and when; check warns about a consent in force without a reference.
test_a_consent_names_where_its_written_proof_is_kept() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    "$BILAN" -C "$dir" consent grant "Employeur" --date 2026-05-04 >/dev/null
    "$BILAN" -C "$dir" consent revoke "Employeur" --date 2026-05-05 >/dev/null
    expect_file_contains "$dir/bilan.toml" "format = 1"
    run -C "$dir" check
    expect_err_contains "consentement pour « France Travail » du 2026-05-04 sans référence de l'accord écrit (où est-il gardé ?) : bilan consent grant \"France Travail\" --date 2026-05-04 --ref TEXTE"
    expect_err_lacks "« Employeur »" # revoked: nothing is shared
    run -C "$dir" render --for "France Travail"
    expect_out_contains "avec l'accord de"
    run -C "$dir" consent grant "France Travail" --date 2026-05-04 --ref "scans/accord-ft.pdf"
    expect_status 0
    expect_file_contains "$dir/consents/france-travail.toml" 'ref = "scans/accord-ft.pdf"'
    expect_file_contains "$dir/bilan.toml" "format = 5"
    run -C "$dir" check
    expect_err_lacks "sans référence"
    run -C "$dir" render --for "France Travail"
    expect_out_contains "avec l'accord écrit de"
    expect_out_contains "donné le 4 mai 2026"
    expect_out_lacks "scans/accord-ft.pdf"
    # A new grant replaces the earlier one, whose reference stays in its history.
    run -C "$dir" consent grant "France Travail" --date 2026-05-10 --sections tout
    expect_status 0
    expect_file_contains "$dir/consents/france-travail.toml" 'replaced_on = 2026-05-10
ref = "scans/accord-ft.pdf"'
    run -C "$dir" check
    expect_err_contains "« France Travail » du 2026-05-10 sans référence"
}

run_tests
