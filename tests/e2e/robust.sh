# Helpers shared by the robustness suites (test_concurrency, test_crash, test_faults, test_git,
# test_hostile, test_privacy). Sourced after lib.sh; not a test itself (no test_ prefix).

# Names, types, modes, sizes and contents; not times (taking the lock touches the folder's
# mtime, and that is not a change of the bilan).
content_fingerprint() {
    (cd "$1" && find . -printf '%p %y %m %s\n' | LC_ALL=C sort &&
        find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}
expect_same_content() { # DIR SNAPSHOT [what]
    if [ "$(content_fingerprint "$1")" = "$2" ]; then ok; else fail "${3:-$1}: content changed"; fi
}

# No lock nor temp file left anywhere under DIR (a killed init's temp folder included).
litter_in() { find "$1" \( -name .lock -o -name '.*.tmp-*' \) -print; }
# The same for a bilan folder and its record folders, without starting a process.
shallow_litter_in() {
    local f
    for f in "$1"/.lock "$1"/.*.tmp-* "$1"/*/.lock "$1"/*/.*.tmp-*; do
        [ -e "$f" ] && printf '%s ' "$f"
    done
}
expect_no_litter() { # DIR [what]
    local left
    left=$(litter_in "$1")
    if [ -z "$left" ]; then ok; else fail "${2:-$1}: left behind: $(echo $left)"; fi
}

# Every record file parses and validates: each list command loads its whole
# collection strictly (exit 1 at the first bad file), status loads them all, and check finds
# no file at fault (it may still find the synthesis incomplete).
expect_all_parse() { # DIR [what]
    local kind bad=""
    for kind in session skill experience trait test piste action consent; do
        "$BILAN" -C "$1" "$kind" list >/dev/null 2>"$TMP_ROOT/.parse" ||
            bad="$bad $kind list: $(head -c 300 "$TMP_ROOT/.parse");"
    done
    "$BILAN" -C "$1" status >/dev/null 2>"$TMP_ROOT/.parse" || bad="$bad status: $(head -c 300 "$TMP_ROOT/.parse");"
    if "$BILAN" -C "$1" check 2>&1 | grep -E 'TOML invalide|manquante|doit être|clé inconnue|n.est pas un fichier' >"$TMP_ROOT/.parse"; then
        bad="$bad check: $(head -c 300 "$TMP_ROOT/.parse")"
    fi
    if [ -z "$bad" ]; then ok; else fail "${2:-$1}: files do not parse:$bad"; fi
}

# LD_PRELOAD value for the fault shim, with the ASan runtime first when the binary has one
# (ASan refuses to start otherwise; its interceptors then call into the shim). Fails when the
# shim was not built, or when the binary is static (BILAN_STATIC, the default outside the
# sanitizer builds): nothing can be preloaded into it, and the asan build runs those tests.
FAULTS_LIB=$(dirname "$BILAN")/libbilan_faults.so
fault_preload() {
    [ -f "$FAULTS_LIB" ] || return 1
    ldd "$BILAN" >/dev/null 2>&1 || return 1
    local asan
    asan=$(ldd "$BILAN" 2>/dev/null | awk '/libasan/ {print $3; exit}')
    printf '%s\n' "${asan:+$asan:}$FAULTS_LIB"
}

# A random number of milliseconds in [0, $1), as a sleep(1) argument.
random_ms() { printf '0.%03d\n' $((RANDOM % $1)); }
