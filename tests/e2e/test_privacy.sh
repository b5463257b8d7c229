#!/usr/bin/env bash
# Everything bilan creates is private — files 0600, folders 0700 — whatever the umask: the
# folder, its files, new record folders, the lock file and temp files while a writer runs, and
# the synthesis written with render -o.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/robust.sh"

# Every entry under DIR that is not private, as "mode path" lines.
loose_entries() {
    find "$1" \( -type d ! -perm 0700 \) -printf '%m %p\n' -o \( -type f ! -perm 0600 \) -printf '%m %p\n'
}
expect_private() { # DIR WHAT
    local loose
    loose=$(loose_entries "$1")
    if [ -z "$loose" ]; then ok; else fail "$2: not private: $loose"; fi
}

# Every writing command, under the current umask.
write_everything() { # DIR
    local d=$1 piste
    "$BILAN" init "$d" --beneficiary "Ana Lopes" --start 2026-03-02 >/dev/null || fail "init"
    "$BILAN" -C "$d" set demand "Changer de métier" || fail "set"
    "$BILAN" -C "$d" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/null ||
        fail "session add"
    "$BILAN" -C "$d" skill add "Comptabilité" --type savoir >/dev/null || fail "skill add"
    "$BILAN" -C "$d" experience add "Comptable" --kind poste >/dev/null || fail "experience add"
    "$BILAN" -C "$d" trait add "Autonomie" --kind valeur >/dev/null || fail "trait add"
    "$BILAN" -C "$d" test add "RIASEC" --date 2026-03-04 --result "ESA" >/dev/null ||
        fail "test add"
    piste=$("$BILAN" -C "$d" piste add "Formatrice" --desire 4) || fail "piste add"
    "$BILAN" -C "$d" piste survey "$piste" --date 2026-03-05 --with "Une formatrice" >/dev/null ||
        fail "piste survey"
    "$BILAN" -C "$d" project set --title "Formatrice" >/dev/null || fail "project set"
    "$BILAN" -C "$d" action add "S'inscrire" --horizon court >/dev/null || fail "action add"
    "$BILAN" -C "$d" consent grant "France Travail" --date 2026-03-06 >/dev/null ||
        fail "consent grant"
    "$BILAN" -C "$d" render -o "$d/synthese.md" || fail "render -o"
    "$BILAN" -C "$d" render -o "$d/synthese.md" || fail "render -o over a file"
}

check_umask() { # UMASK
    local dir=$TMP_ROOT/u$1
    local saved
    saved=$(umask)
    umask "$1" # in this shell, not a subshell: a failure inside counts
    write_everything "$dir"
    umask "$saved"
    expect_private "$dir" "umask $1"
    expect_equal "$(stat -c %a "$dir/sessions")" 700 "umask $1: sessions/"
    [ -e "$dir/synthese.md" ] && ok || fail "no synthesis written"
}

test_umask_000() { check_umask 000; }
test_umask_022() { check_umask 022; }
test_umask_002() { check_umask 002; }

test_init_in_an_existing_open_folder_closes_it() {
    local dir=$TMP_ROOT/open
    mkdir -m 777 "$dir"
    (umask 000 && "$BILAN" init "$dir" --beneficiary "Ana Lopes" >/dev/null)
    expect_private "$dir" "init in an existing folder"
}

# The lock and the temp files exist only while a writer runs: slow one down with the fault
# shim (a pause in every write, fsync and rename) and look at them meanwhile.
test_lock_and_temp_files_while_a_writer_runs() {
    local preload dir pid seen="" f i m
    preload=$(fault_preload) || { skip "no fault shim for this binary (not built, or bilan is static)"; return; }
    dir=$TMP_ROOT/slow
    (umask 000 && "$BILAN" init "$dir" --beneficiary "Ana Lopes" >/dev/null)
    (umask 000 && LD_PRELOAD=$preload BILAN_FAULT_DELAY_MS=150 "$BILAN" -C "$dir" set demand \
        "lentement" >/dev/null) &
    pid=$!
    for i in $(seq 1 100); do
        for f in "$dir/.lock" "$dir"/.bilan.toml.tmp-*; do
            m=$(stat -c '%a' "$f" 2>/dev/null) && seen="$seen $m:${f##*/}" # it may be gone
        done
        sleep 0.02
    done
    wait "$pid"
    case $seen in *:.lock*) ok ;; *) fail "never saw the lock file" ;; esac
    case $seen in *:.bilan.toml.tmp-*) ok ;; *) fail "never saw the temp file" ;; esac
    for f in $seen; do
        [ "${f%%:*}" = 600 ] || { fail "a loose mode while writing: $f"; break; }
    done
    ok
    expect_private "$dir" "after the slow writer"
}

run_tests
