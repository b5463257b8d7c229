#!/usr/bin/env bash
# Across folders (issue 17, /work/contract17.md): `bilan due` and `bilan report` over a small
# practice built with the real binary, every figure computed by hand below; the folders they
# take (DIR…, the practice found above, nested, hidden, linked, empty), a broken folder, one of
# a newer format, a DIR that does not exist; and that neither ever writes anything.
. "$(dirname "$0")/lib.sh" "$@"
unset BILAN_PRACTICE
export BILAN_TODAY=2026-06-15 # a Monday

# ---- reading JSON without jq ----------------------------------------------------------------

# The JSON in $out as one line per value: "PATH VALUE", e.g. `.due[0].folder "cabinet/emma"`,
# an empty array or object as `PATH []` / `PATH {}`. Any layout (one line or indented), strings
# kept as written (quoted, escapes untouched). No jq: a fresh Debian has none.
json_flat() {
    printf '%s\n' "$out" | LC_ALL=C awk '
    function path(m,   p, k) {
        p = ""
        for (k = 1; k <= m; k++) p = p (typ[k] == "a" ? "[" idx[k] "]" : "." key[k])
        return p
    }
    { s = s $0 "\n" }
    END {
        n = length(s); i = 1; d = 0
        while (i <= n) {
            c = substr(s, i, 1)
            if (c == " " || c == "\t" || c == "\n" || c == "\r" || c == ":") { i++; continue }
            if (c == "{" || c == "[") {
                fresh[d] = 0; d++; typ[d] = (c == "{") ? "o" : "a"; idx[d] = 0; key[d] = ""
                fresh[d] = 1; wantkey[d] = (c == "{"); i++; continue
            }
            if (c == "}" || c == "]") {
                if (fresh[d]) print path(d - 1) " " (c == "}" ? "{}" : "[]")
                d--; i++; continue
            }
            if (c == ",") {
                if (typ[d] == "a") idx[d]++; else wantkey[d] = 1
                i++; continue
            }
            fresh[d] = 0
            if (c == "\"") {
                j = i + 1
                while (j <= n) {
                    cj = substr(s, j, 1)
                    if (cj == "\\") j += 2
                    else if (cj == "\"") break
                    else j++
                }
                tok = substr(s, i, j - i + 1); i = j + 1
                if (typ[d] == "o" && wantkey[d]) {
                    key[d] = substr(tok, 2, length(tok) - 2); wantkey[d] = 0; continue
                }
                print path(d) " " tok; continue
            }
            j = i
            while (j <= n && index(",}] \t\n\r", substr(s, j, 1)) == 0) j++
            print path(d) " " substr(s, i, j - i); i = j
        }
    }'
}
# The value at PATH (a string with its quotes), or nothing.
jget() { json_flat | awk -v p="$1" '$1 == p { v = $0; sub(/^[^ ]* /, "", v); print v; exit }'; }
# A number as written without trailing zeros: 4.670 -> 4.67, 5.00 -> 5 ("two decimals at most").
num() { printf '%s\n' "$1" | sed -E -e '/\./s/0+$//' -e 's/\.$//'; }
# The keys of the object at PATH, in their order, on one line.
jkeys() {
    json_flat | awk -v p="$1." 'index($1, p) == 1 {
        k = substr($1, length(p) + 1); sub(/[.[].*/, "", k)
        if (!(k in seen)) { seen[k] = 1; printf "%s%s", (n++ ? " " : ""), k } }
        END { print "" }'
}
# How many elements the array at PATH has.
jcount() {
    json_flat | awk -v p="$1[" 'index($1, p) == 1 {
        k = substr($1, length(p) + 1); sub(/\].*/, "", k); seen[k] = 1 }
        END { print length(seen) }'
}
# `due --json`: "DATE WHAT FOLDER OVERDUE" per deadline, in the document's order.
due_rows() {
    json_flat | awk '
    match($1, /^\.due\[[0-9]+\]\./) {
        i = substr($1, 6, RLENGTH - 7) + 0; f = substr($1, RLENGTH + 1)
        v = $0; sub(/^[^ ]* /, "", v); gsub(/^"|"$/, "", v)
        val[i, f] = v; if (i + 1 > n) n = i + 1
    }
    END { for (i = 0; i < n; i++) print val[i, "date"], val[i, "what"], val[i, "folder"], val[i, "overdue"] }'
}
# The same with the beneficiary instead of the folder (for runs whose folder names differ).
due_people() {
    json_flat | awk '
    match($1, /^\.due\[[0-9]+\]\./) {
        i = substr($1, 6, RLENGTH - 7) + 0; f = substr($1, RLENGTH + 1)
        v = $0; sub(/^[^ ]* /, "", v); gsub(/^"|"$/, "", v)
        val[i, f] = v; if (i + 1 > n) n = i + 1
    }
    END { for (i = 0; i < n; i++) print val[i, "date"], val[i, "what"], val[i, "beneficiary"], val[i, "overdue"] }'
}

# Runs bilan from the folder DIR (relative DIR arguments, the practice found above it).
# Every entry under DIR with its type, mode, size, time (to the nanosecond) and, for a file,
# its content: folders' times included, as a reader takes no lock and leaves no file.
listing() {
    (cd "$1" && find . -printf '%p %y %m %s %T@\n' | LC_ALL=C sort &&
        find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}

# ---- the practice ---------------------------------------------------------------------------
#
# $W/cabinet, built once; today is Monday 2026-06-15. fr framework: counted phases are
# preliminaire, investigation, conclusion; accompaniment = entretien and test; follow-up 6 months.
#
# alice   cpf, 2026-03-02 → end 2026-04-08. Sessions: 03-02 prealable 1h (not counted), 03-04
#         preliminaire 2h, 03-18 investigation 3h, 03-25 investigation 2h enquete (personal),
#         04-08 conclusion 2h test → accompaniment 420. Entry declared 03-05; exit not:
#         edof-sortie = Wed 04-08 + 3 business days = 04-13. Chaud 04-08 (4). A skill:
#         destruction 04-08. suivi and evaluation-froid 2026-10-08.
# bruno   employeur, from 2026-06-01; convention sent 06-01, nobody signed: convention 06-11.
#         Session 06-12 preliminaire 1h → 60. Actions: due 06-20 open; due 06-10 done (none).
# chloe   reclassement, from 2026-05-04; convention sent 05-04, signed by the employee 05-06
#         only: convention = first counted session 05-12. 05-12 2h, 05-19 2h30 → 270.
# equipe/david  personnel, 2025-09-15 → end 2025-11-20. 2025-10-01 2h, 2025-11-20 2h → 240;
#         suivi session 2026-05-20 (follow-up done, and not counted). Chaud 2025-11-20 (5),
#         froid 2025-12-18 (3). A skill, kept by an agreement until 2026-11-20: destruction then.
# emma    cpf, 2026-03-02, session Tue 03-10 preliminaire 2h → 120; end 2026-04-01 and
#         abandoned 2026-04-01: abandoned, never ended (issue 25). edof-entree: 03-10 + 3
#         business days = 03-13; edof-sortie from the abandonment: Wed 04-01 + 3 business days,
#         Easter Monday 04-06 skipped = 04-07.
#         Actions due 03-20 (before the abandonment: stands) and 05-01 (after: stopped). Content
#         left (the actions): destruction 04-01. No chaud, suivi, froid: they fall on or after
#         the abandonment.
# fanny   france-travail, 2025-03-03 → end 2025-06-30. 2025-03-05 2h, 2025-06-30 3h → 300;
#         suivi 2025-12-15. Chaud 2025-06-30 (5), froid 2025-12-20 (4). A skill and an action due
#         2025-09-01; the synthesis kept by a written agreement, then purged on 2025-07-15: the
#         action is gone; destruction = the kept synthesis' limit, 2028-06-30.
# gael    no funding, from 2026-06-08, 06-10 preliminaire 1h30 → 90. No deadline.
# hugo    autre, 2026-04-06 → end 2026-06-05. 04-08 2h, 06-05 2h → 240. No evaluation: chaud
#         06-05; suivi and froid 2026-12-05. No content: no destruction.
W=$TMP_ROOT/w
P=$W/cabinet

build_practice() {
    local id
    b() { "$BILAN" "$@" >/dev/null 2>"$TMP_ROOT/.fixture" || {
        echo "fixture: bilan $* failed: $(cat "$TMP_ROOT/.fixture")" >&2
        return 1
    }; }
    mkdir -p "$W" &&
        b practice init "$P" --name "Cabinet Horizons" --qualiopi "QUA-1" &&
        b init "$P/alice" --beneficiary "Alice Martin" --start 2026-03-02 --funding cpf &&
        b -C "$P/alice" session add --date 2026-03-02 --phase prealable --duration 1h &&
        b -C "$P/alice" session add --date 2026-03-04 --phase preliminaire --duration 2h &&
        b -C "$P/alice" session add --date 2026-03-18 --phase investigation --duration 3h &&
        b -C "$P/alice" session add --date 2026-03-25 --phase investigation --duration 2h --kind enquete &&
        b -C "$P/alice" session add --date 2026-04-08 --phase conclusion --duration 2h --kind test &&
        b -C "$P/alice" edof set --entry-declared 2026-03-05 &&
        b -C "$P/alice" set end 2026-04-08 &&
        b -C "$P/alice" evaluation add chaud --date 2026-04-08 --satisfaction 4 &&
        b -C "$P/alice" skill add "Animer une réunion" --type savoir-faire &&
        b init "$P/bruno" --beneficiary "Bruno Petit" --start 2026-06-01 --funding employeur &&
        b -C "$P/bruno" convention set --employer "Durand SA" --sent 2026-06-01 &&
        b -C "$P/bruno" session add --date 2026-06-12 --phase preliminaire --duration 1h &&
        b -C "$P/bruno" action add "Appeler l'OPCO" --horizon court --due 2026-06-20 &&
        id=$("$BILAN" -C "$P/bruno" action add "Envoyer le CV" --horizon court --due 2026-06-10) &&
        b -C "$P/bruno" action done "$id" &&
        b init "$P/chloe" --beneficiary "Chloé Durand" --start 2026-05-04 --funding reclassement &&
        b -C "$P/chloe" convention set --employer "Fabre" --sent 2026-05-04 --signed-employee 2026-05-06 &&
        b -C "$P/chloe" session add --date 2026-05-12 --phase preliminaire --duration 2h &&
        b -C "$P/chloe" session add --date 2026-05-19 --phase investigation --duration 2h30 &&
        mkdir "$P/equipe" &&
        b init "$P/equipe/david" --beneficiary "David Leroy" --start 2025-09-15 --funding personnel &&
        b -C "$P/equipe/david" session add --date 2025-10-01 --phase preliminaire --duration 2h &&
        b -C "$P/equipe/david" session add --date 2025-11-20 --phase conclusion --duration 2h &&
        b -C "$P/equipe/david" session add --date 2026-05-20 --phase suivi --duration 1h &&
        b -C "$P/equipe/david" set end 2025-11-20 &&
        b -C "$P/equipe/david" evaluation add chaud --date 2025-11-20 --satisfaction 5 &&
        b -C "$P/equipe/david" evaluation add froid --date 2025-12-18 --satisfaction 3 &&
        b -C "$P/equipe/david" skill add "Comptabilité" --type savoir &&
        b -C "$P/equipe/david" retention grant --date 2025-11-20 --scope documents --until 2026-11-20 &&
        b init "$P/emma" --beneficiary "Emma Moreau" --start 2026-03-02 --funding cpf &&
        b -C "$P/emma" session add --date 2026-03-10 --phase preliminaire --duration 2h &&
        b -C "$P/emma" action add "Relancer l'employeur" --horizon court --due 2026-03-20 &&
        b -C "$P/emma" action add "S'inscrire à la formation" --horizon moyen --due 2026-05-01 &&
        b -C "$P/emma" set end 2026-04-01 &&
        b -C "$P/emma" set abandoned 2026-04-01 &&
        b init "$P/fanny" --beneficiary "Fanny Roux" --start 2025-03-03 --funding france-travail &&
        b -C "$P/fanny" session add --date 2025-03-05 --phase preliminaire --duration 2h &&
        b -C "$P/fanny" session add --date 2025-06-30 --phase conclusion --duration 3h &&
        b -C "$P/fanny" session add --date 2025-12-15 --phase suivi --duration 1h &&
        b -C "$P/fanny" set end 2025-06-30 &&
        b -C "$P/fanny" evaluation add chaud --date 2025-06-30 --satisfaction 5 &&
        b -C "$P/fanny" evaluation add froid --date 2025-12-20 --satisfaction 4 &&
        b -C "$P/fanny" skill add "Logistique" --type savoir &&
        b -C "$P/fanny" action add "Candidater" --horizon court --due 2025-09-01 &&
        b -C "$P/fanny" retention grant --scope synthese --date 2025-06-30 &&
        b -C "$P/fanny" purge --date 2025-07-15 &&
        b init "$P/gael" --beneficiary "Gaël Simon" --start 2026-06-08 &&
        b -C "$P/gael" session add --date 2026-06-10 --phase preliminaire --duration 1h30 &&
        b init "$P/hugo" --beneficiary "Hugo Bernard" --start 2026-04-06 --funding autre &&
        b -C "$P/hugo" session add --date 2026-04-08 --phase preliminaire --duration 2h &&
        b -C "$P/hugo" session add --date 2026-06-05 --phase conclusion --duration 2h &&
        b -C "$P/hugo" set end 2026-06-05
}

ALL_DUE='2026-03-13 edof-entree cabinet/emma true
2026-03-20 action cabinet/emma true
2026-04-01 destruction cabinet/emma true
2026-04-07 edof-sortie cabinet/emma true
2026-04-08 destruction cabinet/alice true
2026-04-13 edof-sortie cabinet/alice true
2026-05-12 convention cabinet/chloe true
2026-06-05 evaluation-chaud cabinet/hugo true
2026-06-11 convention cabinet/bruno true
2026-06-20 action cabinet/bruno false
2026-10-08 suivi cabinet/alice false
2026-10-08 evaluation-froid cabinet/alice false
2026-11-20 destruction cabinet/equipe/david false
2026-12-05 suivi cabinet/hugo false
2026-12-05 evaluation-froid cabinet/hugo false
2028-06-30 destruction cabinet/fanny false'

# A private copy of the practice, to add folders to; prints the folder holding `cabinet`.
copy_practice() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/copy.XXXXXX")
    cp -a "${P:?}" "${dir:?}/cabinet"
    printf '%s\n' "$dir"
}

# A new bilan at DIR (its parent exists), funded by the CPF, with one counted session on Mon
# 2026-06-01: edof-entree 2026-06-04.
cpf_bilan_at() { # DIR BENEFICIARY
    "$BILAN" init "$1" --beneficiary "$2" --start 2026-06-01 --funding cpf >/dev/null &&
        "$BILAN" -C "$1" session add --date 2026-06-01 --phase preliminaire --duration 2h >/dev/null
}

current=fixture
if build_practice; then FIXTURE=ok; else
    FIXTURE=
    fail "the practice could not be built"
fi
need_fixture() { [ -n "$FIXTURE" ] || fail "no practice"; [ -n "$FIXTURE" ]; }

# ---- due ------------------------------------------------------------------------------------

test_due_json_every_deadline_in_date_order() {
    need_fixture || return
    run_in "$W" due cabinet --json
    expect_status 0 "due --json"
    expect_equal "$(jget .schema)" 1 "schema"
    expect_equal "$(due_rows)" "$ALL_DUE" "due rows (date what folder overdue)"
    expect_equal "$(jget .problems)" "[]" "problems"
    expect_equal "$(jget .notes)" "[]" "notes"
    # Each row names its beneficiary.
    expect_equal "$(jget '.due[0].beneficiary')" '"Emma Moreau"' "beneficiary of row 0"
    expect_equal "$(jget '.due[5].beneficiary')" '"Alice Martin"' "beneficiary of row 5"
    expect_equal "$(jget '.due[12].beneficiary')" '"David Leroy"' "beneficiary of row 12"
    expect_equal "$(jget '.due[15].beneficiary')" '"Fanny Roux"' "beneficiary of row 15"
    [ -n "$(jget '.due[0].detail')" ] && ok || fail "row 0 has no detail"
}

test_due_rules_bilan_by_bilan() {
    need_fixture || return
    # An abandoned bilan: the EDOF declarations and the destruction stand; the action due
    # before the abandonment stands; evaluations, follow-up and the later action do not.
    run_in "$W" due cabinet/emma --json
    expect_status 0 "due of one bilan"
    expect_equal "$(due_rows)" '2026-03-13 edof-entree cabinet/emma true
2026-03-20 action cabinet/emma true
2026-04-01 destruction cabinet/emma true
2026-04-07 edof-sortie cabinet/emma true' "emma (abandoned 2026-04-01)"
    expect_out_contains "Relancer l'employeur"
    expect_out_lacks "formation"
    # Follow-up done and evaluations made: only the destruction, at the agreement's end.
    run_in "$W" due cabinet/equipe/david --json
    expect_equal "$(due_rows)" "2026-11-20 destruction cabinet/equipe/david false" "david"
    # Purged: the actions went with the working documents; the kept synthesis' limit remains.
    run_in "$W" due cabinet/fanny --json
    expect_equal "$(due_rows)" "2028-06-30 destruction cabinet/fanny false" "fanny (purged)"
    # A done action is no deadline.
    run_in "$W" due cabinet/bruno --json
    expect_equal "$(due_rows)" '2026-06-11 convention cabinet/bruno true
2026-06-20 action cabinet/bruno false' "bruno"
    expect_out_lacks "Envoyer le CV"
    # Ended without any content: no destruction.
    run_in "$W" due cabinet/hugo --json
    expect_equal "$(due_rows)" '2026-06-05 evaluation-chaud cabinet/hugo true
2026-12-05 suivi cabinet/hugo false
2026-12-05 evaluation-froid cabinet/hugo false' "hugo"
    # Not ended, no funding: nothing.
    run_in "$W" due cabinet/gael --json
    expect_status 0
    expect_equal "$(jget .due)" "[]" "gael"
}

# The convention's three cases, R6313-8 (fr only): none, the start; sent and the employee has
# not signed, sent + 10 days; else the first counted session, or the start without one.
test_due_convention_rules() {
    need_fixture || return
    local dir=$TMP_ROOT/conventions
    mkdir -p "$dir"
    "$BILAN" init "$dir/aucune" --beneficiary "Sans Convention" --start 2026-06-22 \
        --funding reclassement >/dev/null
    "$BILAN" init "$dir/salarie" --beneficiary "Signée Salarié" --start 2026-06-01 \
        --funding employeur >/dev/null
    "$BILAN" -C "$dir/salarie" convention set --employer "X" --sent 2026-05-25 \
        --signed-employee 2026-05-26 >/dev/null
    "$BILAN" init "$dir/signee" --beneficiary "Toute Signée" --start 2026-06-01 \
        --funding employeur >/dev/null
    "$BILAN" -C "$dir/signee" convention set --employer "X" --sent 2026-05-25 \
        --signed-employee 2026-05-26 --signed-employer 2026-05-25 --signed-provider 2026-05-27 >/dev/null
    "$BILAN" init "$dir/belge" --beneficiary "Cadre Belge" --start 2026-06-01 --framework be \
        --funding employeur >/dev/null
    "$BILAN" init "$dir/cpf" --beneficiary "Par Le CPF" --start 2026-06-01 --funding cpf >/dev/null
    run_in "$TMP_ROOT" due conventions --json
    expect_status 0
    expect_equal "$(due_rows)" '2026-06-01 convention conventions/salarie true
2026-06-22 convention conventions/aucune false' "convention deadlines"
}

# Abandoned after the end: what fell due before the abandonment stands; on its day, no more.
# An action due after the end is content no agreement keeps (R6313-7): not listed.
test_due_abandoned_after_the_end() {
    need_fixture || return
    local dir=$TMP_ROOT/abandons
    mkdir -p "$dir"
    "$BILAN" init "$dir/karim" --beneficiary "Karim Tard" --start 2026-03-02 >/dev/null
    "$BILAN" -C "$dir/karim" action add "Avant l'abandon" --horizon court --due 2026-05-31 >/dev/null
    "$BILAN" -C "$dir/karim" action add "Le jour de l'abandon" --horizon court --due 2026-06-01 >/dev/null
    "$BILAN" -C "$dir/karim" set end 2026-05-04
    "$BILAN" -C "$dir/karim" set abandoned 2026-06-01
    run_in "$TMP_ROOT" due abandons --json
    expect_status 0
    expect_equal "$(due_rows)" '2026-05-04 evaluation-chaud abandons/karim true
2026-05-04 destruction abandons/karim true' "abandoned on 2026-06-01, a month after the end"
}

# A purge killed half-way (its lock file left behind): the documents are still due at the end,
# and reading is not held up by the dead writer's lock.
test_due_after_an_interrupted_purge() {
    need_fixture || return
    local dir=$TMP_ROOT/interrompue
    mkdir -p "$dir"
    "$BILAN" init "$dir/lea" --beneficiary "Léa Coupée" --start 2026-03-02 >/dev/null
    "$BILAN" -C "$dir/lea" skill add "Un" --type savoir >/dev/null
    "$BILAN" -C "$dir/lea" skill add "Deux" --type savoir >/dev/null
    "$BILAN" -C "$dir/lea" evaluation add chaud --date 2026-04-30 --satisfaction 4 >/dev/null
    "$BILAN" -C "$dir/lea" set end 2026-04-30
    BILAN_PURGE_STOP_AFTER=1 "$BILAN" -C "$dir/lea" purge >/dev/null 2>&1
    expect_file_contains "$dir/lea/destruction.toml" 'state = "en-cours"'
    run_in "$TMP_ROOT" due interrompue --json
    expect_status 0
    expect_equal "$(due_rows | grep destruction | head -1)" \
        "2026-04-30 destruction interrompue/lea true" "an unfinished purge is due at the end"
}

# Content kept past a purge by the beneficiary's agreement must still be destroyed when the
# agreement ends: `check` says so on that day (destruction.toml's documents_kept_until), and
# `due` must list it then, not only the kept synthesis' limit three years after the end.
test_due_destruction_of_documents_kept_past_a_purge() {
    need_fixture || return
    local dir=$TMP_ROOT/gardes
    mkdir -p "$dir"
    "$BILAN" init "$dir/julie" --beneficiary "Julie Garde" --start 2026-03-02 >/dev/null
    "$BILAN" -C "$dir/julie" skill add "Conduite de projet" --type savoir-faire >/dev/null
    "$BILAN" -C "$dir/julie" set end 2026-06-30
    "$BILAN" -C "$dir/julie" retention grant --date 2026-06-30 --scope documents \
        --until 2027-06-30 >/dev/null
    run_in "$TMP_ROOT" due gardes --json
    expect_equal "$(due_rows | grep destruction)" "2027-06-30 destruction gardes/julie false" \
        "before the purge: the agreement's end"
    BILAN_TODAY=2026-07-15 "$BILAN" -C "$dir/julie" purge >/dev/null 2>&1
    expect_file_contains "$dir/julie/destruction.toml" "documents_kept_until = 2027-06-30"
    BILAN_TODAY=2027-07-01 run -C "$dir/julie" check
    expect_err_contains "documents de travail à détruire depuis la fin de l'accord de conservation (2027-06-30)"
    BILAN_TODAY=2027-07-01 run_in "$TMP_ROOT" due gardes --json
    case $'\n'"$(due_rows)"$'\n' in
    *$'\n'"2027-06-30 destruction gardes/julie true"$'\n'*) ok ;;
    *) fail "after a purge that kept the documents until 2027-06-30, due lacks '2027-06-30 destruction gardes/julie true' (check says they are due): got $(due_rows | tr '\n' '|')" ;;
    esac
}

test_due_overdue_is_before_today_not_on_it() {
    need_fixture || return
    BILAN_TODAY=2026-06-20 run_in "$W" due cabinet/bruno --json
    expect_equal "$(due_rows | tail -1)" "2026-06-20 action cabinet/bruno false" "due today"
    BILAN_TODAY=2026-06-21 run_in "$W" due cabinet/bruno --json
    expect_equal "$(due_rows | tail -1)" "2026-06-20 action cabinet/bruno true" "due yesterday"
    BILAN_TODAY=2026-03-13 run_in "$W" due cabinet/emma --json
    expect_equal "$(due_rows | head -1)" "2026-03-13 edof-entree cabinet/emma false" "emma on the day"
}

test_due_until_keeps_the_deadlines_on_or_before() {
    need_fixture || return
    run_in "$W" due cabinet --until 2026-06-11 --json
    expect_status 0 "--until"
    expect_equal "$(due_rows)" "$(printf '%s\n' "$ALL_DUE" | head -9)" "until 2026-06-11"
    run_in "$W" due cabinet --until 2026-06-10 --json
    expect_equal "$(due_rows)" "$(printf '%s\n' "$ALL_DUE" | head -8)" "until 2026-06-10"
    run_in "$W" due cabinet --until 2026-03-12 --json
    expect_equal "$(jget .due)" "[]" "until before every deadline"
    run_in "$W" due cabinet --until 2026-03-12
    expect_status 0
    expect_out "Aucune échéance."
    run_in "$W" due cabinet --until 15/06/2026 --json
    expect_equal "$(jcount .due)" 9 "--until as DD/MM/YYYY"
    run_in "$W" due cabinet --until 2026-02-30
    expect_status 2 "--until an impossible date"
    expect_err_one_line
    run_in "$W" due cabinet --until bientot
    expect_status 2 "--until a word"
}

test_due_text_one_line_per_deadline() {
    need_fixture || return
    run_in "$W" due cabinet
    expect_status 0 "due"
    expect_out "2026-03-13  en retard  Emma Moreau (cabinet/emma) : déclaration d'entrée EDOF
2026-03-20  en retard  Emma Moreau (cabinet/emma) : action : Relancer l'employeur
2026-04-01  en retard  Emma Moreau (cabinet/emma) : destruction des documents de travail
2026-04-07  en retard  Emma Moreau (cabinet/emma) : déclaration de sortie EDOF
2026-04-08  en retard  Alice Martin (cabinet/alice) : destruction des documents de travail
2026-04-13  en retard  Alice Martin (cabinet/alice) : déclaration de sortie EDOF
2026-05-12  en retard  Chloé Durand (cabinet/chloe) : signature de la convention
2026-06-05  en retard  Hugo Bernard (cabinet/hugo) : évaluation à chaud
2026-06-11  en retard  Bruno Petit (cabinet/bruno) : signature de la convention
2026-06-20             Bruno Petit (cabinet/bruno) : action : Appeler l'OPCO
2026-10-08             Alice Martin (cabinet/alice) : entretien de suivi
2026-10-08             Alice Martin (cabinet/alice) : évaluation à froid
2026-11-20             David Leroy (cabinet/equipe/david) : destruction des documents de travail
2026-12-05             Hugo Bernard (cabinet/hugo) : entretien de suivi
2026-12-05             Hugo Bernard (cabinet/hugo) : évaluation à froid
2028-06-30             Fanny Roux (cabinet/fanny) : destruction des documents de travail"
    expect_equal "$err" "" "stderr"
    expect_out_lacks $'\e['
    run_in "$W" due cabinet/gael
    expect_status 0
    expect_out "Aucune échéance."
}

test_due_and_report_usage() {
    need_fixture || return
    run_in "$W" due cabinet --bogus
    expect_status 2 "due --bogus"
    run_in "$W" report cabinet --year 26
    expect_status 2 "--year 26"
    run_in "$W" report cabinet --year deux-mille
    expect_status 2 "--year a word"
    run_in "$W" report cabinet --json --csv
    expect_status 2 "--json with --csv"
    run due --help
    expect_status 0 "due --help"
    expect_out_contains "--until"
    run report --help
    expect_status 0 "report --help"
    expect_out_contains "--year"
    expect_out_contains "--csv"
}

# ---- report ---------------------------------------------------------------------------------

# The figures of `report --json` in $out: "KEY=VALUE …" for the counts.
counts() {
    local key line=""
    for key in year folders bilans started ended abandoned accompaniment_minutes; do
        line="$line $key=$(jget ".$key")"
    done
    printf '%s\n' "${line# }"
}
# by_funding as "KEY:BILANS:MINUTES …" in the document's order.
funding() {
    local key line=""
    for key in $(jkeys .by_funding); do
        line="$line $key:$(jget ".by_funding.$key.bilans"):$(jget ".by_funding.$key.accompaniment_minutes")"
    done
    printf '%s\n' "${line# }"
}
# The Qualiopi indicator 2 rates: completion, satisfied, chaud and froid responses, projet.
qualiopi() {
    local key line=""
    for key in completion_rate_percent satisfied_percent chaud_response_rate_percent \
        froid_response_rate_percent projet_moving_percent; do
        line="$line $(num "$(jget ".qualiopi.$key")")"
    done
    printf '%s\n' "${line# }"
}
# evaluations as "chaud:RESPONSES:MEAN froid:RESPONSES:MEAN".
evaluations() {
    printf 'chaud:%s:%s froid:%s:%s\n' "$(jget .evaluations.chaud.responses)" \
        "$(num "$(jget .evaluations.chaud.satisfaction_mean)")" \
        "$(jget .evaluations.froid.responses)" "$(num "$(jget .evaluations.froid.satisfaction_mean)")"
}

test_report_json_every_bilan() {
    need_fixture || return
    run_in "$W" report cabinet --json
    expect_status 0 "report --json"
    expect_equal "$(jget .schema)" 1 "schema"
    # 420 + 60 + 270 + 240 + 120 + 300 + 90 + 240 = 1740; ended: alice, david, fanny, hugo (emma
    # abandoned on her end day: abandoned, never ended).
    expect_equal "$(counts)" \
        "year=null folders=8 bilans=8 started=8 ended=4 abandoned=1 accompaniment_minutes=1740" \
        "counts"
    expect_equal "$(funding)" \
        "autre:1:240 cpf:2:540 employeur:1:60 france-travail:1:300 non-renseigne:1:90 personnel:1:240 reclassement:1:270" \
        "by_funding"
    # chaud 4, 5, 5 → 4.67; froid 3, 4 → 3.5.
    expect_equal "$(evaluations)" "chaud:3:4.67 froid:2:3.5" "evaluations"
    expect_equal "$(jget .problems)" "[]" "problems"
    # No public set: each bilan noted, none guessed onto a line of F-1 (fanny's financing says
    # nothing of a jobseeker).
    expect_equal "$(json_flat | grep -c '^\.notes\[[0-9]*\]\.folder ') $(jget '.notes[0].folder')" \
        '8 "cabinet/alice"' "notes"
    expect_out_contains "public non renseigné : le BPF ne peut pas le classer en F-1"
    expect_equal "$(jget .bpf.f1_unknown_count) $(jget .bpf.f1a_count)" "8 0" "F-1 unknown"
    # Every ended bilan is under the 13 h floor (emma's abandonment is none), but david's and
    # fanny's started in 2025, before the floor's entry into force (issue 26): 2 breaches; none
    # over the cap.
    expect_equal "$(jget .floor_breaches) $(jget .cap_breaches)" "2 0" "floor and cap breaches"
    # Qualiopi 2: ended ÷ (ended + abandoned) 4/5; scores 4-5 3/3; chaud answered where expected
    # (ended: alice, david, fanny; hugo not) 3/4; froid due by today (david 2026-05-20, fanny
    # 2025-12-30; alice's and hugo's to come) and answered 2/2; no `projet`.
    expect_equal "$(qualiopi)" "80 100 75 100 null" "qualiopi"
    # BPF F-3 e: the bilans and their accompaniment.
    expect_equal "$(jget .bpf.f3e_bilans) $(jget .bpf.f3e_minutes)" "8 1740" "bpf F-3 e"
}

test_report_year_takes_the_bilans_and_minutes_of_that_year() {
    need_fixture || return
    # 2025: david and fanny (counted sessions in 2025); david's 2026 session is a follow-up,
    # not counted: he is not in 2026.
    run_in "$W" report cabinet --year 2025 --json
    expect_status 0 "--year 2025"
    expect_equal "$(counts)" \
        "year=2025 folders=8 bilans=2 started=2 ended=2 abandoned=0 accompaniment_minutes=540" \
        "counts 2025"
    expect_equal "$(funding)" "france-travail:1:300 personnel:1:240" "by_funding 2025"
    expect_equal "$(evaluations)" "chaud:2:5 froid:2:3.5" "evaluations 2025"
    # david and fanny started before the floor's entry into force: no breach (issue 26).
    expect_equal "$(jget .floor_breaches)" 0 "floor breaches 2025"
    # 2026: alice 420, bruno 60, chloe 270, emma 120, gael 90, hugo 240 = 1200.
    run_in "$W" report cabinet --year 2026 --json
    expect_status 0 "--year 2026"
    expect_equal "$(counts)" \
        "year=2026 folders=8 bilans=6 started=6 ended=2 abandoned=1 accompaniment_minutes=1200" \
        "counts 2026"
    expect_equal "$(funding)" \
        "autre:1:240 cpf:2:540 employeur:1:60 non-renseigne:1:90 reclassement:1:270" "by_funding 2026"
    expect_equal "$(evaluations)" "chaud:1:4 froid:0:null" "evaluations 2026"
    expect_equal "$(jget .floor_breaches)" 2 "floor breaches 2026: alice, hugo"
    # Ended 2 (alice, hugo), abandoned 1 (emma, on her end day): 2/3; chaud expected of alice
    # and hugo; froid due in 2026 by today: david's (2026-05-20), answered.
    expect_equal "$(qualiopi)" "66.67 100 50 100 null" "qualiopi 2026"
    expect_equal "$(jget .bpf.f3e_bilans) $(jget .bpf.f3e_minutes)" "6 1200" "bpf F-3 e 2026"
    # A year without anything.
    run_in "$W" report cabinet --year 2024 --json
    expect_status 0 "--year 2024"
    expect_equal "$(counts)" \
        "year=2024 folders=8 bilans=0 started=0 ended=0 abandoned=0 accompaniment_minutes=0" \
        "counts 2024"
    expect_equal "$(jget .evaluations.chaud.satisfaction_mean)" null "no response: null mean"
}

test_report_a_session_straddling_the_year_counts_its_own_minutes() {
    need_fixture || return
    local dir
    dir=$(copy_practice)
    "$BILAN" init "$dir/cabinet/ines" --beneficiary "Inès Faure" --start 2025-12-01 \
        --funding cpf >/dev/null
    "$BILAN" -C "$dir/cabinet/ines" session add --date 2025-12-29 --phase preliminaire --duration 2h >/dev/null
    "$BILAN" -C "$dir/cabinet/ines" session add --date 2026-01-05 --phase investigation --duration 3h >/dev/null
    run_in "$dir" report cabinet/ines --year 2026 --json
    expect_equal "$(counts)" \
        "year=2026 folders=1 bilans=1 started=0 ended=0 abandoned=0 accompaniment_minutes=180" \
        "a bilan across two years, in 2026"
    run_in "$dir" report cabinet/ines --year 2025 --json
    expect_equal "$(jget .accompaniment_minutes)" 120 "the same in 2025"
    expect_equal "$(jget .started)" 1 "started in 2025"
}

test_report_csv() {
    need_fixture || return
    run_in "$W" report cabinet --year 2026 --csv
    expect_status 0 "report --csv"
    local lines
    lines=$(printf '%s\n' "$out" | tr -d '\r')
    expect_equal "$(printf '%s\n' "$lines" | head -8)" "indicateur,valeur
year,2026
folders,8
bilans,6
started,6
ended,2
abandoned,1
accompaniment_minutes,1200" "CSV first lines"
    # RFC 4180: CRLF after every line.
    expect_equal "$(printf '%s\n' "$out" | grep -vc $'\r$')" 0 "CSV lines without CRLF"
    # Every line two fields (RFC 4180: a field with a comma is quoted).
    local bad
    bad=$(printf '%s\n' "$lines" | LC_ALL=C awk '{
        n = 0; q = 0
        for (i = 1; i <= length($0); i++) { c = substr($0, i, 1); if (c == "\"") q = !q; else if (c == "," && !q) n++ }
        if (n != 1 || q) print }')
    expect_equal "$bad" "" "CSV lines without exactly two fields"
    printf '%s\n' "$lines" | grep -qx 'by_funding.cpf.accompaniment_minutes,540' && ok ||
        fail "CSV lacks by_funding.cpf.accompaniment_minutes,540"
    printf '%s\n' "$lines" | grep -qx 'evaluations.froid.satisfaction_mean,' && ok ||
        fail "CSV: a null mean is not an empty value"
    expect_out_lacks "{"
}

# The CSV in $out as one line per record, its fields joined by a tab, a CR or LF inside a
# quoted field shown as \r, \n (RFC 4180: quoted fields, quotes doubled, CRLF between records).
csv_records() {
    printf '%s\n' "$out" | LC_ALL=C awk 'BEGIN { RS = "\001" } {
        s = $0; n = length(s); field = ""; rec = ""; q = 0
        for (i = 1; i <= n; i++) {
            c = substr(s, i, 1)
            if (q) {
                if (c == "\"") {
                    if (substr(s, i + 1, 1) == "\"") { field = field "\""; i++ } else q = 0
                } else if (c == "\r") field = field "\\r"
                else if (c == "\n") field = field "\\n"
                else field = field c
            } else if (c == "\"") q = 1
            else if (c == ",") { rec = rec field "\t"; field = "" }
            else if (c == "\r" && substr(s, i + 1, 1) == "\n") { print rec field; rec = ""; field = ""; i++ }
            else field = field c
        }
        if (rec != "" || field != "") print rec field
    }'
}

# Issue 22.5: an answer written by hand with line breaks, a comma and a formula stays in its
# cell — no row injected, no cell a spreadsheet takes for a formula.
test_report_csv_quotes_what_the_folders_hold() {
    local dir=$TMP_ROOT/csv
    mkdir -p "$dir"
    cpf_bilan_at "$dir/ines" "Inès Piège"
    "$BILAN" -C "$dir/ines" set end 2026-06-01 >/dev/null
    "$BILAN" -C "$dir/ines" evaluation add froid --date 2026-06-10 --satisfaction 3 \
        --answer situation=autre >/dev/null
    sed -i 's|^answers = .*|answers = ["situation=x\\r\\nbilans,9999\\r\\n=HYPERLINK(\\"http://evil\\";\\"x\\")"]|' \
        "$dir"/ines/evaluations/*.toml
    run report "$dir/ines" --csv
    expect_status 0 "report --csv"
    local records
    records=$(csv_records)
    expect_equal "$(printf '%s\n' "$records" | LC_ALL=C awk -F'\t' 'NF != 2')" "" \
        "CSV records without exactly two fields"
    expect_equal "$(printf '%s\n' "$records" | grep -c '^bilans	')" 1 "one bilans record"
    expect_equal "$(printf '%s\n' "$records" | LC_ALL=C awk -F'\t' '$1 ~ /^[=+@]/ || $2 ~ /^[=+@]/')" "" \
        "CSV cells a spreadsheet would take for a formula"
    printf '%s\n' "$records" |
        grep -qxF 'evaluations.froid.situations.x\r\nbilans,9999\r\n=HYPERLINK("http://evil";"x")	1' &&
        ok || fail "the answer is not one quoted cell"
    expect_out_contains '"evaluations.froid.situations.x'$'\r\n''bilans,9999'$'\r\n''=HYPERLINK(""http://evil"";""x"")",1'$'\r\n'
}

test_report_markdown_tables() {
    need_fixture || return
    run_in "$W" report cabinet --year 2026
    expect_status 0 "report"
    local tables
    tables=$(printf '%s\n' "$out" | grep -c '^|')
    [ "$tables" -ge 6 ] && ok || fail "only $tables table rows"
    printf '%s\n' "$out" | grep -qE '^\|[ :|-]*---' && ok || fail "no table separator row"
    expect_equal "$(printf '%s\n' "$out" | head -1)" "# Activité du cabinet en 2026" "title"
    local row
    for row in "| Bilans | 6 |" "| Bilans commencés | 6 |" "| Bilans terminés | 2 |" \
        "| Bilans abandonnés | 1 |" "| Heures d'accompagnement | 20 h |" \
        "| congé de reclassement | 1 | 4 h 30 |" "| à chaud | 1 | 4 | 1 |"; do
        printf '%s\n' "$out" | plain_spaces | grep -qxF "$row" && ok || fail "Markdown lacks the row $row"
    done
    expect_out_lacks '"schema"'
    expect_out_lacks $'\e['
    # The bilans without a public: one line, never one per folder.
    expect_equal "$err" "bilan: 6 bilans sans public renseigné : le BPF ne peut pas les classer en F-1 (cabinet/alice, cabinet/bruno, cabinet/chloe…) ; bilan -C DOSSIER set public salarie|apprenti|demandeur-emploi|particulier|autre ; la liste entière avec --detail" "stderr"
}

# ---- which folders --------------------------------------------------------------------------

test_default_dir_is_the_practice_found_above() {
    need_fixture || return
    local want
    run_in "$W" due cabinet --json
    want=$(due_people)
    run_in "$P/equipe/david" due --json
    expect_status 0 "due inside a bilan of the practice"
    expect_equal "$(due_people)" "$want" "due from cabinet/equipe/david"
    run_in "$P/equipe" report --json
    expect_equal "$(jget .bilans)" 8 "report from cabinet/equipe"
    run_in "$TMP_ROOT" -C "$P/equipe" due --json
    expect_equal "$(due_people)" "$want" "due -C cabinet/equipe"
    # With a DIR, -C is nothing: DIR is taken from the current directory.
    run_in "$W" -C "$P/equipe" due cabinet --json
    expect_equal "$(due_rows)" "$ALL_DUE" "due -C X cabinet"
    BILAN_PRACTICE=$P run_in "$TMP_ROOT" due --json
    expect_equal "$(due_people)" "$want" "due with BILAN_PRACTICE"
    # No practice above: the current directory.
    local loose=$TMP_ROOT/loose
    mkdir -p "$loose"
    cpf_bilan_at "$loose/zoe" "Zoé Blanc"
    run_in "$loose" due --json
    expect_equal "$(due_people)" "2026-06-04 edof-entree Zoé Blanc true" "no practice: the current folder"
    run_in "$loose/zoe" due
    expect_out_contains "en retard  Zoé Blanc ("
    expect_out_contains ") : déclaration d'entrée EDOF"
    run_in "$loose" report --json
    expect_equal "$(jget .bilans)" 1 "report without a practice"
    # A folder without any bilan: nothing, and no problem.
    mkdir -p "$TMP_ROOT/rien"
    run_in "$TMP_ROOT/rien" due
    expect_status 0 "due where there is no bilan"
    expect_out "Aucune échéance."
    expect_err_contains "aucun bilan dans ce dossier" # not a comforting "nothing due" alone
    expect_err_one_line
    run_in "$TMP_ROOT" due rien --json
    expect_status 0
    expect_equal "$(jget '.notes[0].folder')" '"rien"' "a DIR without a bilan is noted"
}

test_each_bilan_once_in_path_order() {
    need_fixture || return
    run_in "$W" due cabinet cabinet/alice cabinet --json
    expect_status 0
    expect_equal "$(due_rows)" "$ALL_DUE" "the same bilans given twice"
    run_in "$W" due cabinet/ --json
    expect_equal "$(due_rows)" "$ALL_DUE" "a DIR with a trailing slash"
    run_in "$W" report cabinet/gael cabinet/alice --json
    expect_equal "$(jget .folders)" 2 "two bilans given"
    expect_equal "$(jget .accompaniment_minutes)" 510 "420 + 90"
}

# Issue 22.8: one bilan named by a relative and an absolute path, or through a link, is one,
# under the first name given.
test_one_bilan_named_twice_is_read_once() {
    need_fixture || return
    local alice
    alice=$(printf '%s\n' "$ALL_DUE" | grep ' cabinet/alice ')
    ln -sfn "$P" "$TMP_ROOT/cabinet-lien"
    ln -sfn "$P/alice" "$TMP_ROOT/alice-lien"
    run_in "$W" due cabinet/alice "$P/alice" --json
    expect_status 0
    expect_equal "$(due_rows)" "$alice" "relative, then absolute: once, the first name"
    run_in "$W" due cabinet "$TMP_ROOT/cabinet-lien" --json
    expect_equal "$(due_rows)" "$ALL_DUE" "the practice and a link to it"
    run_in "$W" report cabinet/alice "$TMP_ROOT/alice-lien" "$P/./alice" --json
    expect_equal "$(jget .folders)" 1 "three names of alice"
    expect_equal "$(jget .accompaniment_minutes)" 420 "alice's minutes once"
    run_in "$W" report "$TMP_ROOT/cabinet-lien" cabinet --json
    expect_equal "$(jget .folders)" 8 "a link to the practice, then the practice"
    expect_equal "$(jget .accompaniment_minutes)" 1740 "every bilan once"
}

test_same_day_deadlines_go_in_byte_order_of_their_folders() {
    need_fixture || return
    local dir
    dir=$(copy_practice)
    cpf_bilan_at "$dir/cabinet/ana" "Ana Petit"
    cpf_bilan_at "$dir/cabinet/Zoe" "Zoé Grand"   # 'Z' (0x5A) before 'a' (0x61)
    cpf_bilan_at "$dir/cabinet/élise" "Élise Accent" # 0xC3: after every ASCII letter
    cpf_bilan_at "$dir/cabinet/ana-b" "Ana Bis"   # a prefix first
    run_in "$dir" due cabinet --until 2026-06-05 --json
    expect_equal "$(due_rows | grep 2026-06-04)" '2026-06-04 edof-entree cabinet/Zoe true
2026-06-04 edof-entree cabinet/ana true
2026-06-04 edof-entree cabinet/ana-b true
2026-06-04 edof-entree cabinet/élise true' "same day: folders in byte order"
}

test_a_folder_name_is_escaped_in_json_and_kept_in_text() {
    need_fixture || return
    local dir
    dir=$(copy_practice)
    cpf_bilan_at "$dir/cabinet/jean \"jo\" dupont" "Jean Dupont"
    run_in "$dir" due cabinet --until 2026-06-05 --json
    expect_status 0 "a folder name with quotes and spaces"
    expect_equal "$(due_rows | grep 2026-06-04)" \
        '2026-06-04 edof-entree cabinet/jean \"jo\" dupont true' "the folder, escaped in JSON"
    run_in "$dir" due cabinet --until 2026-06-05
    expect_out_contains '(cabinet/jean "jo" dupont) : déclaration d'"'"'entrée EDOF'
    # A folder named with an escape sequence and a line break: one line, nothing raw.
    cpf_bilan_at "$dir/cabinet/evil"$'\e''[2J'$'\n''x' "Eve Vil"
    run_in "$dir" due cabinet --until 2026-06-05
    expect_out_lacks $'\e'
    expect_equal "$(printf '%s\n' "$out" | grep -c 'Eve Vil')" 1 "one line for the odd folder"
    run_in "$dir" due cabinet --until 2026-06-05 --json
    expect_out_contains '"cabinet/evil\u001b[2J\nx"'
}

# Issue 22.9: a folder named in Latin-1 is no UTF-8; JSON gets U+FFFD for each such byte, and
# stays valid.
test_a_folder_name_not_in_utf8_is_replaced_in_json() {
    need_fixture || return
    local dir
    dir=$(copy_practice)
    cpf_bilan_at "$dir/cabinet/h"$'\xe9'"l"$'\xe8'"ne" "Hélène Latin"
    cpf_bilan_at "$dir/cabinet/cass"$'\xe9' "Hervé Casse"
    printf 'date = [\n' >"$dir/cabinet/cass"$'\xe9'/sessions/0badbad0.toml
    run_in "$dir" due cabinet --until 2026-06-05 --json
    expect_status 1 "due --json with a broken folder"
    expect_equal "$(due_rows | grep 2026-06-04)" '2026-06-04 edof-entree cabinet/h\ufffdl\ufffdne true' \
        "each byte that is not UTF-8 is U+FFFD"
    expect_equal "$(jget '.problems[0].folder')" '"cabinet/cass\ufffd"' "the problem's folder"
    case $(jget '.problems[0].message') in
    '"cabinet/cass\ufffd/sessions/0badbad0.toml:'*) ok ;;
    *) fail "the problem's message: $(jget '.problems[0].message')" ;;
    esac
    printf '%s\n' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && ok || fail "due --json is not UTF-8"
    run_in "$dir" report cabinet --json
    expect_status 1 "report --json"
    printf '%s\n' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && ok || fail "report --json is not UTF-8"
    expect_out_contains '"folder": "cabinet/cass\ufffd"'
}

test_hidden_linked_empty_deep_and_nested_folders() {
    need_fixture || return
    local dir c
    dir=$(copy_practice)
    c=$dir/cabinet
    mkdir -p "$c/vide" "$c/vide2/sous" "$c/.archive" "$c/a/b/c" "$c/archives/2024" "$TMP_ROOT/dehors"
    cpf_bilan_at "$c/.archive/cachee" "Cachée Archive"     # hidden: skipped
    cpf_bilan_at "$c/archives/2024/lucie" "Lucie Trois"    # 3 levels down: found
    cpf_bilan_at "$c/a/b/c/profonde" "Profonde Quatre"     # 4 levels down: not searched
    cpf_bilan_at "$c/gael/annexe" "Sous Bilan"              # below a bilan: never
    cpf_bilan_at "$TMP_ROOT/dehors/zoe" "Zoé Dehors"
    ln -s alice "$c/lien"                                   # a link to a bilan of the practice
    ln -s "$TMP_ROOT/dehors" "$c/dehors"                    # a link to bilans elsewhere
    ln -s "$TMP_ROOT/dehors/zoe" "$c/zoe"
    printf 'pas un dossier\n' >"$c/notes.txt"
    run_in "$dir" due cabinet --json
    expect_status 0 "due with hidden, linked, empty and deep folders"
    expect_equal "$(due_rows | grep -v 'cabinet/archives/2024/lucie')" "$ALL_DUE" "the practice's own deadlines"
    expect_equal "$(due_rows | grep 'lucie')" "2026-06-04 edof-entree cabinet/archives/2024/lucie true" "lucie, 3 levels down"
    local name
    for name in Cachée Profonde "Sous Bilan" "Zoé" "cabinet/lien" "cabinet/vide" "notes.txt"; do
        expect_out_lacks "$name"
    done
    expect_equal "$(jget .problems)" "[]" "problems"
    # Empty subfolders are not even noted; a bilan one level too deep is (issue 22.21).
    expect_equal "$(jcount .notes)" 1 "one note"
    expect_equal "$(jget '.notes[0].folder')" '"cabinet/a/b/c/profonde"' "the note names the bilan too deep"
    expect_equal "$(jget '.notes[0].message')" \
        '"bilan non lu : plus de 3 niveaux sous cabinet ; donnez-le en DIR pour le lire"' "its message"
    run_in "$dir" due cabinet
    expect_status 0
    expect_err_contains "bilan: cabinet/a/b/c/profonde : bilan non lu : plus de 3 niveaux sous cabinet"
    expect_err_one_line
    run_in "$dir" report cabinet --json
    expect_status 0
    expect_equal "$(jget .folders)" 9 "8 + lucie"
    expect_equal "$(jget .bilans)" 9
    expect_equal "$(jget .problems)" "[]" "report problems"
    expect_equal "$(jget '.notes[0].folder')" '"cabinet/a/b/c/profonde"' "report's note"
    # A DIR whose only bilan is too deep: that note alone, not "aucun bilan".
    run_in "$dir/cabinet" due a --json
    expect_status 0
    expect_equal "$(jcount .notes)" 0 "profonde is 3 levels under a/: found"
    expect_equal "$(due_rows)" "2026-06-04 edof-entree a/b/c/profonde true" "and read"
    mkdir -p "$dir/haut/un/deux/trois"
    cpf_bilan_at "$dir/haut/un/deux/trois/quatre" "Quatre Niveaux"
    run_in "$dir" due haut --json
    expect_status 0 "a DIR with a bilan too deep only"
    expect_equal "$(jcount .notes)" 1 "one note"
    expect_equal "$(jget '.notes[0].folder')" '"haut/un/deux/trois/quatre"' "the bilan too deep, not 'aucun bilan'"
}

test_a_newer_format_is_read_and_said_in_notes() {
    need_fixture || return
    local dir
    dir=$(copy_practice)
    cpf_bilan_at "$dir/cabinet/futur" "Fabien Futur"
    sed -i 's/^format = .*/format = 9/' "$dir/cabinet/futur/bilan.toml"
    printf 'inconnu_du_futur = "x"\n' >>"$dir/cabinet/futur/bilan.toml"
    run_in "$dir" due cabinet --json
    expect_status 0 "a newer folder is no problem"
    expect_equal "$(due_rows | grep futur)" "2026-06-04 edof-entree cabinet/futur true" "futur's deadline"
    expect_equal "$(due_rows | grep -v futur)" "$ALL_DUE" "the others"
    expect_equal "$(jget .problems)" "[]" "problems"
    expect_equal "$(jget '.notes[0].folder')" '"cabinet/futur"' "the note names the folder"
    case $(jget '.notes[0].message') in *9*) ok ;; *) fail "the note does not say format 9" ;; esac
    expect_equal "$(jcount .notes)" 1 "one note"
    run_in "$dir" due cabinet
    expect_status 0
    expect_out_contains "Fabien Futur (cabinet/futur) : déclaration d'entrée EDOF"
    expect_equal "$(printf '%s\n' "$err" | grep -c 'cabinet/futur')" 1 "one line on stderr"
    expect_err_one_line
    run_in "$dir" report cabinet --json
    expect_status 0 "report"
    expect_equal "$(jget .bilans)" 9 "the newer bilan is reported"
    expect_equal "$(jget '.notes[0].folder')" '"cabinet/futur"' "report's note"
    expect_equal "$(jget .problems)" "[]" "report problems"
}

test_a_broken_folder_is_a_problem_and_the_others_are_reported() {
    need_fixture || return
    local dir
    dir=$(copy_practice)
    cpf_bilan_at "$dir/cabinet/casse" "Hervé Casse"
    printf 'date = 2026-03-04\nphase = "preliminaire"\nminutes = = 120\n' \
        >"$dir/cabinet/casse/sessions/0badbad0.toml"
    local where="cabinet/casse/sessions/0badbad0.toml:3:11:"
    run_in "$dir" due cabinet --json
    expect_status 1 "due with a broken folder"
    expect_equal "$(due_rows)" "$ALL_DUE" "the others"
    expect_equal "$(jcount .problems)" 1 "one problem"
    expect_equal "$(jget '.problems[0].folder')" '"cabinet/casse"' "problem folder"
    case $(jget '.problems[0].message') in
    "\"$where"*) ok ;;
    *) fail "problem message is not $where…: $(jget '.problems[0].message')" ;;
    esac
    run_in "$dir" due cabinet
    expect_status 1 "due (text) with a broken folder"
    expect_out_contains "Emma Moreau (cabinet/emma) : déclaration d'entrée EDOF"
    # One line naming the folder: "bilan: FOLDER : MESSAGE", the message alone when it already
    # begins with a file of the folder (FolderNote::line; contract17 says FOLDER : MESSAGE).
    expect_err_contains "bilan: $where TOML invalide"
    expect_err_one_line
    run_in "$dir" report cabinet --json
    expect_status 1 "report with a broken folder"
    expect_equal "$(jget .folders)" 9 "a broken folder is a folder found"
    expect_equal "$(jget .bilans)" 8 "and not a bilan read"
    expect_equal "$(jget .accompaniment_minutes)" 1740 "the others' minutes"
    expect_equal "$(jget '.problems[0].folder')" '"cabinet/casse"' "report problem folder"
    run_in "$dir" report cabinet --csv
    expect_status 1 "report --csv with a broken folder"
    expect_err_contains "cabinet/casse"
    run_in "$dir" report cabinet
    expect_status 1 "report (text) with a broken folder"
    expect_err_contains "bilan: $where"
    # The problem in one line; beside it, the one line on the bilans without a public.
    expect_equal "$(printf '%s\n' "$err" | grep -vc 'sans public renseigné')" 1 "the problem in one line"
}

# Deadlines and figures need the administrative records and the action plan, not what the
# beneficiary said: due, report and agenda count the other content records without parsing them
# (store::Reading::figures). A skill file they cannot read changes nothing, and david's one
# skill still holds his destruction on 2026-11-20; check, which reads everything, still says it.
test_figures_count_content_without_reading_it() {
    need_fixture || return
    local dir skill
    dir=$(copy_practice)
    skill=$(ls "$dir"/cabinet/equipe/david/skills/*.toml)
    printf 'text = = "illisible"\n' >"$skill"
    run_in "$dir" due cabinet --json
    expect_status 0 "due with a content file it does not need"
    expect_equal "$(due_rows)" "$ALL_DUE" "every deadline, david's destruction included"
    run_in "$dir" report cabinet --json
    expect_status 0 "report with a content file it does not need"
    expect_equal "$(jget .accompaniment_minutes)" 1740 "every folder's minutes"
    run_in "$dir" agenda cabinet
    expect_status 0 "agenda with a content file it does not need"
    run_in "$dir" -C cabinet/equipe/david check
    expect_status 1 "check reads it"
    expect_out_contains "skills/"
    # Without the skill, nothing holds content any more: no destruction left to do.
    rm "$skill"
    run_in "$dir" due cabinet --json
    expect_equal "$(due_rows | grep -c 'destruction cabinet/equipe/david')" 0 "no content, no destruction"
}

# Issue 22.17: a bilan.toml that is no regular file is said for what it is, never "pas de
# bilan.toml"; a FIFO is never opened (the run would block).
test_a_bilan_toml_that_is_no_file_says_what_it_is() {
    need_fixture || return
    local dir c
    dir=$(copy_practice)
    c=$dir/cabinet
    mkdir "$c/tube" "$c/dossier" "$c/lien"
    mkfifo "$c/tube/bilan.toml"
    mkdir "$c/dossier/bilan.toml"
    ln -s nulle-part "$c/lien/bilan.toml"
    run_in "$dir" due cabinet --json
    expect_status 1 "due with three bilan.toml that are no file"
    expect_equal "$(due_rows)" "$ALL_DUE" "the others"
    expect_equal "$(jcount .problems)" 3 "three problems"
    local fix=' : remplacez-le par le fichier bilan.toml du bilan"'
    expect_equal "$(jget '.problems[0].message')" \
        '"cabinet/dossier/bilan.toml n'"'"'est pas un fichier ordinaire (dossier)'"$fix" "a folder"
    expect_equal "$(jget '.problems[1].message')" \
        '"cabinet/lien/bilan.toml n'"'"'est pas un fichier ordinaire (lien symbolique sans cible)'"$fix" "a dangling link"
    expect_equal "$(jget '.problems[2].message')" \
        '"cabinet/tube/bilan.toml n'"'"'est pas un fichier ordinaire (tube nommé)'"$fix" "a FIFO"
    run_in "$dir" due cabinet/tube
    expect_status 1
    expect_err_contains "bilan: cabinet/tube/bilan.toml n'est pas un fichier ordinaire (tube nommé)"
    expect_err_lacks "pas de bilan.toml"
    expect_err_one_line
    run_in "$dir" -C cabinet/lien status
    expect_status 1 "status in a folder whose bilan.toml is a dangling link"
    expect_err_contains "(lien symbolique sans cible)"
}

# Issue 22.13: a bad BILAN_LOCK_WAIT is one usage error (exit 2) before any folder is read.
test_a_bad_lock_wait_is_one_usage_error() {
    need_fixture || return
    local args
    for args in "due cabinet" "due cabinet --json" "report cabinet --csv" "report cabinet --json"; do
        # shellcheck disable=SC2086
        BILAN_LOCK_WAIT=abc run_in "$W" $args
        expect_status 2 "$args with BILAN_LOCK_WAIT=abc"
        expect_equal "$out" "" "$args: nothing on stdout"
        expect_err_one_line
        expect_err_contains "BILAN_LOCK_WAIT : « abc »"
    done
}

# Issue 22.13: a folder locked by a writer past the wait is a problem (exit 1), and due does
# not answer "Aucune échéance." for what it could not read.
test_a_locked_folder_is_a_problem_not_an_empty_answer() {
    need_fixture || return
    local dir
    dir=$(copy_practice)
    exec 9<"$dir/cabinet/alice"
    flock -x 9 # this shell is the writer: its lock, not bilan's open of the folder
    BILAN_LOCK_WAIT=0 run_in "$dir" due cabinet/alice
    expect_status 1 "due on a locked bilan"
    expect_out "Aucune échéance dans les dossiers lus ; 1 dossier non lu (ci-dessous)."
    expect_err_contains "bilan: cabinet/alice : le dossier cabinet/alice est verrouillé"
    expect_err_one_line
    BILAN_LOCK_WAIT=0 run_in "$dir" due cabinet --json
    expect_status 1 "due --json with a locked bilan"
    expect_equal "$(due_rows)" "$(printf '%s\n' "$ALL_DUE" | grep -v ' cabinet/alice ')" "the others"
    expect_equal "$(jget '.problems[0].folder')" '"cabinet/alice"' "the locked bilan"
    BILAN_LOCK_WAIT=0 run_in "$dir" report cabinet --json
    expect_status 1 "report with a locked bilan"
    expect_equal "$(jget .bilans)" 7 "the others"
    exec 9<&-
    run_in "$dir" due cabinet/alice
    expect_status 0 "released"
}

test_a_dir_that_does_not_exist_is_a_problem() {
    need_fixture || return
    run_in "$W" due nulle-part --json
    expect_status 1 "due on a missing DIR"
    expect_equal "$(jget .due)" "[]" "nothing due"
    expect_equal "$(jget '.problems[0].folder')" '"nulle-part"' "problem folder"
    run_in "$W" due cabinet nulle-part --json
    expect_status 1 "due on a practice and a missing DIR"
    expect_equal "$(due_rows)" "$ALL_DUE" "the practice still read"
    expect_equal "$(jcount .problems)" 1 "one problem"
    run_in "$W" due nulle-part
    expect_status 1
    expect_err_contains "bilan: nulle-part : "
    run_in "$W" report cabinet nulle-part --json
    expect_status 1 "report on a missing DIR"
    expect_equal "$(jget .bilans)" 8 "the practice still reported"
    expect_equal "$(jget '.problems[0].folder')" '"nulle-part"' "report problem folder"
}

# ---- nothing written ------------------------------------------------------------------------

test_neither_command_writes_anything() {
    need_fixture || return
    local dir before args
    dir=$(copy_practice)
    cpf_bilan_at "$dir/cabinet/futur" "Fabien Futur"
    sed -i 's/^format = .*/format = 9/' "$dir/cabinet/futur/bilan.toml"
    cpf_bilan_at "$dir/cabinet/casse" "Hervé Casse"
    printf 'date = [\n' >"$dir/cabinet/casse/sessions/0badbad0.toml"
    mkdir "$dir/cabinet/vide"
    before=$(listing "$dir")
    sleep 0.02 # a write now would show in the times
    for args in "due cabinet" "due cabinet --json" "due cabinet --until 2026-07-01" "due" \
        "report cabinet" "report cabinet --json" "report cabinet --csv" \
        "report cabinet --year 2026 --json" "report"; do
        # shellcheck disable=SC2086
        run_in "$dir" $args
        # shellcheck disable=SC2086
        run_in "$dir/cabinet/equipe/david" $args
    done
    if [ "$(listing "$dir")" = "$before" ]; then ok; else
        fail "due/report changed the folders"
        diff <(printf '%s\n' "$before") <(listing "$dir") | head -10
    fi
}

run_tests
