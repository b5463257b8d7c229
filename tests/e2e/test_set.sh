#!/usr/bin/env bash
# bilan set: one field changed in place; everything a person wrote survives.
. "$(dirname "$0")/lib.sh" "$@"

test_set_keeps_comments_and_layout() {
    local dir
    dir=$(new_bilan)
    cat >"$dir/bilan.toml" <<'TOML'
# Notes de la conseillère : ne pas effacer.
beneficiary   =   "Test Bénéficiaire"     # nom d'usage
framework = "fr"

# Dates
start = 2026-03-02    # premier rendez-vous
demand = """
Première ligne.
Seconde ligne."""  # la demande
TOML
    run -C "$dir" set start 09/03/2026
    expect_status 0
    run -C "$dir" set end 2026-05-04
    run -C "$dir" set funding "France Travail"
    run -C "$dir" set situation 'Comptable, « très » motivée \ "ok"'
    local expected
    expected=$(cat <<'TOML'
# Notes de la conseillère : ne pas effacer.
beneficiary   =   "Test Bénéficiaire"     # nom d'usage
framework = "fr"

# Dates
start = 2026-03-09    # premier rendez-vous
demand = """
Première ligne.
Seconde ligne."""  # la demande
end = 2026-05-04
funding = "france-travail"
situation = "Comptable, « très » motivée \\ \"ok\""
TOML
)
    expect_equal "$(cat "$dir/bilan.toml")" "$expected" "bilan.toml after set"
    run -C "$dir" status --json
    expect_out_contains '"start": "2026-03-09"'
}

test_set_empty_removes_an_optional_field() {
    local dir
    dir=$(new_bilan --funding cpf)
    run -C "$dir" set funding ""
    expect_status 0
    if grep -q funding "$dir/bilan.toml"; then fail "funding still there"; else ok; fi
    run -C "$dir" set beneficiary ""
    expect_status 2 "beneficiary is required"
}

test_set_refusals_write_nothing() {
    local dir snapshot
    dir=$(new_bilan)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" set colour bleu
    expect_status 2 "unknown field"
    expect_err_one_line
    run -C "$dir" set start 2026-13-01
    expect_status 2 "bad date"
    run -C "$dir" set funding loto
    expect_status 2 "bad funding"
    run -C "$dir" set end 2026-01-01
    expect_status 1 "end before start"
    run -C "$dir" set framework nowhere.toml
    expect_status 2 "unknown framework"
    expect_unchanged "$dir" "$snapshot"
}

test_set_on_a_broken_file_names_the_place() {
    local dir snapshot
    dir=$(new_bilan)
    printf 'beneficiary = "A"\nstart = 2026-03-\n' >"$dir/bilan.toml"
    snapshot=$(fingerprint "$dir")
    run -C "$dir" set end 2026-05-04
    expect_status 1
    expect_err_one_line
    expect_err_contains "bilan.toml:2:"
    expect_unchanged "$dir" "$snapshot"
}

test_set_the_same_value_leaves_the_file_alone() {
    local dir before
    dir=$(new_bilan)
    before=$(stat -c %i "$dir/bilan.toml")
    run -C "$dir" set start 2026-03-02
    expect_status 0
    expect_equal "$(stat -c %i "$dir/bilan.toml")" "$before" "file not rewritten"
}

test_a_date_computed_past_2199_is_refused_before_it_is_written() {
    local dir snapshot
    dir=$(new_bilan)
    run -C "$dir" set end 2199-12-31
    expect_status 0
    snapshot=$(fingerprint "$dir")
    # The agreement's default end is the bilan's end + 3 years: 2202-12-31, which no command
    # would read back (it was also written as 2202-12-28).
    run -C "$dir" retention grant --date 2199-12-31 --scope documents
    expect_status 1
    expect_err_one_line
    expect_err_contains "« retention_until » : le 2202-12-31 est hors des années 1900 à 2199 ; rien n'a été écrit"
    expect_equal "$(fingerprint "$dir")" "$snapshot" "nothing written"
    run -C "$dir" status
    expect_status 0
    run -C "$dir" retention grant --date 2199-12-31 --scope documents --until 2199-12-31
    expect_status 0
    run -C "$dir" status
    expect_status 0 "a date written is read back"
}

run_tests
