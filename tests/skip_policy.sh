# skip_listed STAGE NAME: whether tests/skips.txt accepts NAME skipped in STAGE (sourced by
# check-skips.sh and by tests/e2e/lib.sh).
SKIP_POLICY_FILE=${SKIP_POLICY_FILE:-$(dirname "${BASH_SOURCE[0]}")/skips.txt}
skip_listed() {
    local stage=$1 name=$2 listed_stage listed_name reason
    while read -r listed_stage listed_name reason; do
        case $listed_stage in '' | '#'*) continue ;; esac
        [ "$listed_stage" = "*" ] || [ "$listed_stage" = "$stage" ] || continue
        # shellcheck disable=SC2053 # the listed name is a pattern on purpose
        [[ $name == $listed_name ]] && return 0
    done <"$SKIP_POLICY_FILE"
    return 1
}
