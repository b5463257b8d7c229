#!/usr/bin/env bash
# The shipped example's synthesis, pinned byte for byte. After a deliberate change to the
# document, regenerate the golden file and review the diff:
#   build/bilan -C examples/claire-martin render >tests/golden/claire-martin.md
. "$(dirname "$0")/lib.sh" "$@"

GOLDEN=$SOURCE_DIR/tests/golden/claire-martin.md

test_the_example_synthesis_is_pinned() {
    if [ ! -f "$EXAMPLE/bilan.toml" ]; then
        fail "$EXAMPLE is missing (examples/build-example.sh build/bilan examples/claire-martin)"
        return
    fi
    "$BILAN" -C "$EXAMPLE" render >"$TMP_ROOT/synthese.md" 2>"$TMP_ROOT/synthese.err"
    status=$?
    err=$(cat "$TMP_ROOT/synthese.err")
    expect_status 0
    if cmp -s "$TMP_ROOT/synthese.md" "$GOLDEN"; then
        ok
    else
        fail "the example's synthesis differs from tests/golden/claire-martin.md"
        diff -u "$GOLDEN" "$TMP_ROOT/synthese.md" | head -40
    fi
}

test_the_example_is_complete_and_shared_only_as_consented() {
    run -C "$(copy_example)" check
    expect_status 0 "the example passes check"
    run -C "$EXAMPLE" render --for "France Travail"
    expect_status 0
    expect_equal "$(printf '%s\n' "$out" | grep '^## ')" "## Projet professionnel
## Plan d'action" "France Travail sees the project and the plan"
    expect_out_contains "L6313-4"
}

run_tests
