#!/usr/bin/env bash
# The include rules of ARCHITECTURE.md ("What may include what") that the build cannot see:
# the build stops a lower layer that includes a store, operations or command-line header
# (their BILAN_LAYER check, bilan/layers.hpp) or calls into a higher library; this checks
# that every such header keeps its check, and the includes of third-party and system headers,
# which no library boundary stops (they are on every include path).
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

core=$(find include/bilan src/core -name '*.[ch]pp' ! -path 'include/bilan/ops/*' ! -path 'include/bilan/store*')
ops=$(find include/bilan/ops src/ops -name '*.[ch]pp')
store=$(find src/store include/bilan/store include/bilan/store.hpp -name '*.[ch]pp')
cli=$(find src/cli src/commands src/main.cpp -name '*.[ch]pp' ! -path src/cli/app.cpp)

forbid 'toml\+\+|CLI/|unistd\.h|fcntl\.h|sys/|dirent\.h|store/|bilan/store|cli/|commands/|bilan/ops/' \
    "the core (include/bilan, src/core) knows no TOML, CLI11, POSIX I/O or upper layer" $core
forbid 'CLI/|cli/|commands/|bilan/ops/' "the store knows nothing of the operations or the command line" $store
forbid 'toml\+\+|CLI/|unistd\.h|fcntl\.h|sys/|dirent\.h|store/|cli/|commands/|codec' \
    "operations go through store.hpp: no TOML, CLI11, POSIX I/O or store internals" $ops
forbid 'toml\+\+|CLI/|store/|codec' \
    "commands see the core and store.hpp only; CLI11 is src/cli/app.cpp's alone" $cli
forbid 'unicode/' "ICU is src/core/letters.cpp's alone (fold_letters)" \
    $(find include src -name '*.[ch]pp' ! -path src/core/letters.cpp)

# require_check CONDITION FILES…: each header must include bilan/layers.hpp and stop, with
# #error, a compilation where CONDITION holds.
require_check() {
    local condition=$1
    shift
    local file
    for file in "$@"; do
        if grep -q '^#include "bilan/layers.hpp"$' "$file" &&
            grep -A1 -xF "#if $condition" "$file" | grep -q '^#error '; then
            passed=$((passed + 1))
        else
            echo "FAIL $file: no layer check '#if $condition' + #error (bilan/layers.hpp)"
            failed=$((failed + 1))
        fi
    done
}
require_check 'BILAN_LAYER < BILAN_LAYER_STORE' \
    $(find include/bilan -name 'store*.hpp' -o -path 'include/bilan/store/*.hpp')
require_check 'BILAN_LAYER < BILAN_LAYER_OPS' $(find include/bilan/ops -name '*.hpp')
require_check 'BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE' \
    $(find src/store -name '*.hpp')
require_check 'BILAN_LAYER < BILAN_LAYER_CLI' $(find src/cli -name '*.hpp')

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
