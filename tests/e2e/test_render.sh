#!/usr/bin/env bash
# bilan render: the document de synthèse in Markdown, shared only with consent, its structure
# proved by a real Markdown engine (cmark; pandoc too when installed), and check's
# synthesis-completeness rules.
. "$(dirname "$0")/lib.sh" "$@"

# Writes a record file by hand (the substance commands are another feature): DIR COLL ID TOML
record() {
    mkdir -p -m 700 "$1/$2"
    printf '%s\n' "$4" >"$1/$2/$3.toml"
}
# A TOML multi-line literal string: the text exactly as typed, no escape.
lit() { printf "'''%s'''" "$1"; }

# A bilan with something in every part of the synthesis.
build_complete_bilan() {
    local dir id
    dir=$(new_bilan --demand "Donner plus de sens à son travail" --funding cpf \
        --counsellor "Hélène Rocher" --organisation "Cabinet Horizons") || return 1
    "$BILAN" -C "$dir" set end 2026-05-04 >/dev/null
    id=$("$BILAN" -C "$dir" session add --date 2026-03-02 --phase preliminaire --duration 3h)
    "$BILAN" -C "$dir" session attest "$id" --evidence emargement # proof of service: check is clean
    id=$("$BILAN" -C "$dir" session add --date 2026-03-09 --phase investigation --duration 10h)
    "$BILAN" -C "$dir" session attest "$id" --evidence emargement
    # A CPF file declared on time: an undeclared one past due is a problem of check.
    "$BILAN" -C "$dir" edof set --entry-declared 2026-03-03 --exit-declared 2026-03-10 >/dev/null
    record "$dir" experiences 000000e1 'title = "Comptable"
kind = "poste"
org = "Fiduciaire Lemoine"
from = 2004-09-01'
    record "$dir" skills 000000c1 'text = "Comptabilité générale"
type = "savoir"
domain = "technique"
experience = "000000e1"
transferable = true'
    record "$dir" skills 000000c2 'text = "Tenir un budget"
type = "savoir-faire"'
    record "$dir" skills 000000c3 'text = "Rigoureuse"
type = "savoir-etre"'
    record "$dir" pistes 000000f1 'title = "Formatrice d'"'"'adultes"
decision = "retained"'
    record "$dir" pistes 000000f2 'title = "Responsable administrative"
decision = "backup"'
    record "$dir" actions 000000a1 'text = "Déposer le dossier"
horizon = "court"
due = 2026-06-15'
    printf 'title = "Devenir formatrice"\n' >"$dir/project.toml"
    printf '%s\n' "$dir"
}

complete_bilan() { fixture "complete_bilan $*" build_complete_bilan "$@"; }

H_INLINE='*gras* _it_ `code` | pipe [lien](http://x) ![img](y.png) <b>b</b> &amp; \échappé ~~barré~~ $x$ @cite {#id} ^sup^'
H_HTML='<script>alert(1)</script>'
H_MULTI='première ligne
---
# deuxième
    code indenté
```
+ plus
2) deux
| a | b |
|---|---|
[ref]: http://x
<!-- commentaire -->
===
: définition
(a) lettre'

# A bilan where every text a person can type tries to change the document's structure.
hostile_bilan() {
    local dir
    dir=$(new_bilan) || return 1
    "$BILAN" -C "$dir" set beneficiary "$H_INLINE" >/dev/null
    "$BILAN" -C "$dir" set counsellor "$H_INLINE" >/dev/null # the author, in the metadata
    "$BILAN" -C "$dir" set demand "$H_MULTI" >/dev/null
    "$BILAN" -C "$dir" set expectations "$H_HTML" >/dev/null
    "$BILAN" -C "$dir" set situation "# Titre injecté" >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h \
        --note "1. liste ordonnée" >/dev/null
    record "$dir" experiences 000000e1 "title = $(lit "$H_INLINE")
kind = \"poste\"
org = $(lit "$H_HTML")
note = $(lit "$H_MULTI")"
    record "$dir" skills 000000c1 "text = '# Titre injecté'
type = \"savoir\"
domain = $(lit "$H_INLINE")
source = $(lit "$H_HTML")
evidence = $(lit "$H_INLINE")"
    record "$dir" skills 000000c2 "text = '- tiret'
type = \"savoir-faire\"
domain = $(lit "$H_INLINE")
experience = \"000000e1\""
    record "$dir" skills 000000c3 "text = '> citation'
type = \"savoir-etre\"
domain = $(lit "$H_INLINE")
transferable = true"
    record "$dir" traits 000000d1 "text = '1. liste ordonnée'
kind = \"valeur\"
note = $(lit "$H_MULTI")"
    record "$dir" tests 000000b1 "instrument = '# Titre injecté'
date = 2026-03-16
result = $(lit "$H_INLINE")"
    record "$dir" pistes 000000f1 "title = '# Titre injecté'
for = [$(lit "$H_MULTI")]
against = ['- tiret']
decision = \"retained\"
why = '> citation'

[[surveys]]
date = 2026-04-09
with = $(lit "$H_INLINE")
note = $(lit "$H_MULTI")"
    printf '%s\n' "title = $(lit "$H_MULTI")" "training = $(lit "$H_INLINE")" \
        "strength = ['# Titre injecté']" "watch = ['1. liste ordonnée']" >"$dir/project.toml"
    record "$dir" actions 000000a1 "text = $(lit "$H_MULTI")
horizon = \"court\""
    printf '%s\n' "$dir"
}

# cmark reads CommonMark, which has no metadata block: leave pandoc's out.
body() { awk 'NR == 1 && /^---$/ { meta = 1; next } meta && /^---$/ { meta = 0; next } !meta'; }
# "LEVEL TEXT" for each heading of cmark's XML.
headings() {
    awk '/<heading level=/ { match($0, /[0-9]/); level = substr($0, RSTART, 1); text = ""; on = 1; next }
         on && /<\/heading>/ { print level " " text; on = 0; next }
         on { line = $0; sub(/^ *<text xml:space="preserve">/, "", line); sub(/<\/text>$/, "", line); text = text line }'
}
count() { grep -c -- "$1" <<<"$xml"; }
xml_escaped() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$1"; }

test_the_full_document() {
    local dir snapshot
    dir=$(complete_bilan)
    snapshot=$(fingerprint "$dir")
    chmod -R a-w "$dir"
    run -C "$dir" render
    chmod -R u+w "$dir"
    expect_status 0
    expect_unchanged "$dir" "$snapshot"
    expect_equal "$(printf '%s\n' "$out" | grep '^## ')" "## Circonstances du bilan
## Compétences et aptitudes
## Pistes explorées
## Projet professionnel
## Plan d'action" "level-2 headings in order"
    expect_equal "$(printf '%s\n' "$out" | sed -n '1,12p' | plain_spaces)" "---
title: 'Bilan de compétences : document de synthèse'
author:
- 'Hélène Rocher'
- 'Cabinet Horizons'
subject: 'Test Bénéficiaire'
beneficiary: 'Test Bénéficiaire'
provider: 'Cabinet Horizons'
counsellor: 'Hélène Rocher'
date: '4 mai 2026'
lang: fr
---" "metadata block"
    expect_doc_contains "article L6313-4 du Code du travail"
    expect_doc_contains "secret professionnel"
    expect_doc_contains "**Demande initiale :** Donner plus de sens à son travail"
    expect_doc_contains "- Comptabilité générale **(transférable)** — source : Comptable, Fiduciaire Lemoine"
    expect_doc_contains "### Plan B

- **Responsable administrative**"
    expect_doc_contains "- Déposer le dossier — échéance : 15 juin 2026"
    expect_doc_contains "Un entretien de suivi est prévu vers le 4 novembre 2026"
}

test_output_file_is_atomic_private_and_quiet() {
    local dir expected
    dir=$(complete_bilan)
    expected=$("$BILAN" -C "$dir" render)
    printf 'ancien contenu\n' >"$TMP_ROOT/synthese.md"
    chmod 644 "$TMP_ROOT/synthese.md"
    run -C "$dir" render -o "$TMP_ROOT/synthese.md"
    expect_status 0
    expect_out ""
    expect_equal "$(cat "$TMP_ROOT/synthese.md")" "$expected" "same bytes as stdout"
    expect_equal "$(stat -c %a "$TMP_ROOT/synthese.md")" 600 "mode"
    expect_equal "$(find "$TMP_ROOT" -maxdepth 1 -name '*.tmp*' | wc -l)" 0 "no temp file left"
    run -C "$dir" render -o "$TMP_ROOT/no-such-dir/synthese.md"
    expect_status 3
    expect_out ""
    expect_err_one_line
}

test_same_bytes_on_any_machine() {
    local dir a b c
    dir=$(complete_bilan)
    a=$("$BILAN" -C "$dir" render | sha256sum)
    b=$(LC_ALL=C TZ=Pacific/Kiritimati BILAN_TODAY=2031-01-01 "$BILAN" -C "$dir" render | sha256sum)
    c=$(cd "$dir" && LANG=fr_FR.UTF-8 TZ=America/Adak "$BILAN" render | sha256sum)
    expect_equal "$b" "$a" "locale, time zone, today"
    expect_equal "$c" "$a" "from inside the folder"
}

test_no_date_unless_the_folder_states_one() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" render
    expect_status 0
    expect_out_lacks "date:"
    expect_out_lacks "10 mars 2026"
    expect_doc_contains "Aucune compétence n'a encore été consignée."
    expect_doc_contains "Aucune action n'a encore été planifiée."
    # Sub-sections without data say so rather than vanish.
    expect_doc_contains "**Attentes :** elles n'ont pas été consignées."
    expect_doc_contains "### Contexte

Le contexte du bilan n'a pas été consigné.

### Situation au démarrage

La situation au démarrage n'a pas été consignée."
}

test_for_without_consent_gives_nothing() {
    local dir snapshot
    dir=$(complete_bilan)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" render --for "France Travail"
    expect_status 1
    expect_out ""
    expect_err_one_line
    expect_err_contains "aucun consentement de Test Bénéficiaire pour « France Travail »"
    run -C "$dir" render --for "France Travail" -o "$TMP_ROOT/partage.md"
    expect_status 1
    if [ -e "$TMP_ROOT/partage.md" ]; then fail "file written without consent"; else ok; fi
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" render --for ""
    expect_status 2
    expect_out ""
}

test_for_shows_only_the_consented_sections() {
    local dir
    dir=$(complete_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    run -C "$dir" render --for "france-travail"
    expect_status 0
    expect_equal "$(printf '%s\n' "$out" | grep '^## ')" "## Projet professionnel
## Plan d'action" "only the project and the plan"
    expect_doc_contains "subtitle: 'Version communiquée à France Travail'"
    expect_doc_contains "communiquée à France Travail avec l'accord de Test Bénéficiaire, donné le 4 mai 2026"
    expect_doc_contains "L6313-4"
    expect_out_lacks "Donner plus de sens"
    expect_out_lacks "Comptabilité générale"
    "$BILAN" -C "$dir" consent grant "Menuiseries Arnaud" --date 2026-05-05 --sections skills,circumstances >/dev/null
    run -C "$dir" render --for "Menuiseries Arnaud"
    expect_status 0
    expect_equal "$(printf '%s\n' "$out" | grep '^## ')" "## Circonstances du bilan
## Compétences et aptitudes" "skills and circumstances"
    expect_out_lacks "Devenir formatrice"
}

test_for_after_revoke_gives_nothing() {
    local dir
    dir=$(complete_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-05-04 >/dev/null
    "$BILAN" -C "$dir" consent revoke "France Travail" --date 2026-06-01 >/dev/null
    run -C "$dir" render --for "France Travail"
    expect_status 1
    expect_out ""
    expect_err_contains "retiré le 2026-06-01"
}

test_a_consent_naming_an_unknown_section() {
    local dir
    dir=$(complete_bilan)
    record "$dir" consents france-travail 'recipient = "France Travail"
date = 2026-05-04
sections = ["projet", "salaire"]'
    run -C "$dir" render --for "France Travail"
    expect_status 1
    expect_out ""
    expect_err_contains "consents/france-travail.toml: consentement pour « France Travail » : nom de section inconnu « salaire »"
    run -C "$dir" check
    expect_status 1
    expect_out "$dir/consents/france-travail.toml: consentement pour « France Travail » : nom de section inconnu « salaire » : attendu circonstances, situation, competences, parcours, valeurs, tests, pistes, projet, plan, calendrier ou tout"
}

test_hostile_texts_never_change_the_structure() {
    local dir xml expected heading_count
    command -v cmark >/dev/null || { fail "cmark is needed (Debian package cmark)"; return; }
    dir=$(hostile_bilan)
    run -C "$dir" render
    expect_status 0
    xml=$(printf '%s\n' "$out" | body | cmark --to xml)
    local d h="# Titre injecté"
    d=$(xml_escaped "$H_INLINE")
    expected="2 Circonstances du bilan
3 Demande et attentes
3 Contexte
3 Situation au démarrage
3 Déroulement
2 Compétences et aptitudes
3 Savoirs
4 $d
3 Savoir-faire
4 $d
3 Savoir-être
4 $d
3 Parcours
3 Valeurs, motivations et personnalité
4 Valeurs
4 Motivations
4 Centres d'intérêt
4 Critères fondamentaux
4 Concessions acceptables
4 Traits de personnalité
3 Tests et résultats
2 Pistes explorées
3 $h
2 Projet professionnel
3 Projet retenu
3 Projet de formation
3 Points forts
3 Points de vigilance
3 Plan B
2 Plan d'action
3 Court terme
3 Moyen terme
3 Long terme
3 Entretien de suivi"
    expect_equal "$(headings <<<"$xml")" "$expected" "headings"
    heading_count=$(printf '%s\n' "$expected" | wc -l)
    expect_equal "$(count '<heading')" "$heading_count" "no other heading"
    expect_equal "$(count '<list type="bullet"')" 15 "bullet lists"
    expect_equal "$(count '<list type="ordered"')" 0 "ordered lists"
    expect_equal "$(count '<item>')" 20 "list items" # 19, and the counsellor's
    expect_equal "$(count '<block_quote>')" 1 "block quotes: the notice"
    expect_equal "$(count '<thematic_break')" 1 "thematic breaks: before the closing line"
    expect_equal "$(count '<emph>')" 1 "emphasis: the closing line only"
    local construct
    for construct in '<html_block' '<html_inline' '<code' '<link' '<image' '<custom'; do
        expect_equal "$(count "$construct")" 0 "$construct"
    done
    local text
    for text in "$H_INLINE" "$H_HTML" "# Titre injecté" "- tiret" "> citation" "1. liste ordonnée" \
        "première ligne" "---" "# deuxième" "code indenté" '```' "+ plus" "2) deux" "| a | b |" \
        "|---|---|" "[ref]: http://x" "<!-- commentaire -->" "===" ": définition" "(a) lettre"; do
        if grep -qF -- "$(xml_escaped "$text")" <<<"$xml"; then ok; else fail "not text: $text"; fi
    done
}

# A bilan whose texts are all TEXT: in the demand (a paragraph), an experience's note, a
# trait's note, a piste's aspect and an action (list items).
texts_bilan() {
    local dir
    dir=$(new_bilan --demand "$1") || return 1
    "$BILAN" -C "$dir" experience add "Poste" --kind poste --note "$1" >/dev/null
    "$BILAN" -C "$dir" trait add "Valeur" --kind valeur --note "$1" >/dev/null
    "$BILAN" -C "$dir" piste add "Piste" --for "$1" >/dev/null
    "$BILAN" -C "$dir" action add "$1" --horizon court >/dev/null
    printf '%s\n' "$dir"
}

test_blank_lines_and_indentation_stay_without_opening_blocks() {
    local paras plain xml plain_xml construct text
    command -v cmark >/dev/null || { fail "cmark is needed (Debian package cmark)"; return; }
    # Every hostile line as its own paragraph, one in two indented as code would be.
    paras=$(printf '%s\n' "$H_MULTI" | awk '{ printf "%s%s\n\n\n", (NR % 2 ? "" : "    "), $0 }')
    run -C "$(texts_bilan "$paras")" render
    expect_status 0
    expect_out_contains $'\n\n  \xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\\---\n\n  \\# deuxième' # in an item
    xml=$(printf '%s\n' "$out" | body | cmark --to xml)
    plain_xml=$("$BILAN" -C "$(texts_bilan "Texte simple")" render | body | cmark --to xml)
    # The same blocks as with a one-line text: only paragraphs are added, inside their item.
    for construct in '<heading' '<list ' '<item>' '<block_quote>' '<code_block' '<html_block' \
        '<thematic_break' '<code' '<html_inline' '<link' '<image' '<emph>' '<strong>'; do
        expect_equal "$(count "$construct")" "$(grep -c -- "$construct" <<<"$plain_xml")" "$construct"
    done
    local lines
    lines=$(printf '%s\n' "$H_MULTI" | wc -l)
    expect_equal "$(($(count '<paragraph>') - $(grep -c '<paragraph>' <<<"$plain_xml")))" \
        "$((5 * (lines - 1)))" "one paragraph per line of each of the five texts"
    while IFS= read -r text; do
        text=${text#"    "}
        if grep -qF -- "$(xml_escaped "$text")" <<<"$xml"; then ok; else fail "not text: $text"; fi
    done <<<"$H_MULTI"
    # cmark above is the proof; pandoc when installed
    command -v pandoc >/dev/null || { skip "pandoc is not installed"; return; }
    local html plain_html
    html=$(printf '%s\n' "$out" | pandoc -f markdown -t html)
    plain_html=$("$BILAN" -C "$(texts_bilan "Texte simple")" render | pandoc -f markdown -t html)
    for construct in '<h[1-6]' '<ul>' '<ol' '<li>' '<dl' '<blockquote' '<pre' '<code' '<table' \
        '<hr' '<em>' '<strong>' '<a ' '<del' '<sup' '<sub' 'class="math' '<div'; do
        expect_equal "$(grep -c -- "$construct" <<<"$html")" \
            "$(grep -c -- "$construct" <<<"$plain_html")" "pandoc $construct"
    done
}

test_hostile_texts_in_pandoc() {
    local dir html meta
    # cmark above is the proof; pandoc when installed
    command -v pandoc >/dev/null || { skip "pandoc is not installed"; return; }
    dir=$(hostile_bilan)
    "$BILAN" -C "$dir" consent grant "$H_HTML" --date 2026-05-04 --sections competences,pistes,projet,plan,circonstances >/dev/null
    html=$("$BILAN" -C "$dir" render | pandoc -f markdown -t html)
    expect_equal "$(grep -c '<h2' <<<"$html")" 5 "pandoc h2"
    expect_equal "$(grep -c '<h3' <<<"$html")" 20 "pandoc h3"
    expect_equal "$(grep -c '<h4' <<<"$html")" 9 "pandoc h4"
    expect_equal "$(grep -c '<ul>' <<<"$html")" 15 "pandoc lists"
    expect_equal "$(grep -c '<table' <<<"$html")" 1 "pandoc tables: the phases"
    local construct
    expect_equal "$(grep -c '<em>' <<<"$html")" 1 "pandoc emphasis: the closing line only"
    for construct in '<ol' '<dl' '<code' '<a ' '<img' '<del' '<sup' '<sub' 'class="math' \
        'class="citation' '<script' '<b>' '<pre' '<div' 'id="id"'; do
        expect_equal "$(grep -c -- "$construct" <<<"$html")" 0 "pandoc $construct"
    done
    meta=$("$BILAN" -C "$dir" render --for "$H_HTML" | pandoc -f markdown -t html -s | tr '\n' ' ')
    if grep -qF "<p class=\"author\">*gras* _it_" <<<"$meta"; then ok; else fail "pandoc author (the counsellor) is not the literal name"; fi
    if grep -qF "Version communiquée à &lt;script&gt;alert(1)&lt;/script&gt;" <<<"$meta"; then ok; else fail "pandoc subtitle"; fi
    expect_equal "$(grep -c 'alert(1)</script>' <<<"$meta")" 0 "no script element"
}

test_batch_exit_statuses_tell_what_failed() {
    local good nocons broken dir name statuses="" results="$TMP_ROOT/batch"
    good=$(complete_bilan)
    "$BILAN" -C "$good" consent grant "France Travail" --date 2026-05-04 >/dev/null
    nocons=$(complete_bilan)
    broken=$(complete_bilan)
    "$BILAN" -C "$broken" consent grant "France Travail" --date 2026-05-04 >/dev/null
    printf 'text = "Rigoureuse"\ntype = "savoir-etre\n' >"$broken/skills/000000c3.toml"
    mkdir -p "$results"
    for name in good nocons broken missing; do
        case $name in
        good) dir=$good ;; nocons) dir=$nocons ;; broken) dir=$broken ;; missing) dir=$TMP_ROOT/absent ;;
        esac
        "$BILAN" -C "$dir" render --for "France Travail" -o "$results/$name.md" 2>"$results/$name.err"
        statuses="$statuses$name=$? "
    done
    expect_equal "$statuses" "good=0 nocons=1 broken=1 missing=3 " "exit statuses"
    expect_equal "$(ls "$results"/*.md | xargs -n1 basename)" "good.md" "only the good folder rendered"
    expect_file_contains "$results/nocons.err" "aucun consentement"
    expect_file_contains "$results/broken.err" "skills/000000c3.toml:2:"
    expect_file_contains "$results/missing.err" "n'existe pas"
    expect_equal "$(cat "$results/good.err")" "" "silent success"
    "$BILAN" -C "$good" render -o "$results/good.md/again.md" 2>"$results/again.err"
    expect_equal "$?" 3 "an output that cannot be written is the environment's fault"
    expect_file_contains "$results/again.err" "good.md/"
}

test_render_needs_a_bilan() {
    run -C "$TMP_ROOT" render
    expect_status 1
    expect_out ""
    expect_err_contains "aucun bilan"
}

test_check_lists_what_the_synthesis_lacks() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" check
    expect_status 1
    expect_equal "$out" "$dir/bilan.toml: synthèse incomplète : la demande initiale n'est pas renseignée (bilan set demand TEXTE)
synthèse incomplète : aucun savoir consigné (bilan skill add TEXTE --type savoir)
synthèse incomplète : aucun savoir-faire consigné (bilan skill add TEXTE --type savoir-faire)
synthèse incomplète : aucun savoir-être consigné (bilan skill add TEXTE --type savoir-etre)
synthèse incomplète : aucune piste retenue (bilan piste decide ID retained)
synthèse incomplète : le projet professionnel n'a pas d'intitulé (bilan project set --title TEXTE)
synthèse incomplète : aucune action au plan d'action (bilan action add TEXTE --horizon court)" "one line each"
    run -C "$dir" check --json
    expect_status 1
    expect_doc_contains '"message": "synthèse incomplète : aucune piste retenue (bilan piste decide ID retained)"'
}

test_check_passes_on_a_complete_synthesis() {
    local dir
    dir=$(complete_bilan)
    run -C "$dir" check
    expect_status 0
    expect_out ""
    rm "$dir/skills/000000c2.toml"
    run -C "$dir" check
    expect_status 1
    expect_out "synthèse incomplète : aucun savoir-faire consigné (bilan skill add TEXTE --type savoir-faire)"
}

test_help() {
    run render --help
    expect_status 0
    expect_doc_contains "--for"
    expect_doc_contains "-o"
}

# `render -o /dev/null` as root replaced the system's /dev/null with a 0600 regular file (the
# atomic write renamed a temp file over it): a device, a pipe or a link is written through.
test_render_o_writes_through_devices_pipes_and_links() {
    local dir=$TMP_ROOT/through
    mkdir -p "$dir"
    if mknod -m 666 "$dir/null" c 1 3 2>/dev/null; then
        run -C "$EXAMPLE" render -o "$dir/null"
        expect_status 0
        [ -c "$dir/null" ] && ok || fail "the device was replaced by $(stat -c %F "$dir/null")"
    fi
    mkfifo "$dir/pipe"
    cat "$dir/pipe" >"$dir/from-pipe" &
    run -C "$EXAMPLE" render -o "$dir/pipe"
    wait
    expect_status 0
    [ -p "$dir/pipe" ] && ok || fail "the pipe was replaced"
    expect_file_contains "$dir/from-pipe" "## Plan d'action"
    : >"$dir/target.md"
    ln -s target.md "$dir/link.md"
    run -C "$EXAMPLE" render -o "$dir/link.md"
    expect_status 0
    [ -L "$dir/link.md" ] && ok || fail "the link was replaced"
    expect_file_contains "$dir/target.md" "## Plan d'action"
    expect_equal "$(stat -c %a "$dir/target.md")" 600 "mode of the written target"
}

run_tests
