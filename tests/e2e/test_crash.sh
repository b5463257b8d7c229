#!/usr/bin/env bash
# Writers killed with SIGKILL at random moments: every file still parses, the folder holds the
# old or the new state, and the next command runs at once (it takes over the dead writer's
# lock, says so on stderr, and sweeps its temp files). Long version: tests/stress/run.sh.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/robust.sh"

KILLS=${BILAN_STRESS_KILLS:-50}

# With the fault shim, every write, fsync and rename of the killed writer sleeps a few ms, so
# that the kills land inside its transaction rather than after it.
PRELOAD=$(fault_preload) || PRELOAD=""

# Runs a writer in the background, kills it after a random delay, reaps it.
kill_writer() { # ARGS...
    local pid
    if [ -n "$PRELOAD" ] && [ $((RANDOM % 2)) -eq 0 ]; then
        LD_PRELOAD=$PRELOAD BILAN_FAULT_DELAY_MS=$((RANDOM % 4 + 1)) \
            "$BILAN" "$@" >/dev/null 2>&1 &
    else
        "$BILAN" "$@" >/dev/null 2>&1 &
    fi
    pid=$!
    sleep "$(random_ms 30)"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

demand_of() { sed -n 's/^demand = "\(.*\)"$/\1/p' "$1/bilan.toml"; }

test_writers_killed_at_random_moments() {
    local dir k before after id ids takeovers=0 next_ok=0 files note
    dir=$(new_bilan)
    "$BILAN" -C "$dir" set demand "avant" >/dev/null
    for k in $(seq 1 "$KILLS"); do
        before=$(demand_of "$dir")
        files=$(ls "$dir/sessions" 2>/dev/null | wc -l)
        case $((k % 3)) in
        0) kill_writer -C "$dir" set demand "après $k" ;;
        1) kill_writer -C "$dir" session add --date 2026-03-04 --phase investigation \
            --duration 1h --note "tuée $k" ;;
        2) id=$(ls "$dir/sessions" 2>/dev/null | head -n 1)
            [ -n "$id" ] && kill_writer -C "$dir" session rm "${id%.toml}" ;;
        esac
        after=$(demand_of "$dir")
        case $after in "$before" | "après $k") ;; *) fail "kill $k: demand is '$after'" ;; esac
        # Every record there is complete: the strict loader accepts the whole collection.
        run -C "$dir" session list
        [ "$status" -eq 0 ] || fail "kill $k: session list exit $status"
        # The next writer gets the lock at once (no waiting allowed) and leaves nothing behind.
        note="après la mort $k"
        BILAN_LOCK_WAIT=0 run -C "$dir" session add --date 2026-03-05 --phase investigation \
            --duration 30m --note "$note"
        if [ "$status" -eq 0 ]; then next_ok=$((next_ok + 1)); else
            fail "kill $k: the next writer exited $status"
        fi
        case $err in *"verrou laissé par le processus"*) takeovers=$((takeovers + 1)) ;; esac
        # Past 24h, session add warns that the cap is exceeded: a warning, not a failure.
        case $(printf '%s\n' "$err" | grep -v '^bilan: attention : ') in
        "" | *"verrou laissé par le processus"*) ;; *) fail "kill $k: unexpected stderr" ;; esac
        [ -z "$(litter_in "$dir")" ] || fail "kill $k: left behind: $(litter_in "$dir")"
    done
    expect_equal "$next_ok" "$KILLS" "next writers that ran at once"
    expect_all_parse "$dir"
    expect_no_litter "$dir"
    echo "crash: $KILLS writers killed, $takeovers stale locks taken over"
}

test_a_taken_over_lock_is_announced_and_swept() {
    local dir
    dir=$(new_bilan)
    # What a writer killed inside its transaction leaves: its pid in .lock and a temp file.
    echo 999999 >"$dir/.lock"
    echo 'date = 2026-03' >"$dir/.bilan.toml.tmp-999999"
    mkdir -m 700 "$dir/sessions"
    echo 'date = ' >"$dir/sessions/.0badf00d.toml.tmp-999999"
    BILAN_LOCK_WAIT=0 run -C "$dir" session add --date 2026-03-05 --phase investigation --duration 1h
    expect_status 0
    expect_err_contains "verrou laissé par le processus 999999 (interrompu) : repris"
    expect_err_contains "2 fichier(s) temporaire(s) abandonné(s) supprimé(s)"
    expect_no_litter "$dir"
    expect_all_parse "$dir"
}

test_an_init_killed_midway_leaves_nothing_once_run_again() {
    local parent k target kept=0
    parent=$TMP_ROOT/inits
    mkdir "$parent"
    for k in $(seq 1 $((KILLS / 5 + 1))); do
        target=$parent/b$k
        kill_writer init "$target" --beneficiary "Tuée $k" --start 2026-03-02
        if [ -e "$target" ]; then
            kept=$((kept + 1))
            # Renamed into place whole, or not at all.
            run -C "$target" session list
            [ "$status" -eq 0 ] || fail "init $k: a half bilan: $err"
        else
            run init "$target" --beneficiary "Reprise $k" --start 2026-03-02
            [ "$status" -eq 0 ] || fail "init $k again: exit $status"
        fi
    done
    expect_no_litter "$parent"
    echo "crash: $((KILLS / 5 + 1)) inits killed, $kept had completed"
}

run_tests
