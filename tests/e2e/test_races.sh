#!/usr/bin/env bash
# Read-modify-write under the lock: a read that decides a write (is a piste already retained?
# which record does this prefix name?) happens after the lock is taken, so that writers
# started at the same instant never both act on what they read before the other wrote.
. "$(dirname "$0")/lib.sh" "$@"

WRITERS=${BILAN_RACE_WRITERS:-12}

# Runs `$1 INDEX` $WRITERS times at the same instant (each waits on a shared flock this shell
# holds until all are started); RESULTS/INDEX.status holds each exit status.
start_together() { # FUNCTION RESULTS
    local i pids=""
    exec 8>"$2/barrier"
    flock -x 8
    for i in $(seq 1 "$WRITERS"); do
        (
            exec 8>&-
            flock -s 9
            "$1" "$i" >"$2/$i.out" 2>"$2/$i.err"
            echo $? >"$2/$i.status"
        ) 9<"$2/barrier" &
        pids="$pids $!"
    done
    sleep 0.3
    flock -u 8
    exec 8>&-
    for i in $pids; do wait "$i"; done
}

count_status() { # RESULTS STATUS -> how many writers exited STATUS
    grep -lx "$2" "$1"/*.status 2>/dev/null | wc -l
}

retained_count() { # DIR
    "$BILAN" -C "$1" piste list --json | grep -c '"decision": "retained"'
}

declare -a PISTES
new_pistes() { # DIR
    local i
    PISTES=()
    for i in $(seq 1 "$WRITERS"); do
        PISTES[i]=$("$BILAN" -C "$1" piste add "Piste $i")
    done
}

test_concurrent_decisions_leave_one_retained_piste() {
    local dir res
    dir=$(new_bilan)
    new_pistes "$dir"
    res=$TMP_ROOT/decide
    mkdir "$res"
    decide() { BILAN_LOCK_WAIT=30 "$BILAN" -C "$dir" piste decide "${PISTES[$1]}" retained; }
    start_together decide "$res"
    expect_equal "$(retained_count "$dir")" 1 "retained pistes"
    expect_equal "$(count_status "$res" 0)" 1 "writers that retained their piste"
    expect_equal "$(count_status "$res" 1)" $((WRITERS - 1)) "writers refused (already retained)"
    run -C "$dir" check --json
    expect_out_lacks "plusieurs pistes retenues"
}

test_concurrent_replacements_leave_one_retained_piste() {
    local dir res
    dir=$(new_bilan)
    new_pistes "$dir"
    res=$TMP_ROOT/replace
    mkdir "$res"
    replace() {
        BILAN_LOCK_WAIT=30 "$BILAN" -C "$dir" piste decide "${PISTES[$1]}" retained --replace
    }
    start_together replace "$res"
    expect_equal "$(count_status "$res" 0)" "$WRITERS" "every --replace succeeded"
    expect_equal "$(retained_count "$dir")" 1 "retained pistes"
    expect_equal "$("$BILAN" -C "$dir" piste list --json | grep -c '"decision": "backup"')" \
        $((WRITERS - 1)) "the others are plan B"
}

test_concurrent_project_edits_lose_no_field() {
    local dir res strength watch
    dir=$(new_bilan)
    res=$TMP_ROOT/project
    mkdir "$res"
    edit() { # odd writers set the strengths, even ones the points of vigilance
        if [ $(($1 % 2)) -eq 1 ]; then
            BILAN_LOCK_WAIT=30 "$BILAN" -C "$dir" project set --strength "Force $1" --strength "bis $1"
        else
            BILAN_LOCK_WAIT=30 "$BILAN" -C "$dir" project set --watch "Vigilance $1"
        fi
    }
    start_together edit "$res"
    expect_equal "$(count_status "$res" 0)" "$WRITERS" "every project set succeeded"
    run -C "$dir" project show --json
    expect_status 0 "project.toml parses"
    # Each list is one writer's whole list: neither field lost, no list mixed from two writers.
    strength=$(printf '%s\n' "$out" | grep -A3 '"strength"' | grep -o 'Force [0-9]*\|bis [0-9]*' | tr '\n' ' ')
    watch=$(printf '%s\n' "$out" | grep -A2 '"watch"' | grep -o 'Vigilance [0-9]*' | tr '\n' ' ')
    case $strength in "Force "*" bis "*) ok ;; *) fail "strengths lost or mixed: '$strength'" ;; esac
    expect_equal "$(echo "$strength" | awk '{print $2}')" "$(echo "$strength" | awk '{print $4}')" "one writer's list"
    case $watch in "Vigilance "*) ok ;; *) fail "points of vigilance lost: '$watch'" ;; esac
}

test_concurrent_done_and_surveys_land_on_the_record_named() {
    local dir res id
    dir=$(new_bilan)
    id=$("$BILAN" -C "$dir" piste add "Formatrice")
    "$BILAN" -C "$dir" action add "Appeler" --horizon court >/dev/null
    res=$TMP_ROOT/surveys
    mkdir "$res"
    survey() {
        BILAN_LOCK_WAIT=30 "$BILAN" -C "$dir" piste survey "${id:0:4}" --date 2026-04-0$(($1 % 9 + 1)) \
            --with "Professionnelle $1"
    }
    start_together survey "$res"
    expect_equal "$(count_status "$res" 0)" "$WRITERS" "every survey recorded"
    expect_equal "$(grep -c '^\[\[surveys\]\]' "$dir/pistes/$id.toml")" "$WRITERS" "no survey lost"
}

run_tests
