#!/usr/bin/env bash
# The build's side of the layering: a header included from a layer below its own stops the
# compilation with its #error (bilan/layers.hpp). One header of each guarded kind, compiled
# alone (-fsyntax-only) as each library would; that each compiles from its own layer, the
# build itself proves.
# Usage: bash layer-guards.sh SOURCE_DIR CXX [INCLUDE_DIR…]   (the extra dirs: toml++, CLI11)
set -u
source_dir=${1:?usage: layer-guards.sh SOURCE_DIR CXX [INCLUDE_DIR…]}
cxx=${2:?usage: layer-guards.sh SOURCE_DIR CXX [INCLUDE_DIR…]}
shift 2
extra=()
for dir in "$@"; do
    case $dir in /usr/include | /usr/local/include | "") ;; *) extra+=(-isystem "$dir") ;; esac
done
failed=0
passed=0

# compile LAYER HEADER: the compiler's first error on including HEADER as layer LAYER.
compile() {
    printf '#include "%s"\n' "$2" |
        "$cxx" -std=c++20 -fsyntax-only -Wfatal-errors -DBILAN_LAYER="$1" -DTOML_HEADER_ONLY=0 \
            -I"$source_dir/include" -I"$source_dir/src" "${extra[@]}" -x c++ - 2>&1
}

# expect_refused HEADER LAYER MESSAGE: including HEADER from LAYER stops at its #error MESSAGE.
expect_refused() {
    # g++ says «error: #error "MESSAGE"», clang «error: "MESSAGE"».
    if compile "$2" "$1" | grep -qE "error: (#error )?\"$3\""; then
        passed=$((passed + 1))
    else
        echo "FAIL $1 is not refused from layer $2 with \"$3\""
        failed=$((failed + 1))
    fi
}

expect_refused bilan/store.hpp 1 "the core may not include the store"
expect_refused bilan/ops/common.hpp 2 "the core and the store may not include the operations"
expect_refused store/codec.hpp 3 \
    "the store's internals are its own: the layers above use bilan/store.hpp"
expect_refused cli/app.hpp 3 "only the command line includes its headers"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
