#!/usr/bin/env bash
# Every C++ file is as clang-format (the repository's .clang-format) would write it, so that a
# diff shows changes of substance only. Exits 77 (skipped) where clang-format is missing.
# Usage: bash format.sh SOURCE_DIR
set -u
cd "${1:?usage: format.sh SOURCE_DIR}" || exit 2
command -v clang-format >/dev/null || { echo "skipped: clang-format is not installed"; exit 77; }
mapfile -t files < <(find src include tests -name '*.cpp' -o -name '*.hpp' -o -name '*.c' | LC_ALL=C sort)
bad=$(clang-format --dry-run --Werror "${files[@]}" 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error:.*/\1/p' | sort -u)
if [ -n "$bad" ]; then
    echo "not formatted (clang-format -i FILE):"
    printf '  %s\n' $bad
    echo "0 passed, 1 failed"
    exit 1
fi
echo "${#files[@]} files formatted"
echo "1 passed, 0 failed"
