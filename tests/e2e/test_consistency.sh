#!/usr/bin/env bash
# Read commands see the folder as one write left it, never between two of its files: they
# read under the folder's shared lock, which a writer holds alone for its whole transaction.
# `piste decide B retained --replace` rewrites two files (B retained, then A in plan B, or the
# other way round): a reader between the two would see two retained pistes, or none.
. "$(dirname "$0")/lib.sh" "$@"

ROUNDS=${BILAN_CONSISTENCY_ROUNDS:-60}

# What one read command saw, as the number of retained pistes: status --json counts them,
# check says "plusieurs pistes retenues" (or the synthesis lacks one), render gives each
# piste its decision.
retained_seen_by() { # DIR COMMAND
    case $2 in
    status) "$BILAN" -C "$1" status --json | grep -o '"retained": [0-9]*' | grep -o '[0-9]*$' ;;
    render) "$BILAN" -C "$1" render | plain_spaces | grep -c '^- \*\*Décision :\*\* piste retenue$' ;;
    check)
        local said
        said=$("$BILAN" -C "$1" check 2>&1)
        if grep -q "plusieurs pistes retenues" <<<"$said"; then
            echo 2
        elif grep -q "aucune piste retenue" <<<"$said"; then
            echo 0
        else
            echo 1
        fi
        ;;
    esac
}

test_readers_never_see_a_replace_half_done() {
    local dir results a b i command seen
    dir=$(new_bilan) || return
    results=$(mktemp -d "$TMP_ROOT/r.XXXXXX")
    a=$("$BILAN" -C "$dir" piste add "Formatrice") &&
        b=$("$BILAN" -C "$dir" piste add "Chargée de projet") &&
        "$BILAN" -C "$dir" piste decide "$a" retained >/dev/null || {
        fail "setting up the pistes"
        return
    }
    (
        for i in $(seq 1 "$ROUNDS"); do
            if [ $((i % 2)) -eq 1 ]; then
                "$BILAN" -C "$dir" piste decide "$b" retained --replace >/dev/null 2>&1
            else
                "$BILAN" -C "$dir" piste decide "$a" retained --replace >/dev/null 2>&1
            fi || echo "decide failed" >>"$results/writer"
        done
        touch "$results/stop"
    ) &
    for command in status render check; do
        (
            while [ ! -e "$results/stop" ]; do
                seen=$(retained_seen_by "$dir" "$command")
                [ "$seen" = 1 ] || echo "$command saw $seen retained pistes" >>"$results/readers"
            done
        ) &
    done
    wait
    expect_equal "$(cat "$results/writer" 2>/dev/null)" "" "every decide succeeded"
    expect_equal "$(sort "$results/readers" 2>/dev/null | uniq -c)" "" \
        "no reader saw a replace half done"
    expect_equal "$(retained_seen_by "$dir" status)" 1 "one piste retained at the end"
}

# A writer held back by a reader, or a reader by a writer, past its wait: exit 3, and the
# folder is said to be locked, as when two writers meet.
test_a_folder_being_read_is_locked_for_a_writer() {
    local dir
    dir=$(new_bilan) || return
    flock -s "$dir" sleep 2 &
    sleep 0.3
    BILAN_LOCK_WAIT=0 run -C "$dir" set demand "nouvelle demande"
    expect_status 3 "set while a reader reads"
    expect_err_one_line
    expect_err_contains "est verrouillé par une autre commande bilan, qui le lit ; réessayez"
    wait
    flock -x "$dir" sleep 2 &
    sleep 0.3
    BILAN_LOCK_WAIT=0 run -C "$dir" status
    expect_status 3 "status while a writer writes"
    expect_err_one_line
    expect_err_contains "est verrouillé par une autre commande bilan, qui l'écrit ; réessayez"
    wait
}

run_tests
