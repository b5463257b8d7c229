#!/usr/bin/env bash
# The command line itself: help, version, unknown commands and options, exit statuses.
. "$(dirname "$0")/lib.sh" "$@"

test_help_and_version() {
    run --help
    expect_status 0
    expect_out_contains "session"
    run --version
    expect_status 0
    expect_out_contains "bilan "
    local cmd
    for cmd in init set session status check "session add" "session list" "session rm"; do
        run $cmd --help
        expect_status 0 "$cmd --help"
    done
}

# `bilan help [COMMAND [SUB]]`, where people look first, prints what --help prints.
test_help_as_a_command() {
    local line expected
    for line in "" "session" "session add" "render"; do
        expected=$("$BILAN" $line --help)
        run help $line
        expect_status 0 "help $line"
        expect_equal "$out" "$expected" "bilan help $line"
    done
    run -C /tmp help status
    expect_status 0 "help after a global option"
    expect_out_contains "bilan status"
}

test_colour_is_spelt_both_ways() {
    run -C "$(new_bilan)" --colour never status
    expect_status 0 "--colour"
    run -C "$(new_bilan)" status --colour=always
    expect_status 0 "--colour=always after the command"
    run --colour sometimes status
    expect_status 2 "bad --colour"
}

# An argument error says whose argument it is and which help to read.
test_an_argument_error_names_its_command() {
    run render docx
    expect_status 2
    expect_err_contains "render : argument"
    expect_err_contains "(voir « bilan render --help »)"
    run session add --date
    expect_err_contains "session add : valeur manquante après --date"
    run status extra
    expect_err_contains "status : argument inattendu : extra (voir « bilan status --help »)"
}

test_usage_errors_exit_2_with_one_line() {
    run
    expect_status 2 "no command"
    run sesion list
    expect_status 2 "unknown command"
    expect_err_contains "session"
    expect_err_one_line
    run status --bogus
    expect_status 2 "unknown option"
    expect_err_one_line
    run session
    expect_status 2 "group without subcommand"
    run --color sometimes status
    expect_status 2 "bad --color"
}

# CLI11's English: its help labels and its parse errors' words.
english='Usage|Print this|Display program|SUBCOMMAND|Subcommands|Positionals|REQUIRED|-[a-z]+ TEXT\b|Env:|not expected|is required|Could not convert|missing|At Most|not in \{'

test_help_speaks_french_and_shows_an_example() {
    local cmd sub
    run --help
    expect_out_contains "Utilisation : bilan [OPTIONS] COMMANDE"
    expect_out_contains "Afficher cette aide et quitter"
    for cmd in "" $("$BILAN" --help | awk '/^Commandes :/{on=1; next} on && /^  [a-z]/{print $1}'); do
        for sub in "" $("$BILAN" $cmd --help | awk '/^Commandes :/{on=1; next} on && /^  [a-z]/{print $1}'); do
            run $cmd $sub --help
            if printf '%s\n' "$out" | grep -qE "$english"; then
                fail "bilan $cmd $sub --help speaks English: $(printf '%s\n' "$out" | grep -E "$english" | head -1)"
            else ok; fi
            # Every command that runs shows an example; a group lists its commands.
            case $out in *"Exemple :"* | *"Commandes :"*) ok ;; *) fail "bilan $cmd $sub --help: no example" ;; esac
        done
    done
}

test_parse_errors_are_french_usage_lines() {
    local line
    for line in "status --bogus" "status extra" "session rm" "session add --date" \
        "session list --json=x" "--color bleu status" "piste survey abc --date today --with a --with b" \
        "session add --phase x --duration 1"; do
        run $line
        expect_status 2 "$line"
        expect_err_one_line
        if printf '%s' "$err" | grep -qE "$english"; then fail "bilan $line: English error"; else ok; fi
        expect_err_contains "--help »)"
    done
}

test_the_lock_makes_a_second_writer_wait_then_exit_3() {
    local dir
    dir=$(new_bilan)
    # Hold the folder's lock from outside (flock(1), as bilan's own writer would).
    command -v flock >/dev/null || { skip "flock is not installed"; return; }
    flock "$dir/.lock" sleep 3 &
    sleep 0.3
    BILAN_LOCK_WAIT=1 run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h
    expect_status 3 "locked"
    expect_err_contains "verrouillé"
    expect_err_one_line
    wait
    run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h
    expect_status 0 "lock released"
    expect_equal "$(ls -A "$dir" | grep -c '^\.lock$')" 0 "no lock file left"
}

test_a_stale_lock_is_taken_over_with_a_note() {
    local dir
    dir=$(new_bilan)
    echo 999999 >"$dir/.lock"
    : >"$dir/sessions.tmp" # not ours: must stay
    mkdir -p "$dir/sessions" && echo x >"$dir/sessions/.abcd.toml.tmp-999999"
    run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h
    expect_status 0
    expect_err_contains "verrou laissé par le processus 999999"
    expect_equal "$(ls -A "$dir/sessions" | grep -c tmp)" 0 "dead writer's temp file swept"
    expect_equal "$(ls -A "$dir" | grep -c '^\.lock$')" 0 "no lock file left"
}

test_unknown_subcommands_are_named_in_french() {
    run session ad --date 2026-03-03
    expect_status 2
    expect_err_contains "sous-commande inconnue « ad » : vouliez-vous dire « add » ?"
    run session bogus
    expect_status 2
    expect_err_contains "sous-commande inconnue « bogus » (voir « bilan session --help »)"
    run session
    expect_status 2
    expect_err_contains "il manque la commande après « bilan session » : add, attest, horaires, tenue, lieu, annule, list, rm"
}

test_parse_errors_are_said_in_french() {
    run session add --phase investigation --duration 1h
    expect_status 2
    expect_err_contains "option obligatoire : --date"
    run status extra
    expect_status 2
    expect_err_contains "argument inattendu : extra"
    run session add --date
    expect_status 2
    expect_err_contains "valeur manquante après --date"
    run --color sometimes status
    expect_err_contains "« sometimes » n'est pas l'une des valeurs"
}

test_a_message_quoting_a_newline_stays_on_one_line() {
    local dir
    dir=$(new_bilan)
    run -C "$dir" session add --date 2026-03-03 --phase $'inv\nestigation' --duration 1h
    expect_status 2
    expect_err_one_line
    expect_err_contains 'inv\nestigation'
    printf 'date = 2026-03-04\nphase = "inv\\nestigation"\nminutes = 60\n' >"$dir/sessions.toml"
    mkdir -p "$dir/sessions" && mv "$dir/sessions.toml" "$dir/sessions/aaaa0001.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains 'sessions/aaaa0001.toml:2:9: phase inconnue « inv\nestigation »'
    expect_equal "$(printf '%s\n' "$out" | grep -c 'estigation')" 1 "lines naming the phase"
}

test_an_id_that_cannot_be_printed_leaves_no_record() {
    local dir
    dir=$(new_bilan)
    [ -w /dev/full ] || { skip "no writable /dev/full here"; return; }
    "$BILAN" -C "$dir" skill add "Paie" --type savoir >/dev/full 2>"$TMP_ROOT/.err"
    expect_equal "$?" 3 "exit status with stdout full"
    expect_equal "$(find "$dir" -name '*.toml' ! -name bilan.toml | wc -l)" 0 "records left"
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/full 2>&1
    expect_equal "$(find "$dir" -name '*.toml' ! -name bilan.toml | wc -l)" 0 "records left"
}

test_init_with_an_empty_path_is_a_usage_error() {
    run init "" --beneficiary X
    expect_status 2
    expect_err_contains "DIR : le chemin du dossier ne peut pas être vide"
}

test_a_bad_bilan_today_spoils_only_today() {
    local dir
    dir=$(new_bilan)
    BILAN_TODAY=garbage run -C "$dir" skill add "Compter" --type savoir
    expect_status 0
    # Whether a session is held or planned depends on today; --prevue says it without today.
    BILAN_TODAY=garbage run -C "$dir" session add --date 2026-03-05 --phase investigation --duration 1h --prevue
    expect_status 0
    BILAN_TODAY=garbage run -C "$dir" session add --date 2026-03-05 --phase investigation --duration 1h
    expect_status 2
    expect_err_contains "BILAN_TODAY"
    BILAN_TODAY=garbage run -C "$dir" session add --date today --phase investigation --duration 1h
    expect_status 2
    expect_err_contains "BILAN_TODAY"
}

run_tests
