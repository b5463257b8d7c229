#!/usr/bin/env bash
# The write path against what the world hands it: a clone's permissions, ids across clones,
# a hostile `.lock`, `render -o` aimed at the bilan's own files, the stale-lock sweep, linked
# or read-only records, an existing .gitignore, closed standard streams, a file size limit and
# a malformed BILAN_LOCK_WAIT.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/robust.sh"

mode_of() { stat -c %a "$1"; }
add_session() { # DIR -> runs a session add
    run -C "$1" session add --date 2026-03-04 --phase investigation --duration 1h
}

# --- item 5: permissions after a clone ------------------------------------------------------

test_a_write_makes_a_cloned_folder_private_again() {
    local dir id
    dir=$(new_bilan)
    add_session "$dir"
    chmod 0755 "$dir" "$dir/sessions"
    chmod 0644 "$dir/bilan.toml" "$dir"/sessions/*.toml
    add_session "$dir"
    expect_status 0 "session add"
    id=$out
    expect_equal "$(mode_of "$dir")" 700 "the bilan folder"
    expect_equal "$(mode_of "$dir/sessions")" 700 "sessions/"
    expect_equal "$(mode_of "$dir/sessions/$id.toml")" 600 "the new record"
    chmod 0755 "$dir/sessions"
    run -C "$dir" session rm "$id"
    expect_equal "$(mode_of "$dir/sessions")" 700 "sessions/ after rm"
    run -C "$dir" set demand "Changer de métier"
    expect_status 0 "set"
    expect_equal "$(mode_of "$dir/bilan.toml")" 600 "bilan.toml rewritten by set"
}

# --- item 6: ids unique across clones --------------------------------------------------------

export GIT_CONFIG_NOSYSTEM=1 HOME=$TMP_ROOT
git_in() { git -C "$1" -c user.name=Test -c user.email=test@example.org \
    -c init.defaultBranch=main -c pull.rebase=false "${@:2}"; }

test_the_same_session_on_two_clones_stays_two_records() {
    local dir origin a b
    command -v git >/dev/null || { skip "git is not installed"; return; }
    dir=$(new_bilan)
    origin=$TMP_ROOT/origin-ids.git
    git_in "$TMP_ROOT" init -q --bare "$origin"
    git_in "$dir" init -q
    git_in "$dir" add -A
    git_in "$dir" commit -qm "bilan ouvert"
    git_in "$dir" push -q "$origin" HEAD:main
    a=$TMP_ROOT/ids-a b=$TMP_ROOT/ids-b
    git_in "$TMP_ROOT" clone -q "$origin" "$a"
    git_in "$TMP_ROOT" clone -q "$origin" "$b"
    for clone in "$a" "$b"; do
        (unset BILAN_ID_SEED; "$BILAN" -C "$clone" session add --date 2026-03-04 \
            --phase investigation --duration 1h >/dev/null) || fail "session add in $clone"
        git_in "$clone" add -A
        git_in "$clone" commit -qm "séance"
    done
    git_in "$a" push -q origin HEAD:main
    git_in "$b" pull -q --no-edit origin main 2>/dev/null || fail "pull"
    expect_equal "$(ls "$b/sessions" | wc -l)" 2 "records after the pull"
    run -C "$b" status --json
    expect_out_contains '"done_minutes": 120'
}

test_ids_are_eight_hex_digits_and_a_seed_makes_them_reproducible() {
    local a b first second
    a=$(new_bilan) b=$(new_bilan)
    add_session "$a"
    case $out in [0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]) ok ;;
        *) fail "id is not 8 hex digits: $out" ;; esac
    first=$(BILAN_ID_SEED=s "$BILAN" -C "$a" session add --date 2026-03-05 --phase investigation --duration 1h)
    second=$(BILAN_ID_SEED=s "$BILAN" -C "$b" session add --date 2026-03-05 --phase investigation --duration 1h)
    expect_equal "$first" "$second" "same seed, same content"
    # Two identical records in one folder are two records, even with a seed.
    second=$(BILAN_ID_SEED=s "$BILAN" -C "$a" session add --date 2026-03-05 --phase investigation --duration 1h)
    [ "$first" != "$second" ] && [ -f "$a/sessions/$second.toml" ] && ok || fail "second record"
}

# --- item 10: a .lock that is a link -------------------------------------------------------

test_a_lock_committed_as_a_link_is_refused_and_its_target_untouched() {
    local dir target
    dir=$(new_bilan)
    target=$TMP_ROOT/precious
    printf '\033[31mSECRET\n' >"$target"
    chmod 0644 "$target"
    ln -s "$target" "$dir/.lock"
    add_session "$dir"
    expect_status 3 "session add with .lock a link"
    expect_err_one_line
    case $err in *SECRET* | *$'\033'*) fail "the lock's content was printed" ;; *) ok ;; esac
    expect_equal "$(cat "$target")" $'\033[31mSECRET' "the link's target"
    expect_equal "$(mode_of "$target")" 644 "the target's mode"
    expect_equal "$(ls "$dir/sessions" 2>/dev/null | wc -l)" 0 "no record written"
}

test_a_stale_lock_with_junk_is_never_echoed() {
    local dir
    dir=$(new_bilan)
    printf '\033]0;pwned\007junk\n' >"$dir/.lock"
    add_session "$dir"
    expect_status 0 "session add over a stale lock"
    case $err in *$'\033'* | *junk*) fail "the lock's content was printed" ;; *) ok ;; esac
}

test_a_lock_that_is_a_fifo_or_a_folder_is_refused() {
    local dir
    dir=$(new_bilan)
    mkfifo "$dir/.lock"
    timeout 10 "$BILAN" -C "$dir" set demand x >/dev/null 2>"$TMP_ROOT/.err"
    status=$? err=$(cat "$TMP_ROOT/.err")
    expect_status 3 "fifo .lock"
    expect_err_one_line
    rm "$dir/.lock"
    mkdir "$dir/.lock"
    run -C "$dir" set demand x
    expect_status 3 "folder .lock"
}

# --- item 11: render -o over a file of the bilan --------------------------------------------

test_render_never_replaces_a_file_of_the_bilan() {
    local dir snapshot target id
    dir=$(new_bilan)
    add_session "$dir"
    id=$out
    mkdir -p "$dir/x" "$dir/exports"
    ln -s bilan.toml "$dir/lien"
    : >"$dir/.lock.keep"
    snapshot=$(content_fingerprint "$dir")
    for target in bilan.toml project.toml framework.toml .gitignore .lock ./x/../bilan.toml \
        lien "sessions/$id.toml" sessions/nouveau.md sessions; do
        run -C "$dir" render -o "$dir/$target"
        expect_status 1 "render -o $target"
        expect_err_one_line
        expect_same_content "$dir" "$snapshot" "render -o $target"
    done
    # A record folder that does not exist yet is one all the same.
    run -C "$dir" render -o "$dir/skills/a.md"
    expect_status 1 "render -o skills/a.md (no skills/ yet)"
    expect_same_content "$dir" "$snapshot" "render -o skills/a.md"
    # Relative to the current directory, the folder named by -C.
    (cd "$dir/x" && "$BILAN" -C .. render -o ../bilan.toml >/dev/null 2>&1)
    expect_equal "$?" 1 "render -C .. -o ../bilan.toml"
    (cd "$dir" && "$BILAN" render -o project.toml >/dev/null 2>&1)
    expect_equal "$?" 1 "render -o project.toml from inside"
    expect_same_content "$dir" "$snapshot" "relative targets"
    # A document elsewhere in the folder is fine.
    run -C "$dir" render -o "$dir/exports/synthese.md"
    expect_status 0 "render -o exports/synthese.md"
    run -C "$dir" render -o "$dir/synthese.md"
    expect_status 0 "render -o synthese.md"
    run -C "$dir" session list --json
    expect_status 0 "the bilan still reads after the renders"
    expect_out_contains "$id"
}

# -o judges the folder the target lands in, not only the bilan of -C: another bilan's files and
# records, and the practice's practice.toml, are never replaced (issue 22, item 10).
test_render_never_replaces_a_file_of_another_bilan_or_of_the_practice() {
    local practice alice bob snapshot target
    practice=$TMP_ROOT/cabinet-o
    "$BILAN" practice init "$practice" --name "Cabinet" >/dev/null || fail "practice init"
    alice=$practice/alice bob=$practice/bob
    "$BILAN" init "$alice" --beneficiary "Alice" --start 2026-03-02 >/dev/null
    "$BILAN" init "$bob" --beneficiary "Bob" --start 2026-03-02 >/dev/null
    add_session "$bob"
    snapshot=$(content_fingerprint "$practice")
    for target in ../bob/bilan.toml ../bob/.gitignore ../bob/convention.toml ../bob/sessions \
        "../bob/sessions/$out.toml" ../bob/skills/x.md ../practice.toml ../.lock \
        ../alice/../bob/project.toml; do
        run -C "$alice" render -o "$alice/$target"
        expect_status 1 "render -o $target"
        expect_err_one_line
        expect_err_contains "rien n'a été écrit"
        (cd "$alice" && "$BILAN" render -o "$target" >/dev/null 2>&1)
        expect_equal "$?" 1 "render -o $target from inside alice"
    done
    expect_same_content "$practice" "$snapshot" "targets in another bilan or the practice"
    # A document beside them is fine.
    run -C "$alice" render -o "$practice/alice.md"
    expect_status 0 "render -o a document of the practice folder"
    run -C "$alice" render -o "$bob/alice.md"
    expect_status 0 "render -o a document in another bilan's folder"
}

# --- item 12: the stale-lock sweep ---------------------------------------------------------

test_the_sweep_removes_only_our_temp_files_in_our_folders() {
    local dir outside
    dir=$(new_bilan)
    outside=$TMP_ROOT/outside
    mkdir -p "$outside" "$dir/sessions" "$dir/notes"
    echo keep >"$outside/.precious.tmp-999999"
    ln -s "$outside" "$dir/linked"
    echo keep >"$dir/notes/.brouillon.tmp-x"
    echo keep >"$dir/.mine.tmp-old"
    echo junk >"$dir/sessions/.0badf00d.toml.tmp-999999"
    echo junk >"$dir/.bilan.toml.tmp-999999"
    echo 999999 >"$dir/.lock"
    add_session "$dir"
    expect_status 0 "session add over a dead writer's lock"
    [ -e "$outside/.precious.tmp-999999" ] && ok || fail "swept through a link"
    [ -e "$dir/notes/.brouillon.tmp-x" ] && ok || fail "swept a name not ours"
    [ -e "$dir/.mine.tmp-old" ] && ok || fail "swept a name not ours"
    [ -e "$dir/sessions/.0badf00d.toml.tmp-999999" ] && fail "left a dead writer's temp" || ok
    [ -e "$dir/.bilan.toml.tmp-999999" ] && fail "left a dead writer's temp" || ok
}

# --- item 13: linked or read-only records --------------------------------------------------

test_set_refuses_a_linked_or_read_only_bilan_toml() {
    local dir real snapshot
    dir=$(new_bilan)
    real=$TMP_ROOT/real-bilan.toml
    mv "$dir/bilan.toml" "$real"
    ln -s "$real" "$dir/bilan.toml"
    snapshot=$(content_fingerprint "$dir")
    run -C "$dir" set demand "Nouvelle demande"
    expect_status 1 "set through a link"
    expect_err_one_line
    [ -L "$dir/bilan.toml" ] && ok || fail "the link was replaced"
    expect_same_content "$dir" "$snapshot" "set through a link"
    rm "$dir/bilan.toml"
    mv "$real" "$dir/bilan.toml"
    chmod 0400 "$dir/bilan.toml"
    snapshot=$(content_fingerprint "$dir")
    run -C "$dir" set demand "Nouvelle demande"
    expect_status 1 "set on a read-only bilan.toml"
    expect_err_one_line
    expect_same_content "$dir" "$snapshot" "set on a read-only file"
}

# --- item 14: init into a folder with a .gitignore -----------------------------------------

test_init_completes_an_existing_gitignore() {
    local dir
    dir=$TMP_ROOT/with-gitignore
    mkdir "$dir"
    printf '*.pdf\n# mes notes\nnotes/' >"$dir/.gitignore"
    run init "$dir" --beneficiary "Test"
    expect_status 0 "init"
    expect_equal "$(cat "$dir/.gitignore")" $'*.pdf\n# mes notes\nnotes/\n.lock\n.*.tmp-*' \
        ".gitignore"
    dir=$TMP_ROOT/with-full-gitignore
    mkdir "$dir"
    printf '.lock\n.*.tmp-*\n' >"$dir/.gitignore"
    run init "$dir" --beneficiary "Test"
    expect_equal "$(cat "$dir/.gitignore")" $'.lock\n.*.tmp-*' "complete .gitignore"
}

# --- item 15: standard streams -------------------------------------------------------------

expect_rolled_back() { # DIR [what]
    expect_equal "$(ls "$1/sessions" 2>/dev/null | wc -l)" 0 "${2:-}: records left"
    expect_no_litter "$1" "${2:-}"
}

test_an_id_that_cannot_be_printed_is_rolled_back() {
    local dir
    dir=$(new_bilan)
    "$BILAN" -C "$dir" session add --date 2026-03-04 --phase investigation --duration 1h \
        >&- 2>"$TMP_ROOT/.err"
    status=$? err=$(cat "$TMP_ROOT/.err")
    expect_status 3 "stdout closed"
    expect_err_one_line
    expect_rolled_back "$dir" ">&-"
    "$BILAN" -C "$dir" session add --date 2026-03-04 --phase investigation --duration 1h \
        >/dev/full 2>"$TMP_ROOT/.err"
    status=$?
    expect_status 3 "/dev/full"
    expect_rolled_back "$dir" "/dev/full"
    # The reader has closed its end before the writer starts.
    status=$( (sleep 0.3; "$BILAN" -C "$dir" session add --date 2026-03-04 --phase investigation \
        --duration 1h 2>"$TMP_ROOT/.err"; echo $? >"$TMP_ROOT/.status") | (exec 0<&-; sleep 1)
        cat "$TMP_ROOT/.status")
    expect_status 3 "closed pipe"
    expect_rolled_back "$dir" "closed pipe"
    # Stdin and stderr closed: still nothing lands in the lock or a record.
    "$BILAN" -C "$dir" set demand "Une demande" <&- 2>&-
    expect_equal "$?" 0 "set with stdin and stderr closed"
    expect_file_contains "$dir/bilan.toml" 'demand = "Une demande"'
    expect_no_litter "$dir" "stdin and stderr closed"
}

# --- item 16: a file size limit ------------------------------------------------------------

test_a_file_size_limit_fails_cleanly() {
    local dir snapshot
    dir=$(new_bilan)
    snapshot=$(content_fingerprint "$dir")
    (ulimit -f 0; "$BILAN" -C "$dir" session add --date 2026-03-04 --phase investigation \
        --duration 1h >/dev/null 2>"$TMP_ROOT/.err")
    status=$?
    expect_status 3 "session add under ulimit -f 0"
    (ulimit -f 0; "$BILAN" -C "$dir" set demand "Une demande" 2>"$TMP_ROOT/.err")
    status=$?
    expect_status 3 "set under ulimit -f 0"
    expect_same_content "$dir" "$snapshot" "ulimit -f 0"
    mkdir "$TMP_ROOT/out"
    (ulimit -f 0; "$BILAN" -C "$dir" render -o "$TMP_ROOT/out/s.md" 2>"$TMP_ROOT/.err")
    status=$?
    expect_status 3 "render -o under ulimit -f 0"
    expect_equal "$(ls -A "$TMP_ROOT/out")" "" "render -o left a file"
    expect_no_litter "$dir" "ulimit -f 0"
}

# --- item 17: BILAN_LOCK_WAIT --------------------------------------------------------------

test_a_lock_wait_that_does_not_parse_is_a_usage_error() {
    local dir value
    dir=$(new_bilan)
    for value in abc -1 1.5 3601 " 2"; do
        BILAN_LOCK_WAIT=$value run -C "$dir" set demand x
        expect_status 2 "BILAN_LOCK_WAIT=$value"
        expect_err_contains BILAN_LOCK_WAIT
    done
    BILAN_LOCK_WAIT=0 run -C "$dir" set demand x
    expect_status 0 "BILAN_LOCK_WAIT=0"
}

run_tests
