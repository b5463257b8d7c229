#!/usr/bin/env bash
# bilan regles: every rule with a figure, its source and how sure it is, one table per
# jurisdiction; the man page's list (RULES) names the same keys.
. "$(dirname "$0")/lib.sh" "$@"
unset BILAN_PRACTICE

MAN=$SOURCE_DIR/man/bilan.1

# The keys `bilan regles --json` prints, one a line, in order.
json_keys() { printf '%s\n' "$out" | grep -o '"key": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/'; }
# The keys the man page's RULES section lists under `.Ss JURISDICTION`.
man_keys() {
    awk -v j="$1" '/^\.Sh /{on = ($2 == "RULES")} on && /^\.Ss /{ss = $2}
        on && ss == j && /^\.It Li /{print $3}' "$MAN"
}

test_the_man_page_lists_the_keys_of_each_table() {
    local j
    for j in fr be; do
        run regles --juridiction "$j" --json
        expect_status 0 "regles $j"
        [ -n "$(json_keys)" ] && ok || fail "no rule for $j"
        expect_equal "$(json_keys)" "$(man_keys "$j")" "keys of $j: regles vs man page"
    done
}

test_every_rule_has_a_source_and_a_confidence() {
    run regles --json
    expect_status 0
    expect_out_contains '"schema": 1'
    expect_out_contains '"jurisdiction": "fr"'
    local rules sources confidences
    rules=$(printf '%s\n' "$out" | grep -c '"key":')
    sources=$(printf '%s\n' "$out" | grep -c '"source": "[^"]')
    confidences=$(printf '%s\n' "$out" | grep -cE '"confidence": "(sûr|à vérifier)"')
    expect_equal "$sources $confidences" "$rules $rules" "source and confidence on each rule"
    # The figures check applies, with their dates.
    expect_out_contains '"key": "plancher-debut"'
    expect_out_contains 'bilans commencés à partir du 2026-02-26'
    expect_out_contains '103,20 €'
    expect_out_contains 'L6323-7'
}

test_the_markdown_table() {
    run regles
    expect_status 0
    expect_out_contains "| Règle | Valeur | Source | Confiance |"
    expect_out_contains '| `plafond` Durée du bilan'
    expect_out_contains "| à vérifier |"
    expect_out_contains "| sûr |"
}

test_the_folder_decides_the_default() {
    local dir
    dir=$(new_bilan --framework be)
    run -C "$dir" regles --json
    expect_status 0
    expect_out_contains '"jurisdiction": "be"'
    expect_out_contains '"key": "rendez-vous"'
    expect_out_lacks 'L63'
    expect_out_lacks 'R63'
    # Reading only: nothing written.
    local before
    before=$(fingerprint "$dir")
    run -C "$dir" regles
    expect_unchanged "$dir" "$before"
    dir=$(new_bilan)
    run -C "$dir" regles --json
    expect_out_contains '"jurisdiction": "fr"'
    # --juridiction wins over the folder.
    run -C "$dir" regles --juridiction be --json
    expect_out_contains '"jurisdiction": "be"'
}

test_an_unknown_jurisdiction_is_a_usage_error() {
    run regles --juridiction ch
    expect_status 2
    expect_err_one_line
    expect_err_contains "juridiction inconnue « ch »"
    expect_out ""
}

run_tests
