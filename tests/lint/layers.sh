#!/usr/bin/env bash
# The include rules of ARCHITECTURE.md ("What may include what"), checked on every file:
# a layer that includes what it must not fails here, not in review.
# Usage: bash layers.sh SOURCE_DIR
set -u
cd "${1:?usage: layers.sh SOURCE_DIR}" || exit 2
failed=0
passed=0

# forbid PATTERN WHY FILES…: no file may have an #include line matching PATTERN.
forbid() {
    local pattern=$1 why=$2
    shift 2
    local hits
    hits=$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" "$@" 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "FAIL $why:"
        printf '  %s\n' "$hits"
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
}

core=$(find include/bilan src/core -name '*.[ch]pp' ! -path 'include/bilan/ops/*')
ops=$(find include/bilan/ops src/ops -name '*.[ch]pp')
store=$(find src/store -name '*.[ch]pp')
cli=$(find src/cli src/commands src/main.cpp -name '*.[ch]pp' ! -path src/cli/app.cpp)

forbid 'toml\+\+|CLI/|unistd\.h|fcntl\.h|sys/|dirent\.h|store/|cli/|commands/|bilan/ops/' \
    "the core (include/bilan, src/core) knows no TOML, CLI11, POSIX I/O or upper layer" $core
forbid 'CLI/|cli/|commands/|bilan/ops/' "the store knows nothing of the operations or the command line" $store
forbid 'toml\+\+|CLI/|unistd\.h|fcntl\.h|sys/|dirent\.h|store/|cli/|commands/|codec' \
    "operations go through store.hpp: no TOML, CLI11, POSIX I/O or store internals" $ops
forbid 'toml\+\+|CLI/|store/|codec' \
    "commands see the core and store.hpp only; CLI11 is src/cli/app.cpp's alone" $cli
forbid 'unicode/' "ICU is src/core/letters.cpp's alone (fold_letters)" \
    $(find include src -name '*.[ch]pp' ! -path src/core/letters.cpp)

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
