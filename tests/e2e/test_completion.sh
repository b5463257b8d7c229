#!/usr/bin/env bash
# bilan completion bash|zsh: the scripts, sourced and driven as the shells drive them, offer
# the commands, options and values of the command tree, and the folder's phases and ids.
. "$(dirname "$0")/lib.sh" "$@"

# The scripts call `bilan` by name: this one.
mkdir -p "$TMP_ROOT/bin"
ln -s "$BILAN" "$TMP_ROOT/bin/bilan"
export PATH="$TMP_ROOT/bin:$PATH"

# The bash script, printed once: each line completed below sources it, as a user's shell does
# (`source <(bilan completion bash)`), without a process more per check.
"$BILAN" completion bash >"$TMP_ROOT/bilan.bash" || { echo "bilan completion bash failed" >&2; exit 1; }

# complete WORD… : COMPREPLY, one per line, after the bash script's function ran on the line
# `bilan WORD…` with the cursor on the last word.
complete_line() {
    bash -c '
        source "$0" || exit 1
        COMP_WORDS=(bilan "$@")
        COMP_CWORD=$#
        COMP_LINE="bilan $*"
        _bilan
        printf "%s\n" "${COMPREPLY[@]}"' "$TMP_ROOT/bilan.bash" "$@"
}

expect_completion() { # EXPECTED_LINE WORD… : EXPECTED_LINE is among the candidates
    local expected=$1 got
    shift
    got=$(complete_line "$@")
    if [[ $'\n'$got$'\n' == *$'\n'"$expected"$'\n'* ]]; then ok; else
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
    expect_equal "$(complete_line session a | tr '\n' ' ')" "add attest annule " "session a"
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

# Every enumerated value the parser accepts, straight from `bilan __complete`.
expect_candidates() { # "EXPECTED…" WORD… : the candidates, in order, space-separated
    local expected=$1
    shift
    expect_equal "$("$BILAN" __complete "$@" | tr '\n' ' ' | sed 's/ $//')" "$expected" \
        "bilan $* <Tab>"
}

test_complete_offers_every_enumeration() {
    local dir
    expect_candidates "beneficiary start end funding counsellor organisation demand expectations situation circumstances framework handover handover-mode abandoned abandon-reason public email telephone" set ""
    expect_candidates "remise-en-main-propre courrier email autre" set handover-mode ""
    expect_candidates "salarie apprenti demandeur-emploi particulier autre" set public ""
    expect_candidates "" set demand ""
    expect_candidates "chaud froid" evaluation add ""
    expect_candidates "beneficiaire financeur employeur" evaluation add chaud --par ""
    expect_candidates "total partiel" edof set --service-fait ""
    expect_candidates "abandon absence interruption force-majeure" edof set --reason ""
    expect_candidates "synthese documents" retention grant --scope ""
    expect_candidates "accord cep" retention grant --motif ""
    expect_candidates "circonstances situation competences parcours valeurs tests pistes projet plan calendrier tout" consent grant "France Travail" --sections ""
    expect_candidates "name siret nda bce qualiopi address city signatory holidays external email telephone" practice set ""
    dir=$(new_bilan)
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-03-02 >/dev/null
    "$BILAN" -C "$dir" consent grant "Employeur" --date 2026-03-02 >/dev/null
    "$BILAN" -C "$dir" consent revoke "Employeur" --date 2026-03-03 >/dev/null
    expect_candidates "France Travail" -C "$dir" render --for "" # the consented ones only
    expect_candidates "" render --for "" # no folder, no recipient
}

# in_terminal SHELL LINE WORD… : types LINE and <Tab> (twice for bash) in a real terminal
# (tmux) running SHELL with bilan's completion loaded; each WORD (a grep pattern) must show on
# the screen.
in_terminal() {
    local shell=$1 line=$2 sock="$TMP_ROOT/tmux-$1" start setup keys screen i word
    shift 2
    case $shell in
    bash) start="bash --norc --noprofile" keys="Tab Tab" ;;
    zsh) start="zsh -f" keys="Tab" ;;
    esac
    setup="source <(bilan completion $shell); PS1='READY> '"
    [ "$shell" = zsh ] && setup="autoload -U compinit && compinit -u -D && $setup"
    tmux -S "$sock" new-session -d -x 200 -y 40 \
        "env -i PATH='$PATH' HOME='$TMP_ROOT' TERM=xterm LC_ALL=C.UTF-8 BILAN_TODAY=$BILAN_TODAY $start"
    tmux -S "$sock" send-keys "$setup" Enter
    for i in $(seq 50); do
        tmux -S "$sock" capture-pane -p | grep -q '^READY>' && break
        sleep 0.1
    done
    tmux -S "$sock" send-keys "$line"
    for i in $(seq 50); do # the line shown (trailing blanks trimmed), then the keys
        tmux -S "$sock" capture-pane -p | grep -qF -- "READY> ${line% }" && break
        sleep 0.05
    done
    # shellcheck disable=SC2086 # one key per word
    tmux -S "$sock" send-keys $keys
    for i in $(seq 50); do
        screen=$(tmux -S "$sock" capture-pane -p | sed -n '/^READY> bilan/,$p' | tail -n +2)
        for word in "$@"; do
            printf '%s\n' "$screen" | grep -qw -- "$word" || {
                sleep 0.05
                continue 2
            }
        done
        break
    done
    tmux -S "$sock" kill-server
    for word in "$@"; do
        if printf '%s\n' "$screen" | grep -qw -- "$word"; then ok; else
            fail "$shell: $line<Tab> does not show '$word': $screen"
        fi
    done
}

test_bash_and_zsh_show_the_values_in_a_terminal() {
    local shell
    if ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
        skip "no pseudo-terminal here"
        return
    fi
    for shell in bash zsh; do
        in_terminal $shell "bilan set " handover-mode abandon-reason demand
        in_terminal $shell "bilan set handover-mode " remise-en-main-propre courrier email autre
        in_terminal $shell "bilan evaluation add " chaud froid
        in_terminal $shell "bilan edof set --service-fait " total partiel
        in_terminal $shell "bilan edof set --reason " abandon absence interruption force-majeure
        in_terminal $shell "bilan consent grant X --sections " projet plan calendrier tout
        in_terminal $shell "bilan practice set " signatory holidays qualiopi
    done
    # zsh shows what each command and option is for, from the --help of each.
    in_terminal zsh "bilan " "session  *-- Séances : ajouter" "evaluation  *--"
    in_terminal zsh "bilan session add --" "--phase  *-- Phase du cadre" "--date  *-- Date"
}

test_zsh_is_given_each_commands_and_options_help() {
    expect_equal "$("$BILAN" __describe sess)" "session:Séances : ajouter, tenir, annuler, prouver, horaires, lieu, lister, supprimer"
    expect_equal "$("$BILAN" __describe session add --ph)" "--phase:Phase du cadre (prealable, preliminaire…)"
    expect_equal "$("$BILAN" __describe session add --kind at)" "atelier" "a value: no help"
}

run_tests
