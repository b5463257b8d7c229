#!/usr/bin/env bash
# What the read commands load, and what `check` says of the rest (issue 12): only files named
# like the tool's records are records; a reader racing a writer sees the folder before or
# after it; a huge file is refused unread; an unreadable or dangling record is one problem of
# `check`; another user's folder is an environment failure; a folder others can read is said.
. "$(dirname "$0")/lib.sh" "$@"

session_file() { printf 'date = 2026-03-04\nphase = "investigation"\nminutes = 60\n'; }

# Conflict copies (Syncthing, Dropbox, git mergetool, Windows) counted as sessions made 120
# minutes 840. They are not records: nothing loads them, and `check` names each.
test_conflict_copies_are_not_records() {
    local dir id name
    dir=$(new_bilan)
    id=$("$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h)
    for name in "$id (conflicted copy).toml" "$id.sync-conflict-20260101-120000-ABCDEFG.toml" \
        "${id}_LOCAL_1.toml" "$id - Copie.toml" "${id^^}.TOML" "$id.toml.orig" "notes.txt"; do
        cp "$dir/sessions/$id.toml" "$dir/sessions/$name"
    done
    mkdir "$dir/Sessions" "$dir/session" "$dir/sessions/old" "$dir/scans"
    "$BILAN" -C "$dir" consent grant "France Travail" --date 2026-03-05
    cp "$dir/consents/france-travail.toml" "$dir/consents/france-travail (conflicted copy).toml"
    cp "$dir/bilan.toml" "$dir/bilan.toml~"
    echo "# Synthèse" >"$dir/synthese.md" # a counsellor's own document, beside the records
    run -C "$dir" status --json
    expect_status 0
    expect_out_contains '"accompaniment_minutes": 120,'
    run -C "$dir" session list --json
    expect_equal "$(printf '%s\n' "$out" | grep -c '"id"')" 1 "sessions listed"
    run -C "$dir" consent list --json
    expect_equal "$(printf '%s\n' "$out" | grep -c '"id"')" 1 "consents listed"
    run -C "$dir" session rm "${id:0:4}" # the copies make no prefix ambiguous
    expect_status 0
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 2h >/dev/null
    run -C "$dir" check
    expect_status 1
    for name in "$id (conflicted copy).toml" "$id.sync-conflict-20260101-120000-ABCDEFG.toml" \
        "${id}_LOCAL_1.toml" "$id - Copie.toml" "${id^^}.TOML" "$id.toml.orig" "notes.txt"; do
        expect_out_contains "$dir/sessions/$name: n'est pas un enregistrement"
    done
    expect_out_contains "$dir/sessions/old: dossier inconnu de bilan"
    expect_out_contains "$dir/consents/france-travail (conflicted copy).toml: n'est pas un enregistrement"
    expect_out_contains "$dir/Sessions: dossier inconnu de bilan, ignoré (vouliez-vous dire « sessions » ?)"
    expect_out_contains "$dir/session: dossier inconnu de bilan"
    expect_out_contains "$dir/bilan.toml~: copie de bilan.toml ?"
    expect_out_lacks "synthese.md"
    expect_out_lacks "scans"
    expect_out_lacks ".gitignore"
    expect_out_lacks "$dir/sessions/$id.toml:"
}

# A `status` running while another process removed a session exited 3 ("introuvable") about
# one run in seven: a file listed, then removed before it was opened. It is skipped now, as
# if the reader had come just after the removal.
test_readers_never_fail_while_records_come_and_go() {
    local dir i id failures=0 stop
    dir=$(new_bilan)
    mkdir -m 700 "$dir/sessions"
    for i in $(seq 1 150); do
        session_file >"$dir/sessions/$(printf '%08x' "$i").toml"
    done
    stop=$TMP_ROOT/stop.$$
    (
        while [ ! -e "$stop" ]; do
            id=$("$BILAN" -C "$dir" session add --date 2026-03-05 --phase investigation \
                --duration 1h) && "$BILAN" -C "$dir" session rm "$id" >/dev/null
            for i in $(seq 1 150 | shuf -n 3); do
                rm -f "$dir/sessions/$(printf '%08x' "$i").toml"
                session_file >"$dir/sessions/.$(printf '%08x' "$i").toml.tmp-1"
                mv "$dir/sessions/.$(printf '%08x' "$i").toml.tmp-1" \
                    "$dir/sessions/$(printf '%08x' "$i").toml"
            done
        done
    ) &
    for i in $(seq 1 150); do
        "$BILAN" -C "$dir" status >/dev/null 2>"$TMP_ROOT/race.err"
        case $? in
        0) ;;
        *) failures=$((failures + 1))
            [ "$failures" -eq 1 ] && fail "status during writes: $(cat "$TMP_ROOT/race.err")" ;;
        esac
    done
    touch "$stop"
    wait
    expect_equal "$failures" 0 "status runs that failed"
}

# A 2 GB sparse record was read whole (2.1 GB of memory, 13 s) before being refused; under a
# memory limit the message was std::bad_alloc. It is refused unread, with its name, exit 1.
test_a_huge_file_is_refused_before_it_is_read() {
    local dir file
    for file in sessions/00000001.toml bilan.toml; do
        dir=$(new_bilan)
        "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/null
        [ "$file" = bilan.toml ] || session_file >"$dir/$file"
        truncate -s 2G "$dir/$file"
        run -C "$dir" status
        expect_status 1 "$file, status"
        expect_err_one_line
        expect_err_contains "bilan: $dir/$file: fichier de 2048 Mio, refusé sans être lu"
        if sanitized_binary; then
            # AddressSanitizer reserves terabytes of address space: no ulimit -v fits it.
            skip "$file, session list under a memory limit: not with AddressSanitizer"
        else
            (ulimit -v 200000 && "$BILAN" -C "$dir" session list >/dev/null 2>"$TMP_ROOT/huge.err")
            expect_equal "$?" 1 "$file, session list under a memory limit"
        fi
        run -C "$dir" check
        expect_status 1 "$file, check"
        expect_out_contains "$dir/$file: fichier de 2048 Mio"
        rm -rf "$dir"
    done
}

# One dangling link or folder named like a record made every read exit 3 at once, `check`
# included. It is invalid data: one problem of `check` among the others, exit 1.
test_a_dangling_link_or_a_folder_named_like_a_record() {
    local dir
    dir=$(new_bilan)
    mkdir -m 700 "$dir/sessions"
    ln -s nowhere "$dir/sessions/0000000a.toml"
    mkdir "$dir/sessions/0000000b.toml"
    printf 'date = 2026-03-04\nphase = "nowhere"\nminutes = 60\n' >"$dir/sessions/0000000c.toml"
    run -C "$dir" status
    expect_status 1
    expect_err_contains "$dir/sessions/0000000a.toml: lien symbolique vers rien"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "$dir/sessions/0000000a.toml: lien symbolique vers rien"
    expect_out_contains "$dir/sessions/0000000b.toml: est un dossier"
    expect_out_contains "$dir/sessions/0000000c.toml:2:9: phase inconnue"
    expect_out_contains "synthèse incomplète" # and the rest is checked all the same
}

# Runs bilan as user nobody (tests run as root); false when that cannot be done here.
as_nobody() {
    if command -v setpriv >/dev/null; then
        setpriv --reuid=65534 --regid=65534 --clear-groups "$BILAN" "$@"
    else
        return 125
    fi
}
can_run_as_nobody() {
    [ "$(id -u)" -eq 0 ] && as_nobody --version >/dev/null 2>&1
}

test_another_users_folder_is_an_environment_failure() {
    local dir
    if ! can_run_as_nobody; then
        echo "  (skipped: cannot run as nobody here)" && ok && return
    fi
    chmod 711 "$TMP_ROOT"
    dir=$(new_bilan)
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/null
    as_nobody -C "$dir" status >"$TMP_ROOT/.out" 2>"$TMP_ROOT/.err"
    status=$? err=$(cat "$TMP_ROOT/.err")
    expect_status 3 "status in another user's folder"
    expect_err_contains "permission refusée"
    expect_err_one_line
    # Readable by all but one record: `check` lists that one and goes on; the others stop.
    chmod -R go+rX "$dir"
    chmod 600 "$dir/sessions/"*.toml
    session_file >"$dir/sessions/0000000d.toml" && chmod 644 "$dir/sessions/0000000d.toml"
    printf 'x = 1\n' >"$dir/sessions/fffffffe.toml" && chmod 644 "$dir/sessions/fffffffe.toml"
    as_nobody -C "$dir" check >"$TMP_ROOT/.out" 2>"$TMP_ROOT/.err"
    status=$? out=$(cat "$TMP_ROOT/.out")
    expect_status 1 "check with an unreadable record"
    expect_out_contains ": illisible : permission refusée"
    expect_out_contains "$dir/sessions/fffffffe.toml:1:1: clé"
    as_nobody -C "$dir" status >/dev/null 2>&1
    status=$?
    expect_status 3 "status with an unreadable record"
    chmod 700 "$TMP_ROOT"
}

# A clone under umask 022 leaves the folder 0755 and the records 0644: `check` says so in one
# line with the command that fixes it, and says nothing once it has run.
test_check_reports_a_bilan_others_can_read() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/null
    run -C "$dir" check
    expect_out_lacks "chmod"
    chmod -R go+rX "$dir"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "$dir: ce dossier et 4 fichiers ou dossiers qu'il contient sont ouverts à d'autres utilisateurs que vous"
    expect_equal "$(printf '%s\n' "$out" | grep -c chmod)" 1 "lines about modes"
    chmod -R go-rwx "$dir"
    chmod 644 "$dir/bilan.toml" # inside a private folder: nobody else can reach it
    run -C "$dir" check
    expect_out_lacks "chmod"
    chmod 711 "$dir"
    run -C "$dir" check
    expect_out_contains "$dir: ce dossier et 1 fichier ou dossier qu'il contient sont ouverts"
    expect_out_contains "« chmod -R go-rwx $dir »"
}

run_tests
