#!/usr/bin/env bash
# `bilan controle` (issue 29, item 1): a practice built with the real binary holding each
# anomaly once, in a folder of its own, and a clean twin; every anomaly found with its folders,
# none on the twin; the overlap across two folders of one counsellor (her name written two
# ways); the same bytes twice, nothing written; exit statuses; the JSON read by Python's json.
. "$(dirname "$0")/lib.sh" "$@"
unset BILAN_PRACTICE
export BILAN_TODAY=2026-06-15 # a Monday, after every session below

W=$TMP_ROOT/w
P=$W/cabinet

# ---- the practice ---------------------------------------------------------------------------
#
# Every session is held, timed and proved (an attendance sheet) unless its folder is there to
# lack it; every folder but `propre` holds exactly one anomaly:
# propre      the clean twin: Hélène Rocher, personnel, 5 × 3 h (15 h) in March, ended.
# a, b        Hélène Rocher and "helene rocher": Tue 2026-04-07 14:00–16:00 and 15:00–17:00.
# ferie       Thu 2026-05-14 (Ascension), 10:00–12:00.
# nuit        Wed 2026-04-08, 20:30–22:00.
# horaires    Thu 2026-04-09, 2 h without times.
# preuve      Fri 2026-04-10, 10:00–12:00, no evidence.
# heures      5 × 3 h (15 h), ended; the convention says 20 h.
# edof        cpf; Mon 2026-05-04: the entry was due Thu 05-07, never declared.
# plafond     9 × 3 h = 27 h, running: over the 24 h cap.
# plancher    2 × 3 h, ended: under the 13 h floor.
# calendrier  running; the convention's period ended 2026-04-30.
b() {
    "$BILAN" "$@" >"$TMP_ROOT/.fixture-out" 2>"$TMP_ROOT/.fixture" || {
        echo "fixture: bilan $* failed: $(cat "$TMP_ROOT/.fixture")" >&2
        return 1
    }
}
# proved FOLDER SESSION-ADD-ARGS…: a session added, then its attendance sheet recorded.
proved() {
    local dir=$1 id
    shift
    id=$("$BILAN" -C "$dir" session add "$@" 2>/dev/null) &&
        b -C "$dir" session attest "$id" --evidence emargement
}
# weekdays FOLDER N PHASE-OF-LAST: N sessions of 3 h from 09:00 on the weekdays from
# Mon 2026-03-02 (Mon, Wed, Fri…), the last one in conclusion.
weekdays() {
    local dir=$1 n=$2 i phase
    local days=(2026-03-02 2026-03-04 2026-03-06 2026-03-09 2026-03-11 2026-03-13 2026-03-16
        2026-03-18 2026-03-20)
    for ((i = 0; i < n; i++)); do
        phase=investigation
        [ "$i" -eq 0 ] && phase=preliminaire
        [ "$i" -eq $((n - 1)) ] && phase=conclusion
        proved "$dir" --date "${days[$i]}" --phase "$phase" --from 09:00 --to 12:00 || return 1
    done
}
new() { # NAME [init options…]
    local name=$1
    shift
    b init "$P/$name" --beneficiary "Bénéficiaire $name" --start 2026-03-02 "$@"
}

build_practice() {
    mkdir -p "$W" &&
        b practice init "$P" --name "Cabinet Horizons" --qualiopi "QUA-1" &&
        new propre --funding personnel --counsellor "Hélène Rocher" &&
        weekdays "$P/propre" 5 && b -C "$P/propre" set end 2026-03-16 &&
        new a --funding personnel --counsellor "Hélène Rocher" &&
        proved "$P/a" --date 2026-04-07 --phase preliminaire --from 14:00 --to 16:00 &&
        new b --funding personnel --counsellor " helene ROCHER" &&
        proved "$P/b" --date 2026-04-07 --phase preliminaire --from 15:00 --to 17:00 &&
        new ferie --funding personnel &&
        proved "$P/ferie" --date 2026-05-14 --phase preliminaire --from 10:00 --to 12:00 &&
        new nuit --funding personnel &&
        proved "$P/nuit" --date 2026-04-08 --phase preliminaire --from 20:30 --to 22:00 &&
        new horaires --funding personnel &&
        proved "$P/horaires" --date 2026-04-09 --phase preliminaire --duration 2h &&
        new preuve --funding personnel &&
        b -C "$P/preuve" session add --date 2026-04-10 --phase preliminaire --from 10:00 --to 12:00 &&
        new heures --funding personnel &&
        weekdays "$P/heures" 5 && b -C "$P/heures" set end 2026-03-16 &&
        b -C "$P/heures" convention set --duration 20h &&
        new edof --funding cpf &&
        proved "$P/edof" --date 2026-05-04 --phase preliminaire --from 10:00 --to 12:00 &&
        new plafond --funding personnel &&
        weekdays "$P/plafond" 9 &&
        new plancher --funding personnel &&
        weekdays "$P/plancher" 2 && b -C "$P/plancher" set end 2026-03-04 &&
        new calendrier --funding personnel &&
        b -C "$P/calendrier" convention set --start 2026-03-02 --end 2026-04-30 &&
        proved "$P/calendrier" --date 2026-03-03 --phase preliminaire --from 10:00 --to 12:00
}
build_practice || exit 1

PY=/usr/bin/python3
# The anomalies of the JSON in $out as "KIND FOLDER[,FOLDER]" lines, in the document's order,
# checked by Python's json (the document must parse) for the contract's keys.
kinds_and_folders() {
    printf '%s' "$out" | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
assert d["schema"] == 1
for a in d["anomalies"]:
    assert isinstance(a["detail"], str) and a["detail"], a
    assert all(isinstance(f, str) for f in a["folders"]), a
    print(a["kind"], ",".join(a["folders"]))
'
}

EXPECTED='chevauchement cabinet/a,cabinet/b
jour-ferie cabinet/ferie
nuit cabinet/nuit
sans-horaires cabinet/horaires
sans-preuve cabinet/preuve
heures-divergentes cabinet/heures
edof cabinet/edof
plafond cabinet/plafond
plancher cabinet/plancher
calendrier cabinet/calendrier'

test_each_anomaly_once_with_its_folders_none_on_the_twin() {
    run_in "$W" controle cabinet --json
    expect_status 1 "anomalies found"
    expect_equal "$(kinds_and_folders)" "$EXPECTED" "kinds and folders"
    expect_out_lacks "cabinet/propre"
}

test_each_anomaly_says_its_records_date_and_source() {
    run_in "$W" controle cabinet --json
    local rows
    rows=$(printf '%s' "$out" | "$PY" -c '
import json, sys
for a in json.load(sys.stdin)["anomalies"]:
    print(a["kind"], a["code"], a["date"], len(a["records"]), a["source"] is not None)
')
    expect_equal "$(printf '%s\n' "$rows" | head -n 1)" \
        "chevauchement controle.overlap 2026-04-07 2 True" "the overlap"
    case $rows in *"jour-ferie controle.holiday 2026-05-14 1 True"*) ok ;; *) fail "holiday: $rows" ;; esac
    case $rows in *"edof edof.undeclared 2026-05-07 1 True"*) ok ;; *) fail "edof: $rows" ;; esac
    # The overlap names both sessions' files, each under its folder.
    local records
    records=$(printf '%s' "$out" | "$PY" -c '
import json, sys
print(" ".join(json.load(sys.stdin)["anomalies"][0]["records"]))')
    case $records in
    cabinet/a/sessions/*.toml\ cabinet/b/sessions/*.toml) ok ;;
    *) fail "records of the overlap: $records" ;;
    esac
    for file in $records; do
        if [ -f "$W/$file" ]; then ok; else fail "no such record: $file"; fi
    done
}

test_the_twin_alone_is_clean() {
    run_in "$W" controle cabinet/propre
    expect_status 0 "a clean bilan"
    expect_out "Aucune anomalie."
    run_in "$W" controle cabinet/propre --json
    expect_status 0 "a clean bilan, JSON"
    expect_equal "$(kinds_and_folders)" "" "no anomaly"
}

test_a_held_session_counts_whatever_today() {
    # Marked held ahead of its day (today before it): still held, still without evidence.
    BILAN_TODAY=2026-03-10 run_in "$W" controle cabinet/preuve cabinet/horaires --json
    expect_status 1 "held sessions after today"
    expect_equal "$(kinds_and_folders)" $'sans-horaires cabinet/horaires\nsans-preuve cabinet/preuve' \
        "after today"
}

test_the_overlap_needs_both_folders_of_the_counsellor() {
    run_in "$W" controle cabinet/a
    expect_status 0 "one of the two folders"
    run_in "$W" controle cabinet/a cabinet/b --json
    expect_status 1 "both"
    expect_equal "$(kinds_and_folders)" "chevauchement cabinet/a,cabinet/b" "the overlap alone"
}

test_text_grouped_by_kind_one_line_each() {
    run_in "$W" controle cabinet
    expect_status 1 "anomalies found"
    expect_out_contains $'## Chevauchements (1)\n\n- 2026-04-07 · cabinet/a, cabinet/b : Hélène Rocher : deux séances à la fois le 2026-04-07, de 14:00 à 16:00'
    expect_out_contains "## Dimanches et jours fériés (1)"
    expect_out_contains "- 2026-05-14 · cabinet/ferie : séance du 2026-05-14 ("
    expect_out_contains "un jour férié : Ascension (Code du travail, L3133-1)"
    expect_out_contains "## Séances sans preuve de présence (1)"
    expect_out_lacks "propre"
    # One line per anomaly (lines starting "- "), as many as the JSON has.
    expect_equal "$(printf '%s\n' "$out" | grep -c '^- ')" 10 "lines"
}

test_same_bytes_twice_and_nothing_written() {
    local before text json
    before=$(cd "$W" && find . -printf '%p %y %m %s %T@\n' | LC_ALL=C sort)
    run_in "$W" controle cabinet
    text=$out
    run_in "$W" controle cabinet --json
    json=$out
    run_in "$W" controle cabinet
    expect_equal "$out" "$text" "text twice"
    run_in "$W" controle cabinet --json
    expect_equal "$out" "$json" "JSON twice"
    # Named in another order, and from one thread: the same bytes.
    BILAN_THREADS=1 run_in "$W" controle cabinet/plancher cabinet/a cabinet/b --json
    local first=$out
    run_in "$W" controle cabinet/b cabinet/plancher cabinet/a --json
    expect_equal "$out" "$first" "the folders' order"
    expect_equal "$(cd "$W" && find . -printf '%p %y %m %s %T@\n' | LC_ALL=C sort)" "$before" \
        "nothing written, no lock file left"
}

test_annee_keeps_that_year() {
    run_in "$W" controle cabinet --annee 2025 --json
    expect_status 0 "nothing in 2025"
    expect_equal "$(kinds_and_folders)" "" "2025"
    run_in "$W" controle cabinet --annee 2026 --json
    expect_status 1 "2026"
    expect_equal "$(kinds_and_folders)" "$EXPECTED" "2026"
    for bad in 26 abcd 202a 20266; do
        run_in "$W" controle cabinet --annee "$bad"
        expect_status 2 "--annee $bad"
        expect_err_one_line
    done
}

test_default_is_the_practice_above() {
    run_in "$P/propre" controle --json
    expect_status 1 "the practice around the folder"
    expect_equal "$(kinds_and_folders | wc -l)" 10 "all of the practice's"
}

test_a_folder_that_does_not_read_is_a_problem() {
    local dir=$TMP_ROOT/casse
    mkdir -p "$dir"
    cp -a "$P/propre" "$dir/propre"
    cp -a "$P/preuve" "$dir/preuve"
    printf 'date = "pas une date"\n' >"$dir/propre/sessions/00000000.toml"
    run controle "$dir" --json
    expect_status 1 "a folder not read"
    printf '%s' "$out" | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
assert [p["folder"] for p in d["problems"]] == [sys.argv[1] + "/propre"], d["problems"]
assert [a["folders"] for a in d["anomalies"]] == [[sys.argv[1] + "/preuve"]], d["anomalies"]
' "$dir" && ok || fail "problems and anomalies"
    run controle "$dir/nulle-part"
    expect_status 1 "no such folder"
}

test_usage() {
    run controle --no-such-option
    expect_status 2 "unknown option"
    run controle --help
    expect_status 0 "help"
    expect_out_contains "--annee"
}

run_tests
