#!/usr/bin/env bash
# The practice folder: practice init|set|show, how a bilan finds its practice (the nearest
# practice.toml above it, or $BILAN_PRACTICE), what init takes from it, what check says of it,
# and every way practice.toml can be wrong.
. "$(dirname "$0")/lib.sh" "$@"

# The JSON of $out on one line, without the spaces bilan puts after ":" and around members
# (no jq: a fresh Debian has none, and the tests need nothing but bash and coreutils).
compact_json() { printf '%s' "$out" | tr -d '\n' | sed -e 's/": /":/g' -e 's/,  */,/g' -e 's/{  */{/' -e 's/  *}/}/'; }
# The text of one top-level key of the JSON in $out ("name": "X" on its own line).
json_text() { printf '%s\n' "$out" | sed -n "s/^  \"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" | head -1; }
unset BILAN_PRACTICE

GOOD_SIRET=99912345600017 # passes the Luhn check; belongs to nobody
GOOD_NDA=11759999975

# A new practice folder under $TMP_ROOT with NAME; prints its path.
new_practice() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/p.XXXXXX")
    rmdir "$dir"
    "$BILAN" practice init "$dir" --name "${1:-Cabinet Test}" --siret "$GOOD_SIRET" \
        --nda "$GOOD_NDA" --qualiopi "QUA-1" --city Paris >/dev/null || {
        echo "practice init failed" >&2
        return 1
    }
    printf '%s\n' "$dir"
}

test_init_makes_a_private_folder_and_file_even_under_umask_022() {
    local dir=$TMP_ROOT/cabinet old
    old=$(umask)
    umask 022
    run practice init "$dir" --name "Cabinet Horizons" --siret "999 123 456 00017" \
        --nda "11 75 99999 75" --qualiopi "QUA-2025-0142" --address "12 rue des Lilas" \
        --city Paris --signatory "Hélène Moreau, gérante"
    umask "$old"
    expect_status 0 "practice init"
    expect_out ""
    expect_equal "$(stat -c %a "$dir")" 700 "folder mode"
    expect_equal "$(stat -c %a "$dir/practice.toml")" 600 "practice.toml mode"
    expect_file_contains "$dir/practice.toml" 'name = "Cabinet Horizons"
siret = "99912345600017"
nda = "11759999975"
qualiopi = "QUA-2025-0142"
address = "12 rue des Lilas"
city = "Paris"
signatory = "Hélène Moreau, gérante"'
    expect_equal "$(find "$dir" | wc -l)" 2 "only practice.toml (no lock, no temp file)"
}

test_init_into_an_existing_folder_keeps_its_entries() {
    local dir=$TMP_ROOT/existing
    mkdir -p "$dir/claire"
    run practice init "$dir" --name "Cabinet"
    expect_status 0
    [ -d "$dir/claire" ] && ok || fail "claire/ gone"
    expect_file_contains "$dir/practice.toml" 'name = "Cabinet"'
}

test_init_refuses_a_practice_already_there() {
    local dir snapshot
    dir=$(new_practice)
    snapshot=$(fingerprint "$dir")
    run practice init "$dir" --name "Autre"
    expect_status 1 "second init"
    expect_err_contains "practice.toml existe déjà"
    expect_err_one_line
    expect_unchanged "$dir" "$snapshot"
    # A link to nothing named practice.toml is one too.
    mkdir "$TMP_ROOT/dangling" && ln -s nowhere "$TMP_ROOT/dangling/practice.toml"
    run practice init "$TMP_ROOT/dangling" --name "Autre"
    expect_status 1 "a dangling practice.toml"
    [ -L "$TMP_ROOT/dangling/practice.toml" ] && ok || fail "the link was replaced"
}

test_a_wrong_siret_or_nda_is_a_usage_error_and_writes_nothing() {
    # Which SIRETs and NDAs are wrong is the rule's, every case a unit one
    # (tests/unit/ops/test_practice.cpp, core/test_provider_ids.cpp); here the command line's
    # part: exit 2, one line that names the SIRET, nothing made, an empty --siret is none.
    local dir=$TMP_ROOT/wrong
    run practice init "$dir" --name "Cabinet" --siret 99912345600018
    expect_status 2 "--siret with a wrong check digit"
    expect_err_contains "SIRET"
    expect_err_contains "clé de contrôle"
    expect_err_one_line
    [ -e "$dir" ] && fail "$dir made for a wrong SIRET" || ok
    run practice init "$dir" --name "Cabinet" --nda 1175999997
    expect_status 2 "--nda of 10 digits"
    expect_err_contains "11 chiffres attendus"
    [ -e "$dir" ] && fail "$dir made for a wrong NDA" || ok
    run practice init "$dir" --name "Cabinet" --siret ""
    expect_status 0 "an empty --siret is no SIRET"
}

test_la_poste_and_typed_groups_are_accepted() {
    run practice init "$TMP_ROOT/poste" --name "La Poste" --siret "356 000 000 49837" \
        --nda "11.75.99999.75"
    expect_status 0
    expect_file_contains "$TMP_ROOT/poste/practice.toml" 'siret = "35600000049837"
nda = "11759999975"'
}

test_init_usage_errors() {
    run practice init "$TMP_ROOT/noname"
    expect_status 2 "no --name"
    run practice init "$TMP_ROOT/noname" --name ""
    expect_status 2 "empty --name"
    run practice init "$TMP_ROOT/noname" --name "$(printf 'A\nB')"
    expect_status 2 "a name on two lines"
    run practice init "$TMP_ROOT/noname" --name "$(printf 'A\xe2\x80\xaeB')"
    expect_status 2 "a bidi override"
    [ -e "$TMP_ROOT/noname" ] && fail "folder made on a usage error" || ok
    run practice init "" --name X
    expect_status 2 "empty DIR"
    : >"$TMP_ROOT/afile"
    run practice init "$TMP_ROOT/afile" --name X
    expect_status 3 "DIR is a file"
    run practice init "$TMP_ROOT/missing/parent" --name X
    expect_status 3 "DIR's parent is missing"
    [ -e "$TMP_ROOT/missing" ] && fail "parent made" || ok
}

test_show_text_and_json() {
    local dir
    dir=$(new_practice "Cabinet Montré")
    mkdir "$dir/claire"
    run -C "$dir/claire" practice show
    expect_status 0
    expect_out_contains "Cabinet Montré"
    expect_out_contains "999 123 456 00017"
    expect_out_contains "11 75 99999 75"
    expect_out_contains "Fichier         $dir/practice.toml"
    run -C "$dir/claire" practice show --json
    expect_status 0
    expect_equal "$(compact_json)" \
        "{\"schema\":1,\"name\":\"Cabinet Montré\",\"siret\":\"$GOOD_SIRET\",\"nda\":\"$GOOD_NDA\",\"qualiopi\":\"QUA-1\",\"address\":null,\"city\":\"Paris\",\"signatory\":null}" \
        "practice show --json"
}

test_show_names_the_file_as_the_user_would() {
    local dir
    dir=$(new_practice)
    mkdir -p "$dir/a/b"
    (cd "$dir/a/b" && "$BILAN" practice show) >"$TMP_ROOT/show.out"
    expect_file_contains "$TMP_ROOT/show.out" "../../practice.toml"
    run -C "$dir/a" practice show
    expect_out_contains "$dir/practice.toml"
}

test_without_a_practice_set_and_show_exit_1() {
    local dir snapshot
    dir=$(mktemp -d "$TMP_ROOT/alone.XXXXXX")
    snapshot=$(fingerprint "$dir")
    run -C "$dir" practice show
    expect_status 1 "show"
    expect_err_contains "aucun cabinet"
    expect_err_one_line
    run -C "$dir" practice set city Lyon
    expect_status 1 "set"
    expect_err_one_line
    expect_unchanged "$dir" "$snapshot"
}

test_set_splices_the_value_and_keeps_comments() {
    local dir
    dir=$(new_practice)
    [ -n "$dir" ] || { fail "no practice"; return; } # never "/practice.toml"
    cat >"$dir/practice.toml" <<'EOF'
# Notre cabinet — à jour au 1er mars
name = "Cabinet Test"   # raison sociale exacte
siret = "999 123 456 00017"

# ville des attestations
city = "Paris"
EOF
    chmod 600 "$dir/practice.toml"
    mkdir "$dir/claire"
    run -C "$dir/claire" practice set city "Nantes"
    expect_status 0 "set city"
    expect_out ""
    run -C "$dir/claire" practice set Signatory "Anne Dupont, gérante"
    expect_status 0 "set Signatory (any case)"
    expect_equal "$(cat "$dir/practice.toml")" '# Notre cabinet — à jour au 1er mars
name = "Cabinet Test"   # raison sociale exacte
siret = "999 123 456 00017"

# ville des attestations
city = "Nantes"
signatory = "Anne Dupont, gérante"' "practice.toml after two sets"
    expect_equal "$(stat -c %a "$dir/practice.toml")" 600 "mode kept"
    run -C "$dir" practice set nda "11 75 99999 75"
    expect_status 0
    expect_file_contains "$dir/practice.toml" 'nda = "11759999975"'
    run -C "$dir" practice set city ""
    expect_status 0 "an empty value removes a field"
    if grep -q '^city' "$dir/practice.toml"; then fail "city still there"; else ok; fi
    [ ! -e "$dir/.lock" ] && ok || fail ".lock left behind"
}

test_concurrent_sets_lose_no_field() {
    local dir field pids=()
    dir=$(new_practice)
    for field in qualiopi address city signatory; do
        "$BILAN" -C "$dir" practice set "$field" "valeur de $field" 2>>"$TMP_ROOT/conc.err" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || fail "a set failed: $(cat "$TMP_ROOT/conc.err")"; done
    for field in qualiopi address city signatory; do
        expect_file_contains "$dir/practice.toml" "$field = \"valeur de $field\""
    done
}

test_set_refuses_what_init_refuses_and_writes_nothing() {
    local dir snapshot
    dir=$(new_practice)
    snapshot=$(fingerprint "$dir")
    run -C "$dir" practice set siret 99912345600018
    expect_status 2 "bad SIRET"
    expect_err_contains "clé de contrôle"
    run -C "$dir" practice set nda 12
    expect_status 2 "bad NDA"
    run -C "$dir" practice set name ""
    expect_status 2 "empty name"
    run -C "$dir" practice set raison "X"
    expect_status 2 "unknown field"
    expect_err_contains "name, siret, nda, bce, qualiopi, address, city, signatory"
    run -C "$dir" practice set sirte 99912345600017
    expect_status 2 "a misspelt field"
    expect_err_contains "champ inconnu « sirte » : vouliez-vous dire « siret » ?"
    run -C "$dir" practice set city "$(printf 'Pa\nris')"
    expect_status 2 "two lines"
    expect_unchanged "$dir" "$snapshot"
}

test_set_corrects_a_broken_file_and_says_what_is_left() {
    local dir
    dir=$(new_practice)
    printf 'name = "C"\nsiret = "123"\nvile = "Paris"\n' >"$dir/practice.toml"
    run -C "$dir" practice set siret "$GOOD_SIRET"
    expect_status 0 "set siret in a file whose siret is wrong"
    expect_file_contains "$dir/practice.toml" "siret = \"$GOOD_SIRET\""
    expect_err_contains "practice.toml:3:1: clé inconnue « vile »"
    printf 'name = [\n' >"$dir/practice.toml"
    run -C "$dir" practice set city Paris
    expect_status 1 "a file that does not parse"
    expect_err_contains "practice.toml:"
    expect_equal "$(cat "$dir/practice.toml")" "name = [" "file kept"
}

test_set_refuses_a_linked_or_read_only_practice_toml() {
    local dir target snapshot
    dir=$(mktemp -d "$TMP_ROOT/linked.XXXXXX")
    target=$(new_practice)
    ln -s "$target/practice.toml" "$dir/practice.toml"
    snapshot=$(fingerprint "$target")
    run -C "$dir" practice show
    expect_status 0 "show follows the link"
    expect_out_contains "Cabinet Test"
    run -C "$dir" practice set city Lyon
    expect_status 1 "set through a link"
    expect_err_contains "lien symbolique"
    expect_unchanged "$target" "$snapshot"
    [ -L "$dir/practice.toml" ] && ok || fail "link replaced"
    chmod 400 "$target/practice.toml"
    run -C "$target" practice set city Lyon
    expect_status 1 "read-only"
    expect_err_contains "lecture seule"
}

test_bilan_practice_names_the_practice() {
    local near far bilan
    near=$(new_practice "Le plus proche")
    far=$(new_practice "Celui de BILAN_PRACTICE")
    mkdir "$near/claire"
    BILAN_PRACTICE=$far run -C "$near/claire" practice show --json
    expect_status 0
    expect_equal "$(json_text name)" "Celui de BILAN_PRACTICE"
    BILAN_PRACTICE= run -C "$near/claire" practice show --json
    expect_equal "$(json_text name)" "Le plus proche" "empty BILAN_PRACTICE"
    BILAN_PRACTICE=$far run -C "$near/claire" practice set city Lille
    expect_status 0
    expect_file_contains "$far/practice.toml" 'city = "Lille"'
    expect_file_contains "$near/practice.toml" 'city = "Paris"'
    BILAN_PRACTICE=$far run init "$near/paul" --beneficiary "Paul"
    expect_status 0
    expect_file_contains "$near/paul/bilan.toml" 'organisation = "Celui de BILAN_PRACTICE"'
}

test_bilan_practice_without_practice_toml_is_refused() {
    local empty=$TMP_ROOT/not-a-practice bilan
    mkdir -p "$empty"
    BILAN_PRACTICE=$empty run practice show
    expect_status 1 "show"
    expect_err_contains "BILAN_PRACTICE"
    expect_err_one_line
    BILAN_PRACTICE=$TMP_ROOT/nowhere run practice show
    expect_status 1 "a folder that does not exist"
    expect_err_contains "n'existe pas"
    BILAN_PRACTICE=$TMP_ROOT/afile-bp run practice show
    expect_status 1 "a file"
    : >"$TMP_ROOT/afile-bp"
    BILAN_PRACTICE=$TMP_ROOT/afile-bp run practice show
    expect_status 1 "a file"
    expect_err_contains "n'est pas un dossier"
    BILAN_PRACTICE=$empty run init "$TMP_ROOT/bp-claire" --beneficiary "Claire"
    expect_status 1 "init"
    [ -e "$TMP_ROOT/bp-claire" ] && fail "bilan made" || ok
    bilan=$(new_bilan)
    BILAN_PRACTICE=$empty run -C "$bilan" check
    expect_status 1 "check"
    expect_out_contains "BILAN_PRACTICE"
}

test_the_nearest_practice_wins() {
    local top
    top=$(new_practice "Siège")
    "$BILAN" practice init "$top/antenne" --name "Antenne" >/dev/null
    mkdir -p "$top/antenne/equipe/claire" "$top/paul"
    run -C "$top/antenne/equipe/claire" practice show --json
    expect_equal "$(json_text name)" "Antenne" "two levels below the antenne"
    run -C "$top/paul" practice show --json
    expect_equal "$(json_text name)" "Siège"
    run -C "$top" practice show --json
    expect_equal "$(json_text name)" "Siège" "the practice folder itself"
}

test_init_inside_a_practice_takes_its_name() {
    local dir
    dir=$(new_practice "Cabinet Horizons")
    mkdir -p "$dir/2026"
    run init "$dir/2026/claire" --beneficiary "Claire Martin"
    expect_status 0
    expect_file_contains "$dir/2026/claire/bilan.toml" 'organisation = "Cabinet Horizons"'
    run init "$dir/paul" --beneficiary "Paul" --organisation "Autre SARL"
    expect_status 0
    expect_file_contains "$dir/paul/bilan.toml" 'organisation = "Autre SARL"'
    run init "$dir/lea" --beneficiary "Léa" --organisation ""
    expect_status 0
    if grep -q organisation "$dir/lea/bilan.toml"; then fail "--organisation \"\" ignored"; else ok; fi
    # A git repository of its own inside the practice changes nothing.
    if command -v git >/dev/null; then
        mkdir "$dir/zoe" && git -C "$dir/zoe" init -q
        run init "$dir/zoe" --beneficiary "Zoé"
        expect_file_contains "$dir/zoe/bilan.toml" 'organisation = "Cabinet Horizons"'
    fi
    # Outside any practice: no organisation.
    run init "$TMP_ROOT/outside" --beneficiary "Hors cabinet"
    if grep -q organisation "$TMP_ROOT/outside/bilan.toml"; then fail "organisation from nowhere"; else ok; fi
}

test_a_broken_practice_stops_init_and_show_and_check_lists_it() {
    local dir bilan
    dir=$(new_practice)
    bilan=$dir/claire
    "$BILAN" init "$bilan" --beneficiary "Claire" >/dev/null
    printf 'name = "C"\nsiret = "99912345600018"\nnda = "12"\nsignatroy = "X"\n' >"$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "show"
    expect_err_contains "practice.toml:2:9: SIRET"
    expect_err_one_line
    run init "$dir/paul" --beneficiary "Paul"
    expect_status 1 "init under a broken practice"
    [ -e "$dir/paul" ] && fail "bilan made" || ok
    run -C "$bilan" check
    expect_status 1 "check"
    expect_out_contains "practice.toml:2:9: SIRET"
    expect_out_contains "practice.toml:3:7: NDA"
    expect_out_contains "practice.toml:4:1: clé inconnue « signatroy »"
    run -C "$bilan" check --json
    expect_out_contains '"line": 4'
    # The bilan's own commands that do not need the practice are not stopped by it.
    run -C "$bilan" status
    expect_status 0 "status"
}

test_every_shape_of_a_bad_practice_toml() {
    local dir bilan
    dir=$(mktemp -d "$TMP_ROOT/shapes.XXXXXX")
    bilan=$dir/claire
    "$BILAN" init "$bilan" --beneficiary "Claire" >/dev/null
    mkdir "$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "a folder"
    expect_err_contains "est un dossier"
    run -C "$bilan" check
    expect_out_contains "est un dossier"
    rmdir "$dir/practice.toml"
    ln -s "$dir/nowhere" "$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "a link to nothing"
    expect_err_contains "lien symbolique vers rien"
    rm "$dir/practice.toml"
    mkfifo "$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "a FIFO (never waited on)"
    expect_err_contains "n'est pas un fichier ordinaire"
    rm "$dir/practice.toml"
    ln -s practice.toml "$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "a link to itself"
    rm "$dir/practice.toml"
    { printf 'name = "C"\n#'; head -c 1100000 /dev/zero | tr '\0' x; echo; } >"$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "too large"
    expect_err_contains "refusé sans être lu"
    printf 'name = "Caf\xe9"\n' >"$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "not UTF-8"
    expect_err_contains "practice.toml:"
    { printf 'name = "C"\n'; printf 'a.%.0s' $(seq 100000); echo 'b = 1'; } >"$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "a key nested 100 000 deep (toml++ would overflow its stack)"
    expect_err_contains "practice.toml:2:"
    printf 'name = "C"\ncity = 75\n' >"$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "a number for a text"
    expect_err_contains "practice.toml:2:8"
    printf 'city = "Paris"\n' >"$dir/practice.toml"
    run -C "$bilan" practice show
    expect_status 1 "no name"
    expect_err_contains "« name » manquante"
    printf 'name = "C"\n' >"$dir/practice.toml"
    chmod 000 "$dir/practice.toml"
    if [ "$(id -u)" -ne 0 ]; then
        run -C "$bilan" practice show
        expect_status 3 "unreadable"
        run -C "$bilan" check
        expect_status 1 "check lists an unreadable practice.toml"
        expect_out_contains "illisible"
    fi
    chmod 600 "$dir/practice.toml"
}

# A practice.toml of another user found above (one planted in /tmp) is refused; root's is not.
test_a_practice_toml_of_another_user_is_refused() {
    if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
        skip "needs root and setpriv to act as two users"
        return
    fi
    local shared
    shared=$(mktemp -d "${TMPDIR:-/tmp}/bilan-shared.XXXXXX")
    chmod 1777 "$shared"
    mkdir -p "$shared/mine" && chown 65534:65534 "$shared/mine"
    printf 'name = "Cabinet planté"\n' >"$shared/practice.toml"
    chown 54321 "$shared/practice.toml" && chmod 644 "$shared/practice.toml"
    as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$BILAN" "$@"; }
    as_nobody -C "$shared/mine" practice show >"$TMP_ROOT/own.out" 2>"$TMP_ROOT/own.err"
    status=$?
    err=$(cat "$TMP_ROOT/own.err")
    expect_status 1 "another user's practice.toml"
    expect_err_contains "appartient à un autre utilisateur"
    as_nobody init "$shared/mine/claire" --beneficiary "Claire" 2>"$TMP_ROOT/own.err"
    status=$?
    expect_status 1 "init under another user's practice.toml"
    [ -e "$shared/mine/claire" ] && fail "bilan made" || ok
    # The user's own file, or root's, is theirs to use.
    chown 65534 "$shared/practice.toml"
    as_nobody -C "$shared/mine" practice show >/dev/null 2>&1
    status=$?
    expect_status 0 "one's own practice.toml"
    chown 0 "$shared/practice.toml"
    as_nobody -C "$shared/mine" practice show >/dev/null 2>&1
    status=$?
    expect_status 0 "root's practice.toml"
    rm -rf "$shared"
}

# Root is held to the same rule ("neither you nor root"): a practice.toml another user planted
# in a folder anybody writes to lends root's certificates no identity (issue 22, item 16).
test_root_refuses_a_practice_toml_of_another_user() {
    if [ "$(id -u)" -ne 0 ]; then
        skip "needs root"
        return
    fi
    local shared
    shared=$(mktemp -d "${TMPDIR:-/tmp}/bilan-shared.XXXXXX")
    chown 65534:65534 "$shared" && chmod 0777 "$shared"
    mkdir -m 700 "$shared/mine"
    printf 'name = "Cabinet planté"\n' >"$shared/practice.toml"
    chown 65534:65534 "$shared/practice.toml" && chmod 644 "$shared/practice.toml"
    run -C "$shared/mine" practice show
    expect_status 1 "root reading another user's practice.toml"
    expect_err_contains "$shared/practice.toml appartient à un autre utilisateur (uid 65534)"
    expect_err_one_line
    expect_out_lacks "Cabinet planté"
    run init "$shared/mine/claire" --beneficiary "Claire"
    expect_status 1 "root's init under another user's practice.toml"
    [ -e "$shared/mine/claire" ] && fail "bilan made" || ok
    # Root's own file is trusted, and BILAN_PRACTICE names one on purpose.
    chown 0:0 "$shared/practice.toml"
    run -C "$shared/mine" practice show
    expect_status 0 "root's own practice.toml"
    chown 65534:65534 "$shared/practice.toml"
    BILAN_PRACTICE=$shared run -C "$shared/mine" practice show
    expect_status 0 "a practice.toml named by BILAN_PRACTICE"
    rm -rf "$shared"
}

test_check_warns_a_public_funding_without_qualiopi() {
    local dir
    dir=$(mktemp -d "$TMP_ROOT/q.XXXXXX")
    "$BILAN" practice init "$dir" --name "Sans Qualiopi" >/dev/null
    "$BILAN" init "$dir/cpf" --beneficiary "A" --funding cpf >/dev/null
    "$BILAN" init "$dir/perso" --beneficiary "B" --funding personnel >/dev/null
    run -C "$dir/cpf" check
    expect_err_contains "attention : $dir/practice.toml : pas de certification Qualiopi"
    expect_err_contains "L6316-1"
    expect_out_lacks "Qualiopi" # a warning, not a problem: the practice may hold it unsaid
    run -C "$dir/perso" check
    case $err in *Qualiopi*) fail "warned for a personal funding" ;; *) ok ;; esac
    "$BILAN" -C "$dir" practice set qualiopi "QUA-9" >/dev/null
    run -C "$dir/cpf" check
    case $err in *Qualiopi*) fail "still warned" ;; *) ok ;; esac
    # The example's own bilan is CPF, in a practice with Qualiopi: nothing to say.
    mkdir "$dir/exemple" && cp -a "${EXAMPLE:?}/." "$dir/exemple/"
    chmod -R go-rwx "$dir/exemple"
    run -C "$dir/exemple" check
    expect_status 0 "the example inside a practice with Qualiopi"
    expect_equal "$err" "" "stderr"
}

test_a_practice_in_the_bilan_folder_itself() {
    local bilan
    bilan=$(new_bilan)
    run practice init "$bilan" --name "Indépendante"
    expect_status 0
    run -C "$bilan" practice show
    expect_out_contains "Indépendante"
    run -C "$bilan" check
    expect_out_lacks "practice.toml"
}

test_read_commands_write_nothing() {
    local dir snapshot
    dir=$(new_practice)
    "$BILAN" init "$dir/claire" --beneficiary "Claire" >/dev/null
    snapshot=$(fingerprint "$dir")
    run -C "$dir/claire" practice show
    run -C "$dir/claire" practice show --json
    run -C "$dir/claire" check
    expect_unchanged "$dir" "$snapshot"
}

test_the_synthesis_shows_no_provider_identity() {
    local dir
    dir=$(new_practice "Cabinet Identité")
    mkdir "$dir/x"
    cp -a "${EXAMPLE:?}/." "$dir/x/"
    run -C "$dir/x" render
    expect_status 0
    expect_out_lacks "$GOOD_SIRET"
    expect_out_lacks "$GOOD_NDA"
    expect_out_lacks "Cabinet Identité"
    if cmp -s <(printf '%s\n' "$out") "$SOURCE_DIR/tests/golden/claire-martin.md"; then ok; else
        fail "the example's synthesis changed inside a practice"
    fi
}

test_the_example_lives_in_its_practice() {
    local snapshot
    snapshot=$(fingerprint "$SOURCE_DIR/examples")
    run -C "$EXAMPLE" practice show --json
    expect_status 0 "practice show of the example"
    expect_equal "$(json_text name)" "Cabinet Horizons Mosaïque"
    expect_equal "$(json_text siret)" "$GOOD_SIRET"
    run -C "$EXAMPLE" practice show
    expect_out_contains "examples/practice.toml"
    expect_unchanged "$SOURCE_DIR/examples" "$snapshot"
}

run_tests
