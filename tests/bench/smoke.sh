#!/usr/bin/env bash
# The benchmark's generator still works: CI never runs the benchmark, and twice a change of the
# store or of an operation left bilan_generate broken until someone did. Makes a typical folder
# and a practice of 40 bilans (some purged) the way run.sh does, then reads them with `due`
# and `report`, and `controle` (exit 1: the generated practice has its anomalies, but every
# folder must be read). Usage: bash smoke.sh BILAN GENERATE
set -eu
bilan=${1:?usage: smoke.sh BILAN GENERATE}
generate=${2:?usage: smoke.sh BILAN GENERATE}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$generate" "$dir/typical"
"$generate" "$dir/practice" --practice 40
[ -f "$dir/practice/bilan-0040/bilan.toml" ] || { echo "FAIL no bilan-0040"; exit 1; }
ls "$dir"/practice/*/destruction.toml >/dev/null 2>&1 || { echo "FAIL no purged folder"; exit 1; }
"$bilan" -C "$dir/typical" status >/dev/null
BILAN_TODAY=2026-12-01 "$bilan" due "$dir/practice" --json >/dev/null
BILAN_TODAY=2026-12-01 "$bilan" report "$dir/practice" --json >/dev/null
code=0
BILAN_TODAY=2026-12-01 "$bilan" controle "$dir/practice" --json >"$dir/controle.json" || code=$?
[ "$code" -le 1 ] && grep -q '"problems": \[\]' "$dir/controle.json" ||
    { echo "FAIL controle exit $code"; exit 1; }
echo "1 passed, 0 failed"
