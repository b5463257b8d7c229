#!/usr/bin/env bash
# The practice's registers (Qualiopi 31, 32): reclamation and amelioration add|close|list, kept
# in the practice folder, refusals that write nothing, a person's comment kept by close, and
# what report and due say of them.
. "$(dirname "$0")/lib.sh" "$@"
unset BILAN_PRACTICE

# A new practice folder under $TMP_ROOT; prints its path.
new_practice() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/p.XXXXXX")
    rmdir "$dir"
    "$BILAN" practice init "$dir" --name "Cabinet Test" >/dev/null || return 1
    printf '%s\n' "$dir"
}

complaint() { # DIR: adds one, sets $out to its id
    run -C "$1" reclamation add "Délai de remise" --date 2026-03-02 --de "M. Martin" --canal email
}

test_reclamation_add_writes_one_private_file_in_the_practice_folder() {
    local p
    p=$(new_practice)
    complaint "$p"
    expect_status 0
    local id=$out
    [[ $id =~ ^[0-9a-f]{8}$ ]] && ok || fail "id: $id"
    expect_equal "$(stat -c %a "$p/reclamations")" 700 "folder mode"
    expect_equal "$(stat -c %a "$p/reclamations/$id.toml")" 600 "file mode"
    expect_file_contains "$p/reclamations/$id.toml" 'subject = "Délai de remise"'
    expect_file_contains "$p/reclamations/$id.toml" 'channel = "email"'
}

test_reclamation_from_a_bilan_below_goes_to_the_practice() {
    local p
    p=$(new_practice)
    "$BILAN" init "$p/claire" --beneficiary "Claire Martin" --start 2026-03-02 >/dev/null
    run -C "$p/claire" reclamation add "Accueil" --date 2026-03-03 --de Claire --canal oral
    expect_status 0
    [ -f "$p/reclamations/$out.toml" ] && ok || fail "not in the practice folder"
    [ ! -e "$p/claire/reclamations" ] && ok || fail "written in the bilan"
    run -C "$p/claire" check
    expect_out_lacks reclamations
    expect_err_lacks reclamations
}

test_reclamation_list_text_json_and_open_only() {
    local p id
    p=$(new_practice)
    complaint "$p"
    id=$out
    run -C "$p" reclamation add "Salle" --date 2026-03-01 --de "Mme L" --canal courrier
    run -C "$p" reclamation close "${id:0:4}" --date 2026-03-09 --reponse "Synthèse remise"
    expect_status 0
    run -C "$p" reclamation list
    expect_status 0
    expect_out_contains "close le 2026-03-09"
    expect_out_contains "ouverte"
    run -C "$p" reclamation list --ouvertes
    expect_out_lacks "$id"
    expect_out_contains "Salle"
    run -C "$p" reclamation list --json
    expect_out_contains '"answer": "Synthèse remise"'
    expect_out_contains '"closed": "2026-03-09"'
    expect_out_contains '"closed": null'
}

test_close_keeps_a_comment_a_person_wrote() {
    local p id
    p=$(new_practice)
    complaint "$p"
    id=$out
    printf '# rappelée le 4 mars, très mécontente\n' >>"$p/reclamations/$id.toml"
    run -C "$p" reclamation close "$id" --date 2026-03-09 --reponse "Excuses"
    expect_status 0
    expect_file_contains "$p/reclamations/$id.toml" "# rappelée le 4 mars, très mécontente"
    expect_file_contains "$p/reclamations/$id.toml" 'answer = "Excuses"'
    expect_file_contains "$p/reclamations/$id.toml" "closed = 2026-03-09"
}

test_refusals_write_nothing() {
    local p id before
    p=$(new_practice)
    complaint "$p"
    id=$out
    before=$(fingerprint "$p")
    run -C "$p" reclamation add "X" --date 2026-03-02 --de M --canal fax
    expect_status 2
    expect_err_one_line
    run -C "$p" reclamation add "" --date 2026-03-02 --de M --canal email
    expect_status 2
    run -C "$p" reclamation add "X" --date 2026-04-02 --de M --canal email
    expect_status 1
    expect_err_one_line
    run -C "$p" reclamation close "$id" --date 2026-03-11 --reponse "Trop tôt"
    expect_status 1
    expect_err_contains "après aujourd'hui"
    run -C "$p" reclamation close "$id" --date 2026-03-01 --reponse "Avant"
    expect_status 1
    run -C "$p" reclamation close ffffffff --date 2026-03-09 --reponse "Personne"
    expect_status 1
    run -C "$p" amelioration add "Y" --date 2026-03-02 --source audt --responsable H
    expect_status 2
    expect_err_contains "audit"
    run -C "$p" amelioration add "Y" --date 2026-03-05 --source audit --responsable H --echeance 2026-03-01
    expect_status 1
    expect_unchanged "$p" "$before"
    run -C "$p" reclamation close "$id" --date 2026-03-09 --reponse "Oui"
    before=$(fingerprint "$p")
    run -C "$p" reclamation close "$id" --date 2026-03-10 --reponse "Encore"
    expect_status 1
    expect_err_one_line
    expect_unchanged "$p" "$before"
}

test_without_a_practice_nothing_is_written() {
    local d
    d=$(mktemp -d "$TMP_ROOT/np.XXXXXX")
    run -C "$d" reclamation add "X" --date 2026-03-02 --de M --canal email
    expect_status 1
    [ -z "$(ls -A "$d")" ] && ok || fail "wrote in $d"
}

test_amelioration_add_close_list() {
    local p id
    p=$(new_practice)
    run -C "$p" amelioration add "Remettre sous 8 jours" --date 2026-03-03 --source reclamation \
        --ref abcd1234 --responsable "H. Moreau" --echeance 2026-03-31
    expect_status 0
    id=$out
    expect_equal "$(stat -c %a "$p/ameliorations/$id.toml")" 600 "file mode"
    run -C "$p" amelioration list --json
    expect_out_contains '"source": "reclamation"'
    expect_out_contains '"due": "2026-03-31"'
    expect_out_contains '"done": null'
    run -C "$p" amelioration close "$id" --date 2026-03-11
    expect_status 1
    run -C "$p" amelioration close "$id" --date 2026-03-08
    expect_status 0
    expect_file_contains "$p/ameliorations/$id.toml" "done = 2026-03-08"
    run -C "$p" amelioration list --ouvertes
    expect_out_lacks "$id"
}

test_a_bilan_folder_does_not_read_registers() {
    local p
    p=$(new_practice)
    "$BILAN" init "$p/claire" --beneficiary "Claire Martin" --start 2026-03-02 >/dev/null
    complaint "$p"
    run -C "$p/claire" status
    expect_status 0
    run -C "$p/claire" check
    expect_out_lacks reclamations
    expect_err_lacks reclamations
}

# A practice with two complaints (one closed after 7 days), two improvements (one overdue, one
# done) and one bilan.
registers_practice() {
    local p c a
    p=$(new_practice)
    "$BILAN" init "$p/claire" --beneficiary "Claire Martin" --start 2026-03-02 >/dev/null
    c=$("$BILAN" -C "$p" reclamation add "Délai" --date 2026-03-01 --de A --canal email)
    "$BILAN" -C "$p" reclamation close "$c" --date 2026-03-08 --reponse "Fait" || return 1
    "$BILAN" -C "$p" reclamation add "Salle" --date 2026-03-05 --de B --canal oral >/dev/null
    "$BILAN" -C "$p" amelioration add "Relire les conventions" --date 2026-03-02 \
        --source audit --responsable H --echeance 2026-03-06 >/dev/null
    a=$("$BILAN" -C "$p" amelioration add "Nouvelle salle" --date 2026-03-05 --source reclamation \
        --ref "$c" --responsable H --echeance 2026-04-30)
    "$BILAN" -C "$p" amelioration close "$a" --date 2026-03-09 || return 1
    printf '%s\n' "$p"
}

test_report_counts_the_registers() {
    local p
    p=$(registers_practice)
    run -C "$p" report --json
    expect_out_contains '"complaints_received": 2'
    expect_out_contains '"complaints_closed": 1'
    expect_out_contains '"complaints_open": 1'
    expect_out_contains '"complaints_days_to_close_mean": 7'
    expect_out_contains '"complaints_days_to_close_max": 7'
    expect_out_contains '"improvements_opened": 2'
    expect_out_contains '"improvements_done": 1'
    expect_out_contains '"improvements_open": 1'
    expect_out_contains '"improvements_overdue": 1'
    run -C "$p/claire" report --csv
    expect_out_contains "registers.complaints_open,1"
    run -C "$p" report
    expect_out_contains "Registres du cabinet"
    expect_out_contains "| Réclamations reçues | 2 |"
}

test_report_without_registers_has_no_registers_key() {
    local p
    p=$(new_practice)
    "$BILAN" init "$p/claire" --beneficiary "Claire Martin" --start 2026-03-02 >/dev/null
    run -C "$p" report --json
    expect_out_lacks '"registers"'
}

test_due_lists_the_open_improvement() {
    local p
    p=$(registers_practice)
    run -C "$p/claire" due --json
    expect_out_contains '"what": "amelioration"'
    expect_out_contains '"date": "2026-03-06"'
    expect_out_contains '"detail": "Relire les conventions"'
    expect_out_lacks "Nouvelle salle"
    run_in "$p" due
    expect_out_contains "2026-03-06  en retard  Cabinet (.) : action d'amélioration : Relire les conventions"
}

test_a_register_file_that_does_not_read_is_a_problem_not_a_wrong_count() {
    local p
    p=$(registers_practice)
    printf 'date = 2026-03-01\nfrom = "X"\n' >"$p/reclamations/0000abcd.toml"
    run -C "$p" report --json
    expect_status 1
    expect_out_lacks '"complaints_received"'
    expect_out_contains "0000abcd.toml"
}

test_many_writers_at_once_lose_no_entry() {
    local p i ok_count=0 files
    p=$(new_practice)
    for i in $(seq 1 12); do
        BILAN_ID_SEED= BILAN_LOCK_WAIT=20 "$BILAN" -C "$p" reclamation add "R$i" --date 2026-03-02 \
            --de "P$i" --canal email >"$TMP_ROOT/w$i.out" 2>&1 &
    done
    wait
    for i in $(seq 1 12); do
        [[ $(<"$TMP_ROOT/w$i.out") =~ ^[0-9a-f]{8}$ ]] && ok_count=$((ok_count + 1))
    done
    files=$(find "$p/reclamations" -name '*.toml' | wc -l)
    expect_equal "$files" "$ok_count" "entries written vs adds that succeeded"
    run -C "$p" reclamation list
    expect_status 0
}

test_a_temp_file_left_by_a_crash_is_not_an_entry() {
    local p
    p=$(new_practice)
    complaint "$p"
    printf 'date = 2026-03-0' >"$p/reclamations/.$out.toml.tmp-99999"
    run -C "$p" reclamation list
    expect_status 0
    expect_out_contains "Délai de remise"
}

test_a_document_never_replaces_an_entry() {
    local p before
    p=$(new_practice)
    "$BILAN" init "$p/claire" --beneficiary "Claire Martin" --start 2026-03-02 >/dev/null
    complaint "$p"
    before=$(fingerprint "$p/reclamations")
    run_in "$p/claire" render -o "../reclamations/$out.toml"
    expect_status 1
    expect_unchanged "$p/reclamations" "$before"
}

run_tests
