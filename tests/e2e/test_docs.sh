#!/usr/bin/env bash
# The documentation moves with the code: the man page names every command the binary has; the
# README's quick start names the scripts that really exist.
. "$(dirname "$0")/lib.sh" "$@"

MAN=$SOURCE_DIR/man/bilan.1
README=$SOURCE_DIR/README.md

# The subcommands CLI11 lists in a help text.
subcommands_of() {
    "$BILAN" "$@" --help | awk '/^Commandes :/{on=1; next} on && /^  [a-z]/{print $1}'
}

# Its lint (mandoc -Tlint, down to style) is tests/lint/man.sh, ctest's lint.man.

test_every_command_is_documented() {
    local cmd sub count=0
    for cmd in $(subcommands_of); do
        count=$((count + 1))
        grep -q "Cm $cmd" "$MAN" && ok || fail "man page lacks command $cmd"
        grep -q "bilan.* $cmd\b\|\`$cmd\`" "$README" && ok || fail "README lacks command $cmd"
        for sub in $(subcommands_of "$cmd"); do
            grep -q "Cm $cmd $sub" "$MAN" && ok || fail "man page lacks $cmd $sub"
        done
    done
    [ "$count" -ge 14 ] && ok || fail "only $count commands found in --help"
}

test_every_option_is_documented() {
    local cmd sub option
    for cmd in $(subcommands_of); do
        for sub in "" $(subcommands_of "$cmd"); do
            for option in $("$BILAN" $cmd $sub --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
                [ "$option" = --help ] && continue
                grep -q -- "Fl \\\\-${option#--}" "$MAN" && ok || fail "man page lacks $cmd $sub $option"
            done
        done
    done
}

test_the_quick_start_is_real() {
    grep -q '^bash .ci/demo' "$README" && ok || fail "README quick start lacks bash .ci/demo"
    grep -q '^bash .ci/run' "$README" && ok || fail "README quick start lacks bash .ci/run"
    [ -f "$SOURCE_DIR/.ci/demo" ] && [ -f "$SOURCE_DIR/.ci/run" ] && ok || fail ".ci scripts missing"
    grep -q 'ctest' "$SOURCE_DIR/.ci/run" && ok || fail ".ci/run runs no test"
}

# The page can be read before any install: the README says how, and the demo ends on it.
test_the_man_page_is_readable_from_the_source_tree() {
    grep -q 'man -l man/bilan.1' "$README" && ok || fail "README does not say man -l man/bilan.1"
    tail -n 1 "$SOURCE_DIR/.ci/demo" | grep -q '^echo .*man -l man/bilan.1' && ok ||
        fail ".ci/demo does not end by printing man -l man/bilan.1"
}

test_the_readme_is_well_formed_markdown() {
    if ! command -v cmark >/dev/null; then skip "cmark is not installed"; return; fi
    local headings
    headings=$(cmark --to xml "$README" | grep -c '<heading level="2">')
    [ "$headings" -ge 8 ] && ok || fail "README has $headings level-2 headings"
}

run_tests
