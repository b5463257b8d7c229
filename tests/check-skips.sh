#!/usr/bin/env bash
# Fails when CTest skipped a test that tests/skips.txt does not list for this stage: a suite
# that skips reads "Not Run" among hundreds of passes, and a check lost that way is a check
# CI no longer makes. Usage: bash check-skips.sh STAGE CTEST_LOG
set -u
stage=${1:?usage: check-skips.sh STAGE CTEST_LOG}
log=${2:?usage: check-skips.sh STAGE CTEST_LOG}
. "$(dirname "$0")/skip_policy.sh"
unlisted=0
# CTest ends its report with "The following tests did not run:" and "  N - NAME (Skipped)".
while read -r name; do
    if ! skip_listed "$stage" "$name" && ! skip_listed "$stage" "$name/*"; then
        echo "check-skips: $name skipped in the $stage stage, and tests/skips.txt does not list it"
        unlisted=$((unlisted + 1))
    fi
done < <(sed -nE 's/^[[:space:]]*[0-9]+ - ([^ ]+) \((Skipped|Not Run)\)$/\1/p' "$log")
[ "$unlisted" -eq 0 ]
