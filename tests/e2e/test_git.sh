#!/usr/bin/env bash
# A bilan kept in git: two clones that each add records merge without conflict and the result
# passes `bilan check`'s file checks; read commands leave `git status` clean; a killed writer's
# lock and temp files are ignored by git.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/robust.sh"

export GIT_CONFIG_NOSYSTEM=1 HOME=$TMP_ROOT GIT_AUTHOR_DATE=2026-03-10T10:00:00 \
    GIT_COMMITTER_DATE=2026-03-10T10:00:00
git_in() { git -C "$1" -c user.name=Test -c user.email=test@example.org \
    -c init.defaultBranch=main -c pull.rebase=false "${@:2}"; }

# Adds to CLONE a few records of every kind that exists, each text marked with TAG.
add_records() { # CLONE TAG
    local d=$1 tag=$2 piste
    "$BILAN" -C "$d" session add --date 2026-03-04 --phase investigation --duration 1h \
        --note "séance $tag" >/dev/null || fail "session add in $tag"
    "$BILAN" -C "$d" session add --date 2026-03-05 --phase investigation --duration 2h \
        --kind enquete --note "enquête $tag" >/dev/null || fail "session add in $tag"
    "$BILAN" -C "$d" skill add "compétence $tag" --type savoir-faire >/dev/null ||
        fail "skill add in $tag"
    "$BILAN" -C "$d" experience add "poste $tag" --kind poste >/dev/null ||
        fail "experience add in $tag"
    "$BILAN" -C "$d" trait add "valeur $tag" --kind valeur >/dev/null || fail "trait add in $tag"
    piste=$("$BILAN" -C "$d" piste add "piste $tag" --desire 4) || fail "piste add in $tag"
    "$BILAN" -C "$d" piste survey "$piste" --date 2026-03-06 --with "un pro $tag" >/dev/null ||
        fail "piste survey in $tag"
    "$BILAN" -C "$d" action add "action $tag" --horizon court >/dev/null ||
        fail "action add in $tag"
}

new_repo() { # -> a bilan committed to a bare origin; prints the origin's path
    local dir origin
    dir=$(new_bilan)
    origin=$TMP_ROOT/origin.$RANDOM.git
    git_in "$TMP_ROOT" init -q --bare "$origin"
    git_in "$dir" init -q
    git_in "$dir" add -A
    git_in "$dir" commit -qm "bilan ouvert"
    git_in "$dir" push -q "$origin" HEAD:main
    printf '%s\n' "$origin"
}

test_two_clones_merge_their_records_without_conflict() {
    local origin a b before
    origin=$(new_repo)
    a=$TMP_ROOT/clone-a b=$TMP_ROOT/clone-b
    git_in "$TMP_ROOT" clone -q "$origin" "$a"
    git_in "$TMP_ROOT" clone -q "$origin" "$b"
    add_records "$a" A
    add_records "$b" B
    git_in "$a" add -A && git_in "$a" commit -qm "côté A"
    git_in "$b" add -A && git_in "$b" commit -qm "côté B"
    git_in "$a" push -q origin HEAD:main
    run_git() { git_in "$@" >"$TMP_ROOT/.git.out" 2>&1; status=$?; out=$(cat "$TMP_ROOT/.git.out"); }
    run_git "$b" pull -q --no-edit origin main
    expect_status 0 "git pull (merge)"
    expect_equal "$(git_in "$b" diff --name-only --diff-filter=U)" "" "conflicts"
    git_in "$b" push -q origin HEAD:main
    run_git "$a" pull -q --no-edit origin main
    expect_status 0 "git pull (fast-forward)"
    expect_all_parse "$b"
    expect_equal "$(git_in "$a" ls-files | sort)" "$(git_in "$b" ls-files | sort)" "the clones agree"
    before=$(ls "$b/sessions" | wc -l)
    expect_equal "$before" 4 "sessions of both clones"
    run -C "$b" session list
    expect_out_contains "séance A"
    expect_out_contains "séance B"
    run -C "$b" skill list
    expect_out_contains "compétence A"
    expect_out_contains "compétence B"
    run -C "$b" piste list --json
    expect_out_contains "piste A"
    expect_out_contains "piste B"
}

test_read_commands_leave_git_status_clean() {
    local origin a cmd
    origin=$(new_repo)
    a=$TMP_ROOT/clone-r
    git_in "$TMP_ROOT" clone -q "$origin" "$a"
    add_records "$a" R
    git_in "$a" add -A && git_in "$a" commit -qm "données"
    while read -r cmd; do
        [ -z "$cmd" ] && continue
        # shellcheck disable=SC2086
        "$BILAN" -C "$a" $cmd >/dev/null 2>&1
        expect_equal "$(git_in "$a" status --porcelain --ignored)" "" "git status after $cmd"
    done <<'LIST'
status
status --json
check
check --json
session list
session list --json
skill list --json
experience list --json
trait list --json
test list --json
piste list --json
project show --json
action list --json
consent list --json
render
LIST
}

test_a_killed_writers_files_stay_out_of_git() {
    local origin a
    origin=$(new_repo)
    a=$TMP_ROOT/clone-k
    git_in "$TMP_ROOT" clone -q "$origin" "$a"
    mkdir -p -m 700 "$a/sessions"
    echo 4242 >"$a/.lock"
    echo 'x' >"$a/.bilan.toml.tmp-4242"
    echo 'x' >"$a/sessions/.0badf00d.toml.tmp-4242"
    expect_equal "$(git_in "$a" status --porcelain)" "" "git status with a stale lock and temp files"
}

run_tests
