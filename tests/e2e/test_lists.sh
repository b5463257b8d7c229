#!/usr/bin/env bash
# What list commands and status print for people: aligned columns, French labels and number
# agreement, no space at the end of a line, and one line saying so when a list is empty on a
# terminal (scripts, reading a pipe, still get nothing).
. "$(dirname "$0")/lib.sh" "$@"
export LC_ALL=C.UTF-8 # ${#text} counts characters, as a terminal shows them

# The column (in characters) where TEXT starts on the line of OUT that holds it.
column_of() {
    local line
    line=$(grep -F -- "$1" <<<"$out" | head -1)
    [ -n "$line" ] || { echo "absent"; return; }
    line=${line%%"$1"*}
    echo "${#line}"
}

# Runs bilan with stdout on a pseudo-terminal; sets $out (without the terminal's \r).
run_on_tty() {
    local command
    command=$(printf '%q ' "$BILAN" "$@")
    out=$(script -qec "$command" /dev/null </dev/null | tr -d '\r')
}

no_trailing_space() { # WHAT
    if grep -q '[[:blank:]]$' <<<"$out"; then fail "$1: a line ends with a space"; else ok; fi
}

test_empty_lists_say_so_on_a_terminal_only() {
    if ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
        skip "no pseudo-terminal here"
        return
    fi
    local dir line cmd message
    dir=$(new_bilan)
    while IFS='|' read -r cmd message; do
        # shellcheck disable=SC2086 # the command's words
        run_on_tty -C "$dir" $cmd
        expect_equal "$out" "$message" "$cmd on a terminal"
        # shellcheck disable=SC2086
        run -C "$dir" $cmd
        expect_status 0
        expect_out ""
    done <<'LIST'
skill list|Aucune compétence.
skill list --type savoir|Aucune compétence de ce type.
session list|Aucune séance.
session list --phase conclusion|Aucune séance dans cette phase.
trait list|Aucune caractéristique personnelle.
test list|Aucun test.
piste list|Aucune piste.
action list|Aucune action.
experience list|Aucune expérience.
consent list|Aucun consentement.
LIST
    run_on_tty -C "$dir" skill list --json
    expect_out_contains '"skills": []'
    expect_out_lacks "Aucune"
    "$BILAN" -C "$dir" skill add "Comptabilité" --type savoir >/dev/null
    run_on_tty -C "$dir" skill list
    expect_out_contains "Comptabilité"
    expect_out_lacks "Aucune"
}

test_session_list_columns_and_phase_labels() {
    local dir
    dir=$(copy_example)
    run -C "$dir" session list
    expect_status 0
    no_trailing_space "session list"
    # A plain row, one with from–to, one at a distance: the note starts in the same column.
    local plain timed remote
    plain=$(column_of "Présentation de la démarche")
    timed=$(column_of "Passation de l'inventaire")
    remote=$(column_of "Valeurs, sens du travail")
    expect_equal "$timed" "$plain" "note after a from–to time"
    expect_equal "$remote" "$plain" "note after « à distance »"
    expect_out_contains "Phase d'investigation"
    expect_out_contains "Entretien préalable"
    expect_out_lacks "  investigation  "
    expect_out_lacks "  prealable  "
}

test_piste_list_columns_and_agreement() {
    local dir id
    dir=$(copy_example)
    id=$("$BILAN" -C "$dir" piste add "Sans évaluation")
    "$BILAN" -C "$dir" piste survey "$id" --date 2026-04-01 --with "A" >/dev/null
    "$BILAN" -C "$dir" piste survey "$id" --date 2026-04-02 --with "B" >/dev/null
    run -C "$dir" piste list
    expect_status 0
    no_trailing_space "piste list"
    expect_out_contains "envie –  "
    expect_out_contains "0 enquête "
    expect_out_contains "1 enquête "
    expect_out_contains "2 enquêtes"
    expect_out_lacks "(s)"
    local line before columns=""
    while IFS= read -r line; do
        before=${line%%faisabilit*}
        columns="$columns${#before} "
    done <<<"$out"
    expect_equal "$(tr ' ' '\n' <<<"$columns" | sort -u | grep -c .)" 1 "faisabilité in one column"
    expect_equal "$(column_of "Sans évaluation")" "$(column_of "Formatrice d'adultes")" "titles"
}

test_labels_are_french_and_types_in_document_order() {
    local dir
    dir=$(copy_example)
    run -C "$dir" trait list
    no_trailing_space "trait list"
    expect_out_contains "  intérêt  "
    expect_out_contains "  critère  "
    expect_out_contains "  personnalité  "
    expect_out_lacks "interet"
    expect_out_lacks "critere"
    expect_out_lacks "personnalite"
    run -C "$dir" skill list
    no_trailing_space "skill list"
    expect_equal "$(awk '{ print $2 }' <<<"$out" | uniq | tr '\n' ' ')" \
        "savoir savoir-faire savoir-être " "types in the document's order, singular"
    run -C "$dir" skill list --json
    expect_equal "$(sed -n 's/.*"type": "\(.*\)".*/\1/p' <<<"$out" | uniq | tr '\n' ' ')" \
        "savoir savoir-faire savoir-etre " "JSON in the same order"
    local cmd
    for cmd in "experience list" "test list" "action list"; do
        # shellcheck disable=SC2086
        run -C "$dir" $cmd
        no_trailing_space "$cmd"
    done
}

test_status_lines_are_clean() {
    local dir
    dir=$(copy_example)
    run -C "$dir" status
    expect_status 0
    no_trailing_space "status"
    expect_out_contains $'\nEntretien de suivi prévu vers le 4 novembre 2026\n'
    expect_out_contains $'\nTravail personnel (enquêtes, travail)    3h30\n'
}

run_tests
