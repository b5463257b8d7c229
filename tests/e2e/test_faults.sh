#!/usr/bin/env bash
# Failing I/O: write, fsync, rename, mkdir and open failures injected by tests/faults
# (LD_PRELOAD) at every call in turn; a real full disk is test_full_disk.sh. Without the shim
# (a static bilan) every test here skips, and CTest shows the suite as Not Run.
# Each failure must end in exit 3 with one line on stderr, the old state (or, when only the
# final fsync of the folder failed, the new one), and no temp or lock file left.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/robust.sh"

PRELOAD=$(fault_preload) || PRELOAD=""
# A clean run and a faulty one must write the same bytes, the new record's name included.
export BILAN_ID_SEED=faults

# Runs bilan with faults: faulty OP [VAR=VALUE…] -- ARGS…; sets $out, $err, $status.
faulty() {
    local op=$1
    shift
    local vars=()
    while [ "$1" != "--" ]; do vars+=("$1"); shift; done
    shift
    env LD_PRELOAD="$PRELOAD" BILAN_FAULT="$op" "${vars[@]}" "$BILAN" "$@" \
        >"$TMP_ROOT/.out" 2>"$TMP_ROOT/.err"
    status=$?
    out=$(<"$TMP_ROOT/.out")
    err=$(<"$TMP_ROOT/.err")
}

# ---- every call of every operation, failed in turn ---------------------------------------

# Fails the 1st, 2nd, 3rd… call of OP (on paths under WATCH) until the command no longer
# makes that call; each time from a fresh copy of BASE. WATCH narrows the paths (below the
# copy); ROOT is appended to @DIR@ (init names a folder inside the copy). The result must be the state of BASE
# or the state after a clean run (NEW), never anything else. Prints the number of runs.
sweep() { # OP BASE NEW WATCH ROOT ARGS… (ARGS use @DIR@ for the copy)
    local op=$1 base=$2 new=$3 watch=$4 root=$5 n=0 copy log args a old_fp new_fp fp
    shift 5
    old_fp=$(content_fingerprint "$base")
    new_fp=$(content_fingerprint "$new")
    copy=$TMP_ROOT/sweep.$op
    log=$TMP_ROOT/.faultlog
    cp -a "$base" "$copy"
    args=()
    for a in "$@"; do args+=("${a//@DIR@/$copy$root}"); done
    while [ "$n" -lt 60 ]; do
        rm -f "$log"
        faulty "$op" BILAN_FAULT_PATH="$copy$watch" BILAN_FAULT_AFTER="$n" BILAN_FAULT_TIMES=1 \
            BILAN_FAULT_LOG="$log" -- "${args[@]}"
        fp=$(content_fingerprint "$copy")
        if [ ! -s "$log" ]; then # the command makes no more such calls: it must have succeeded
            [ "$status" -eq 0 ] && [ "$fp" = "$new_fp" ] && ok ||
                fail "$op: a clean run exited $status or wrote something else"
            break
        fi
        if [ "$status" -eq 3 ]; then
            expect_err_one_line
            [ "$fp" = "$old_fp" ] || [ "$fp" = "$new_fp" ] && ok ||
                fail "$op call $n ($(<"$log")): neither the old nor the new state"
        elif [ "$status" -eq 0 ]; then # a failure it may recover from (none today)
            [ "$fp" = "$new_fp" ] && ok || fail "$op call $n: exit 0 but not the new state"
        else
            fail "$op call $n ($(<"$log")): exit $status"
        fi
        [ -z "$(shallow_litter_in "$copy")" ] && ok || fail "$op call $n: left $(shallow_litter_in "$copy")"
        if [ "$fp" != "$old_fp" ]; then # start the next run from BASE again
            rm -rf "$copy"
            cp -a "$base" "$copy"
        fi
        n=$((n + 1))
    done
    rm -rf "$copy"
    echo "faults: $op failed at each of its $n calls in turn (${*//@DIR@/DIR})"
}

OPS="open write fsync rename renameat2 mkdir"

# BASE and NEW for a command: NEW is a copy of BASE on which the command ran cleanly.
prepare() { # BASE NEW ARGS… (@DIR@ = the folder)
    local base=$1 new=$2 a args=()
    shift 2
    cp -a "$base" "$new"
    for a in "$@"; do args+=("${a//@DIR@/$new}"); done
    "$BILAN" "${args[@]}" >/dev/null || fail "clean run of $* failed"
}

test_every_failing_call_of_session_add() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local base new op
    base=$(new_bilan)
    "$BILAN" -C "$base" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/null
    new=$TMP_ROOT/new.add
    set -- -C @DIR@ session add --date 2026-03-04 --phase investigation --duration 2h --note x
    prepare "$base" "$new" "$@"
    for op in $OPS; do sweep "$op" "$base" "$new" "" "" "$@"; done
}

test_every_failing_call_of_a_first_session() { # creates sessions/ too
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local base new op
    base=$(new_bilan)
    new=$TMP_ROOT/new.first
    set -- -C @DIR@ session add --date 2026-03-04 --phase investigation --duration 2h
    prepare "$base" "$new" "$@"
    for op in $OPS; do sweep "$op" "$base" "$new" "" "" "$@"; done
}

test_every_failing_call_of_set() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local base new op
    base=$(new_bilan)
    new=$TMP_ROOT/new.set
    set -- -C @DIR@ set demand "Changer de métier"
    prepare "$base" "$new" "$@"
    for op in $OPS; do sweep "$op" "$base" "$new" "" "" "$@"; done
}

test_every_failing_call_of_session_rm() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local base new op id
    base=$(new_bilan)
    id=$("$BILAN" -C "$base" session add --date 2026-03-03 --phase investigation --duration 1h)
    "$BILAN" -C "$base" session add --date 2026-03-04 --phase investigation --duration 1h >/dev/null
    new=$TMP_ROOT/new.rm
    set -- -C @DIR@ session rm "$id"
    prepare "$base" "$new" "$@"
    for op in $OPS; do sweep "$op" "$base" "$new" "" "" "$@"; done
    # The record's unlink (not the lock's: a lock file left behind is harmless, and taken over).
    sweep unlink "$base" "$new" /sessions/ "" "$@"
}

test_every_failing_call_of_init() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local base new op
    base=$TMP_ROOT/init.base
    mkdir "$base"
    new=$TMP_ROOT/init.new
    set -- init @DIR@ --beneficiary "Ana Lopes" --start 2026-03-02
    prepare "$base" "$new" init "@DIR@/b" --beneficiary "Ana Lopes" --start 2026-03-02
    for op in $OPS; do
        sweep "$op" "$base" "$new" "" "/b" init @DIR@ --beneficiary "Ana Lopes" --start 2026-03-02
    done
}

# ---- the messages and the recoveries ------------------------------------------------------

test_a_full_disk_says_so_in_one_line() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local dir snap
    dir=$(new_bilan)
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/null
    snap=$(content_fingerprint "$dir")
    faulty write BILAN_FAULT_PATH="$dir/sessions/" -- -C "$dir" session add --date 2026-03-04 \
        --phase investigation --duration 1h
    expect_status 3
    expect_err_one_line
    expect_err_contains "écriture impossible de $dir/sessions/"
    expect_err_contains "plus de place sur le disque"
    expect_same_content "$dir" "$snap"
    expect_no_litter "$dir"
    faulty fsync BILAN_FAULT_PATH="$dir/.bilan.toml.tmp-" -- -C "$dir" set demand "autre"
    expect_status 3
    expect_err_contains "fsync impossible de $dir/bilan.toml"
    expect_same_content "$dir" "$snap"
    faulty rename BILAN_FAULT_ERRNO=EROFS -- -C "$dir" set demand "encore une autre"
    expect_status 3
    expect_err_contains "remplacement impossible de $dir/bilan.toml"
    expect_err_contains "système de fichiers en lecture seule"
    expect_same_content "$dir" "$snap"
    faulty open BILAN_FAULT_PATH=.lock BILAN_FAULT_ERRNO=EACCES -- -C "$dir" set demand "et une autre"
    expect_status 3
    expect_err_contains "verrouillage impossible de $dir"
    expect_same_content "$dir" "$snap"
    expect_no_litter "$dir"
}

test_a_failed_folder_sync_after_the_rename_puts_the_previous_state_back() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local dir snap id
    dir=$(new_bilan)
    id=$("$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h)
    snap=$(content_fingerprint "$dir")
    # The new record was renamed into place, then the folder's fsync failed: it stayed, its id
    # unprinted, and a retry counted the hour twice.
    faulty fsyncdir BILAN_FAULT_PATH="$dir/sessions" -- -C "$dir" session add --date 2026-03-04 \
        --phase investigation --duration 1h
    expect_status 3
    expect_err_one_line
    expect_err_contains "fsync impossible du dossier $dir/sessions"
    expect_out ""
    expect_same_content "$dir" "$snap" "a record created"
    expect_no_litter "$dir"
    # A file replaced: the previous one is put back.
    faulty fsyncdir BILAN_FAULT_PATH="$dir" BILAN_FAULT_TIMES=1 -- -C "$dir" set demand "autre"
    expect_status 3
    expect_err_contains "fsync impossible du dossier $dir"
    expect_same_content "$dir" "$snap" "a file replaced"
    expect_no_litter "$dir"
    # A record removed: it is back.
    faulty fsyncdir BILAN_FAULT_PATH="$dir/sessions" -- -C "$dir" session rm "$id"
    expect_status 3
    expect_same_content "$dir" "$snap" "a record removed"
    expect_no_litter "$dir"
    run -C "$dir" session add --date 2026-03-04 --phase investigation --duration 1h
    expect_status 0
    run -C "$dir" status --json
    expect_out_contains '"sessions": 2'
}

test_short_writes_and_interrupted_calls_are_resumed() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local a b
    a=$(new_bilan) b=$(new_bilan)
    "$BILAN" -C "$a" session add --date 2026-03-04 --phase investigation --duration 1h \
        --note "une note assez longue pour plusieurs écritures" >/dev/null
    faulty shortwrite -- -C "$b" session add --date 2026-03-04 --phase investigation \
        --duration 1h --note "une note assez longue pour plusieurs écritures"
    expect_status 0
    expect_equal "$(cat "$b/sessions/$out.toml")" "$(cat "$a/sessions/$out.toml")" "content"
    faulty write BILAN_FAULT_ERRNO=EINTR BILAN_FAULT_TIMES=1 BILAN_FAULT_PATH="$b/sessions/" \
        -- -C "$b" session add --date 2026-03-05 --phase investigation --duration 1h
    expect_status 0
    expect_all_parse "$b"
}

test_a_file_system_without_rename_noreplace() {
    [ -n "$PRELOAD" ] || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    local dir errno
    for errno in EINVAL ENOSYS; do
        dir=$(new_bilan)
        faulty renameat2 BILAN_FAULT_ERRNO=$errno -- -C "$dir" session add --date 2026-03-04 \
            --phase investigation --duration 1h
        expect_status 0 "renameat2 $errno: the plain rename is used"
        [ -f "$dir/sessions/$out.toml" ] && ok || fail "no record"
        expect_no_litter "$dir"
    done
}

run_tests
