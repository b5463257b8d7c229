#!/usr/bin/env bash
# What a person types, checked before anything is written: control characters that drive a
# terminal or reorder text, ids and their prefixes, durations that could mean two things, a
# free text never taken for an id, a framework whose aliases would file a session elsewhere.
. "$(dirname "$0")/lib.sh" "$@"

B() { "$BILAN" -C "$dir" "$@"; }

# Runs bilan under a pseudo-terminal (script(1)); sets $out and $status like run.
run_on_tty() {
    local command
    printf -v command '%q ' "$BILAN" "$@"
    out=$(script -qec "$command" /dev/null </dev/null | tr -d '\r')
    status=${PIPESTATUS[0]}
}
have_script() { script -qec true /dev/null </dev/null >/dev/null 2>&1; }

CSI=$'\xc2\x9b'   # U+009B, a terminal's CSI in C1
RLO=$'\xe2\x80\xae' # U+202E, right-to-left override
LRI=$'\xe2\x81\xa6' # U+2066, left-to-right isolate

# ---- item 18: C1 controls and bidi overrides --------------------------------------------

test_c1_and_bidi_are_refused_in_every_text_option() {
    local dir snapshot exp piste n=0
    dir=$(new_bilan)
    exp=$(B experience add "Comptable" --kind poste)
    piste=$(B piste add "Formatrice")
    snapshot=$(fingerprint "$dir")
    # Which characters are refused is require_typed_text's rule, each of them unit-tested
    # (tests/unit/core/test_values.cpp); here every text option shows it goes through that
    # check, each option with the next of these six in turn (C1 CSI, RLO, LRI, NEL, LRE, PDI).
    local bads=("a${CSI}31mb" "a${RLO}b" "a${LRI}b" $'a\xc2\x85b' $'a\xe2\x80\xaab' $'a\xe2\x81\xa9b')
    # refused LABEL ARGS…: runs bilan with ARGS, @BAD@ the next refused text; exit 2 expected.
    refused() {
        local label=$1 arg args=() bad=${bads[$((n % 6))]}
        n=$((n + 1))
        shift
        for arg in "$@"; do args+=("${arg//@BAD@/$bad}"); done
        run "${args[@]}"
        expect_status 2 "$label"
    }
    refused "skill TEXT" -C "$dir" skill add @BAD@ --type savoir
    expect_err_one_line
    expect_err_contains "caractère de contrôle non accepté"
    refused "--domain" -C "$dir" skill add "ok" --type savoir --domain @BAD@
    refused "--source" -C "$dir" skill add "ok" --type savoir --source @BAD@
    refused "--evidence" -C "$dir" skill add "ok" --type savoir --evidence @BAD@
    refused "experience TITLE" -C "$dir" experience add @BAD@ --kind poste
    refused "--org" -C "$dir" experience add "ok" --kind poste --org @BAD@
    refused "trait --note" -C "$dir" trait add "ok" --kind valeur --note @BAD@
    refused "test INSTRUMENT" -C "$dir" test add @BAD@ --date 2026-03-10 --result "ok"
    refused "--result" -C "$dir" test add "ok" --date 2026-03-10 --result @BAD@
    refused "--for" -C "$dir" piste add "ok" --for @BAD@
    refused "--with" -C "$dir" piste survey "$piste" --date 2026-03-10 --with @BAD@
    refused "--why" -C "$dir" piste decide "$piste" retained --why @BAD@
    refused "--title" -C "$dir" project set --title @BAD@
    refused "--strength" -C "$dir" project set --strength @BAD@
    refused "action TEXT" -C "$dir" action add @BAD@ --horizon court
    refused "session --note" -C "$dir" session add --date 2026-03-10 --phase investigation \
        --duration 1h --note @BAD@
    refused "set demand" -C "$dir" set demand @BAD@
    refused "consent RECIPIENT" -C "$dir" consent grant @BAD@ --date 2026-03-10
    refused "init --beneficiary" init "$TMP_ROOT/never" --beneficiary @BAD@
    expect_unchanged "$dir" "$snapshot"
    [ -e "$TMP_ROOT/never" ] && fail "init wrote a folder" || ok
    # An unknown term quoted in a message is escaped, never printed raw.
    run -C "$dir" skill add "ok" --type "x${CSI}31m"
    expect_status 2
    expect_err_contains 'x\u009b31m'
    case $err in *"$CSI"*) fail "the message printed U+009B raw" ;; *) ok ;; esac
}

test_c1_and_bidi_from_a_hand_edit_are_escaped_in_every_output() {
    local dir
    dir=$(new_bilan)
    mkdir -p "$dir/skills" "$dir/pistes"
    printf 'text = "Rigueur%s31m et %sinverse"\ntype = "savoir-etre"\n' "$CSI" "$RLO" >"$dir/skills/0badc0de.toml"
    printf 'title = "Piste %sisolée"\ndecision = "retained"\n' "$LRI" >"$dir/pistes/0badc0df.toml"
    printf 'title = "Projet%s"\nstrength = ["Force%s"]\n' "$RLO" "$CSI" >"$dir/project.toml"
    "$BILAN" -C "$dir" set beneficiary "Claire Martin"
    # a hand edit of the beneficiary's name too
    sed -i "s/^beneficiary = .*/beneficiary = \"Claire${RLO}Martin\"/" "$dir/bilan.toml"
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-03-10
    sed -i "s/^recipient = .*/recipient = \"France${RLO}Travail\"/" "$dir/consents/france-travail.toml"
    local cmd
    for cmd in "skill list" "skill list --json" "piste list" "piste list --json" "project show" \
        "project show --json" "status" "status --json" "render" "consent list" \
        "consent list --json"; do
        run -C "$dir" $cmd
        expect_status 0 "$cmd reads the hand edit"
        case $out in *"$CSI"* | *"$RLO"* | *"$LRI"*) fail "$cmd printed a control raw" ;; *) ok ;; esac
    done
    run -C "$dir" skill list
    expect_out_contains 'Rigueur\u009b31m et \u202einverse'
    run -C "$dir" skill list --json
    expect_out_contains '"text": "Rigueur\u009b31m et \u202einverse"'
    run -C "$dir" status
    expect_out_contains 'Claire\u202eMartin'
    run -C "$dir" render
    expect_out_contains 'Rigueur 31m et  inverse'
    run -C "$dir" consent list
    expect_out_contains 'France\u202eTravail'
}

# ---- item 22: ids ----------------------------------------------------------------------

test_an_empty_id_is_a_usage_error_a_short_prefix_says_so() {
    local dir group snapshot
    dir=$(new_bilan)
    B skill add "Paie" --type savoir >/dev/null
    B action add "Appeler" --horizon court >/dev/null
    B piste add "Formatrice" >/dev/null
    snapshot=$(fingerprint "$dir")
    for group in session skill experience trait test piste action; do
        run -C "$dir" "$group" rm ""
        expect_status 2 "$group rm ''"
        expect_err_one_line
        expect_err_contains "ne peut pas être vide"
        run -C "$dir" "$group" rm ab
        expect_status 2 "$group rm ab"
        expect_err_one_line
        expect_err_contains "préfixe trop court, 3 caractères au moins"
        case $err in *"aucun enregistrement"*) fail "$group rm ab: says no record" ;; *) ok ;; esac
    done
    run -C "$dir" action done ""
    expect_status 2 "action done ''"
    run -C "$dir" action done a
    expect_status 2 "action done a"
    expect_err_contains "préfixe trop court"
    run -C "$dir" piste decide "" retained
    expect_status 2 "piste decide ''"
    run -C "$dir" piste decide 12 dropped
    expect_status 2 "piste decide 12"
    run -C "$dir" piste survey "" --date 2026-03-10 --with "X"
    expect_status 2 "piste survey ''"
    run -C "$dir" skill add "X" --type savoir --experience ""
    expect_status 2 "--experience ''"
    expect_unchanged "$dir" "$snapshot"
}

test_upper_case_ids_and_prefixes_are_accepted() {
    local dir skill action piste upper
    dir=$(new_bilan)
    skill=$(B skill add "Paie" --type savoir)
    action=$(B action add "Appeler" --horizon court)
    piste=$(B piste add "Formatrice")
    upper=$(printf '%s' "$action" | tr a-f A-F)
    run -C "$dir" action done "$upper"
    expect_status 0 "action done UPPER"
    expect_file_contains "$dir/actions/$action.toml" "done = true"
    upper=$(printf '%s' "${piste:0:4}" | tr a-f A-F)
    run -C "$dir" piste decide "$upper" retained
    expect_status 0 "piste decide UPPER prefix"
    run -C "$dir" piste survey "$upper" --date 2026-03-10 --with "Une formatrice"
    expect_status 0 "piste survey UPPER prefix"
    upper=$(printf '%s' "$skill" | tr a-f A-F)
    run -C "$dir" skill rm "$upper"
    expect_status 0 "skill rm UPPER"
    [ -e "$dir/skills/$skill.toml" ] && fail "not removed" || ok
}

test_rm_says_what_it_removed_on_a_terminal_only() {
    local dir skill session
    dir=$(new_bilan)
    skill=$(B skill add "Établir les paies" --type savoir-faire)
    session=$(B session add --date 2026-03-09 --phase investigation --duration 2h --note "Entretien")
    run -C "$dir" skill rm "$skill"
    expect_status 0
    expect_out "" # a script gets nothing
    skill=$(B skill add "Établir les paies" --type savoir-faire)
    if ! have_script; then
        echo "skipped: no script(1) for a pseudo-terminal"
        return
    fi
    run_on_tty -C "$dir" skill rm "${skill:0:4}"
    expect_status 0 "skill rm on a terminal"
    expect_out_contains "Compétence supprimée : $skill"
    expect_out_contains "Établir les paies"
    run_on_tty -C "$dir" session rm "$session"
    expect_out_contains "Séance supprimée : $session  2026-03-09"
    [ -e "$dir/sessions/$session.toml" ] && fail "session not removed" || ok
}

# ---- item 23: session add warns at once; ambiguous durations ----------------------------

test_session_add_warns_at_once_and_still_records() {
    local dir
    dir=$(new_bilan)
    B set end 2026-05-29
    run -C "$dir" session add --date 2026-03-09 --phase investigation --duration 23h
    expect_status 0 "under the cap"
    expect_equal "$err" "" "no warning under the cap"
    run -C "$dir" session add --date 2026-03-10 --phase conclusion --duration 2h
    expect_status 0 "over the cap: recorded"
    [ -e "$dir/sessions/$out.toml" ] && ok || fail "the session over the cap was not recorded"
    expect_err_contains "bilan: attention : avec cette séance, le bilan compte 25h pour un plafond de 24h"
    run -C "$dir" session add --date 2026-02-27 --phase preliminaire --duration 1h
    expect_status 0 "before the start: recorded"
    expect_err_contains "séance du 2026-02-27 avant le début du bilan (2026-03-02)"
    # Seen from after it (on this suite's day it would be planned, and warn of nothing).
    BILAN_TODAY=2026-12-01 run -C "$dir" session add --date 2026-06-02 --phase conclusion --duration 1h
    expect_status 0 "after the end: recorded"
    expect_err_contains "séance du 2026-06-02 après la fin du bilan (2026-05-29)"
    # Outside the bilan's phases, neither dates nor cap apply (as in status).
    run -C "$dir" session add --date 2026-02-20 --phase prealable --duration 1h
    expect_status 0
    expect_equal "$err" "" "préalable before the start"
    BILAN_TODAY=2026-12-01 run -C "$dir" session add --date 2026-11-30 --phase suivi --duration 1h
    expect_equal "$err" "" "suivi after the end"
}

test_one_digit_of_minutes_is_ambiguous() {
    local dir snapshot
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" session add --date 2026-03-09 --phase investigation --duration 2h3
    expect_status 2 "2h3"
    expect_err_one_line
    expect_err_contains "durée ambiguë « 2h3 » : écrivez 2h03 ou 2h30"
    run -C "$dir" session add --date 2026-03-09 --phase investigation --duration 2:3
    expect_status 2 "2:3"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" session add --date 2026-03-09 --phase investigation --duration 2h3m
    expect_status 0 "2h3m says minutes"
    run -C "$dir" session list --json
    expect_out_contains '"minutes": 123'
}

# ---- item 20: --source is text, --experience a link ------------------------------------

test_source_is_always_text_experience_is_the_link() {
    local dir exp2019 exp k
    dir=$(new_bilan)
    exp=$(B experience add "Comptable" --kind poste)
    # An experience whose id starts with 2019 would once have swallowed "--source 2019".
    k=$(B skill add "Paie" --type savoir --source 2019)
    expect_file_contains "$dir/skills/$k.toml" 'source = "2019"'
    grep -q '^experience' "$dir/skills/$k.toml" && fail "--source became a link" || ok
    k=$(B skill add "Paie 2" --type savoir --source "$exp")
    expect_file_contains "$dir/skills/$k.toml" "source = \"$exp\""
    grep -q '^experience' "$dir/skills/$k.toml" && fail "--source ID became a link" || ok
    run -C "$dir" skill add "Plan comptable" --type savoir --experience "${exp:0:4}"
    expect_status 0 "--experience PREFIX"
    expect_file_contains "$dir/skills/$out.toml" "experience = \"$exp\""
    grep -q '^source' "$dir/skills/$out.toml" && fail "--experience wrote a source" || ok
    run -C "$dir" skill list --json
    expect_out_contains '"source": "2019",
      "experience": null'
    expect_out_contains "\"source\": null,
      \"experience\": \"$exp\""
    run -C "$dir" skill add "X" --type savoir --experience ffffffff
    expect_status 1 "unknown experience"
    expect_err_contains "aucun enregistrement « ffffffff »"
    run -C "$dir" experience rm "$exp"
    expect_status 1 "linked by --experience"
    expect_err_contains "est la source de 1 compétence"
    run -C "$dir" check --json
    expect_out_lacks "n'existe pas"
}

# ---- item 21: a framework's aliases name one phase -------------------------------------

write_framework() { # FILE, then the TOML of its phases on stdin
    { printf 'name = "cabinet"\n'; cat; } >"$1"
}

test_a_framework_whose_alias_names_another_phase_is_refused() {
    local fw=$TMP_ROOT/fw.toml
    write_framework "$fw" <<'TOML'
[[phases]]
key = "exploration"
aliases = ["explorer", "investigation"]

[[phases]]
key = "investigation"
TOML
    run init "$TMP_ROOT/fw1" --beneficiary X --framework "$fw"
    expect_status 1 "alias = another phase's key"
    expect_err_one_line
    expect_err_contains "$fw:4:24: alias « investigation » de la phase « exploration » : c'est la clé de la phase « investigation »"
    [ -e "$TMP_ROOT/fw1" ] && fail "init wrote a folder" || ok

    write_framework "$fw" <<'TOML'
[[phases]]
key = "a"
aliases = ["suivi"]

[[phases]]
key = "b"
aliases = ["Suivi"]
TOML
    run init "$TMP_ROOT/fw2" --beneficiary X --framework "$fw"
    expect_status 1 "two phases sharing an alias"
    expect_err_contains "$fw:8:12: alias « Suivi » de la phase « b » : déjà un alias de la phase « a »"

    # A framework edited by hand inside a folder: check names the line, session add refuses.
    local dir
    dir=$(new_bilan)
    write_framework "$dir/framework.toml" <<'TOML'
[[phases]]
key = "conclusion"
aliases = ["investigation"]

[[phases]]
key = "investigation"
TOML
    "$BILAN" -C "$dir" set framework framework.toml 2>/dev/null
    sed -i 's/^framework = .*/framework = "framework.toml"/' "$dir/bilan.toml"
    run -C "$dir" check
    expect_status 1 "check"
    expect_out_contains "framework.toml:4:12: alias « investigation » de la phase « conclusion »"
    run -C "$dir" session add --date 2026-03-09 --phase investigation --duration 1h
    expect_status 1 "session add in a folder with such a framework"
    [ -d "$dir/sessions" ] && fail "a session was written" || ok

    # The shipped example of a provider's framework stays valid.
    run init "$TMP_ROOT/fw3" --beneficiary X --framework "$SOURCE_DIR/examples/framework-cabinet.toml"
    expect_status 0 "examples/framework-cabinet.toml"
}

# ---- text that begins with a dash ---------------------------------------------------------

test_a_text_that_begins_with_a_dash_comes_after_the_double_dash() {
    local dir snapshot id
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" skill add "-->" --type savoir-faire
    expect_status 2
    expect_err_one_line
    expect_err_contains "un texte qui commence par « - » se donne après « -- »"
    run -C "$dir" skill add -- "-->" --type savoir-faire
    expect_status 2
    expect_err_contains "après « -- », tout est du texte : donnez --type avant « -- »"
    expect_unchanged "$dir" "$snapshot"
    run -C "$dir" skill add --type savoir-faire -- "-->"
    expect_status 0
    id=$out
    expect_file_contains "$dir/skills/$id.toml" 'text = "-->"'
    run -C "$dir" set demand -- --help
    expect_status 0
    expect_file_contains "$dir/bilan.toml" 'demand = "--help"'
    run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h --note=-x
    expect_status 0
}

# A slip of one of the accepted values is answered with the value meant, from the same list
# the parser reads; a word far from all of them with the list alone.
test_a_misspelt_value_is_met_with_the_one_meant() {
    local dir line
    dir=$(new_bilan)
    while IFS='|' read -r line meant; do
        run -C "$dir" $line
        expect_status 2 "$line"
        expect_err_contains "vouliez-vous dire « $meant » ?"
        expect_err_one_line
    done <<'LINES'
session add --date 2026-03-03 --phase investigaton --duration 1h|investigation
session add --date 2026-03-03 --phase investigation --kind entretein --duration 1h|entretien
session add --date 2026-03-03 --phase investigation --mode distanse --duration 1h|distance
set funding cfp|cpf
set benefciary Claire|beneficiary
sesion list|session
session lsit|list
skill add Rigueur --type savoir-fair|savoir-faire
LINES
    run -C "$dir" session add --date 2026-03-03 --phase bogus --duration 1h
    expect_status 2 "a far word"
    expect_err_lacks "vouliez-vous dire"
    expect_err_contains "attendu prealable, preliminaire, investigation, conclusion"
    [ -z "$(ls "$dir/sessions" 2>/dev/null)" ] && ok || fail "a session written"
}

# A required text of spaces alone is no text: a blank line in the action plan or a list.
test_a_blank_required_text_is_refused() {
    local dir snapshot line
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    for line in "action add|--horizon court" "skill add|--type savoir" "trait add|--kind interet"; do
        run -C "$dir" ${line%%|*} "   " ${line#*|}
        expect_status 2 "${line%%|*} with a blank text"
        expect_err_contains "le texte ne peut pas être vide"
        run -C "$dir" ${line%%|*} "$(printf ' \t ')" ${line#*|}
        expect_status 2 "${line%%|*} with a tab"
    done
    expect_unchanged "$dir" "$snapshot"
}

run_tests
