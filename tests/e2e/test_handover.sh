#!/usr/bin/env bash
# The synthesis as handed over is frozen (issue 24, item 6): `set handover DATE` keeps the
# document of that day in synthese-remise.md, its SHA-256 in bilan.toml; `render` prints that
# copy byte for byte (HTML made from it), `render --actuel` today's state; a copy gone or
# edited by hand is refused by render and reported by check; purge keeps it as synthese.md when
# a basis keeps the synthesis (R6313-7), and destroys it otherwise.
. "$(dirname "$0")/lib.sh" "$@"

export BILAN_ID_SEED=handover
export BILAN_TODAY=2026-07-15

# A bilan with an action still open (its id on the first line) and its folder (second line).
build_handed_over() {
    local dir id
    dir=$(new_bilan --demand "Changer de métier")
    "$BILAN" -C "$dir" set end 2026-06-30
    "$BILAN" -C "$dir" skill add "Animer un groupe" --type savoir-faire >/dev/null
    id=$("$BILAN" -C "$dir" action add "ACTION-OUVERTE" --horizon court)
    printf '%s\n' "$id" >"$dir/.action-id"
    printf '%s\n' "$dir"
}
bilan_with_action() { fixture bilan_with_action build_handed_over; }

# The same, handed over on 2026-06-30, its copy then edited by hand.
altered_copy() {
    local dir
    dir=$(bilan_with_action)
    "$BILAN" -C "$dir" set handover 2026-06-30
    printf 'Ajout à la main.\n' >>"$dir/synthese-remise.md"
    printf '%s\n' "$dir"
}

test_handover_keeps_the_copy_and_its_hash() {
    local dir hash
    dir=$(bilan_with_action)
    run -C "$dir" set handover 2026-06-30
    expect_status 0
    expect_equal "$err" "" "no note for a first copy"
    expect_equal "$(stat -c %a "$dir/synthese-remise.md")" 600 "the copy's mode"
    hash=$(sha256sum "$dir/synthese-remise.md" | cut -d' ' -f1)
    expect_file_contains "$dir/bilan.toml" "handover_sha256 = \"$hash\""
    expect_file_contains "$dir/bilan.toml" "format = 4"
    expect_file_contains "$dir/synthese-remise.md" "30 juin 2026"
    run -C "$dir" render
    expect_status 0
    expect_equal "$out" "$(<"$dir/synthese-remise.md")" "render prints the copy"
    run -C "$dir" render --actuel
    expect_equal "$out" "$(<"$dir/synthese-remise.md")" "nothing changed since: the same text"
}

test_an_action_done_later_changes_nothing_in_render() {
    local dir id before
    dir=$(bilan_with_action)
    id=$(<"$dir/.action-id")
    "$BILAN" -C "$dir" set handover 2026-06-30
    "$BILAN" -C "$dir" render -o "$TMP_ROOT/before.md"
    "$BILAN" -C "$dir" action done "$id"
    run -C "$dir" render -o "$TMP_ROOT/after.md"
    expect_status 0
    if cmp -s "$TMP_ROOT/before.md" "$TMP_ROOT/after.md"; then ok; else fail "render changed"; fi
    if cmp -s "$TMP_ROOT/after.md" "$dir/synthese-remise.md"; then ok; else fail "not the copy"; fi
    run -C "$dir" render
    expect_out_lacks "**fait**"
    run -C "$dir" render --actuel
    expect_status 0
    expect_out_contains "ACTION-OUVERTE"
    expect_out_contains "**fait**"
}

test_html_is_made_from_the_copy() {
    local dir id
    dir=$(bilan_with_action)
    id=$(<"$dir/.action-id")
    "$BILAN" -C "$dir" set handover 2026-06-30
    "$BILAN" -C "$dir" action done "$id"
    run -C "$dir" render --format html
    expect_status 0
    expect_out_contains "ACTION-OUVERTE"
    expect_out_lacks "<strong>fait</strong>"
    run -C "$dir" render --format html --actuel
    expect_out_contains "<strong>fait</strong>"
}

test_a_hand_edit_of_the_copy_is_reported_and_refused() {
    local dir snap
    dir=$(altered_copy)
    snap=$(fingerprint "$dir")
    run -C "$dir" render
    expect_status 1
    expect_out ""
    expect_err_one_line
    expect_err_contains "$dir/synthese-remise.md: modifiée depuis sa remise le 2026-06-30"
    expect_err_contains "bilan render --actuel"
    run -C "$dir" render --format html -o "$TMP_ROOT/x.html"
    expect_status 1
    if [ -e "$TMP_ROOT/x.html" ]; then fail "an HTML written"; else ok; fi
    run -C "$dir" check
    expect_status 1
    expect_out_contains "$dir/synthese-remise.md: modifiée depuis sa remise"
    run -C "$dir" render --actuel
    expect_status 0
    expect_unchanged "$dir" "$snap"
}

test_a_copy_deleted_is_reported_and_refused() {
    local dir
    dir=$(bilan_with_action)
    "$BILAN" -C "$dir" set handover 2026-06-30
    rm "$dir/synthese-remise.md"
    run -C "$dir" render
    expect_status 1
    expect_out ""
    expect_err_one_line
    expect_err_contains "$dir/synthese-remise.md: la synthèse remise le 2026-06-30 n'y est plus"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "$dir/synthese-remise.md: la synthèse remise le 2026-06-30 n'y est plus"
    if [ -e "$dir/synthese-remise.md" ]; then fail "check or render made a copy"; else ok; fi
}

test_a_copy_without_its_hash_is_reported() {
    local dir
    dir=$(bilan_with_action)
    "$BILAN" -C "$dir" render --actuel >"$dir/synthese-remise.md"
    run -C "$dir" check
    expect_status 1
    expect_out_contains "$dir/synthese-remise.md: copie de synthèse remise sans empreinte"
    run -C "$dir" render
    expect_status 1
    expect_err_one_line
}

test_setting_the_handover_again_replaces_the_copy() {
    local dir id
    dir=$(bilan_with_action)
    id=$(<"$dir/.action-id")
    "$BILAN" -C "$dir" set handover 2026-06-30
    "$BILAN" -C "$dir" action done "$id"
    run -C "$dir" set handover 2026-07-01
    expect_status 0
    expect_err_one_line
    expect_err_contains "synthese-remise.md: copie de la synthèse remise remplacée"
    expect_file_contains "$dir/synthese-remise.md" "1er juillet 2026"
    run -C "$dir" render
    expect_out_contains "**fait**"
    expect_file_contains "$dir/bilan.toml" \
        "handover_sha256 = \"$(sha256sum "$dir/synthese-remise.md" | cut -d' ' -f1)\""
}

test_removing_the_handover_removes_the_copy_and_its_hash() {
    local dir
    dir=$(bilan_with_action)
    "$BILAN" -C "$dir" set handover 2026-06-30
    run -C "$dir" set handover ""
    expect_status 0
    if [ -e "$dir/synthese-remise.md" ]; then fail "the copy stayed"; else ok; fi
    run -C "$dir" check
    expect_out_lacks "handover"
    if grep -q handover "$dir/bilan.toml"; then fail "a handover key stayed"; else ok; fi
}

test_a_refused_handover_writes_nothing() {
    local dir snap
    dir=$(bilan_with_action)
    snap=$(fingerprint "$dir")
    run -C "$dir" set handover 2026-01-01 # before the start
    expect_status 1
    expect_unchanged "$dir" "$snap"
    printf 'text = \n' >"$dir/skills/0000000f.toml" # a file at fault: no synthesis
    snap=$(fingerprint "$dir")
    run -C "$dir" set handover 2026-06-30
    expect_status 1
    expect_err_one_line
    expect_unchanged "$dir" "$snap"
}

test_render_never_writes() {
    local dir snap
    dir=$(bilan_with_action)
    "$BILAN" -C "$dir" set handover 2026-06-30
    snap=$(fingerprint "$dir")
    run -C "$dir" render
    run -C "$dir" render --actuel
    run -C "$dir" render --format html
    expect_unchanged "$dir" "$snap"
    rm "$dir/synthese-remise.md"
    snap=$(fingerprint "$dir")
    run -C "$dir" render
    expect_unchanged "$dir" "$snap"
}

test_render_o_never_replaces_the_copy() {
    local dir snap
    dir=$(bilan_with_action)
    "$BILAN" -C "$dir" set handover 2026-06-30
    snap=$(fingerprint "$dir")
    run -C "$dir" render --actuel -o "$dir/synthese-remise.md"
    expect_status 1
    expect_err_one_line
    expect_unchanged "$dir" "$snap"
}

test_purge_keeps_the_copy_as_the_synthesis_and_removes_it() {
    local dir id copy
    dir=$(bilan_with_action)
    id=$(<"$dir/.action-id")
    "$BILAN" -C "$dir" set handover 2026-06-30
    "$BILAN" -C "$dir" action done "$id" # after the handover: not in the copy
    copy=$(<"$dir/synthese-remise.md")
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-06-30 >/dev/null
    run -C "$dir" purge
    expect_status 0
    expect_equal "$(<"$dir/synthese.md")" "$copy" "synthese.md is the copy handed over"
    if [ -e "$dir/synthese-remise.md" ]; then fail "the copy stayed"; else ok; fi
    if grep -q handover_sha256 "$dir/bilan.toml"; then fail "the hash stayed"; else ok; fi
    if grep -rq ACTION-OUVERTE "$dir" --exclude=synthese.md; then fail "content left"; else ok; fi
    expect_file_contains "$dir/destruction.toml" '"synthese",'
    run -C "$dir" render
    expect_status 0
    expect_equal "$out" "$copy" "render prints the copy kept"
    run -C "$dir" check
    expect_out_lacks "synthese-remise"
}

test_purge_refuses_an_altered_copy() {
    local dir snap
    dir=$(altered_copy)
    "$BILAN" -C "$dir" retention grant --scope synthese --date 2026-06-30 >/dev/null
    snap=$(fingerprint "$dir")
    run -C "$dir" purge
    expect_status 1
    expect_err_one_line
    expect_err_contains "modifiée depuis sa remise"
    expect_unchanged "$dir" "$snap"
}

# Without a basis, the copy goes whatever it holds: nothing of it is kept.
test_purge_without_basis_destroys_even_an_altered_copy() {
    local dir
    dir=$(altered_copy)
    run -C "$dir" purge
    expect_status 0
    if [ -e "$dir/synthese-remise.md" ]; then fail "the copy stayed"; else ok; fi
    if grep -q handover_sha256 "$dir/bilan.toml"; then fail "the hash stayed"; else ok; fi
}

test_an_older_folder_gets_its_format_raised() {
    local dir before
    dir=$(bilan_with_action)
    expect_file_contains "$dir/bilan.toml" "format = 1"
    printf '# une remarque à garder\n' >>"$dir/bilan.toml"
    run -C "$dir" set handover 2026-06-30
    expect_status 0
    expect_file_contains "$dir/bilan.toml" "format = 4"
    expect_file_contains "$dir/bilan.toml" "# une remarque à garder"
    # A handover recorded by an older version, with no copy, renders as today.
    dir=$(bilan_with_action)
    sed -i 's/^format = 1$/format = 3/' "$dir/bilan.toml"
    printf 'handover = 2026-06-30\n' >>"$dir/bilan.toml"
    before=$("$BILAN" -C "$dir" render --actuel)
    run -C "$dir" render
    expect_status 0
    expect_equal "$out" "$before" "no copy: today's state"
    run -C "$dir" check
    expect_out_lacks "synthese-remise"
}

run_tests
