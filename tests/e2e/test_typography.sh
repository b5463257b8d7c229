#!/usr/bin/env bash
# French typography in every document (src/core/typography.cpp): hours as "24 h" and
# "16 h 30" with no-break spaces, a no-break space before : ; ! ? and inside « », one
# aside in parentheses, no empty total, domain headings capitalised alike, whom a survey met
# never after "avec". Terminal output keeps its plainer format.
. "$(dirname "$0")/lib.sh" "$@"

NB=$(printf '\xc2\xa0')     # U+00A0 no-break space

# A bilan of the cabinet's framework whose first phase, not counted, already has an aside.
typeset_bilan() {
    local dir framework
    framework=$TMP_ROOT/cadre.toml
    sed 's/^label = "Entretien d.accueil"$/label = "Entretien d'"'"'accueil (phase 0)"/' \
        "$SOURCE_DIR/examples/framework-cabinet.toml" >"$framework"
    dir=$(new_bilan --framework "$framework") || return 1
    "$BILAN" -C "$dir" set counsellor "Hélène Rocher" >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-02 --phase accueil --duration 1 >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase demande --from 09:00 --to 11:30 >/dev/null
    "$BILAN" -C "$dir" skill add "Tableur" --type savoir --domain "numérique" >/dev/null
    "$BILAN" -C "$dir" skill add "Budget" --type savoir --domain "Organisationnel" >/dev/null
    local piste
    piste=$("$BILAN" -C "$dir" piste add "Formatrice")
    "$BILAN" -C "$dir" piste survey "$piste" --date 2026-03-04 --with "Une chargée de mission" \
        --note "Très utile ; à revoir !" >/dev/null
    printf '%s\n' "$dir"
}

test_the_synthesis_is_typeset_in_french() {
    local dir
    dir=$(typeset_bilan)
    run -C "$dir" render
    expect_status 0
    expect_out_contains "| Analyse de la demande | 1 | 2${NB}h${NB}30 | 2${NB}h |"
    expect_out_contains "Temps compté dans le bilan${NB}: 2${NB}h${NB}30"
    expect_out_contains "Hors bilan${NB}: 1${NB}h — Entretien d'accueil (phase 0)."
    expect_out_contains "| Entretien d'accueil (phase 0, hors bilan) | 1 |"
    expect_out_lacks ") ("
    expect_out_lacks "de travail personnel" # none was done: no "0 h de travail personnel"
    expect_out_contains "**Bénéficiaire${NB}:** Test Bénéficiaire"
    expect_out_contains "#### Numérique"
    expect_out_contains "#### Organisationnel"
    expect_out_contains "**4 mars 2026** — Une chargée de mission${NB}: Très utile${NB}; à revoir${NB}!"
    expect_out_lacks "avec Une"
    expect_out_lacks "’" # bilan's own apostrophe is the straight one
    # (the framework's own label, on the Cadre line, is its text)
    if printf '%s\n' "$out" | grep -v Cadre | grep -qE '[0-9]h|[0-9] h'; then
        fail "an hour without its no-break space: $(printf '%s\n' "$out" | grep -v Cadre | grep -E '[0-9]h|[0-9] h' | head -1)"
    else ok; fi
    if printf '%s\n' "$out" | grep -q ' [:;!?]\( \|$\)'; then
        fail "a plain space before high punctuation: $(printf '%s\n' "$out" | grep ' [:;!?]\( \|$\)' | head -1)"
    else ok; fi
}

test_the_sheet_and_the_certificate_are_typeset_alike() {
    local dir
    dir=$(typeset_bilan)
    run -C "$dir" emargement
    expect_status 0
    expect_out_contains "| 9${NB}h${NB}00 – 11${NB}h${NB}30 | 2${NB}h${NB}30 |"
    expect_out_contains "Entretien d'accueil (phase 0, hors durée du bilan)"
    expect_out_lacks ") ("
    expect_out_contains "**Bénéficiaire${NB}:**"
    run -C "$dir" certificat --date 2026-05-06
    expect_status 0
    expect_out_contains "**2${NB}h${NB}30**"
    if printf '%s\n' "$out" | grep -q ' [:;!?]\( \|$\)'; then
        fail "a plain space before high punctuation: $(printf '%s\n' "$out" | grep ' [:;!?]\( \|$\)' | head -1)"
    else ok; fi
}

# Elision before a name, in the documents and the messages: "d'Amélie", "qu'Yves", "d'Hélène"
# (bilan elides before every h); "de Claire" stays.
test_names_are_elided_where_french_requires() {
    local dir
    dir=$(new_bilan --funding employeur)
    "$BILAN" -C "$dir" set beneficiary "Amélie Roux" >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-02 --phase preliminaire --from 09:00 --to 12:00 >/dev/null
    "$BILAN" -C "$dir" convention set --employer "Menuiseries Arnaud" >/dev/null 2>&1
    run -C "$dir" render
    expect_doc_contains "les compétences et aptitudes d'Amélie Roux au regard"
    run -C "$dir" render --for "Menuiseries Arnaud"
    expect_status 1
    expect_err_contains "aucun consentement d'Amélie Roux pour « Menuiseries Arnaud »"
    "$BILAN" -C "$dir" consent grant "Menuiseries Arnaud" --date 2026-03-03 --sections projet >/dev/null
    run -C "$dir" render --for "Menuiseries Arnaud"
    expect_doc_contains "avec l'accord d'Amélie Roux, donné le 3 mars 2026. Elle ne contient que les parties qu'Amélie Roux a accepté de partager"
    "$BILAN" -C "$dir" consent revoke "Menuiseries Arnaud" --date 2026-03-04 >/dev/null
    run -C "$dir" render --for "Menuiseries Arnaud"
    expect_err_contains "le consentement d'Amélie Roux pour « Menuiseries Arnaud » a été retiré"
    run -C "$dir" certificat --date 2026-03-05
    expect_doc_contains "atteste qu'**Amélie Roux**, salarié(e) de l'entreprise **Menuiseries Arnaud**, a suivi"
    "$BILAN" -C "$dir" set beneficiary "Yves Hérault" >/dev/null
    run -C "$dir" certificat --date 2026-03-05
    expect_doc_contains "atteste qu'**Yves Hérault**"
    "$BILAN" -C "$dir" set beneficiary "Hélène Blanc" >/dev/null
    run -C "$dir" render
    expect_doc_contains "aptitudes d'Hélène Blanc au regard"
    "$BILAN" -C "$dir" set beneficiary "Claire Martin" >/dev/null
    run -C "$dir" certificat --date 2026-03-05
    expect_doc_contains "atteste que **Claire Martin**"
}

test_terminal_output_keeps_its_format() {
    local dir
    dir=$(typeset_bilan)
    run -C "$dir" status
    expect_status 0
    expect_out_contains "2h30"
}

run_tests
