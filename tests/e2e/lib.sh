# Harness for end-to-end tests: each tests/e2e/test_*.sh sources this file, defines functions
# named test_*, and ends with `run_tests`. Usage: bash test_x.sh PATH/TO/bilan SOURCE_DIR
set -u
BILAN=${1:?usage: test_x.sh PATH/TO/bilan SOURCE_DIR}
SOURCE_DIR=${2:?usage: test_x.sh PATH/TO/bilan SOURCE_DIR}
case $BILAN in /*) ;; *) BILAN=$PWD/$BILAN ;; esac
case $SOURCE_DIR in /*) ;; *) SOURCE_DIR=$PWD/$SOURCE_DIR ;; esac
EXAMPLE=$SOURCE_DIR/examples/claire-martin
TMP_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/bilan-e2e.XXXXXX")
trap 'rm -rf "$TMP_ROOT"' EXIT
export BILAN_TODAY=2026-03-10 BILAN_LOCK_WAIT=5 NO_COLOR=1
unset BILAN_DIR

passed=0
failed=0
skipped=0 # tests that could not run here (a tool or a build feature missing): not passes
current=""
out="" err="" status=0

# Runs bilan; sets $out, $err and $status. Reads with $(<FILE), which bash does without a
# process: a suite runs this thousands of times, and each `cat` cost more than the check.
run() {
    "$BILAN" "$@" >"$TMP_ROOT/.out" 2>"$TMP_ROOT/.err"
    status=$?
    out=$(<"$TMP_ROOT/.out")
    err=$(<"$TMP_ROOT/.err")
}

# run_in DIR ARG…: run, from DIR (the paths a command takes as they are typed there).
run_in() { # DIR ARGS…
    local here=$PWD
    cd -- "$1" || {
        fail "cd $1"
        return
    }
    shift
    run "$@"
    cd -- "$here" || exit 1
}

# held ARG…: bilan on a day after every date of the suites. Their today is 2026-03-10 and many
# of their sessions are later; a session added so is held, as these suites mean it, where on
# their today it would be planned (and count nowhere).
held() { BILAN_TODAY=2099-12-31 "$BILAN" "$@"; }

fail() {
    failed=$((failed + 1))
    echo "FAIL [$current] $*"
    [ -n "$out" ] && echo "  stdout: $(printf '%s' "$out" | head -c 600)"
    [ -n "$err" ] && echo "  stderr: $(printf '%s' "$err" | head -c 600)"
    return 0
}
ok() { passed=$((passed + 1)); }
# skip REASON: the current test cannot run here; say why, count it apart, then `return`.
# Under CI (BILAN_CI_STAGE set by .ci/run) a skip that tests/skips.txt does not list fails.
SUITE=$(basename "$0" .sh)
SUITE=${SUITE#test_}
. "$SOURCE_DIR/tests/skip_policy.sh"
skip() {
    if [ -n "${BILAN_CI_STAGE:-}" ] && ! skip_listed "$BILAN_CI_STAGE" "e2e.$SUITE/$current"; then
        fail "skipped in the $BILAN_CI_STAGE stage, and tests/skips.txt does not list it: $*"
        return 0
    fi
    skipped=$((skipped + 1))
    echo "SKIP [$current] $*"
}

expect_status() { # expect_status N [what]
    if [ "$status" -eq "$1" ]; then ok; else fail "${2:-}: exit $status, expected $1"; fi
}
expect_out() { # exact stdout
    if [ "$out" = "$1" ]; then ok; else fail "stdout is not: $1"; fi
}
expect_out_contains() {
    case $out in *"$1"*) ok ;; *) fail "stdout lacks: $1" ;; esac
}
expect_out_lacks() {
    case $out in *"$1"*) fail "stdout has: $1" ;; *) ok ;; esac
}
# A document's text with its no-break spaces (U+00A0, U+202F: French typography) read as
# plain spaces, as a reader sees them; expect_doc_contains checks $out so read.
plain_spaces() { LC_ALL=C sed -e 's/\xc2\xa0/ /g' -e 's/\xe2\x80\xaf/ /g'; }
# The same on $out, in bash itself (the checks below run hundreds of times), into the
# caller's doc_text.
out_with_plain_spaces() {
    local doc=${out//$'\xc2\xa0'/ }
    printf -v doc_text '%s' "${doc//$'\xe2\x80\xaf'/ }"
}
expect_doc_contains() {
    local doc_text
    out_with_plain_spaces
    case $doc_text in *"$1"*) ok ;; *) fail "document lacks: $1" ;; esac
}
expect_doc_lacks() {
    local doc_text
    out_with_plain_spaces
    case $doc_text in *"$1"*) fail "document has: $1" ;; *) ok ;; esac
}
expect_err_contains() {
    case $err in *"$1"*) ok ;; *) fail "stderr lacks: $1" ;; esac
}
expect_err_lacks() {
    case $err in *"$1"*) fail "stderr has: $1" ;; *) ok ;; esac
}
expect_err_one_line() { # one clear line on stderr
    if [ -n "$err" ] && [[ $err != *$'\n'* ]]; then ok; else fail "stderr is not one line"; fi
}
expect_file_contains() { # FILE TEXT (several lines: all of them, in a row; grep -F would take any)
    local content
    { content=$(<"$1"); } 2>/dev/null || content=
    case $content in *"$2"*) ok ;; *) fail "$1 lacks: $2" ;; esac
}
expect_equal() { # ACTUAL EXPECTED [what]
    if [ "$1" = "$2" ]; then ok; else fail "${3:-value}: got '$1', expected '$2'"; fi
}

# A fingerprint of a folder: names, modes, and the files' sizes, times and contents. Equal
# fingerprints = nothing written. A folder's own time is left out: a writer that is refused
# still took the lock, whose file comes and goes in the folder, and that touches nothing of
# the record.
fingerprint() {
    (cd "$1" && find . \( -type d -printf '%p %m\n' \) -o -printf '%p %m %s %T@\n' | LC_ALL=C sort &&
        find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}
expect_unchanged() { # DIR SNAPSHOT
    if [ "$(fingerprint "$1")" = "$2" ]; then ok; else fail "$1 changed"; fi
}

# A new bilan in a fresh folder; prints its path.
# Whether the binary under test carries AddressSanitizer (gcc links its runtime as a shared
# library, clang into the executable: both name __asan_init).
sanitized_binary() { grep -qaF __asan_init "$BILAN"; }

new_bilan() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/b.XXXXXX")
    rmdir "$dir"
    "$BILAN" init "$dir" --beneficiary "Test Bénéficiaire" --start 2026-03-02 "$@" >/dev/null || {
        echo "init failed" >&2
        return 1
    }
    printf '%s\n' "$dir"
}

# fixture KEY BUILDER [ARG…]: a private copy of the folder that `BUILDER ARG…` prints, built
# once per suite and KEY (the first call keeps it as the template). A fixture that takes ten
# runs of bilan to set up then costs one `cp`, where each run took a tenth of a second under
# the sanitizers. Only for builders whose result nothing but their arguments decides (not the
# environment a test sets, not the folders around it).
fixture() {
    local template=$TMP_ROOT/fixture.${1//[^A-Za-z0-9_.-]/_} built copy
    shift
    if [ ! -d "$template" ]; then
        built=$("$@") && [ -d "$built" ] || return 1
        mv "$built" "$template"
    fi
    copy=$(mktemp -d "$TMP_ROOT/f.XXXXXX")
    cp -a "$template/." "$copy/"
    printf '%s\n' "$copy"
}

# A private copy of the shipped example.
copy_example() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/ex.XXXXXX")
    cp -a "${EXAMPLE:?}/." "$dir/"
    chmod -R go-rwx "$dir" # as git checks it out, it is open to all: `check` would say so
    printf '%s\n' "$dir"
}

run_tests() {
    local name
    for name in $(declare -F | awk '{print $3}' | grep '^test_'); do
        current=$name
        out="" err="" status=0
        "$name"
    done
    # "N passed, N failed" first: CTest's FAIL_REGULAR_EXPRESSION and CI read that prefix.
    echo "$passed passed, $failed failed, $skipped skipped"
    [ "$failed" -eq 0 ] || return 1
    # Nothing ran and something skipped: the whole suite is a skip (CTest's SKIP_RETURN_CODE).
    if [ "$passed" -eq 0 ] && [ "$skipped" -gt 0 ]; then exit 77; fi
    return 0
}
