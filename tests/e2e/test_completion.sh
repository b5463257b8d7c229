#!/usr/bin/env bash
# bilan completion bash|zsh: the scripts, sourced and driven as the shells drive them, offer
# the commands, options and values of the command tree, and the folder's phases and ids.
. "$(dirname "$0")/lib.sh" "$@"

# The scripts call `bilan` by name: this one.
mkdir -p "$TMP_ROOT/bin"
ln -s "$BILAN" "$TMP_ROOT/bin/bilan"
export PATH="$TMP_ROOT/bin:$PATH"

# complete WORD… : COMPREPLY, one per line, after the bash script's function ran on the line
# `bilan WORD…` with the cursor on the last word.
complete_line() {
    bash -c '
        source <(bilan completion bash) || exit 1
        COMP_WORDS=(bilan "$@")
        COMP_CWORD=$#
        COMP_LINE="bilan $*"
        _bilan
        printf "%s\n" "${COMPREPLY[@]}"' completing "$@"
}

expect_completion() { # EXPECTED_LINE WORD… : EXPECTED_LINE is among the candidates
    local expected=$1 got
    shift
    got=$(complete_line "$@")
    if printf '%s\n' "$got" | grep -qxF -- "$expected"; then ok; else
        fail "bilan $* <Tab> lacks '$expected': $(printf '%s' "$got" | tr '\n' ' ')"
    fi
}

test_the_script_is_printed_for_bash_and_zsh_only() {
    run completion bash
    expect_status 0
    expect_out_contains "complete -o default -F _bilan bilan"
    run completion zsh
    expect_status 0
    expect_out_contains "#compdef bilan"
    run completion fish
    expect_status 2 "an unknown shell"
    expect_err_one_line
}

test_bash_completes_commands_subcommands_and_options() {
    expect_completion session ""
    expect_completion completion ""
    expect_completion session se
    expect_equal "$(complete_line sess)" session "a prefix"
    expect_completion attest session ""
    expect_equal "$(complete_line session a | tr '\n' ' ')" "add attest " "session a"
    expect_completion --phase session add --
    expect_completion --help session add -
    expect_completion --dir session add -- # the global options, anywhere
    expect_equal "$(complete_line __c)" "" "the hidden command is not offered"
}

test_bash_completes_enumerated_values() {
    expect_completion travail-personnel session add --kind ""
    expect_completion distance session add --date today --mode d
    expect_completion signature-electronique session attest abc --evidence ""
    expect_completion savoir-etre skill add x --type ""
    expect_completion retained piste decide 3f9a ""
    expect_completion never --color ""
    expect_completion zsh completion ""
    expect_completion investigation session add --phase "" # outside a bilan: the fr phases
}

test_bash_completes_the_folders_phases_and_ids() {
    local dir id
    dir=$(new_bilan --framework "$SOURCE_DIR/examples/framework-cabinet.toml")
    expect_completion exploration -C "$dir" session add --phase ""
    expect_completion accueil -C "$dir" session list --phase a
    id=$("$BILAN" -C "$dir" session add --date 2026-03-03 --phase accueil --duration 1)
    expect_completion "$id" -C "$dir" session rm ""
    expect_completion "$id" -C "$dir" session attest ""
    expect_equal "$(complete_line -C "$dir" session rm zzz)" "" "no such id"
    id=$("$BILAN" -C "$dir" piste add "Formatrice")
    expect_completion "$id" -C "$dir" piste decide ""
    expect_completion "$id" -C "$dir" piste survey "${id:0:2}"
    id=$("$BILAN" -C "$dir" action add "Appeler" --horizon court)
    expect_completion "$id" -C "$dir" action done ""
    # $BILAN_DIR, as the command itself reads it.
    expect_equal "$(BILAN_DIR=$dir complete_line action rm "${id:0:4}")" "$id" "BILAN_DIR"
}

test_zsh_script_parses() {
    command -v zsh >/dev/null || { skip "zsh is not installed"; return; }
    "$BILAN" completion zsh >"$TMP_ROOT/_bilan"
    if zsh -n "$TMP_ROOT/_bilan"; then ok; else fail "zsh -n refuses the script"; fi
}

run_tests
