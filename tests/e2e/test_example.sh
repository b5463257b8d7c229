#!/usr/bin/env bash
# The shipped example is exactly what its script of bilan commands writes: the same commands
# give the same bytes, and read commands leave it untouched.
. "$(dirname "$0")/lib.sh" "$@"

test_rebuilding_the_example_gives_the_same_bytes() {
    local rebuilt=$TMP_ROOT/claire
    bash "$SOURCE_DIR/examples/build-example.sh" "$BILAN" "$rebuilt" >/dev/null 2>"$TMP_ROOT/build.err"
    status=$?
    expect_status 0 "build-example.sh"
    if diff -r "$EXAMPLE" "$rebuilt" >"$TMP_ROOT/diff" 2>&1; then ok; else
        fail "examples/claire-martin differs from what build-example.sh writes: $(head -c 400 "$TMP_ROOT/diff")"
    fi
}

test_read_commands_leave_the_example_untouched() {
    local dir snapshot cmd
    dir=$(copy_example)
    snapshot=$(fingerprint "$dir")
    for cmd in "status" "status --json" "check" "session list --json" "skill list --json" \
        "experience list" "trait list" "test list" "piste list --json" "project show" \
        "action list" "consent list" "render"; do
        run -C "$dir" $cmd
        expect_status 0 "$cmd"
    done
    expect_unchanged "$dir" "$snapshot"
}

run_tests
