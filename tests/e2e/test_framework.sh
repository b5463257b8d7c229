#!/usr/bin/env bash
# A provider's own framework file, and the built-in Belgian one.
. "$(dirname "$0")/lib.sh" "$@"

FRAMEWORK=$SOURCE_DIR/examples/framework-cabinet.toml

test_a_provider_framework_is_copied_and_used() {
    local dir=$TMP_ROOT/cab
    run init "$dir" --beneficiary "Léa" --start 2026-03-02 --framework "$FRAMEWORK"
    expect_status 0
    cmp -s "$FRAMEWORK" "$dir/framework.toml" && ok || fail "framework not copied byte for byte"
    expect_equal "$(stat -c %a "$dir/framework.toml")" 600 "framework.toml mode"
    expect_file_contains "$dir/bilan.toml" 'framework = "framework.toml"'
    run -C "$dir" session add --date 2026-03-02 --phase exploration --duration 2h
    expect_status 0 "its own phase"
    run -C "$dir" session add --date 2026-03-03 --phase investigation --duration 1h
    expect_status 0 "an alias it declares"
    run -C "$dir" session add --date 2026-03-03 --phase conclusion-generale --duration 1h
    expect_status 2 "a phase it lacks"
    expect_err_contains "accueil, demande, exploration, projet, suivi"
    run -C "$dir" status --json
    expect_out_contains '"framework": "cabinet-horizons"'
    expect_out_contains '"phase": "exploration"'
    expect_out_contains '"done_minutes": 180'
    expect_out_contains '"cap_minutes": 1440'
    expect_out_contains "rendez-vous d'accompagnement : 2 pour 7"
    run -C "$dir" check
    if printf '%s\n' "$out" | grep -q "framework.toml"; then fail "check complains of the framework"; else ok; fi
}

test_a_broken_framework_is_refused_at_init() {
    printf 'name = "x"\ncap_minutes = 24.5\n[[phases]]\nkey = "A B"\n' >"$TMP_ROOT/bad.toml"
    run init "$TMP_ROOT/nope" --beneficiary "X" --framework "$TMP_ROOT/bad.toml"
    expect_status 1
    expect_err_one_line
    expect_err_contains "bad.toml:2:15"
    [ -e "$TMP_ROOT/nope" ] && fail "folder created" || ok
    printf 'name = "x"\n' >"$TMP_ROOT/empty.toml"
    run init "$TMP_ROOT/nope" --beneficiary "X" --framework "$TMP_ROOT/empty.toml"
    expect_status 1 "no phase"
    expect_err_contains "aucune phase"
}

test_a_framework_file_broken_later_is_reported_by_check() {
    local dir=$TMP_ROOT/cab2
    "$BILAN" init "$dir" --beneficiary "Léa" --framework "$FRAMEWORK" >/dev/null
    printf '\n[[phases]]\nkey = "accueil"\n' >>"$dir/framework.toml"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "framework.toml:"
    expect_out_contains "phase « accueil » définie deux fois"
}

test_the_belgian_framework() {
    local dir
    dir=$(new_bilan --framework be)
    "$BILAN" -C "$dir" session add --date 2026-03-02 --phase phase-1 --duration 3h >/dev/null
    "$BILAN" -C "$dir" session add --date 2026-03-09 --phase investigation --duration 2h --kind test >/dev/null
    run -C "$dir" status --json
    expect_out_contains '"cap_minutes": 1200'
    expect_out_contains '"floor_minutes": 720'
    expect_out_contains '"floor_counted_minutes": 180'
    expect_out_contains "rendez-vous d'accompagnement : 1 pour 6"
    "$BILAN" -C "$dir" set end 2026-08-01
    run -C "$dir" status
    expect_out_contains "plus de 4 mois"
}

# A framework that says it is French may not allow more than L6313-4's 24 hours.
test_a_french_framework_over_the_legal_cap_is_a_problem() {
    local dir=$TMP_ROOT/over-the-law
    printf 'name = "fr"\ncap_minutes = 1800\n[[phases]]\nkey = "investigation"\n' >"$TMP_ROOT/fr-30h.toml"
    "$BILAN" init "$dir" --beneficiary "Léa" --framework "$TMP_ROOT/fr-30h.toml" >/dev/null
    run -C "$dir" check
    expect_status 1
    expect_out_contains "framework.toml: plafond du cadre (30h) au-delà des 24h de l'article L6313-4"
    sed -i 's/^cap_minutes = 1800/cap_minutes = 1440/' "$dir/framework.toml"
    run -C "$dir" check
    expect_out_lacks "L6313-4"
}

run_tests
