#!/usr/bin/env bash
# man/bilan.1 is clean for mandoc's linter down to its style messages, and reads right once
# rendered: no quote opened inside another one (a '.Pq Ql a , Ql b' line nests them and prints
# "(‘a, ‘b’’)"). A referenced page (git, pandoc) that this machine lacks is not the page's
# fault, nor is an outdated mandoc.db. Exits 77 (skipped) where mandoc is missing.
# Usage: bash man.sh SOURCE_DIR
set -u
cd "${1:?usage: man.sh SOURCE_DIR}" || exit 2
command -v mandoc >/dev/null || { echo "skipped: mandoc is not installed"; exit 77; }
failed=0
lint=$(mandoc -Tlint -W style man/bilan.1 2>&1 | grep -v -e 'referenced manual not found' -e 'mandoc\.db')
if [ -n "$lint" ]; then
    echo "mandoc -Tlint man/bilan.1:"
    printf '%s\n' "$lint"
    failed=1
fi
# Rendered text, overstrikes removed, joined into one line so that a quote may span lines.
nested=$(mandoc -Tutf8 man/bilan.1 | sed 's/.\x08//g' | tr '\n' ' ' | grep -o "‘[^’]*‘[^’]*’" | head -5)
if [ -n "$nested" ]; then
    echo "quotes nested in the rendered page (one .Ql a line each, between .Po and .Pc):"
    printf '  %s\n' "$nested"
    failed=1
fi
if [ "$failed" = 1 ]; then
    echo "0 passed, 1 failed"
    exit 1
fi
echo "1 passed, 0 failed"
