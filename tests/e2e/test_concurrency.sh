#!/usr/bin/env bash
# Many writers at once on one folder: every command that succeeded has its record, the others
# exited 3 with one line, every file parses, no lock or temp file is left, and readers running
# meanwhile never see a half-written file. Long version: tests/stress/run.sh.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/robust.sh"

WRITERS=${BILAN_STRESS_WRITERS:-40}

# Starts $WRITERS copies of `writer INDEX` at the same instant (they wait on a shared flock
# that this shell holds exclusively until all are started); waits for them.
start_together() { # DIR RESULTS
    local i pids=""
    exec 8>"$2/barrier"
    flock -x 8
    for i in $(seq 1 "$WRITERS"); do
        (
            exec 8>&-
            flock -s 9
            writer "$1" "$i" >"$2/$i.out" 2>"$2/$i.err"
            echo $? >"$2/$i.status"
        ) 9<"$2/barrier" &
        pids="$pids $!"
    done
    sleep 0.3
    flock -u 8
    exec 8>&-
    for i in $pids; do wait "$i"; done
}

# Readers that loop until RESULTS/stop appears; each failure is one line in RESULTS/readers.
start_readers() { # DIR RESULTS
    local r
    for r in 1 2 3; do
        (
            while [ ! -e "$2/stop" ]; do
                "$BILAN" -C "$1" session list --json >/dev/null 2>>"$2/readers.err" ||
                    echo "session list failed" >>"$2/readers"
                "$BILAN" -C "$1" status --json >/dev/null 2>>"$2/readers.err" ||
                    echo "status failed" >>"$2/readers"
            done
        ) &
        echo $! >>"$2/reader.pids"
    done
}
stop_readers() {
    local pid
    touch "$1/stop"
    for pid in $(cat "$1/reader.pids"); do wait "$pid"; done
}

# Writer i: one in four changes bilan.toml, one in four adds a skill, the others add a session; one in five gives up at once when the folder is busy. Ids are
# random, so every writer's record gets a file of its own.
writer() { # DIR INDEX
    local wait=5
    [ $(($2 % 5)) -eq 0 ] && wait=0
    case $(($2 % 4)) in
    0) BILAN_LOCK_WAIT=$wait "$BILAN" -C "$1" set demand "demande $2" ;;
    1) BILAN_LOCK_WAIT=$wait "$BILAN" -C "$1" skill add "compétence $2" --type savoir-faire ;;
    *) BILAN_LOCK_WAIT=$wait "$BILAN" -C "$1" session add --date 2026-03-0$(($2 % 9 + 1)) \
        --phase investigation --duration 30m --note "séance $2" ;;
    esac
}

record_dir_of() { # INDEX -> the folder its record goes to
    if [ $(($1 % 4)) -eq 1 ]; then echo skills; else echo sessions; fi
}

test_forty_writers_at_once() {
    local dir res i st succeeded=0 busy=0 demands="" id kind added=0
    dir=$(new_bilan)
    res=$TMP_ROOT/conc
    mkdir "$res"
    start_readers "$dir" "$res"
    start_together "$dir" "$res"
    stop_readers "$res"
    for i in $(seq 1 "$WRITERS"); do
        st=$(cat "$res/$i.status")
        out=$(cat "$res/$i.out") err=$(cat "$res/$i.err")
        if [ "$st" -eq 0 ]; then
            succeeded=$((succeeded + 1))
            if [ $((i % 4)) -eq 0 ]; then
                demands="$demands|demande $i|"
            else
                kind=$(record_dir_of "$i")
                added=$((added + 1))
                id=$out
                if [ -f "$dir/$kind/$id.toml" ] && grep -q " $i\"" "$dir/$kind/$id.toml"; then ok; else
                    fail "writer $i printed $id but $kind/$id.toml does not hold its record"
                fi
            fi
        elif [ "$st" -eq 3 ]; then
            busy=$((busy + 1))
            expect_err_one_line
            expect_err_contains "verrouillé"
        else
            fail "writer $i exited $st"
        fi
    done
    [ "$succeeded" -gt 0 ] && ok || fail "no writer succeeded"
    expect_equal "$(find "$dir/sessions" "$dir/skills" -name '*.toml' 2>/dev/null | wc -l)" "$added" \
        "record files = successful adds"
    if [ -n "$demands" ]; then
        case $demands in
        *"|$(sed -n 's/^demand = "\(.*\)"$/\1/p' "$dir/bilan.toml")|"*) ok ;;
        *) fail "bilan.toml's demand is not one that a successful set wrote" ;;
        esac
    fi
    expect_equal "$(cat "$res/readers" 2>/dev/null)" "" "readers that failed meanwhile"
    expect_all_parse "$dir"
    expect_no_litter "$dir"
    echo "concurrency: $WRITERS writers, $succeeded succeeded, $busy gave up (exit 3)"
}

test_identical_records_at_once_get_distinct_ids() {
    local dir i ids
    dir=$(new_bilan)
    for i in 1 2 3 4 5 6 7 8; do
        "$BILAN" -C "$dir" session add --date 2026-03-05 --phase investigation --duration 1h \
            --note "la même" >"$TMP_ROOT/same.$i" 2>&1 &
    done
    wait
    ids=$(cat "$TMP_ROOT"/same.* | sort -u | wc -l)
    expect_equal "$ids" 8 "distinct ids printed"
    expect_equal "$(ls "$dir/sessions" | wc -l)" 8 "files"
    expect_all_parse "$dir"
    expect_no_litter "$dir"
}

test_removing_one_record_from_many_shells() {
    local dir id i zero=0 line
    dir=$(new_bilan)
    id=$("$BILAN" -C "$dir" session add --date 2026-03-05 --phase investigation --duration 1h)
    for i in 1 2 3 4 5 6; do
        ("$BILAN" -C "$dir" session rm "$id" 2>"$TMP_ROOT/rm.$i.err"
            echo $? >"$TMP_ROOT/rm.$i") &
    done
    wait
    for i in 1 2 3 4 5 6; do
        case $(cat "$TMP_ROOT/rm.$i") in
        0) zero=$((zero + 1)) ;;
        1 | 3) line=$(wc -l <"$TMP_ROOT/rm.$i.err")
            expect_equal "$line" 1 "stderr lines of a losing rm" ;;
        *) fail "rm $i exited $(cat "$TMP_ROOT/rm.$i")" ;;
        esac
    done
    expect_equal "$zero" 1 "rm that succeeded"
    [ ! -e "$dir/sessions/$id.toml" ] && ok || fail "record still there"
    expect_no_litter "$dir"
}

run_tests
